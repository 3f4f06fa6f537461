"""The API's URL patterns: every resource module registers its endpoints on the one NinjaAPI."""

from __future__ import annotations

from functools import wraps
from importlib import import_module

from django.http import JsonResponse
from django.urls import URLResolver

from newsarchive.api.base import api
from newsarchive.roles import Role, role_required

# Each resource module registers its endpoints on import, in the order of the OpenAPI document.
for _resource in ("articles", "quotes", "persons"):
    import_module(f"newsarchive.api.{_resource}")


def _json_errors(view):
    """Mark API views as handling their own authentication, and answer 405 in JSON too."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code == 405 and not response.get("Content-Type", "").startswith(
            "application/json"
        ):
            allowed = response.get("Allow", "")
            response = JsonResponse({"message": f"Method not allowed; use {allowed}."}, status=405)
            response["Allow"] = allowed
        return response

    wrapped.login_required = False  # LoginRequiredMiddleware would redirect; the API answers 401
    return wrapped


def api_urls():
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            continue
        if pattern.name == "openapi-view":
            # The docs page is a page: the login redirect, and any role may read it.
            pattern.callback = role_required(Role.VIEWER)(pattern.callback)
        else:
            pattern.callback = _json_errors(pattern.callback)
    return patterns, app_name, namespace

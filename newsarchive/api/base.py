"""The JSON API (django-ninja): the same filters and name matching as the pages.

Session (browser, CSRF-checked on writes) or bearer token (`manage.py api_token USER`)
authentication; the roles of the pages apply (viewer reads, analyst uploads). Every error
is JSON with a `message`. The OpenAPI document is at /api/openapi.json, interactive docs
at /api/docs.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig, TooManyFilesSent
from django.http import Http404, JsonResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import django_auth

from annotations.search import views as search_views
from newsarchive.api.auth import TokenAuth
from newsarchive.roles import Role, has_role

PAGE_SIZE = 50


class ArchiveAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation) -> str:
        # The ids of the time the API was one module, newsarchive.api: generated clients keep them.
        return f"newsarchive_api_{operation.view_func.__name__}"


api = ArchiveAPI(
    title="newsarchive",
    version="1",
    description="Articles, quotes and persons of the news archive.",
    # A bearer token first: a request that proves itself with a token is not subject to the
    # CSRF check (no browser attaches a token on its own), and django_auth's check would
    # refuse it before the token is looked at. Without a valid token, the session is tried
    # and its writes stay CSRF-checked.
    auth=[TokenAuth(), django_auth],
    urls_namespace="api",
    # Swagger UI from django-ninja's own static files (ninja is in INSTALLED_APPS: no CDN),
    # loaded without inline scripts; for logged-in users (see api_urls).
    docs_url="/docs",
)


def _error(request, message: str, status: int, **extra) -> JsonResponse:
    return JsonResponse({"message": message, **extra}, status=status)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc):
    return _error(request, "Authentication required: log in or send 'Authorization: Bearer <token>'.", 401)


@api.exception_handler(PermissionDenied)
def _forbidden(request, exc):
    return _error(request, str(exc) or "Your role does not allow this.", 403)


@api.exception_handler(Http404)
def _not_found(request, exc):
    return _error(request, str(exc) or "Not found.", 404)


@api.exception_handler(ValidationError)
def _invalid(request, exc):
    return _error(request, "Invalid request.", 422, errors=exc.errors)


@api.exception_handler(RequestDataTooBig)
def _too_big(request, exc):
    limit = settings.UPLOAD_MAX_REQUEST_BYTES
    return _error(request, f"The upload is too large: at most {limit:,} bytes per request.", 413, limit=limit)


@api.exception_handler(TooManyFilesSent)
def _too_many_files(request, exc):
    return _error(request, f"Too many files: at most {settings.UPLOAD_MAX_FILES} per request.", 413)


@api.exception_handler(HttpError)
def _http_error(request, exc):
    return _error(request, str(exc), exc.status_code)


def _require(request, role: Role) -> None:
    if not has_role(request.user, role):
        raise PermissionDenied(f"This needs the {role.value} role.")


def _page(request, queryset):
    return search_views._page(request, queryset, per_page=PAGE_SIZE)


def _filtered(request, filterset_class, queryset):
    filterset = filterset_class(request.GET, queryset=queryset)
    if not filterset.is_valid():
        raise HttpError(
            400, "Invalid filter: " + "; ".join(f"{k}: {' '.join(v)}" for k, v in filterset.errors.items())
        )
    return filterset

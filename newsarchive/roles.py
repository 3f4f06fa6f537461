"""The three roles, as Django groups, and the checks every view uses.

viewer: browse, search, export. analyst: also upload, correct, review.
admin: also sources and accounts. A superuser counts as admin.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from functools import wraps

from django.core.exceptions import PermissionDenied


class Role(StrEnum):
    VIEWER = "viewer"
    ANALYST = "analyst"
    ADMIN = "admin"


_RANK = {Role.VIEWER: 1, Role.ANALYST: 2, Role.ADMIN: 3}


def user_role(user) -> Role | None:
    """The highest role the user holds, or None for anonymous users and users without a role."""
    if not user.is_authenticated or not user.is_active:
        return None
    if user.is_superuser:
        return Role.ADMIN
    cached = getattr(user, "_newsarchive_role", False)
    if cached is not False:
        return cached
    names = set(user.groups.values_list("name", flat=True))
    role = max((r for r in Role if r.value in names), key=_RANK.__getitem__, default=None)
    user._newsarchive_role = role
    return role


def has_role(user, minimum: Role) -> bool:
    role = user_role(user)
    return role is not None and _RANK[role] >= _RANK[minimum]


def role_required(minimum: Role) -> Callable:
    """View decorator: 403 unless the logged-in user holds `minimum` or a higher role.

    Anonymous users never get here: LoginRequiredMiddleware sends them to the login page.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not has_role(request.user, minimum):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator

"""Accounts in the app: admins invite users, change their role, deactivate them.

An invitation is a user with an unusable password and a role, and a link built with
Django's password-reset token machinery: the invitee sets their own password, and the
link dies with the first use (the token hashes the password) or after
PASSWORD_RESET_TIMEOUT.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    """The address login attempts are counted against (django-axes' AXES_CLIENT_IP_CALLABLE).

    Behind a proxy (BEHIND_PROXY) the last X-Forwarded-For entry is the one our proxy
    appended; earlier entries are whatever the client claimed and are not trusted.
    """
    if settings.SECURE_PROXY_SSL_HEADER:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
        if forwarded:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR")

"""API authentication: signed bearer tokens that die with the user's password."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.core import signing
from django.http import HttpRequest
from django.utils import timezone
from django.utils.crypto import salted_hmac
from ninja.security import HttpBearer

from newsarchive.models import ApiToken

TOKEN_SALT = "newsarchive.api.token"
TOKEN_MAX_AGE = 365 * 24 * 3600


def _password_fingerprint(user) -> str:
    # Tokens die with the password: changing it (or disabling the account) revokes them.
    return salted_hmac(TOKEN_SALT, user.password).hexdigest()[:20]


def api_token_issue(user, *, name: str = "command line") -> str:
    """A signed bearer token for `user`, valid a year, until revoked or until the password changes.

    Each token has its ApiToken row (what the user sees and revokes on /accounts/tokens/);
    the token names the row and is never stored.
    """
    record = ApiToken.objects.create(user=user, name=name.strip()[:100] or "unnamed")
    return signing.dumps({"u": user.pk, "p": _password_fingerprint(user), "t": record.pk}, salt=TOKEN_SALT)


# last_used_at is written at most this often per token: not one UPDATE per API call.
TOKEN_USE_RESOLUTION = dt.timedelta(minutes=5)


def api_token_user(token: str):
    try:
        data = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:
        return None
    user = get_user_model().objects.filter(pk=data.get("u"), is_active=True).first()
    if user is None or data.get("p") != _password_fingerprint(user):
        return None
    record = ApiToken.objects.active().filter(pk=data.get("t"), user=user).only("last_used_at").first()
    if record is None:
        return None  # revoked, or made before tokens had rows
    now = timezone.now()
    if record.last_used_at is None or now - record.last_used_at > TOKEN_USE_RESOLUTION:
        ApiToken.objects.filter(pk=record.pk).update(last_used_at=now)
    return user


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str):
        user = api_token_user(token)
        if user is not None:
            request.user = user
        return user

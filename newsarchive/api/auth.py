"""API authentication: signed bearer tokens that die with the user's password."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core import signing
from django.http import HttpRequest
from django.utils.crypto import salted_hmac
from ninja.security import HttpBearer

TOKEN_SALT = "newsarchive.api.token"
TOKEN_MAX_AGE = 365 * 24 * 3600


def _password_fingerprint(user) -> str:
    # Tokens die with the password: changing it (or disabling the account) revokes them.
    return salted_hmac(TOKEN_SALT, user.password).hexdigest()[:20]


def api_token_issue(user) -> str:
    """A signed bearer token for `user`, valid a year or until the password changes."""
    return signing.dumps({"u": user.pk, "p": _password_fingerprint(user)}, salt=TOKEN_SALT)


def api_token_user(token: str):
    try:
        data = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:
        return None
    user = get_user_model().objects.filter(pk=data.get("u"), is_active=True).first()
    if user is None or data.get("p") != _password_fingerprint(user):
        return None
    return user


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str):
        user = api_token_user(token)
        if user is not None:
            request.user = user
        return user

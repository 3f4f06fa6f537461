"""/api/docs serves Swagger UI from our own static files; users make and revoke their own API tokens."""

from __future__ import annotations

import re

import pytest
from django.contrib.staticfiles import finders
from django.core import signing
from django.urls import reverse

from newsarchive.api.auth import TOKEN_SALT, _password_fingerprint
from newsarchive.models import ApiToken

TOKEN_VALUE = re.compile(r'id="new-token-value" value="([^"]+)"')


def _bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def test_api_docs_page_is_local_and_needs_a_login(client, client_as, viewer, stranger):
    response = client.get("/api/docs")
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert client_as(stranger).get("/api/docs").status_code == 403
    response = client_as(viewer).get("/api/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html and "/static/ninja/swagger-ui-init.js" in html
    assert "cdn" not in html.lower() and "http://" not in html and "https://" not in html
    # Scripts only from files (the settings block is JSON data, which CSP does not run).
    scripts = re.findall(r"<script([^>]*)>", html)
    assert all("src=" in attrs or 'type="application/json"' in attrs for attrs in scripts), scripts
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert finders.find("ninja/swagger-ui-bundle.js") and finders.find("ninja/swagger-ui.css")


def test_make_use_and_revoke_a_token(client, client_as, viewer):
    page = client_as(viewer).post(reverse("token_list"), {"name": "export script"})
    assert page.status_code == 200 and page["Cache-Control"] == "no-store"
    token = TOKEN_VALUE.search(page.content.decode()).group(1)
    record = ApiToken.objects.get(user=viewer)
    assert record.name == "export script" and record.last_used_at is None

    client.logout()
    assert client.get("/api/articles/", headers=_bearer(token)).status_code == 200
    record.refresh_from_db()
    assert record.last_used_at is not None
    # Shown once: the list does not show it again.
    assert token not in client_as(viewer).get(reverse("token_list")).content.decode()

    response = client_as(viewer).post(reverse("token_revoke", args=[record.pk]), follow=True)
    assert "revoked" in response.content.decode()
    client.logout()
    assert client.get("/api/articles/", headers=_bearer(token)).status_code == 401


def test_a_token_without_its_row_is_refused(client, viewer):
    legacy = signing.dumps({"u": viewer.pk, "p": _password_fingerprint(viewer)}, salt=TOKEN_SALT)
    assert client.get("/api/articles/", headers=_bearer(legacy)).status_code == 401


def test_nobody_revokes_another_users_token(client_as, viewer, analyst):
    client_as(viewer).post(reverse("token_list"), {"name": "mine"})
    record = ApiToken.objects.get()
    assert client_as(analyst).post(reverse("token_revoke", args=[record.pk])).status_code == 404
    assert ApiToken.objects.get().revoked_at is None
    assert "mine" not in client_as(analyst).get(reverse("token_list")).content.decode()


def test_token_name_is_required(client_as, viewer):
    response = client_as(viewer).post(reverse("token_list"), {"name": ""})
    assert response.status_code == 400 and not ApiToken.objects.exists()


@pytest.mark.parametrize(
    ("name", "method"), [("token_list", "get"), ("token_list", "post"), ("token_revoke", "post")]
)
def test_token_permission_matrix(client, client_as, viewer, stranger, name, method):
    client_as(viewer).post(reverse("token_list"), {"name": "x"})
    args = [ApiToken.objects.get().pk] if name == "token_revoke" else []
    url = reverse(name, args=args)
    client.logout()
    response = getattr(client, method)(url)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert getattr(client_as(stranger), method)(url).status_code == 403
    assert client_as(viewer).put(url).status_code == 405
    if name == "token_revoke":
        assert client_as(viewer).post(reverse(name, args=[999999])).status_code == 404

"""Hostile requests answer a clear 4xx, never a 500: NUL bytes in addresses, oversized API uploads."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from newsarchive.api.auth import api_token_issue


@pytest.mark.parametrize(
    "url",
    [
        "/countries/%00/",
        "/search/persons/?q=a%00b",
        "/quotes/?q=%00",
        "/articles/?q=x%00",
        "/api/persons/?q=a%00b",
    ],
)
def test_nul_byte_in_an_address_is_a_400(client_as, viewer, countries, url):
    response = client_as(viewer).get(url)
    assert response.status_code == 400
    assert "NUL" in response.content.decode()


def test_nul_byte_for_anonymous_is_a_400_too(client, db):
    assert client.get("/search/persons/?q=a%00b").status_code == 400


def test_api_upload_over_the_size_limit_is_413_json(client, analyst, settings):
    settings.UPLOAD_MAX_REQUEST_BYTES = 50_000
    token = api_token_issue(analyst)
    upload = SimpleUploadedFile("big.txt", b"Titel\n\n" + b"Ein Satz mit Text. " * 5000)
    response = client.post(
        "/api/articles/", {"files": [upload]}, headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 413
    assert "50,000 bytes" in response.json()["message"]

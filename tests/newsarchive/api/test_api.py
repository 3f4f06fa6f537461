"""The JSON API: auth (session, token), roles, filters and name matching, upload, errors, OpenAPI."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from newsarchive.api.auth import api_token_issue

ENDPOINTS = [
    ("get", "/api/articles/"),
    ("get", "/api/articles/{article}/"),
    ("get", "/api/quotes/?person=Peskov"),
    ("get", "/api/persons/?q=Peskov"),
    ("post", "/api/articles/"),
]


def _url(template, archive):
    return template.format(article=archive.de.pk)


@pytest.mark.parametrize(("method", "url"), ENDPOINTS)
def test_anonymous_gets_401_json(client, archive, method, url):
    response = getattr(client, method)(_url(url, archive))
    assert response.status_code == 401
    assert "message" in response.json()


@pytest.mark.parametrize(("method", "url"), ENDPOINTS)
def test_user_without_role_gets_403(client_as, stranger, archive, method, url):
    response = getattr(client_as(stranger), method)(_url(url, archive))
    assert response.status_code == 403
    assert response.json()["message"]


@pytest.mark.parametrize(("method", "url"), ENDPOINTS[:4])
def test_viewer_reads(client_as, viewer, archive, method, url):
    assert client_as(viewer).get(_url(url, archive)).status_code == 200


def test_viewer_may_not_upload(client_as, viewer, archive):
    assert client_as(viewer).post("/api/articles/", {"text": "x"}).status_code == 403


@pytest.mark.parametrize(("method", "url"), [("delete", "/api/articles/"), ("post", "/api/quotes/")])
def test_wrong_method_is_405_json(client_as, viewer, archive, method, url):
    response = getattr(client_as(viewer), method)(url)
    assert response.status_code == 405
    assert "message" in response.json()


def test_unknown_article_and_bad_page_are_404_json(client_as, viewer, archive):
    client = client_as(viewer)
    assert client.get("/api/articles/999999/").json()["message"]
    assert client.get("/api/articles/999999/").status_code == 404
    assert client.get("/api/articles/?page=50").status_code == 404


def test_token_authentication(client, viewer, archive):
    token = api_token_issue(viewer)
    response = client.get("/api/persons/?q=Песков", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    assert {p["name"] for p in response.json()} == {"Dmitri Peskow", "Peskov"}
    assert client.get("/api/persons/?q=x", headers={"Authorization": "Bearer nonsense"}).status_code == 401


def test_token_dies_with_the_password(client, viewer, archive):
    token = api_token_issue(viewer)
    viewer.set_password("another-long-password-7")
    viewer.save()
    assert client.get("/api/articles/", headers={"Authorization": f"Bearer {token}"}).status_code == 401


def test_quotes_use_the_same_name_matching_and_filters(client_as, viewer, archive):
    data = client_as(viewer).get("/api/quotes/", {"person": "D. Peskow", "language": "de"}).json()
    assert [q["id"] for q in data["results"]] == [archive.q_de.pk]
    assert {p["id"] for p in data["persons"]} == {archive.peskow.pk, archive.peskov_short.pk}
    assert data["results"][0]["url"] == f"/articles/{archive.de.pk}/#quote-{archive.q_de.pk}"


def test_article_list_filters_and_detail(client_as, viewer, archive):
    client = client_as(viewer)
    data = client.get("/api/articles/", {"q": "sanction", "country": "RU"}).json()
    assert [a["id"] for a in data["results"]] == [archive.en.pk]
    detail = client.get(data["results"][0]["api_url"]).json()
    assert detail["status"] == "done"
    assert {m["country"] for m in detail["mentions"]} == {"RU", "KP", "FR"}
    assert len(detail["quotes"]) == 1  # the rejected quote is not shown


def test_bad_filter_is_400_json(client_as, viewer, archive):
    response = client_as(viewer).get("/api/articles/", {"language": "xx"})
    assert response.status_code == 400
    assert "language" in response.json()["message"]


def test_upload_returns_202_with_article_and_status_url(
    client_as, analyst, db, django_capture_on_commit_callbacks
):
    text = "Kremlin talks\n\nDmitri Peskow said the talks would go on. " * 3
    upload = SimpleUploadedFile("note.txt", text.encode(), content_type="text/plain")
    with django_capture_on_commit_callbacks(execute=False):
        response = client_as(analyst).post("/api/articles/", {"files": [upload]})
    assert response.status_code == 202, response.content
    data = response.json()
    assert data["article_id"] and data["status_url"] == f"/api/articles/{data['article_id']}/"
    assert client_as(analyst).get(data["status_url"]).json()["status"] in ("queued", "processing", "done")


def test_upload_without_content_is_400(client_as, analyst, db):
    response = client_as(analyst).post("/api/articles/", {})
    assert response.status_code == 400
    assert response.json()["message"]


def test_openapi_document_lists_every_endpoint(client):
    schema = client.get("/api/openapi.json").json()
    assert {"/api/articles/", "/api/articles/{article_id}/", "/api/quotes/", "/api/persons/"} <= set(
        schema["paths"]
    )
    assert "post" in schema["paths"]["/api/articles/"]


def test_token_upload_is_not_csrf_checked(analyst, db, django_capture_on_commit_callbacks):
    from django.test import Client

    token = api_token_issue(analyst)
    upload = SimpleUploadedFile("note.txt", ("Talks\n\nDmitri Peskow said so. " * 3).encode())
    with django_capture_on_commit_callbacks(execute=False):
        response = Client(enforce_csrf_checks=True).post(
            "/api/articles/", {"files": [upload]}, headers={"Authorization": f"Bearer {token}"}
        )
    assert response.status_code == 202, response.content


def test_session_upload_is_still_csrf_checked(analyst, db):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(analyst)
    response = client.post("/api/articles/", {"text": "Dmitri Peskow said the talks would go on."})
    assert response.status_code == 403
    assert "CSRF" in response.json()["message"]
    # A bogus token does not open a way around the check either.
    response = client.post(
        "/api/articles/", {"text": "Peskow said so."}, headers={"Authorization": "Bearer forged"}
    )
    assert response.status_code == 403

"""Every view's permission matrix: anonymous, no role, viewer, analyst, admin; method; unknown id."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from articles.models import Article, Upload

READ = "read"
WRITE = "write"


@pytest.fixture
def article(db):
    article = Article(
        title="T", body="Body text.", content_hash="b" * 64, status="failed", failure_reason="x"
    )
    article.original_file.save("o.txt", ContentFile(b"T\n\nBody text."), save=False)
    article.save()
    return article


@pytest.fixture
def upload(db, analyst):
    return Upload.objects.create(uploaded_by=analyst)


# (url name, kwargs factory, allowed method, kind); ids are filled in per test.
VIEWS = [
    ("home", None, "get", READ),
    ("home_live", None, "get", READ),
    ("article_list", None, "get", READ),
    ("article_detail", "article", "get", READ),
    ("article_status", "article", "get", READ),
    ("article_original", "article", "get", READ),
    ("upload", None, "get", WRITE),
    ("upload_report", "upload", "get", WRITE),
    ("upload_report_live", "upload", "get", WRITE),
    ("article_retry", "article", "post", WRITE),
    ("article_review", "article", "post", WRITE),
]


def _url(name, kind, request):
    if kind is None:
        return reverse(name)
    obj = request.getfixturevalue(kind)
    key = "article_id" if kind == "article" else "upload_id"
    return reverse(name, kwargs={key: obj.pk})


@pytest.mark.parametrize(("name", "kind", "method", "access"), VIEWS)
def test_anonymous_is_sent_to_login(client, request, name, kind, method, access):
    response = getattr(client, method)(_url(name, kind, request))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(("name", "kind", "method", "access"), VIEWS)
def test_user_without_role_is_forbidden(client_as, stranger, request, name, kind, method, access):
    response = getattr(client_as(stranger), method)(_url(name, kind, request))
    assert response.status_code == 403


@pytest.mark.parametrize(("name", "kind", "method", "access"), VIEWS)
def test_viewer_reads_but_does_not_write(client_as, viewer, request, name, kind, method, access):
    response = getattr(client_as(viewer), method)(_url(name, kind, request))
    assert response.status_code == (200 if access == READ else 403)


@pytest.mark.parametrize("user_fixture", ["analyst", "admin_user"])
@pytest.mark.parametrize(("name", "kind", "method", "access"), VIEWS)
def test_analyst_and_admin_are_allowed(client_as, request, user_fixture, name, kind, method, access):
    user = request.getfixturevalue(user_fixture)
    response = getattr(client_as(user), method)(_url(name, kind, request))
    assert response.status_code in (200, 302)


@pytest.mark.parametrize(("name", "kind", "method", "access"), VIEWS)
def test_wrong_method_is_405(client_as, analyst, request, name, kind, method, access):
    wrong = "put" if method == "post" else "delete"
    response = getattr(client_as(analyst), wrong)(_url(name, kind, request))
    assert response.status_code == 405


@pytest.mark.parametrize(("name", "kind", "method", "access"), [v for v in VIEWS if v[1]])
def test_unknown_id_is_404(client_as, analyst, name, kind, method, access):
    key = "article_id" if kind == "article" else "upload_id"
    response = getattr(client_as(analyst), method)(reverse(name, kwargs={key: 999999}))
    assert response.status_code == 404


def test_bad_page_number_is_404(client_as, viewer):
    assert client_as(viewer).get(reverse("article_list"), {"page": "x"}).status_code == 404
    assert client_as(viewer).get(reverse("article_list"), {"page": "999"}).status_code == 404


def test_article_text_is_escaped(client_as, viewer, db):
    article = Article.objects.create(
        title="<script>alert(1)</script>",
        body='"><img src=x onerror=alert(2)> {{ 7|add:1 }}',
        content_hash="c" * 64,
    )
    html = client_as(viewer).get(reverse("article_detail", args=[article.pk])).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "{{ 7|add:1 }}" in html

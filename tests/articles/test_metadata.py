"""Analysts correct an article's details; the history records it and undo restores it."""

import datetime as dt

import pytest
from django.urls import reverse

from annotations.models import Correction
from annotations.services import correction_undo
from articles.models import Article, Source


@pytest.fixture
def article(db):
    return Article.objects.create(
        title="Alt",
        body="Text.",
        content_hash="m" * 64,
        source_hint="Euractiv",
        published=dt.date(2024, 1, 17),
        published_inferred=True,
        language="de",
    )


def _url(article):
    return reverse("article_metadata", args=[article.pk])


def test_analyst_corrects_details_and_can_undo(client_as, analyst, article):
    source = Source.objects.create(name="Euractiv")
    response = client_as(analyst).post(
        _url(article),
        {"title": "Neu", "source": source.pk, "language": "de", "published": "2024-01-18", "url": ""},
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.source, article.published) == ("Neu", source, dt.date(2024, 1, 18))
    assert article.published_inferred is False and article.source_hint == ""
    correction = Correction.objects.get(article=article)
    assert correction.action == "metadata" and correction.user == analyst
    assert "title" in correction.summary and "published" in correction.summary

    correction_undo(user=analyst, correction=correction)
    article.refresh_from_db()
    assert article.title == "Alt" and article.source is None and article.published == dt.date(2024, 1, 17)
    assert article.published_inferred is True


def test_bad_values_change_nothing(client_as, analyst, article):
    response = client_as(analyst).post(_url(article), {"title": "", "language": "xx", "published": "17.1."})
    assert response.status_code == 400
    article.refresh_from_db()
    assert article.title == "Alt"
    assert not Correction.objects.exists()


def test_permissions(client, client_as, viewer, stranger, analyst, article):
    assert client.get(_url(article)).status_code == 302
    assert client_as(stranger).get(_url(article)).status_code == 403
    assert client_as(viewer).post(_url(article), {"title": "X"}).status_code == 403
    assert client_as(analyst).get(_url(article)).status_code == 200
    assert client_as(analyst).delete(_url(article)).status_code == 405
    assert client_as(analyst).get(reverse("article_metadata", args=[999999])).status_code == 404


def _seen(html: str) -> str:
    import re

    return re.search(r'name="seen" value="([^"]+)"', html).group(1)


def test_two_analysts_saving_stale_forms_get_a_409_not_a_silent_revert(
    client_as, analyst, django_user_model, article
):
    from tests.conftest import _make_user

    other = client_as(_make_user(django_user_model, "otto-analyst", "analyst"))
    mine = client_as(analyst)
    # Both open the form; the other analyst saves a new title first.
    seen_mine = _seen(mine.get(_url(article)).content.decode())
    seen_other = _seen(other.get(_url(article)).content.decode())
    form = {"title": "Titel von Otto", "language": "de", "published": "2024-01-17", "url": ""}
    assert other.post(_url(article), {**form, "seen": seen_other}).status_code == 302
    # My stale form (old title, a new URL) would silently put "Alt" back.
    response = mine.post(
        _url(article), {**form, "title": "Alt", "url": "https://example.org/a", "seen": seen_mine}
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Someone else saved changes meanwhile" in html
    assert "title: “Alt” → “Titel von Otto”" in html
    article.refresh_from_db()
    assert article.title == "Titel von Otto" and article.url == ""
    # The form now carries the current values: saving again is a deliberate choice, and works.
    response = mine.post(_url(article), {**form, "title": "Alt", "seen": _seen(html)})
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Alt"


def test_a_forged_seen_value_is_a_form_error(client_as, analyst, article):
    response = client_as(analyst).post(
        _url(article), {"title": "Neu", "language": "de", "published": "", "url": "", "seen": "forged"}
    )
    assert response.status_code == 400
    article.refresh_from_db()
    assert article.title == "Alt"

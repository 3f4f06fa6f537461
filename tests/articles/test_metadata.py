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

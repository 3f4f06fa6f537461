"""Every hostile file through the real upload view and an in-process extraction: no 500, no silent loss."""

import random

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article, UploadItem
from newsarchive.ops.hostile import hostile_files

HOSTILE = list(hostile_files(random.Random(5)))


@pytest.fixture
def eager_celery():
    from newsarchive.celery import app

    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = False


@pytest.mark.parametrize(("name", "data"), HOSTILE, ids=[name for name, _ in HOSTILE])
def test_hostile_file_is_rejected_with_a_reason_or_stored_and_extracted(
    client_as, analyst, django_capture_on_commit_callbacks, eager_celery, name, data
):
    client = client_as(analyst)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("upload"), {"files": [SimpleUploadedFile(name, data)]})
    assert response.status_code == 302
    report = client.get(response.url)
    assert report.status_code == 200
    items = list(UploadItem.objects.all())
    assert items, "the file got no report line"
    for item in items:
        assert item.outcome in ("stored", "rejected", "duplicate")
        if item.outcome == "rejected":
            assert item.reason
    for article in Article.objects.all():
        assert article.status in (Article.Status.DONE, Article.Status.FAILED)
        if article.status == Article.Status.FAILED:
            assert article.failure_reason
        page = client.get(reverse("article_detail", args=[article.pk]))
        assert page.status_code == 200
        assert b"<script>alert(1)</script>" not in page.content

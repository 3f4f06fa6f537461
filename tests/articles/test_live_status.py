"""Pages that update themselves: the upload report and the home page poll while extraction runs."""

from __future__ import annotations

import pytest
from django.urls import reverse

from articles.models import Article, Upload, UploadItem

POLL = 'hx-trigger="every 2s"'


@pytest.fixture
def queued_upload(analyst):
    article = Article.objects.create(title="Queued one", body="Text.", content_hash="q" * 64)
    upload = Upload.objects.create(uploaded_by=analyst)
    UploadItem.objects.create(upload=upload, name="a.txt", outcome="stored", article=article)
    UploadItem.objects.create(upload=upload, name="bad.exe", outcome="rejected", reason="Not a text file.")
    return upload, article


def _finish(article: Article) -> None:
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DONE)


def test_upload_report_polls_until_every_article_is_final(client_as, analyst, queued_upload):
    upload, article = queued_upload
    client = client_as(analyst)
    page = client.get(reverse("upload_report", args=[upload.pk])).content.decode()
    assert POLL in page and reverse("upload_report_live", args=[upload.pk]) in page
    assert "Queued" in page

    Article.objects.filter(pk=article.pk).update(status=Article.Status.PROCESSING)
    live = client.get(reverse("upload_report_live", args=[upload.pk])).content.decode()
    assert POLL in live and "Processing" in live and "<html" not in live

    _finish(article)
    final = client.get(reverse("upload_report_live", args=[upload.pk])).content.decode()
    assert "Done" in final and POLL not in final and "hx-get" not in final
    assert POLL not in client.get(reverse("upload_report", args=[upload.pk])).content.decode()


def test_upload_report_of_rejections_only_does_not_poll(client_as, analyst):
    upload = Upload.objects.create(uploaded_by=analyst)
    UploadItem.objects.create(upload=upload, name="bad.exe", outcome="rejected", reason="Not a text file.")
    assert POLL not in client_as(analyst).get(reverse("upload_report", args=[upload.pk])).content.decode()


def test_home_polls_while_articles_are_in_progress(client_as, viewer, queued_upload):
    _, article = queued_upload
    client = client_as(viewer)
    page = client.get(reverse("home")).content.decode()
    assert POLL in page and reverse("home_live") in page

    _finish(article)
    live = client.get(reverse("home_live")).content.decode()
    assert POLL not in live and "Done" in live and "<html" not in live
    assert POLL not in client.get(reverse("home")).content.decode()


def test_live_partials_keep_their_query_count(client_as, analyst, django_assert_max_num_queries):
    upload = Upload.objects.create(uploaded_by=analyst)
    for n in range(30):
        article = Article.objects.create(title=f"A{n}", body="Text.", content_hash=f"{n:064d}")
        UploadItem.objects.create(upload=upload, name=f"{n}.txt", outcome="stored", article=article)
    client = client_as(analyst)
    client.get(reverse("home_live"))  # session and roles cached
    with django_assert_max_num_queries(8):
        assert client.get(reverse("home_live")).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(reverse("upload_report_live", args=[upload.pk])).status_code == 200

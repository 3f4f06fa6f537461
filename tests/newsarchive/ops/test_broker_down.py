"""Broker down at upload: the article is stored and queued, and reaches done once the broker is back."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse

from annotations.models import Quote
from articles.models import Article, Upload
from articles.services import articles_requeue_stale
from newsarchive.ops.processes import start_worker, stop_process, use_broker, wait_for

TEXT = (
    "Kreml zu Gesprächen bereit\n\n"
    "„Wir sind zu Gesprächen ohne Vorbedingungen bereit“, sagte Kremlsprecher Dmitri Peskow am Montag.\n"
)


@pytest.mark.integration
def test_upload_while_broker_is_down_is_not_lost(transactional_db, private_redis, client_as, analyst):
    use_broker(private_redis.url)  # nothing listens there yet
    client = client_as(analyst)
    response = client.post(reverse("upload"), {"text": TEXT}, follow=True)
    assert response.status_code == 200
    assert "extraction will follow" in response.content.decode()
    article = Article.objects.get()
    assert article.status == Article.Status.QUEUED
    assert Upload.objects.get().broker_unavailable

    private_redis.start()
    worker = start_worker(private_redis.url)
    try:
        # What beat's periodic sweep does once the article has waited long enough.
        assert articles_requeue_stale(older_than=timedelta(0)) == [article.pk]
        assert wait_for(lambda: Article.objects.get(pk=article.pk).status == Article.Status.DONE, 120)
    finally:
        stop_process(worker)
    assert Quote.objects.filter(article=article).count() >= 1

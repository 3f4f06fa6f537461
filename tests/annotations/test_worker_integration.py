"""A real Celery worker process, a real Redis broker and the test database."""

from __future__ import annotations

import pytest
from django.urls import reverse

from annotations.models import Quote
from articles.models import Article
from newsarchive.ops.processes import start_worker, stop_process, use_broker, wait_for

TEXT = (
    "Moskau bestätigt Gespräche\n\n"
    "„Die Gespräche waren sehr konstruktiv und offen“, sagte Kremlsprecher Dmitri Peskow am Dienstag.\n"
)


@pytest.mark.integration
def test_real_worker_extracts_uploaded_article(transactional_db, private_redis, client_as, analyst):
    private_redis.start()
    use_broker(private_redis.url)
    worker = start_worker(private_redis.url, name="integration")
    try:
        response = client_as(analyst).post(reverse("upload"), {"text": TEXT})
        assert response.status_code == 302
        article = Article.objects.get()
        finished = wait_for(
            lambda: Article.objects.get(pk=article.pk).status in (Article.Status.DONE, Article.Status.FAILED),
            120,
        )
        assert finished and worker.poll() is None
    finally:
        stop_process(worker)
    article.refresh_from_db()
    assert article.status == Article.Status.DONE, article.failure_reason
    assert Quote.objects.filter(article=article, text__startswith="Die Gespräche waren").exists()

from __future__ import annotations

from datetime import timedelta

from celery import shared_task
from django.conf import settings

from articles.services import articles_requeue_stale as requeue_stale


@shared_task
def articles_requeue_stale() -> int:
    """Periodic sweep: articles whose task was lost (broker or worker down) are enqueued again."""
    ids = requeue_stale(older_than=timedelta(seconds=settings.EXTRACTION_STALE_SECONDS))
    return len(ids)

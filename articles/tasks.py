from __future__ import annotations

from datetime import timedelta

from celery import shared_task
from django.conf import settings

from articles.services import articles_requeue_stale as requeue_stale
from articles.services import upload_intake_run, uploads_requeue_stale


@shared_task
def articles_requeue_stale() -> int:
    """Periodic sweep: articles whose task was lost (broker or worker down) are enqueued again,
    and so are large uploads nobody has read yet."""
    ids = requeue_stale(older_than=timedelta(seconds=settings.EXTRACTION_STALE_SECONDS))
    uploads_requeue_stale(older_than=timedelta(seconds=settings.EXTRACTION_STALE_SECONDS))
    return len(ids)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def upload_intake(upload_id: int) -> int:
    """Read a large upload's staged files (see `upload_submit`); a redelivery reads what is left."""
    return upload_intake_run(upload_id=upload_id)

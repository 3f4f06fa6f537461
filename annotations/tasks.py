"""Extraction in the background: idempotent, retried only on transient faults."""

from __future__ import annotations

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.db import InterfaceError, OperationalError

from annotations.extractors import adopted_extractors
from annotations.nlp import PIPELINE_VERSION, detect_language, extract
from annotations.services import extraction_apply, extraction_claim, extraction_fail, known_persons

logger = logging.getLogger(__name__)

# Database connection faults: the same work will succeed once the database is back.
TRANSIENT_ERRORS = (OperationalError, InterfaceError)
MAX_RETRIES = 8


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=MAX_RETRIES)
def article_extract(self, article_id: int) -> str:
    """Run the pipeline on one article and store its annotations (a no-op if already done)."""
    task_id = self.request.id or f"local-{article_id}"
    try:
        article = extraction_claim(article_id=article_id, task_id=task_id)
        if article is None:
            return "nothing to do"
        persons = known_persons()
    except TRANSIENT_ERRORS as exc:
        raise self.retry(exc=exc, countdown=_backoff(self.request.retries)) from exc

    try:
        language = article.language or detect_language(article.body)
        extractor_id, model = adopted_extractors().get(language or "", (None, None))
        result = extract(article.body, language, known_persons=persons, model=model)
    except SoftTimeLimitExceeded:
        _fail(article_id, task_id, "Extraction took longer than the time limit; the text may be too long.")
        return "failed"
    except Exception as exc:
        logger.exception("extraction of article %s failed", article_id)
        _fail(article_id, task_id, f"Extraction failed: {type(exc).__name__}: {exc}")
        return "failed"

    try:
        run = extraction_apply(
            article_id=article_id, task_id=task_id, result=result, extractor_id=extractor_id
        )
    except TRANSIENT_ERRORS as exc:
        if self.request.retries >= MAX_RETRIES:
            _fail(article_id, task_id, f"The database was unreachable: {exc}")
            return "failed"
        raise self.retry(exc=exc, countdown=_backoff(self.request.retries)) from exc
    return "done" if run else "claim lost"


def _fail(article_id: int, task_id: str, reason: str) -> None:
    extraction_fail(article_id=article_id, task_id=task_id, reason=reason, version=PIPELINE_VERSION)


def _backoff(retries: int) -> int:
    return min(2**retries, 60)

"""Extraction in the background: idempotent, retried only on transient faults."""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterator

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import InterfaceError, OperationalError, connection

from annotations.learning.extractors import adopted_extractors
from annotations.nlp import PIPELINE_VERSION, extract
from annotations.services import (
    extraction_apply,
    extraction_claim,
    extraction_fail,
    extraction_heartbeat,
    known_persons,
)
from articles.ingest.language import detect_language

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
        with _heartbeat(article_id, task_id):
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


@contextlib.contextmanager
def _heartbeat(article_id: int, task_id: str) -> Iterator[None]:
    """Renew the claim from a side thread while the extraction runs: if this worker dies, the
    heartbeats stop and the sweep hands the article to another worker within
    EXTRACTION_HEARTBEAT_TIMEOUT; while it lives, nobody else takes the article."""
    stop = threading.Event()

    def beat() -> None:
        try:
            while not stop.wait(settings.EXTRACTION_HEARTBEAT_SECONDS):
                try:
                    if not extraction_heartbeat(article_id=article_id, task_id=task_id):
                        return  # the claim was released; extraction_apply will not store results
                except TRANSIENT_ERRORS:
                    connection.close()  # a fresh connection on the next beat
        finally:
            connection.close()  # this thread's own connection

    thread = threading.Thread(target=beat, name=f"heartbeat-{article_id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=10)


def _fail(article_id: int, task_id: str, reason: str) -> None:
    extraction_fail(article_id=article_id, task_id=task_id, reason=reason, version=PIPELINE_VERSION)


def _backoff(retries: int) -> int:
    return min(2**retries, 60)

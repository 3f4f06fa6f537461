"""Fault drill: upload a hostile corpus while the broker, a worker and the database misbehave.

Ends with one summary line; `lost` and `corrections_lost` must be 0.
"""

from __future__ import annotations

import os
import signal
import subprocess
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.db import connection

from annotations.models import Mention, Status
from articles.models import Article, Upload, UploadItem
from articles.services import article_request_extraction, articles_requeue_stale, intake_stream
from newsarchive.celery import app
from newsarchive.ops.processes import PrivateRedis, start_worker, stop_process, use_broker, wait_for


@dataclass
class DrillSummary:
    attempted: int = 0
    stored: int = 0
    duplicate: int = 0
    rejected_with_reason: int = 0
    extracted: int = 0
    failed_with_reason: int = 0
    lost: int = 0
    corrections: int = 0
    corrections_lost: int = 0

    def line(self) -> str:
        return (
            f"uploads attempted={self.attempted} stored={self.stored} duplicate={self.duplicate} "
            f"extracted={self.extracted} extraction_failed_with_reason={self.failed_with_reason} "
            f"rejected_with_reason={self.rejected_with_reason} lost={self.lost} "
            f"corrections={self.corrections} corrections_lost={self.corrections_lost}"
        )


def _children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def _drop_database_connections() -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


def _settled(article_ids: list[int]) -> bool:
    return not Article.objects.filter(
        pk__in=article_ids, status__in=[Article.Status.QUEUED, Article.Status.PROCESSING]
    ).exists()


def run_drill(
    *,
    files: Iterable[tuple[str, bytes]],
    user=None,
    batch: int = 20,
    log: Callable[[str], None] = print,
    timeout: float = 900,
) -> DrillSummary:
    files = list(files)
    summary = DrillSummary(attempted=len(files))
    upload = Upload.objects.create(uploaded_by=user)
    with tempfile.TemporaryDirectory() as tmp:
        redis = PrivateRedis(Path(tmp))
        redis.start()
        previous_broker = app.conf.broker_url
        use_broker(redis.url)
        workers = [
            start_worker(redis.url, name="drill-a"),
            start_worker(redis.url, name="drill-b", queues="nlp"),
        ]
        try:
            outcomes: list = []
            for index in range(0, len(files), batch):
                step = index // batch
                if step == 2:
                    log("fault: broker stopped")
                    redis.stop()
                elif step == 4:
                    log("fault: broker started again")
                    redis.start()
                elif step == 6:
                    children = _children(workers[0].pid)
                    log(f"fault: SIGKILL to worker children {children}")
                    for child in children:
                        os.kill(child, signal.SIGKILL)
                elif step == 8:
                    log("fault: every database connection of the workers cut")
                    _drop_database_connections()
                outcomes += list(
                    intake_stream(entries=files[index : index + batch], user=user, upload=upload)
                )
            stored_ids = [o.article_id for o in outcomes if o.outcome == UploadItem.Outcome.STORED]
            _settle(stored_ids, timeout=timeout, log=log)
            summary.corrections, summary.corrections_lost = _corrections_survive_rerun(
                stored_ids, timeout, log
            )
        finally:
            for worker in workers:
                stop_process(worker)
            redis.stop()
            use_broker(previous_broker)

    counts = Counter(o.outcome for o in outcomes)
    summary.stored = counts[UploadItem.Outcome.STORED]
    summary.duplicate = counts[UploadItem.Outcome.DUPLICATE]
    summary.rejected_with_reason = sum(
        1 for o in outcomes if o.outcome == UploadItem.Outcome.REJECTED and o.reason
    )
    statuses = Counter(Article.objects.filter(pk__in=stored_ids).values_list("status", flat=True))
    summary.extracted = statuses[Article.Status.DONE]
    summary.failed_with_reason = (
        Article.objects.filter(pk__in=stored_ids, status=Article.Status.FAILED)
        .exclude(failure_reason="")
        .count()
    )
    reported = UploadItem.objects.filter(upload=upload).count()
    top_level_unreported = max(0, len(files) - reported)
    summary.lost = top_level_unreported + (len(stored_ids) - summary.extracted - summary.failed_with_reason)
    return summary


def _settle(article_ids: list[int], *, timeout: float, log: Callable[[str], None]) -> None:
    """Wait until every article is done or failed, sweeping like beat does meanwhile."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not _settled(article_ids):
        # Only articles nobody has touched for a while: a running task is never disturbed.
        requeued = articles_requeue_stale(older_than=timedelta(seconds=20))
        if requeued:
            log(f"sweep re-enqueued {len(requeued)} article(s)")
        wait_for(lambda: _settled(article_ids), 10, 0.5)


def _corrections_survive_rerun(article_ids: list[int], timeout: float, log) -> tuple[int, int]:
    """Accept one and reject one machine mention per article, re-run extraction, check both stand."""
    accepted, rejected = [], []
    for article_id in article_ids[:30]:
        mentions = list(Mention.objects.filter(article_id=article_id, status=Status.PROPOSED)[:2])
        if len(mentions) == 2:
            Mention.objects.filter(pk=mentions[0].pk).update(status=Status.ACCEPTED)
            Mention.objects.filter(pk=mentions[1].pk).update(status=Status.REJECTED)
            accepted.append(mentions[0])
            rejected.append(mentions[1])
    touched = {m.article_id for m in accepted}
    for article in Article.objects.filter(pk__in=touched):
        article_request_extraction(article=article)
    _settle(list(touched), timeout=timeout, log=log)
    lost = 0
    for mention in accepted:
        lost += not Mention.objects.filter(pk=mention.pk, status=Status.ACCEPTED).exists()
    for mention in rejected:
        still = Mention.objects.filter(pk=mention.pk, status=Status.REJECTED).exists()
        came_back = Mention.objects.filter(
            article_id=mention.article_id, start=mention.start, end=mention.end, status=Status.PROPOSED
        ).exists()
        lost += (not still) or came_back
    return len(accepted) + len(rejected), lost

"""A worker killed mid-extraction, database connections dropped under a running worker, two workers."""

from __future__ import annotations

import os
import signal
import subprocess

import pytest
from django.db import connection

from annotations.models import ExtractionRun, Mention, Quote
from articles.models import Article
from articles.services import article_enqueue
from newsarchive.ops.processes import start_worker, stop_process, use_broker, wait_for

PARAGRAPH = (
    "„Wir werden die Zusammenarbeit mit Nordkorea in allen Bereichen ausbauen“, sagte Kremlsprecher "
    "Dmitri Peskow am Mittwoch in Moskau. Peskow sagte, Russland sei bereit, weitere Gespräche zu führen, "
    "und die Vereinigten Staaten hätten kein Recht, sich einzumischen. Der ukrainische Präsident "
    "Wolodymyr Selenskyj erklärte, Kiew werde sich nicht einschüchtern lassen. "
)


def _article(n: int, paragraphs: int = 1) -> Article:
    body = "\n\n".join(f"{PARAGRAPH} (Absatz {n}-{i})" for i in range(paragraphs))
    return Article.objects.create(title=f"Artikel {n}", body=body, language="de", content_hash=f"{n:064d}")


def _children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def _done(article_ids) -> bool:
    return Article.objects.filter(pk__in=article_ids, status=Article.Status.DONE).count() == len(article_ids)


@pytest.mark.integration
def test_worker_child_killed_mid_extraction_still_finishes_once(transactional_db, private_redis):
    private_redis.start()
    use_broker(private_redis.url)
    article = _article(1, paragraphs=400)  # long enough to be caught while processing
    worker = start_worker(private_redis.url)
    try:
        assert wait_for(lambda: _children(worker.pid), 60)
        article_enqueue(article_id=article.pk)
        assert wait_for(
            lambda: Article.objects.get(pk=article.pk).status == Article.Status.PROCESSING, 120, 0.05
        )
        for child in _children(worker.pid):
            os.kill(child, signal.SIGKILL)
        # The message was not acknowledged: the worker requeues it and a new child finishes the job.
        assert wait_for(lambda: _done([article.pk]), 180), Article.objects.get(pk=article.pk).status
    finally:
        stop_process(worker)
    assert Article.objects.get(pk=article.pk).extraction_attempts >= 2  # it really was interrupted
    assert ExtractionRun.objects.filter(article=article, status="done").count() == 1
    runs = set(Mention.objects.filter(article=article).values_list("run_id", flat=True))
    runs |= set(Quote.objects.filter(article=article).values_list("run_id", flat=True))
    assert len(runs) == 1  # exactly one set of machine annotations


@pytest.mark.integration
def test_worker_survives_dropped_database_connections(transactional_db, private_redis):
    private_redis.start()
    use_broker(private_redis.url)
    first, second = _article(2), _article(3)
    worker = start_worker(private_redis.url)
    try:
        article_enqueue(article_id=first.pk)
        assert wait_for(lambda: _done([first.pk]), 120)
        # What a database restart does to the worker: every connection it holds is cut.
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        article_enqueue(article_id=second.pk)
        assert wait_for(lambda: _done([second.pk]), 120), Article.objects.get(pk=second.pk).failure_reason
        assert worker.poll() is None  # recovered without a restart
    finally:
        stop_process(worker)


@pytest.mark.integration
def test_two_workers_extract_each_article_exactly_once(transactional_db, private_redis):
    private_redis.start()
    use_broker(private_redis.url)
    articles = [_article(100 + n) for n in range(40)]
    workers = [
        start_worker(private_redis.url, name="intake-nlp", queues="intake,nlp"),
        start_worker(private_redis.url, name="nlp", queues="nlp"),
    ]
    try:
        for article in articles:
            article_enqueue(article_id=article.pk)
            article_enqueue(article_id=article.pk)  # a duplicate message must not extract twice
        assert wait_for(lambda: _done([a.pk for a in articles]), 240)
    finally:
        for worker in workers:
            stop_process(worker)
    for article in articles:
        assert ExtractionRun.objects.filter(article=article).count() == 1


@pytest.mark.integration
def test_a_killed_workers_article_is_requeued_within_two_minutes_and_never_while_it_lives(
    transactional_db, private_redis, settings
):
    """The whole worker is SIGKILLed (not just a child): its unacknowledged message would wait
    for the broker's visibility timeout (an hour) and the old sweep waited 600 s. Heartbeats
    keep a live task's article its own, and let the sweep take a dead one's within the timeout."""
    import time
    from datetime import timedelta

    from articles.services import articles_requeue_stale

    beats = {"EXTRACTION_HEARTBEAT_SECONDS": "1", "EXTRACTION_HEARTBEAT_TIMEOUT": "3"}
    settings.EXTRACTION_HEARTBEAT_TIMEOUT = 3
    private_redis.start()
    use_broker(private_redis.url)
    article = _article(7, paragraphs=5000)  # long enough to outlive the heartbeat timeout
    first = start_worker(private_redis.url, name="doomed", env=beats)
    second = None
    try:
        article_enqueue(article_id=article.pk)
        assert wait_for(
            lambda: Article.objects.get(pk=article.pk).status == Article.Status.PROCESSING, 120, 0.05
        )
        time.sleep(5)  # past the timeout: only the heartbeats keep the claim
        assert Article.objects.get(pk=article.pk).status == Article.Status.PROCESSING
        assert articles_requeue_stale(older_than=timedelta(seconds=600)) == []  # alive: left alone

        os.killpg(first.pid, signal.SIGKILL)  # worker and children, no chance to requeue
        first.wait()
        killed = time.monotonic()
        second = start_worker(private_redis.url, name="rescuer", env=beats)

        def sweep_until_done() -> bool:
            articles_requeue_stale(older_than=timedelta(seconds=600))
            return _done([article.pk])

        assert wait_for(sweep_until_done, 120, 1), Article.objects.get(pk=article.pk).status
        print(f"\nrecovered {time.monotonic() - killed:.0f} s after the SIGKILL")
    finally:
        stop_process(first)
        if second is not None:
            stop_process(second)
    assert ExtractionRun.objects.filter(article=article, status="done").count() == 1
    runs = set(Mention.objects.filter(article=article).values_list("run_id", flat=True))
    runs |= set(Quote.objects.filter(article=article).values_list("run_id", flat=True))
    assert len(runs) == 1

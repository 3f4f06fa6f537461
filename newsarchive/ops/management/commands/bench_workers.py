"""Throughput of real Celery workers: articles per minute with one worker, then with two.

Runs against the configured database with a private Redis; the synthetic articles it
creates are deleted at the end.
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db.models import Count

from annotations.models import ExtractionRun, Mention, Quote
from articles.models import Article
from articles.services import articles_enqueue
from newsarchive.ops.processes import PrivateRedis, start_worker, stop_process, use_broker, wait_for

MARKER = "[bench-workers]"
SPEAKERS = ["Dmitri Peskow", "Annalena Baerbock", "Olaf Scholz", "Wolodymyr Selenskyj", "Emmanuel Macron"]
COUNTRIES = ["Russland", "Nordkorea", "die Ukraine", "China", "Frankreich", "die Vereinigten Staaten"]


def _body(rng: random.Random) -> str:
    paragraphs = []
    for _ in range(8):
        speaker, country = rng.choice(SPEAKERS), rng.choice(COUNTRIES)
        paragraphs.append(
            f"„Wir werden die Gespräche mit {country} fortsetzen, auch wenn es schwierig ist“, sagte "
            f"{speaker} am Mittwoch in Berlin. {speaker.split()[-1]} sagte, {country} sei bereit, "
            f"über einen Waffenstillstand zu verhandeln. Beobachter rechnen mit weiteren Treffen in "
            f"den kommenden Wochen; die Lage bleibt angespannt. Nummer {rng.randrange(10**9)}."
        )
    return "\n\n".join(paragraphs)


class Command(BaseCommand):
    help = "Measure extraction throughput with one and with two real worker processes."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=1000)

    def handle(self, *args, articles: int, **options):
        rng = random.Random(7)
        Article.objects.filter(title__startswith=MARKER).delete()
        created = Article.objects.bulk_create(
            Article(title=f"{MARKER} {n}", body=_body(rng), language="de", content_hash=f"bench-{n:058d}")
            for n in range(articles)
        )
        ids = [a.pk for a in created]
        try:
            with tempfile.TemporaryDirectory() as tmp:
                redis = PrivateRedis(Path(tmp))
                redis.start()
                use_broker(redis.url)
                try:
                    one = self._phase(redis.url, ids, [("nlp,intake", "one")])
                    self._reset(ids)
                    two = self._phase(redis.url, ids, [("nlp,intake", "a"), ("nlp", "b")])
                finally:
                    redis.stop()
        finally:
            Article.objects.filter(pk__in=ids).delete()
        self.stdout.write(f"articles: {articles}")
        self.stdout.write(f"one worker:  {one[0]:8.1f} articles/min (each extracted once: {one[1]})")
        self.stdout.write(f"two workers: {two[0]:8.1f} articles/min (each extracted once: {two[1]})")
        self.stdout.write(f"speed-up: {two[0] / one[0]:.2f}x")

    def _reset(self, ids: list[int]) -> None:
        ExtractionRun.objects.filter(article_id__in=ids).delete()
        Article.objects.filter(pk__in=ids).update(status=Article.Status.QUEUED, extraction_task_id="")
        Mention.objects.filter(article_id__in=ids).delete()
        Quote.objects.filter(article_id__in=ids).delete()

    def _phase(self, broker_url: str, ids: list[int], workers: list[tuple[str, str]]) -> tuple[float, bool]:
        processes = [start_worker(broker_url, name=name, queues=queues) for queues, name in workers]
        try:
            # Warm up: every worker loads its pipelines before the clock starts.
            warm = ids[: len(processes) * 2]
            articles_enqueue(article_ids=warm)
            wait_for(lambda: _done(warm) == len(warm), 300)
            rest = ids[len(warm) :]
            started = time.monotonic()
            articles_enqueue(article_ids=rest)
            wait_for(lambda: _done(rest) == len(rest), 3600, 0.5)
            minutes = (time.monotonic() - started) / 60
        finally:
            for process in processes:
                stop_process(process)
        once = not (
            ExtractionRun.objects.filter(article_id__in=ids)
            .values("article_id")
            .annotate(n=Count("pk"))
            .filter(n__gt=1)
            .exists()
        )
        return len(rest) / minutes, once


def _done(ids: list[int]) -> int:
    return Article.objects.filter(pk__in=ids, status=Article.Status.DONE).count()

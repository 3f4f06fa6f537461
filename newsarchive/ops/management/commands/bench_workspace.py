"""Server time of the article page and of one correction on a long article.

Builds a 10,000-word article with 500 annotations inside a transaction that is rolled back,
then times requests through Django's test client (no network, no browser): the figures are
the view, its queries and the template, which is what the workspace's targets are about.
"""

from __future__ import annotations

import os
import random
import statistics
import time

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse

from annotations.models import Mention, Origin, Person, Quote
from articles.models import Article
from newsarchive.gc_tuning import tune_for_long_running_process

WORDS = (
    "der die das und sagte am Mittwoch in einer Erklärung Regierung Gespräche über Frieden "
    "Sanktionen Grenze Truppen Minister Besuch Gipfel Wirtschaft Energie Gas Vertrag"
).split()
NAMES = ["Peskow", "Macron", "Scholz", "Selenskyj", "Erdogan", "Lawrow", "Baerbock", "Blinken"]
PLACES = ["Russland", "Frankreich", "Deutschland", "Ukraine", "Türkei", "Moskau", "Kiew", "Berlin"]


class Command(BaseCommand):
    help = "Time the article page and a correction on a 10,000-word article with 500 annotations."

    def add_arguments(self, parser):
        parser.add_argument("--words", type=int, default=10_000)
        parser.add_argument("--mentions", type=int, default=380)
        parser.add_argument("--quotes", type=int, default=120)
        parser.add_argument("--requests", type=int, default=20)  # per measurement

    def handle(self, *args, words: int, mentions: int, quotes: int, requests: int, **options):
        # Measure the process as the web server runs it (newsarchive/wsgi.py tunes the collector).
        tune_for_long_running_process()
        with override_settings(ALLOWED_HOSTS=["testserver"]), transaction.atomic():
            article, persons = self._build(words, mentions, quotes)
            user = get_user_model().objects.create_user(username="bench-workspace-analyst")
            user.groups.add(Group.objects.get(name="analyst"))
            client = Client()
            client.force_login(user)
            page_url = reverse("article_detail", args=[article.pk])
            client.get(page_url)  # warm the template cache and the connection
            self._cpu: list[float] = []
            page = [self._time(lambda: client.get(page_url)) for _ in range(requests)]
            page_cpu, self._cpu = self._cpu, []
            proposals = list(
                Mention.objects.filter(article=article, status="proposed").values_list("pk", flat=True)
            )
            random.Random(1).shuffle(proposals)
            timings, cpu = {}, {}
            self._cpu = []
            create_url = reverse("annotation_create", args=[article.pk])
            spans = [(m.start, m.end) for m in Mention.objects.filter(article=article)[: requests + 1]]
            timings["create"] = [
                self._time(
                    lambda s=s: client.post(
                        create_url, {"start": s[0], "end": s[1], "kind": "ORG"}, HTTP_HX_REQUEST="true"
                    )
                )
                for s in spans
            ][1:]
            cpu["create"] = self._cpu[1:]
            for action in ("accept", "reject", "move"):
                times, self._cpu = [], []
                for pk in proposals[: requests + 1]:
                    url = reverse(f"mention_{action}", args=[pk])
                    mention = Mention.objects.get(pk=pk)
                    data = {"version": mention.version, "start": mention.start, "end": mention.end + 1}
                    times.append(
                        self._time(lambda url=url, data=data: client.post(url, data, HTTP_HX_REQUEST="true"))
                    )
                timings[action] = times[1:]  # the first one warms the partial's templates
                cpu[action] = self._cpu[1:]
                proposals = proposals[requests + 1 :]
            size = len(client.get(page_url).content)
            load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
            self.stdout.write(f"load average while measuring: {load} on {os.cpu_count()} cores")
            self.stdout.write(
                f"article: {words} words, {len(article.body)} characters, "
                f"{mentions} mentions + {quotes} quotes = {mentions + quotes} annotations; "
                f"page {size // 1024} KiB"
            )
            self._report("article page (GET)", page, page_cpu, 300)
            self._report(
                "correction: accept (htmx POST, text unchanged)", timings["accept"], cpu["accept"], 100
            )
            self._report(
                "correction: reject (htmx POST, text and counts re-rendered)",
                timings["reject"],
                cpu["reject"],
                100,
            )
            self._report(
                "correction: move (htmx POST, text and counts re-rendered)", timings["move"], cpu["move"], 100
            )
            self._report(
                "correction: add span (htmx POST, whole workspace re-rendered)",
                timings["create"],
                cpu["create"],
                100,
            )
            transaction.set_rollback(True)

    def _time(self, request) -> float:
        started, cpu_started = time.perf_counter(), time.process_time()
        response = request()
        elapsed = (time.perf_counter() - started) * 1000
        # CPU time of this process: Python's share, without waiting for a busy machine's cores.
        self._cpu.append((time.process_time() - cpu_started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"unexpected status {response.status_code}: {response.content[:500]!r}")
        return elapsed

    def _report(self, what: str, times: list[float], cpu: list[float], target: float) -> None:
        ordered = sorted(times)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        median = statistics.median(ordered)
        verdict = "OK" if p95 < target else "OVER TARGET"
        self.stdout.write(
            f"{what}: median {median:.1f} ms, p95 {p95:.1f} ms over {len(times)} requests "
            f"(target < {target} ms): {verdict}; Python CPU median {statistics.median(cpu):.1f} ms"
        )

    def _build(self, words: int, mentions: int, quotes: int) -> tuple[Article, list[Person]]:
        rng = random.Random(42)
        tokens = [rng.choice(WORDS) for _ in range(words)]
        # Every 20th word is a name or place: the candidates for mentions and speakers.
        entity_slots = list(range(5, words, 20))
        for slot in entity_slots:
            tokens[slot] = rng.choice(NAMES + PLACES)
        starts, position = [], 0
        for token in tokens:
            starts.append(position)
            position += len(token) + 1
        body = " ".join(tokens)
        article = Article.objects.create(
            title="Benchmark article",
            body=body,
            content_hash="bench-" + "0" * 58,
            status="done",
            language="de",
        )
        persons = [Person.objects.get_or_create(name=f"Bench {name}")[0] for name in NAMES]
        by_name = dict(zip(NAMES, persons, strict=True))
        rows = []
        for slot in entity_slots[:mentions]:
            token = tokens[slot]
            is_person = token in by_name
            rows.append(
                Mention(
                    article=article,
                    start=starts[slot],
                    end=starts[slot] + len(token),
                    label="PERSON" if is_person else "LOC",
                    text=token,
                    person=by_name.get(token),
                    origin=Origin.MACHINE,
                )
            )
        Mention.objects.bulk_create(rows)
        quote_rows = []
        gap = max(1, (words - 20) // quotes)
        for i in range(quotes):
            first = 7 + i * gap  # quotes lie between entity slots, eight words long
            speaker_slot = max(s for s in entity_slots if s < first) if first > 5 else None
            quote_rows.append(
                Quote(
                    article=article,
                    start=starts[first],
                    end=starts[first + 8] - 1,
                    text=body[starts[first] : starts[first + 8] - 1],
                    direct=i % 3 != 0,
                    speaker=by_name.get(tokens[speaker_slot]) if speaker_slot else None,
                    speaker_start=starts[speaker_slot] if speaker_slot else None,
                    speaker_end=starts[speaker_slot] + len(tokens[speaker_slot]) if speaker_slot else None,
                    origin=Origin.MACHINE,
                )
            )
        Quote.objects.bulk_create(quote_rows)
        return article, persons

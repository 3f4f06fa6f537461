"""Server time of the search pages at full size and at 1/100 of it, in one run.

    python manage.py bench_search [--runs 60] [--explain]

Each scenario sends real requests through the whole Django stack (middleware, views,
templates) with the test client as a viewer and reports p50/p95 of the wall time. Inputs
are drawn from the data: persons by quote (popular speakers are searched more), in
another spelling than their row; words of every frequency; random filter combinations.

The 1/100 comparison runs against a second database, `<name>_small`, which is created,
migrated and seeded with seed_demo at 1/100 of this database's size when it is missing
(or with --reseed-small); the same command then runs there in a subprocess.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from urllib.parse import urlencode

import psycopg
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from annotations.models import Country, Quote
from annotations.names import name_key
from articles.models import Article

WORDS = [
    "Sanktionen", "sanctions", "Waffenruhe", "ceasefire", "cessez-le-feu", "Gaslieferungen", "embargo",
    "Grenze", "frontière", "border", "Atomwaffen", '"peace talks"', "Friedensgespräche", "élections",
    "Raketentests", "missile -nuclear", "Wahlen or elections", "Energiepreise", "grain exports", "Dialog",
    "conditions", "Bedingungen", "Einmischung", "interfering", "skeptisch", "Märkte", "huis clos",
]  # fmt: skip
TARGET_MS = 100.0
TARGET_RATIO = 2.0


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _spelling(name: str, rng: random.Random) -> str:
    """Another way to type the name: surname only, lower case, or an initial."""
    key = name_key(name)
    words = name.split()
    if key is None or len(words) < 2:
        return name.lower()
    choice = rng.randrange(4)
    if choice == 0:
        return words[-1]
    if choice == 1:
        return name.lower()
    if choice == 2:
        return f"{words[0][0]}. {words[-1]}"
    return name


class Command(BaseCommand):
    help = "p50/p95 server time of quote search, filtered article list, full-text search and person page."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=60)
        parser.add_argument("--seed", type=int, default=11)
        parser.add_argument("--no-small", action="store_true", help="Only this database.")
        parser.add_argument("--reseed-small", action="store_true", help="Rebuild the 1/100 database first.")
        parser.add_argument(
            "--explain", action="store_true", help="Print plans of each scenario's slowest query."
        )
        parser.add_argument(
            "--json", action="store_true", help="Print results as JSON (used for the small run)."
        )

    def handle(self, *args, runs: int, seed: int, no_small: bool, reseed_small: bool, explain: bool, **opts):
        as_json = opts["json"]
        size = {"articles": Article.objects.count(), "quotes": Quote.objects.count()}
        if not size["quotes"]:
            self.stderr.write("No quotes: run seed_demo first.")
            return
        results = self._measure(runs, seed, explain and not as_json)
        if as_json:
            self.stdout.write(json.dumps({"size": size, "results": results}))
            return
        small = None if no_small else self._small_run(size, runs, seed, reseed_small)
        self._report(size, results, small)

    # --- scenarios --------------------------------------------------------------------------

    def _scenarios(self, rng: random.Random, runs: int) -> dict[str, list[str]]:
        max_id = Quote.objects.order_by("-pk").values_list("pk", flat=True).first()
        sampled = []
        while len(sampled) < runs:
            quote = (
                Quote.objects.filter(pk__gte=rng.randrange(max_id), speaker__isnull=False)
                .select_related("speaker")
                .only("speaker__name")
                .order_by("pk")
                .first()
            )
            if quote:
                sampled.append(quote.speaker)
        codes = list(
            Country.objects.filter(mentions__isnull=False).values_list("alpha2", flat=True).distinct()[:12]
        )
        filters = []
        for _ in range(runs):
            params = {"language": rng.choice(["de", "en", "fr"]), "country": rng.choice(codes)}
            year = rng.randrange(2019, 2027)
            if rng.random() < 0.7:
                params.update(published_after=f"{year}-01-01", published_before=f"{year}-12-31")
            if rng.random() < 0.3:
                params["reviewed"] = "true"
            filters.append("/search/?" + urlencode(params))
        return {
            "quote search by person": [
                "/quotes/?" + urlencode({"person": _spelling(p.name, rng)}) for p in sampled
            ],
            "article list with filters": filters,
            "full-text search": ["/search/?" + urlencode({"q": rng.choice(WORDS)}) for _ in range(runs)],
            "person page": [f"/persons/{p.pk}/" for p in rng.sample(sampled, len(sampled))],
        }

    def _measure(self, runs: int, seed: int, explain: bool) -> dict[str, dict]:
        rng = random.Random(seed)
        user = get_user_model().objects.get(username="bench-viewer")
        client = Client()
        client.force_login(user)
        results = {}
        with override_settings(DEBUG=False):
            for name, urls in self._scenarios(rng, runs).items():
                for url in urls[:3]:  # warm caches and connections
                    client.get(url)
                times, sql_times = [], []
                slowest: tuple[float, str, dict] = (0.0, "", {})
                for url in urls:
                    started = time.perf_counter()
                    with CaptureQueriesContext(connection) as queries:
                        response = client.get(url)
                    elapsed = (time.perf_counter() - started) * 1000
                    assert response.status_code == 200, (url, response.status_code)
                    times.append(elapsed)
                    sql_times.append(sum(float(q["time"]) for q in queries.captured_queries) * 1000)
                    if elapsed > slowest[0]:
                        slowest = (elapsed, url, queries.captured_queries)
                results[name] = {
                    "p50": round(_percentile(times, 0.5), 1),
                    "p95": round(_percentile(times, 0.95), 1),
                    "max": round(max(times), 1),
                    "sql_p50": round(_percentile(sql_times, 0.5), 1),
                    "sql_p95": round(_percentile(sql_times, 0.95), 1),
                    "queries": len(slowest[2]),
                    "slowest_url": slowest[1],
                }
                if explain:
                    self._explain(name, slowest)
        return results

    def _explain(self, name: str, slowest) -> None:
        elapsed, url, queries = slowest
        worst = max(queries, key=lambda q: float(q["time"]))
        self.stdout.write(f"\n== {name}: slowest request {url} ({elapsed:.0f} ms); its slowest query:")
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + worst["sql"])
            for (line,) in cursor.fetchall():
                self.stdout.write("   " + line)

    # --- the 1/100 database ----------------------------------------------------------------------

    def _small_run(self, size: dict, runs: int, seed: int, reseed: bool) -> dict | None:
        db = settings.DATABASES["default"]
        small_name = f"{db['NAME']}_small"
        admin = psycopg.connect(
            host=db["HOST"] or None, port=db["PORT"] or None, user=db["USER"],
            password=db["PASSWORD"] or None, dbname="postgres", autocommit=True,
        )  # fmt: skip
        with admin:
            exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [small_name]).fetchone()
            if exists and reseed:
                admin.execute(f'DROP DATABASE "{small_name}"')
                exists = None
            if not exists:
                admin.execute(f'CREATE DATABASE "{small_name}"')
        env = dict(os.environ)
        user = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
        env["DATABASE_URL"] = (
            f"postgres://{user}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{small_name}"
        )
        manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
        if not exists:
            self.stdout.write(f"seeding {small_name} at 1/100 ...")
            subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)
            subprocess.run(
                [*manage, "seed_demo", "--articles", str(max(1, size["articles"] // 100)),
                 "--quotes", str(size["quotes"] // 100)],
                env=env, check=True, stdout=subprocess.DEVNULL,
            )  # fmt: skip
        out = subprocess.run(
            [*manage, "bench_search", "--json", "--no-small", "--runs", str(runs), "--seed", str(seed)],
            env=env, check=True, capture_output=True, text=True,
        )  # fmt: skip
        return json.loads(out.stdout.strip().splitlines()[-1])

    def _report(self, size: dict, results: dict, small: dict | None) -> None:
        small_size = small["size"] if small else {}
        self.stdout.write(
            f"\nfull: {size['articles']} articles, {size['quotes']} quotes"
            + (f"   small: {small_size['articles']} articles, {small_size['quotes']} quotes" if small else "")
        )
        header = f"{'scenario':26} {'p50':>6} {'p95':>6} {'max':>6} {'sql95':>6} {'q':>3}"
        if small:
            header += f" | {'small p50':>9} {'p95':>6} {'sql95':>6} | {'ratio':>5} {'sql':>5}  verdict"
        self.stdout.write(header)
        for name, r in results.items():
            line = f"{name:26} {r['p50']:6.1f} {r['p95']:6.1f} {r['max']:6.1f} {r['sql_p95']:6.1f}"
            line += f" {r['queries']:3d}"
            ok = r["p95"] < TARGET_MS
            if small:
                s = small["results"][name]
                ratio = r["p95"] / s["p95"] if s["p95"] else float("inf")
                ok = ok and ratio <= TARGET_RATIO
                sql_ratio = r["sql_p95"] / s["sql_p95"] if s["sql_p95"] else float("inf")
                line += (
                    f" | {s['p50']:9.1f} {s['p95']:6.1f} {s['sql_p95']:6.1f} | {ratio:5.2f} {sql_ratio:5.2f}"
                    f"  {'ok' if ok else 'MISSED'}"
                )
            self.stdout.write(line)
        self.stdout.write(
            f"(ms of server time; sql95: p95 of the time in SQL; targets: p95 < {TARGET_MS:.0f} ms, "
            f"p95 ratio <= {TARGET_RATIO:.0f}; load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
        )

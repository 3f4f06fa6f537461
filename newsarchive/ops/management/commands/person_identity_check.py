"""The issue-15 quality bar, measured through the JSON API: one identity for every spelling.

    python manage.py person_identity_check [--group "Peskov|Peskow|Песков"] ...

For each group of spellings it prints, per spelling, the first record of /api/persons/?q=,
its quote_count, the number of quotes /api/quotes/?person= finds and the articles
/api/articles/?person= finds; then whether every spelling agrees. Last, records whose
spellings disagree on first names (two real people merged) are listed. Exit status 1 when
a check fails.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.test import Client

from annotations.models import Person
from annotations.names import name_match_score

DEFAULT_GROUPS = [
    "Peskov|Peskow|Песков|Dmitry Peskov|Dmitri Peskow",
    "Lawrow|Lavrov|Лавров|Sergei Lavrov",
]


def _all_pages(client: Client, url: str, params: dict) -> list[dict]:
    results, page = [], 1
    while True:
        body = client.get(url, {**params, "page": page}).json()
        results += body["results"]
        if page >= body["pages"]:
            return results
        page += 1


def merged_namesakes() -> list[tuple[str, str, str]]:
    """(record, spelling, spelling) for records holding two spellings with other first names."""
    found = []
    for person in Person.objects.only("name", "aliases").iterator():
        names = person.all_names()
        for i, first in enumerate(names):
            for second in names[i + 1 :]:
                if name_match_score(first, second) < 0.9:
                    found.append((person.name, first, second))
    return found


class Command(BaseCommand):
    help = "Print, per spelling, the identity the API returns and what it finds (issue 15's quality bar)."

    def add_arguments(self, parser):
        parser.add_argument("--group", action="append", help="spellings of one person, separated by |")
        parser.add_argument("--user", help="a user with the viewer role (default: the first superuser)")

    def handle(self, *args, group: list[str] | None, user: str | None, **options):
        users = get_user_model().objects.filter(is_active=True)
        account = users.filter(username=user).first() if user else users.filter(is_superuser=True).first()
        if account is None:
            raise CommandError("No such user: pass --user, or create the demo users first.")
        client = Client(SERVER_NAME="localhost")
        client.force_login(account)
        failed = False
        for spellings in (g.split("|") for g in group or DEFAULT_GROUPS):
            rows = []
            for spelling in spellings:
                persons = client.get("/api/persons/", {"q": spelling}).json()
                first = persons[0] if persons else None
                quotes = _all_pages(client, "/api/quotes/", {"person": spelling})
                articles = _all_pages(client, "/api/articles/", {"person": spelling})
                rows.append((spelling, first, len(quotes), sorted(a["id"] for a in articles)))
            self.stdout.write(f"\n{' / '.join(spellings)}")
            self.stdout.write(f"  {'spelling':<16} {'first record':<28} quote_count  quotes  articles")
            for spelling, first, n_quotes, articles in rows:
                record = f"#{first['id']} {first['name']}" if first else "—"
                count = first["quote_count"] if first else 0
                self.stdout.write(
                    f"  {spelling:<16} {record:<28} {count:>11}  {n_quotes:>6}  {len(articles):>8}"
                )
            same_record = len({r[1]["id"] if r[1] else None for r in rows}) == 1 and rows[0][1] is not None
            counts_cover = all(r[1] and r[1]["quote_count"] >= r[2] for r in rows)
            same_articles = len({tuple(r[3]) for r in rows}) == 1
            self.stdout.write(
                f"  same first record: {same_record}; quote_count >= quotes found: {counts_cover}; "
                f"same articles: {same_articles} ({len(rows[0][3])} articles)"
            )
            failed |= not (same_record and counts_cover and same_articles)
        merged = merged_namesakes()
        self.stdout.write(f"\nrecords merging spellings with other first names: {len(merged)}")
        for record, first, second in merged:
            self.stdout.write(f"  {record}: {first!r} vs {second!r}")
        if failed or merged:
            raise SystemExit(1)

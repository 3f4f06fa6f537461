"""Import gold-annotated articles (NAME.txt + NAME.gold.json) as reviewed articles."""

from __future__ import annotations

import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from annotations.learning.annotated import annotated_import
from articles.ingest import IngestError


class Command(BaseCommand):
    help = "Import NAME.txt + NAME.gold.json pairs as reviewed articles with human annotations."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)
        parser.add_argument("--user", help="username recorded as reviewer (default: none)")

    def handle(self, *args, folder: Path, user: str | None, **options):
        if not folder.is_dir():
            raise CommandError(f"{folder} is not a folder")
        reviewer = None
        if user:
            reviewer = get_user_model().objects.filter(username=user).first()
            if reviewer is None:
                raise CommandError(f"no user {user!r}")
        gold_files = sorted(folder.glob("*.gold.json"))
        if not gold_files:
            raise CommandError(f"no NAME.gold.json files in {folder}")
        created = skipped = failed = quotes = 0
        for gold_path in gold_files:
            try:
                gold = json.loads(gold_path.read_text(encoding="utf-8"))
                if not isinstance(gold, dict):
                    raise ValueError("not a JSON object")
                name = Path(str(gold.get("file") or gold_path.name.removesuffix(".gold.json") + ".txt")).name
                raw = (folder / name).read_bytes()
                outcome = annotated_import(user=reviewer, name=name, raw=raw, gold=gold)
            except (OSError, ValueError, IngestError) as exc:
                failed += 1
                self.stderr.write(f"{gold_path.name}: {exc}")
                continue
            if not outcome.created:
                skipped += 1
                continue
            created += 1
            quotes += outcome.quotes
            for text in outcome.unplaced:
                self.stderr.write(f"{name}: quote not found in the text, left out: {text[:80]!r}")
        self.stdout.write(
            f"imported {created} articles with {quotes} quotes; {skipped} already archived; {failed} failed"
        )
        if failed and not created and not skipped:
            raise CommandError("no article could be imported")

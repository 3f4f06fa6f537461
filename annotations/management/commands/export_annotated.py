"""Export reviewed articles as NAME.txt + NAME.gold.json (the evaluation format)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand

from annotations.learning.annotated import annotated_export


class Command(BaseCommand):
    help = "Write every reviewed article as NAME.txt + NAME.gold.json."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)
        parser.add_argument("--language", help="only articles in this language")

    def handle(self, *args, folder: Path, language: str | None, **options):
        written = annotated_export(folder, language=language)
        self.stdout.write(f"wrote {len(written)} reviewed articles to {folder}")

"""Upload a hostile corpus while broker, worker and database fail; print one summary line."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from articles.models import Article, Upload
from newsarchive.ops.drill import run_drill
from newsarchive.ops.hostile import corpus


class Command(BaseCommand):
    help = "Fault drill on the configured database (its articles are removed afterwards unless --keep)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--ordinary", type=int, default=180, help="ordinary articles among the hostile files"
        )
        parser.add_argument("--keep", action="store_true", help="keep the drill's articles")

    def handle(self, *args, ordinary: int, keep: bool, **options):
        before = set(Article.objects.values_list("pk", flat=True))
        uploads_before = set(Upload.objects.values_list("pk", flat=True))
        summary = run_drill(files=corpus(ordinary=ordinary), log=lambda m: self.stderr.write(m))
        if not keep:
            Article.objects.exclude(pk__in=before).delete()
            Upload.objects.exclude(pk__in=uploads_before).delete()
        self.stdout.write(summary.line())
        if summary.lost or summary.corrections_lost:
            raise CommandError("something was lost")

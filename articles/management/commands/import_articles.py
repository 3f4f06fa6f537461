"""Bulk intake from the command line: files, folders and zips, streamed and stored in batches."""

from __future__ import annotations

import csv
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.models import Upload, UploadItem
from articles.services import intake_stream


def _walk(paths: list[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    if not name.startswith("."):
                        yield Path(root) / name
        else:
            yield path


class Command(BaseCommand):
    help = "Import articles from files, folders and zip archives, with the same per-file report as uploads."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument("--user", help="username recorded as uploader")
        parser.add_argument("--report", type=Path, help="write the per-file report as CSV to this file")
        parser.add_argument("--batch-size", type=int, default=200)
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, paths: list[Path], user: str | None, report: Path | None, **options):
        missing = [str(p) for p in paths if not p.exists()]
        if missing:
            raise CommandError(f"not found: {', '.join(missing)}")
        uploader = None
        if user:
            try:
                uploader = get_user_model().objects.get(username=user)
            except get_user_model().DoesNotExist:
                raise CommandError(f"no user named {user!r}") from None
        total = sum(1 for _ in _walk(paths))
        upload = Upload.objects.create(uploaded_by=uploader)
        progress = tqdm(total=total, unit="file", disable=options["no_progress"], file=sys.stderr)

        def entries():
            for path in _walk(paths):
                try:
                    data = path.read_bytes()
                except OSError as exc:
                    data = b""
                    self.stderr.write(f"{path}: {exc.strerror}")
                progress.update(1)
                yield str(path), data

        counts: Counter[str] = Counter()
        started = time.monotonic()
        writer = None
        report_file = report.open("w", newline="", encoding="utf-8") if report else None
        try:
            if report_file:
                writer = csv.writer(report_file)
                writer.writerow(["file", "outcome", "reason", "article_id"])
            for outcome in intake_stream(
                entries=entries(), user=uploader, upload=upload, batch_size=options["batch_size"]
            ):
                counts[outcome.outcome] += 1
                if writer:
                    writer.writerow([outcome.name, outcome.outcome, outcome.reason, outcome.article_id or ""])
                if outcome.outcome == UploadItem.Outcome.REJECTED and not writer:
                    progress.write(f"rejected {outcome.name}: {outcome.reason}")
        finally:
            progress.close()
            if report_file:
                report_file.close()
        seconds = time.monotonic() - started
        done = sum(counts.values())
        self.stdout.write(
            f"{done} files in {seconds:.1f} s ({done / seconds if seconds else 0:.0f} files/s): "
            f"{counts['stored']} stored, {counts['duplicate']} duplicate, {counts['rejected']} rejected"
            f" (upload report {upload.pk})"
        )

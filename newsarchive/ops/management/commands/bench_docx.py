import json
import resource
import subprocess
import sys
import time

from django.core.management.base import BaseCommand

from articles.ingest.base import IngestError
from newsarchive.ops.hostile import many_paragraphs_docx


class Command(BaseCommand):
    help = (
        "Time and peak memory of reading a .docx of many empty paragraphs (the file that stalled "
        "uploads), each size in a fresh process."
    )

    def add_arguments(self, parser):
        parser.add_argument("--paragraphs", type=int, nargs="+", default=[150_000])
        parser.add_argument("--timeout", type=float, default=300)
        parser.add_argument("--child", action="store_true", help=("internal: measure one size here"))

    def handle(self, *args, paragraphs, timeout, child, **options):
        if child:
            self._measure(paragraphs[0])
            return
        for count in paragraphs:
            started = time.monotonic()
            try:
                out = subprocess.run(
                    [sys.executable, "manage.py", "bench_docx", "--child", "--paragraphs", str(count)],
                    capture_output=True,
                    text=True,
                    timeout=timeout,
                    check=True,
                ).stdout
            except subprocess.TimeoutExpired:
                self.stdout.write(
                    f"paragraphs={count} still running after {time.monotonic() - started:.0f} s"
                )
                continue
            figures = json.loads(out.strip().splitlines()[-1])
            self.stdout.write(
                f"paragraphs={count} file_kb={figures['kb']:.0f} seconds={figures['seconds']:.2f} "
                f"peak_rss_growth_mb={figures['rss_mb']:.0f} outcome={figures['outcome']}"
            )

    def _measure(self, count: int) -> None:
        from articles.ingest import docx

        data = many_paragraphs_docx(count)
        baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        try:
            docx.extract("many.docx", data)
            outcome = "read"
        except IngestError as exc:
            outcome = f"refused: {exc}"
        seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(
            json.dumps(
                {
                    "kb": len(data) / 1024,
                    "seconds": seconds,
                    "rss_mb": (peak - baseline) / 1024,
                    "outcome": outcome,
                }
            )
        )

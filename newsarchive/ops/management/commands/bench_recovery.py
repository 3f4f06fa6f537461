import os
import signal
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from django.core.management.base import BaseCommand

from articles.models import Article
from articles.services import article_enqueue, articles_requeue_stale
from newsarchive.ops.processes import PrivateRedis, start_worker, stop_process, use_broker, wait_for

PARAGRAPH = (
    "„Wir werden die Gespräche fortsetzen“, sagte Kremlsprecher Dmitri Peskow am Mittwoch in Moskau. "
    "Peskow sagte, Russland sei bereit, weitere Gespräche zu führen. "
)


class Command(BaseCommand):
    help = (
        "SIGKILL a whole Celery worker in the middle of an extraction, start another, sweep as beat "
        "does, and print how long until the article was re-queued and done (current settings)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--paragraphs", type=int, default=4000)
        parser.add_argument(
            "--sweep-every", type=float, default=30, help="seconds, as REQUEUE_INTERVAL_SECONDS"
        )

    def handle(self, *args, paragraphs, sweep_every, **options):
        redis = PrivateRedis(Path(tempfile.mkdtemp()))
        redis.start()
        use_broker(redis.url)
        body = "\n\n".join(f"{PARAGRAPH} (Absatz {i})" for i in range(paragraphs))
        article = Article.objects.create(
            title="Recovery benchmark", body=body, language="de", content_hash=f"{time.time_ns():064d}"[-64:]
        )
        doomed = start_worker(redis.url, name="doomed")
        rescuer = None
        try:
            article_enqueue(article_id=article.pk)
            if not wait_for(lambda: Article.objects.get(pk=article.pk).status == "processing", 120, 0.05):
                raise SystemExit("the worker never started the article")
            os.killpg(doomed.pid, signal.SIGKILL)
            doomed.wait()
            if Article.objects.get(pk=article.pk).status != "processing":
                raise SystemExit("the article finished before the kill; use more --paragraphs")
            killed = time.monotonic()
            rescuer = start_worker(redis.url, name="rescuer")
            requeued = None
            while time.monotonic() - killed < 1200:
                if articles_requeue_stale(older_than=timedelta(seconds=600)) and requeued is None:
                    requeued = time.monotonic() - killed
                if Article.objects.get(pk=article.pk).status == "done":
                    break
                time.sleep(sweep_every)
            done = time.monotonic() - killed
            shown = f"{requeued:.0f}" if requeued is not None else "never"
            self.stdout.write(f"worker SIGKILLed: article re-queued after {shown} s, done after {done:.0f} s")
        finally:
            stop_process(doomed)
            if rescuer is not None:
                stop_process(rescuer)
            redis.stop()
            Article.objects.filter(pk=article.pk).delete()

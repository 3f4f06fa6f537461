"""A real Celery worker process, a real Redis broker and the test database."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse

from annotations.models import Quote
from articles.models import Article
from newsarchive.celery import app

BASE_DIR = Path(__file__).resolve().parents[2]
TEXT = (
    "Moskau bestätigt Gespräche\n\n"
    "„Die Gespräche waren sehr konstruktiv und offen“, sagte Kremlsprecher Dmitri Peskow am Dienstag.\n"
)


def _database_url() -> str:
    s = connection.settings_dict
    host = s["HOST"] or "127.0.0.1"
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    return f"postgres://{auth}@{host}:{s['PORT'] or 5432}/{s['NAME']}"


@pytest.fixture
def worker(transactional_db):
    # The worker consumes from the broker this test process publishes to.
    broker = app.conf.broker_url
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "CELERY_BROKER_URL": broker,
        "CELERY_TASK_ALWAYS_EAGER": "false",
    }
    queue_suffix = uuid.uuid4().hex[:6]
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "newsarchive",
            "worker",
            "-Q",
            "nlp,intake",
            "--concurrency",
            "1",
            "--pool",
            "prefork",
            "--loglevel",
            "INFO",
            "-n",
            f"test-{queue_suffix}@%h",
        ],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    yield process
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.mark.integration
def test_real_worker_extracts_uploaded_article(worker, client_as, analyst):
    client = client_as(analyst)
    response = client.post(reverse("upload"), {"text": TEXT})
    assert response.status_code == 302
    article = Article.objects.get()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        article.refresh_from_db()
        if article.status in (Article.Status.DONE, Article.Status.FAILED):
            break
        assert worker.poll() is None, worker.stdout.read()
        time.sleep(0.5)
    assert article.status == Article.Status.DONE, article.failure_reason or "worker did not finish in time"
    assert Quote.objects.filter(article=article, text__startswith="Die Gespräche waren").exists()

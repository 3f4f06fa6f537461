"""A real PostgreSQL restart under a running worker, on a private cluster of the test's own.

The machine's PostgreSQL is shared (other test runs, a developer's server), so the test
initialises its own cluster on a free port, migrates it, and restarts that one.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import psycopg
import pytest

from newsarchive.ops.processes import BASE_DIR, PrivateRedis, free_port, start_worker, stop_process, wait_for

PG_BIN = sorted(glob.glob("/usr/lib/postgresql/*/bin"))


def _as_postgres(*command: str) -> None:
    # PostgreSQL refuses to run as root; the Debian package's user owns the private cluster.
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    subprocess.run([*prefix, *command], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


class PrivatePostgres:
    def __init__(self, directory: Path):
        self.bin = Path(PG_BIN[-1])
        self.data = directory / "pgdata"
        directory.chmod(0o755)
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/newsarchive"

    def init(self) -> None:
        self.data.mkdir(parents=True)
        if os.geteuid() == 0:
            shutil.chown(self.data, "postgres")
        _as_postgres(str(self.bin / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres")
        self.start()
        with psycopg.connect(self.url.replace("/newsarchive", "/postgres"), autocommit=True) as conn:
            conn.execute("CREATE DATABASE newsarchive")

    def _ctl(self, action: str) -> None:
        options = f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1"
        _as_postgres(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options, "-w", "-m", "fast", action
        )

    def start(self) -> None:
        self._ctl("start")

    def restart(self) -> None:
        self._ctl("restart")

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._ctl("stop")


def _manage(database_url: str, broker_url: str, *args: str) -> str:
    env = {**os.environ, "DATABASE_URL": database_url, "CELERY_BROKER_URL": broker_url}
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


CREATE_AND_ENQUEUE = """
from articles.models import Article
from articles.services import article_enqueue
a = Article.objects.create(title="t{n}", body="„Wir bleiben bereit“, sagte Kremlsprecher Dmitri Peskow. {n}",
                           language="de", content_hash="restart-{n}".ljust(64, "0"))
assert article_enqueue(article_id=a.pk)
print(a.pk)
"""


def _status(url: str, article_id: int) -> str | None:
    try:
        with psycopg.connect(url, connect_timeout=3) as conn:
            row = conn.execute("SELECT status FROM articles_article WHERE id = %s", [article_id]).fetchone()
            return row[0] if row else None
    except psycopg.OperationalError:
        return None


@pytest.mark.integration
def test_worker_recovers_from_a_real_database_restart(tmp_path):
    assert PG_BIN, "PostgreSQL server binaries are needed (Debian's postgresql package)"
    # Not under tmp_path: pytest's root-only folder is closed to the postgres user.
    cluster_dir = Path(tempfile.mkdtemp(prefix="newsarchive-pg-"))
    postgres, redis = PrivatePostgres(cluster_dir), PrivateRedis(tmp_path)
    postgres.init()
    redis.start()
    worker = None
    try:
        _manage(postgres.url, redis.url, "migrate", "--noinput", "-v0")
        worker = start_worker(redis.url, name="restart", database_url=postgres.url)
        first = int(
            _manage(postgres.url, redis.url, "shell", "-c", CREATE_AND_ENQUEUE.format(n=1)).split()[-1]
        )
        assert wait_for(lambda: _status(postgres.url, first) == "done", 120)

        postgres.restart()  # every connection the worker holds is gone; the server is back

        second = int(
            _manage(postgres.url, redis.url, "shell", "-c", CREATE_AND_ENQUEUE.format(n=2)).split()[-1]
        )
        assert wait_for(lambda: _status(postgres.url, second) == "done", 120), _status(postgres.url, second)
        assert worker.poll() is None  # recovered without a restart of its own
    finally:
        if worker is not None:
            stop_process(worker)
        redis.stop()
        postgres.stop()
        shutil.rmtree(cluster_dir, ignore_errors=True)

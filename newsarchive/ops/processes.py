"""Real worker and broker processes for fault tests and worker benchmarks."""

from __future__ import annotations

import contextlib
import http.client
import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

from django.db import connection

from newsarchive.celery import app

BASE_DIR = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def current_database_url() -> str:
    """A URL for the database this process is connected to (the test database inside tests)."""
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


class PrivateRedis:
    """A redis-server of our own on a free port, so stopping it disturbs nobody else."""

    def __init__(self, directory: Path):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.dir = directory
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        binary = shutil.which("redis-server")
        if not binary:
            raise RuntimeError("redis-server is not installed")
        self.process = subprocess.Popen(
            [
                binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.dir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if not wait_for(lambda: _port_open(self.port), 10, 0.1):
            raise RuntimeError("the private redis did not start")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


def _port_open(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
        return True
    except OSError:
        return False


def use_broker(url: str) -> None:
    """Point this process's Celery app at `url`; its connection pools are rebuilt lazily."""
    from kombu import pools

    app.conf.broker_url = url
    app.conf.broker_write_url = url
    app.conf.broker_read_url = url
    if app._pool is not None:
        app._pool.force_close_all()
    app._pool = None
    app.amqp._producer_pool = None
    pools.reset()
    actual = app.connection_for_write().as_uri(include_password=True)
    if actual.rstrip("/") != url.rstrip("/"):
        raise RuntimeError(f"Celery still publishes to {actual}, not {url}")


def start_worker(
    broker_url: str,
    *,
    name: str = "worker",
    concurrency: int = 1,
    queues: str = "nlp,intake",
    database_url: str | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": database_url or current_database_url(),
        "CELERY_BROKER_URL": broker_url,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        **(env or {}),
    }
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "newsarchive",
            "worker",
            "-Q",
            queues,
            "--concurrency",
            str(concurrency),
            "--pool",
            "prefork",
            "--loglevel",
            "WARNING",
            "-n",
            f"{name}-{uuid.uuid4().hex[:6]}@%h",
        ],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def stop_process(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_for(predicate: Callable[[], object], seconds: float, interval: float = 0.3) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return bool(predicate())


def start_web(
    port: int,
    *,
    server: str = "gunicorn",
    workers: int = 2,
    database_url: str | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.Popen:
    """The web server as `make run` starts it (gunicorn), or Django's runserver for comparison."""
    from newsarchive.devrun import web_command

    if server == "gunicorn":
        command = web_command(sys.executable, port=port, workers=workers)
    elif server == "runserver":
        command = [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"]
    else:
        raise ValueError(f"unknown server {server!r}")
    process = subprocess.Popen(
        command,
        cwd=BASE_DIR,
        env={
            **os.environ,
            "DATABASE_URL": database_url or current_database_url(),
            "CELERY_TASK_ALWAYS_EAGER": "false",
            **(env or {}),
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    if (
        not wait_for(lambda: process.poll() is not None or _port_open(port), 60, 0.2)
        or process.poll() is not None
    ):
        stop_process(process)
        raise RuntimeError(f"the web server ({server}) did not start")
    return process


def database_connections(database: str) -> int:
    """Connections other processes hold to `database` (this process's own excluded)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [database],
        )
        return cursor.fetchone()[0]


@contextlib.contextmanager
def requests_on_separate_connections(url: str, count: int) -> Iterator[list[int]]:
    """GET `url` `count` times, each on a new TCP connection that stays open (as keep-alive
    clients leave it) until the block ends; yields the status codes. Each sends a stale session
    cookie, so every request reads the database as a returning visitor's would."""
    parts = urlsplit(url)
    statuses, open_connections = [], []
    try:
        for _ in range(count):
            conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
            open_connections.append(conn)
            conn.request("GET", parts.path or "/", headers={"Cookie": "sessionid=expired-session-key"})
            response = conn.getresponse()
            response.read()
            statuses.append(response.status)
        yield statuses
    finally:
        for conn in open_connections:
            conn.close()

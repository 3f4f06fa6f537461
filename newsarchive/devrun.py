"""Start the web server, one Celery worker and Celery beat; Ctrl-C or SIGTERM stops all three.

    python -m newsarchive.devrun [--port 8000] [--mode dev|prod] [--logins FILE]

Used by `make run` (dev) and `make prod` after the database is prepared. The web server is
gunicorn with a few sync workers in both modes: each worker serves one request at a time
and keeps at most one database connection, so the app never holds more than `WEB_WORKERS`
connections however many clients connect (Django's runserver opened a thread, and so a
connection, per client). The three processes log to `var/log/`; the terminal shows only the
address and the logins, once the server answers.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
# Logs, the beat schedule and the logins file; tests point it elsewhere.
RUN_DIR = Path(os.environ.get("RUN_DIR") or BASE_DIR / "var").resolve()
LOG_DIR = RUN_DIR / "log"


def web_workers(mode: str) -> int:
    raw = os.environ.get("WEB_WORKERS", "2" if mode == "dev" else "3")
    try:
        workers = int(raw)
    except ValueError:
        raise SystemExit(f"WEB_WORKERS must be a whole number, not {raw!r}") from None
    if workers < 1:
        raise SystemExit("WEB_WORKERS must be at least 1")
    return workers


def web_command(python: str, *, port: int, workers: int, host: str = "127.0.0.1") -> list[str]:
    """The gunicorn command line `make run`, `make prod` and the tests start."""
    return [
        python,
        "-m",
        "gunicorn",
        "newsarchive.wsgi:application",
        "--bind",
        f"{host}:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        "sync",
        # Uploads are parsed in the request (bounded per file); a worker stuck longer is replaced.
        "--timeout",
        os.environ.get("WEB_TIMEOUT", "120"),
        "--graceful-timeout",
        "10",
        # Recycled now and then, so a slow leak in a parser cannot grow a worker forever.
        "--max-requests",
        "2000",
        "--max-requests-jitter",
        "200",
        "--access-logfile",
        "-",
    ]


def worker_command(python: str) -> list[str]:
    return [
        python,
        "-m",
        "celery",
        "-A",
        "newsarchive",
        "worker",
        "-Q",
        "nlp,intake",
        "--concurrency",
        "1",
        "--loglevel",
        "INFO",
    ]


def beat_command(python: str) -> list[str]:
    return [
        python,
        "-m",
        "celery",
        "-A",
        "newsarchive",
        "beat",
        "--loglevel",
        "WARNING",
        "--schedule",
        str(RUN_DIR / "celerybeat-schedule"),
    ]


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - our own local server
            return response.status < 500
    except urllib.error.HTTPError as exc:
        return exc.code < 500
    except OSError:
        return False


class _Stop(Exception):
    pass


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--mode", choices=("dev", "prod"), default="dev")
    parser.add_argument(
        "--logins", type=Path, help="a file with the demo logins, printed once the server answers"
    )
    args = parser.parse_args()
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    python = sys.executable
    commands = {
        "web": web_command(python, port=args.port, workers=web_workers(args.mode)),
        "worker": worker_command(python),
        "beat": beat_command(python),
    }

    def stop(*_args) -> None:
        raise _Stop

    # Installed before any child exists, so a SIGTERM at any moment stops everything.
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGHUP, stop)
    parent = os.getppid()
    processes: dict[str, subprocess.Popen] = {}
    try:
        for name, command in commands.items():
            log = open(LOG_DIR / f"{name}.log", "ab")  # noqa: SIM115 - closed with the process
            # Own process group: a Ctrl-C reaches devrun, which stops the children in order.
            processes[name] = subprocess.Popen(
                command, cwd=BASE_DIR, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
            log.close()
        url = f"http://127.0.0.1:{args.port}/"
        deadline = time.monotonic() + 60
        while not answers(url + "accounts/login/"):
            if time.monotonic() > deadline or any(p.poll() is not None for p in processes.values()):
                print(f"The web server did not start; see {LOG_DIR}/web.log", file=sys.stderr)
                return 1
            time.sleep(0.3)
        logins = args.logins.read_text() if args.logins and args.logins.exists() else ""
        print(f"\nLogs: {LOG_DIR}/web.log, worker.log, beat.log", flush=True)
        if logins:
            print("Demo accounts:\n" + logins.rstrip(), flush=True)
        print(f"\nnewsarchive is running at {url}  ({args.mode}; Ctrl-C stops it)\n", flush=True)
        while all(p.poll() is None for p in processes.values()):
            if os.getppid() != parent:  # make (or the terminal) went away without telling us
                raise _Stop
            time.sleep(0.5)
        dead = [name for name, p in processes.items() if p.poll() is not None]
        print(f"{', '.join(dead)} stopped; stopping the rest (see {LOG_DIR})", file=sys.stderr)
        return 1
    except (_Stop, KeyboardInterrupt):
        print("\nstopping…", file=sys.stderr)
        return 0
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        for process in processes.values():
            if process.poll() is None:
                process.terminate()
        deadline = time.monotonic() + 15
        for process in processes.values():
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


if __name__ == "__main__":
    sys.exit(main())

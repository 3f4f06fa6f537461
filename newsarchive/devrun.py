"""Start the web server, one Celery worker and Celery beat; Ctrl-C stops all three.

    python -m newsarchive.devrun [--port 8000]

Used by `make run` after the database is prepared.
"""

from __future__ import annotations

import argparse
import signal
import subprocess
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8000)
    port = parser.parse_args().port
    (BASE_DIR / "var").mkdir(exist_ok=True)
    python = sys.executable
    commands = {
        "worker": [
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
        ],
        "beat": [
            python,
            "-m",
            "celery",
            "-A",
            "newsarchive",
            "beat",
            "--loglevel",
            "WARNING",
            "--schedule",
            str(BASE_DIR / "var" / "celerybeat-schedule"),
        ],
        "web": [python, "manage.py", "runserver", f"127.0.0.1:{port}"],
    }
    processes = {name: subprocess.Popen(cmd, cwd=BASE_DIR) for name, cmd in commands.items()}

    def stop(*_args) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    time.sleep(2)
    print(f"\nnewsarchive is running at http://127.0.0.1:{port}/  (Ctrl-C stops it)\n", flush=True)
    try:
        while all(p.poll() is None for p in processes.values()):
            time.sleep(0.5)
        dead = [name for name, p in processes.items() if p.poll() is not None]
        print(f"{', '.join(dead)} stopped; stopping the rest", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nstopping…", file=sys.stderr)
        return 0
    finally:
        for process in processes.values():
            if process.poll() is None:
                process.terminate()
        deadline = time.monotonic() + 15
        for process in processes.values():
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()


if __name__ == "__main__":
    sys.exit(main())

"""`make run` as a newcomer sees it: quiet start, the address and logins last, and Ctrl-C or
SIGTERM stops web, worker and beat."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time

import pytest

from newsarchive.devrun import answers as devrun_answers
from newsarchive.ops.processes import BASE_DIR, current_database_url, free_port, wait_for

pytestmark = pytest.mark.integration


def _descendants(pid: int) -> set[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    children = {int(p) for p in out.split()}
    for child in set(children):
        children |= _descendants(child)
    return children


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie has stopped; only its parent has not collected it yet.
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def _start_make_run(tmp_path, private_redis) -> tuple[subprocess.Popen, int, list[str]]:
    private_redis.start()
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": current_database_url(),
        "CELERY_BROKER_URL": private_redis.url,
        "RUN_DIR": str(tmp_path),
        "DEMO_ADMIN_PASSWORD": "admin-pass-for-the-test-1",
        "DEMO_ANALYST_PASSWORD": "analyst-pass-for-the-test-1",
    }
    # `-o .venv/.installed`: the shared virtualenv is taken as installed, never rebuilt by a test.
    make = subprocess.Popen(
        ["make", "-s", "-o", ".venv/.installed", "run", f"PORT={port}"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group, as a terminal gives it
    )
    lines: list[str] = []

    def read() -> None:
        for line in make.stdout:
            lines.append(line.rstrip("\n"))

    threading.Thread(target=read, daemon=True).start()
    return make, port, lines


def _wait_until_running(make, lines) -> None:
    running = wait_for(lambda: any("is running at" in line for line in lines) or make.poll() is not None, 180)
    assert running and make.poll() is None, "\n".join(lines)
    time.sleep(0.5)  # anything printed after the address would show up now


def _stops_everything(make: subprocess.Popen, send) -> None:
    family = _descendants(make.pid)
    assert len(family) >= 4  # devrun, gunicorn master and workers, celery worker, beat
    send()
    assert wait_for(lambda: not any(_alive(p) for p in family | {make.pid}), 60, 0.5), [
        p for p in family if _alive(p)
    ]


def test_make_run_prints_the_address_and_logins_last_and_stops_on_sigterm(
    transactional_db, countries, tmp_path, private_redis
):
    make, port, lines = _start_make_run(tmp_path, private_redis)
    try:
        _wait_until_running(make, lines)
        text = "\n".join(lines)
        assert [line for line in lines if line.strip()][-1].startswith("newsarchive is running at"), text
        assert devrun_answers(f"http://127.0.0.1:{port}/accounts/login/")
        assert text.index("analyst-pass-for-the-test-1") < text.index("is running at")
        assert "Migrat" not in text and "Operations to perform" not in text  # setup output went to a log
        assert (tmp_path / "log" / "web.log").exists()
        _stops_everything(make, lambda: make.send_signal(signal.SIGTERM))
    finally:
        if make.poll() is None:
            os.killpg(make.pid, signal.SIGKILL)


def test_ctrl_c_stops_web_worker_and_beat(transactional_db, countries, tmp_path, private_redis):
    make, port, lines = _start_make_run(tmp_path, private_redis)
    try:
        _wait_until_running(make, lines)
        # Ctrl-C: the terminal sends SIGINT to the whole foreground process group.
        _stops_everything(make, lambda: os.killpg(make.pid, signal.SIGINT))
    finally:
        if make.poll() is None:
            os.killpg(make.pid, signal.SIGKILL)

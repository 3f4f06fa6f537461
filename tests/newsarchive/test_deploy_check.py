"""Production settings: `check --deploy` is silent, and the hardening follows DEBUG=false."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _production_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SECURE_", "SESSION_", "CSRF_"))}
    env.update(
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="archive.example.org",
        DJANGO_SETTINGS_MODULE="newsarchive.settings",
    )
    env.update(extra)
    env.pop("BEHIND_PROXY", None)
    return env


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_prints_no_warning():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=_production_env())
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output
    assert "WARNING" not in output.upper().replace("--FAIL-LEVEL WARNING", "")


def test_production_settings_are_hardened():
    code = (
        "import json; from django.conf import settings as s; print(json.dumps({k: getattr(s, k) for k in ["
        "'DEBUG','SECURE_SSL_REDIRECT','SECURE_HSTS_SECONDS','SECURE_HSTS_INCLUDE_SUBDOMAINS',"
        "'SESSION_COOKIE_SECURE','CSRF_COOKIE_SECURE','SESSION_COOKIE_HTTPONLY','X_FRAME_OPTIONS',"
        "'SECURE_CONTENT_TYPE_NOSNIFF','DATA_UPLOAD_MAX_NUMBER_FILES','DATA_UPLOAD_MAX_MEMORY_SIZE',"
        "'AXES_FAILURE_LIMIT','CONTENT_SECURITY_POLICY','AUTH_PASSWORD_VALIDATORS','INSTALLED_APPS',"
        "'MIDDLEWARE']}, default=str))"
    )
    result = _manage("shell", "-c", code, env=_production_env())
    assert result.returncode == 0, result.stderr
    s = json.loads(result.stdout.strip().splitlines()[-1])
    assert s["DEBUG"] is False
    assert (
        s["SECURE_SSL_REDIRECT"]
        and s["SECURE_HSTS_SECONDS"] >= 31536000
        and s["SECURE_HSTS_INCLUDE_SUBDOMAINS"]
    )
    assert s["SESSION_COOKIE_SECURE"] and s["CSRF_COOKIE_SECURE"] and s["SESSION_COOKIE_HTTPONLY"]
    assert s["X_FRAME_OPTIONS"] == "DENY" and s["SECURE_CONTENT_TYPE_NOSNIFF"]
    assert s["DATA_UPLOAD_MAX_NUMBER_FILES"] and s["DATA_UPLOAD_MAX_MEMORY_SIZE"]
    assert len(s["AUTH_PASSWORD_VALIDATORS"]) >= 4
    assert "axes" in s["INSTALLED_APPS"] and s["MIDDLEWARE"][-1] == "axes.middleware.AxesMiddleware"
    directives = s["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]
    assert directives["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in json.dumps(directives) and "'unsafe-eval'" not in json.dumps(directives)


@pytest.mark.parametrize(("name", "value"), [("DEBUG", "maybe"), ("LOGIN_FAILURE_LIMIT", "0")])
def test_bad_values_stop_start_up(name, value):
    result = _manage("check", env=_production_env(**{name: value}))
    assert result.returncode != 0
    assert name in result.stderr


def test_no_secret_key_stops_production_start_up():
    env = _production_env()
    env.pop("SECRET_KEY")
    result = _manage("check", env=env)
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr

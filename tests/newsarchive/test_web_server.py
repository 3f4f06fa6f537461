"""The web server as `make run` and `make prod` start it (gunicorn), driven by real HTTP clients."""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.db import connection

from articles.models import Article
from newsarchive.api.auth import api_token_issue
from newsarchive.ops.processes import (
    BASE_DIR,
    database_connections,
    free_port,
    requests_on_separate_connections,
    start_web,
    stop_process,
    wait_for,
)

pytestmark = pytest.mark.integration


def _children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def test_300_clients_hold_no_more_connections_than_the_server_has_workers(transactional_db):
    database = connection.settings_dict["NAME"]
    port = free_port()
    before = database_connections(database)
    web = start_web(port, workers=2)
    try:
        with requests_on_separate_connections(f"http://127.0.0.1:{port}/accounts/login/", 300) as statuses:
            held = database_connections(database) - before
    finally:
        stop_process(web)
    assert len(statuses) == 300 and all(s == 200 for s in statuses)
    # runserver held one connection per client (about 100 exhausted PostgreSQL for everyone).
    assert 1 <= held <= 2


def test_token_upload_through_a_real_http_client(transactional_db, analyst, private_redis):
    private_redis.start()
    port = free_port()
    web = start_web(port, env={"CELERY_BROKER_URL": private_redis.url})
    body = urllib.parse.urlencode({"text": "Talks in Moscow\n\nDmitri Peskow said the talks would go on."})
    try:
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/articles/",
            data=body.encode(),
            headers={
                "Authorization": f"Bearer {api_token_issue(analyst)}",
                "Content-Type": "application/x-www-form-urlencoded",
            },
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            status, data = response.status, json.load(response)
        # The same request without the token is refused.
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request(
            "POST", "/api/articles/", body=body, headers={"Content-Type": "application/x-www-form-urlencoded"}
        )
        anonymous = conn.getresponse().status
        conn.close()
    finally:
        stop_process(web)
    assert status == 202, data
    assert Article.objects.filter(pk=data["article_id"]).exists()
    assert anonymous in (401, 403)


def test_production_mode_serves_static_files_with_several_workers(transactional_db, tmp_path):
    env = {
        "DEBUG": "false",
        "SECRET_KEY": "a-test-secret-key-that-is-long-enough-for-the-deploy-check-0123456789",
        "STATIC_ROOT": str(tmp_path / "static"),
        # No TLS proxy in front of this test server.
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=BASE_DIR,
        env={**os.environ, **env},
        check=True,
    )
    manifest = json.loads((tmp_path / "static" / "staticfiles.json").read_text())["paths"]
    css = next(hashed for name, hashed in manifest.items() if name.endswith(".css"))
    port = free_port()
    web = start_web(port, workers=3, env=env)
    try:
        assert wait_for(lambda: len(_children(web.pid)) == 3, 30)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/static/{css}", timeout=10) as response:
            assert response.status == 200
            assert "immutable" in response.headers["Cache-Control"]  # whitenoise, hashed name
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/", timeout=10) as response:
            page = response.read().decode()
            assert f"/static/{css}" in page or "/static/" in page
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/static/nothing-here.css", timeout=10)
        assert missing.value.code == 404
        assert b"Traceback" not in missing.value.read()  # DEBUG really is off
    finally:
        stop_process(web)

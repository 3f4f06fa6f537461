"""The Content-Security-Policy in a real browser: no page trips it, hostile text runs nothing.

Debian's Chromium via Playwright, as in tests/e2e: logs in through the form (django-axes
sees a real request), walks the pages that show hostile text, and fails on any CSP report,
page error or dialog (an `alert` from injected markup).
"""

from __future__ import annotations

import playwright.sync_api as playwright_api
import pytest
from django.db import connections

from articles.models import Article, Source
from tests.conftest import PASSWORD

CHROMIUM = "/usr/bin/chromium"
PAYLOAD = '<script>alert(1)</script>"><img src=x onerror=alert(2)>{{ 7|add:1 }}'

pytestmark = [
    pytest.mark.e2e,
    # As in tests/e2e: no serialized_rollback (it collides with content types re-created by
    # earlier flushes); the fixtures build what the test needs. CI installs chromium: no skip.
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def browser(monkeypatch):
    # monkeypatch restores it even when the browser fails to start, so no later test inherits it
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-sync"]
        )
        yield browser
        browser.close()


def test_pages_trip_no_policy_and_run_no_hostile_markup(live_server, admin_user, browser):
    try:
        source = Source.objects.create(name=f"Src {PAYLOAD}", notes=PAYLOAD, signatures=[PAYLOAD])
        article = Article.objects.create(
            title=f"Title {PAYLOAD}",
            body=f"Body {PAYLOAD}",
            content_hash="e" * 64,
            source=source,
            status="done",
        )
        page = browser.new_page()
        page.set_default_timeout(20_000)
        problems: list[str] = []
        page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
        page.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
        # Failed loads are checked by URL below; a missing favicon is no concern.
        page.on(
            "console",
            lambda msg: (
                problems.append(f"console: {msg.text}")
                if (msg.type == "error" and "Failed to load resource" not in msg.text)
                or "Content Security Policy" in msg.text
                else None
            ),
        )
        page.on(
            "response",
            lambda r: (
                problems.append(f"{r.status} {r.url}")
                if r.status >= 400 and not r.url.endswith("/favicon.ico")
                else None
            ),
        )
        page.goto(f"{live_server.url}/accounts/login/")
        page.fill("input[name=username]", admin_user.username)
        page.fill("input[name=password]", PASSWORD)
        page.click("button:has-text('Log in')")
        page.wait_for_url(f"{live_server.url}/")
        paths = [
            "/",
            "/articles/",
            f"/articles/{article.pk}/",
            "/sources/",
            f"/sources/{source.pk}/",
            f"/sources/{source.pk}/edit/",
            "/sources/new/",
            "/accounts/manage/",
            "/accounts/manage/invite/",
            "/quotes/",
            "/search/?q=alert",
        ]
        for path in paths:
            response = page.goto(f"{live_server.url}{path}")
            assert response.status == 200, path
            assert "script-src 'self'" in response.headers["content-security-policy"]
            page.wait_for_load_state("load")
            assert page.evaluate("typeof htmx") == "object", path  # our own scripts still load
        # The hostile title is on the page as text.
        page.goto(f"{live_server.url}/articles/{article.pk}/")
        assert PAYLOAD in page.text_content("body")
        assert problems == []
    finally:
        connections.close_all()

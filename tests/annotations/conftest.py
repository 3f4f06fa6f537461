"""The browser fixtures: Debian's Chromium through Playwright, Celery run eagerly."""

from __future__ import annotations

import playwright.sync_api as playwright_api
import pytest

from tests.conftest import PASSWORD

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture
def eager_celery():
    from newsarchive.celery import app

    app.conf.task_always_eager = True
    yield app
    app.conf.task_always_eager = False


@pytest.fixture
def browser_page(monkeypatch):
    # Playwright's sync API runs an event loop in this thread; the ORM asserts below are plain
    # synchronous calls between browser steps (djangoproject.com's Playwright tests do the same).
    # monkeypatch restores it even when the browser fails to start, so no later test inherits it
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        page = browser.new_page()
        page.set_default_timeout(30_000)
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        yield page
        browser.close()
        assert not errors, errors


def log_in(page, live_server, user) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button:has-text('Log in')")

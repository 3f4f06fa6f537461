"""An analyst's first day in a real browser: pages that update themselves, and the review workflow."""

from __future__ import annotations

import os
from pathlib import Path

import playwright.sync_api as playwright_api
import pytest
from django.db import connections

from annotations.models import Mention, Origin, Status
from articles.models import Article, Upload, UploadItem
from tests.e2e.conftest import log_in

expect = playwright_api.expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

BODY = "Dmitri Peskow sagte in Moskau, Russland sei bereit."


@pytest.fixture
def closing_connections():
    yield
    # The ORM calls between browser steps get their own connection under Playwright's loop.
    connections.close_all()


def _shot(page, name: str) -> None:
    if os.environ.get("E2E_SCREENSHOTS"):
        page.screenshot(path=str(Path(os.environ["E2E_SCREENSHOTS"]) / f"{name}.png"), full_page=True)


def test_upload_report_and_home_update_themselves(live_server, analyst, browser_page, closing_connections):
    page = browser_page
    article = Article.objects.create(title="Still queued", body=BODY, content_hash="e" * 64)
    upload = Upload.objects.create(uploaded_by=analyst)
    UploadItem.objects.create(upload=upload, name="a.txt", outcome="stored", article=article)
    log_in(page, live_server, analyst)

    page.goto(f"{live_server.url}/uploads/{upload.pk}/")
    expect(page.locator("#upload-items")).to_contain_text("Queued")
    expect(page.locator("#upload-items")).to_have_attribute("hx-trigger", "every 2s")
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DONE)
    expect(page.locator("#upload-items .status")).to_have_text("Done", timeout=10_000)
    expect(page.locator("#upload-items")).not_to_have_attribute("hx-trigger", "every 2s")

    Article.objects.filter(pk=article.pk).update(status=Article.Status.PROCESSING)
    page.goto(f"{live_server.url}/")
    expect(page.locator("#home-lists section").first).to_contain_text("Still queued")
    Article.objects.filter(pk=article.pk).update(status=Article.Status.FAILED, failure_reason="Broken.")
    expect(page.locator("#home-lists section").first).to_contain_text("No articles.", timeout=10_000)
    expect(page.locator("#home-lists section").nth(1)).to_contain_text("Still queued")
    expect(page.locator("#home-lists")).not_to_have_attribute("hx-trigger", "every 2s")


def test_review_queue_next_and_mark_reviewed(live_server, analyst, browser_page, closing_connections):
    page = browser_page
    first = Article.objects.create(title="First to review", body=BODY, content_hash="f" * 64, status="done")
    second = Article.objects.create(title="Second to review", body=BODY, content_hash="g" * 64, status="done")
    start = BODY.index("Moskau")
    Mention.objects.create(
        article=first, start=start, end=start + 6, label="LOC", text="Moskau", origin=Origin.MACHINE
    )
    log_in(page, live_server, analyst)

    page.goto(f"{live_server.url}/review/")
    expect(page.locator("#review-queue")).to_contain_text("First to review")
    expect(page.locator("#review-queue")).to_contain_text("Second to review")
    page.select_option("select[name=assigned]", "unassigned")
    page.locator("form.filters button").click()
    expect(page.locator("#review-queue tbody tr")).to_have_count(2)
    page.locator("#review-queue tbody tr", has_text="Second to review").locator("button").click()
    expect(page.locator("#review-queue tbody tr")).to_have_count(1)  # taken: no longer unassigned
    _shot(page, "review-queue")

    # Mine first: the second article, then the first.
    page.locator("#queue-next").click()
    expect(page.locator("h1")).to_have_text("Second to review")
    page.locator("#review-button").click()
    expect(page.locator(".review-state")).to_contain_text("Reviewed")
    page.locator("#review-next").click()
    expect(page.locator("h1")).to_have_text("First to review")

    page.locator("#review-button").click()
    expect(page.locator("#review-open")).to_contain_text("1 place")
    _shot(page, "review-open")
    page.locator("#review-accept-open").click()
    expect(page.locator(".review-state")).to_contain_text("Reviewed")
    assert Mention.objects.get(article=first).status == Status.ACCEPTED
    page.locator("#review-next").click()
    expect(page.locator("h1")).to_have_text("Review queue")
    expect(page.locator(".messages")).to_contain_text("No unreviewed article")
    assert set(Article.objects.values_list("review_state", flat=True)) == {"reviewed"}
    assert Article.objects.get(pk=second.pk).assigned_to == analyst

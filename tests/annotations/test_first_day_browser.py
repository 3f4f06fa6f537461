"""An analyst's first day in a real browser: pages that update themselves, and the review workflow."""

from __future__ import annotations

import os
from pathlib import Path

import playwright.sync_api as playwright_api
import pytest
from django.db import connections

from annotations.models import Mention, Origin, Person, Quote, Status
from articles.models import Article, Upload, UploadItem
from tests.annotations.conftest import log_in

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


LONG_BODY = "\n\n".join(
    [
        "Dmitri Peskow sagte in Moskau: „Wir sind bereit.“",
        "Peskow lobte Nordkorea. Die Beziehungen seien gut, hieß es aus dem Kreml am Dienstag.",
        "Russland werde weiter verhandeln, sagte Peskow.",
    ]
)


def test_span_guard_rails(live_server, analyst, browser_page, closing_connections, settings):
    from tests.annotations.test_workspace_browser import SELECT_PHRASE

    settings.QUOTE_WARN_CHARS = 100
    page = browser_page
    article = Article.objects.create(
        title="Guard rails", body=LONG_BODY, content_hash="h" * 64, status="done"
    )
    start = LONG_BODY.index("Wir sind bereit.")
    Mention.objects.create(
        article=article,
        start=LONG_BODY.index("Moskau"),
        end=LONG_BODY.index("Moskau") + 6,
        label="PERSON",
        text="Moskau",
        origin=Origin.MACHINE,
    )
    from annotations.models import Quote

    Quote.objects.create(
        article=article,
        start=start,
        end=start + 16,
        text="Wir sind bereit.",
        direct=True,
        origin=Origin.MACHINE,
    )
    log_in(page, live_server, analyst)
    page.goto(f"{live_server.url}/articles/{article.pk}/")

    # A drag across three paragraphs: warned, nothing saved until confirmed.
    page.evaluate(SELECT_PHRASE, LONG_BODY[5:])
    page.select_option("#new-annotation select[name=kind]", "QUOTE_DIRECT")
    page.locator("#new-annotation button:has-text('Add')").click()
    expect(page.locator("#span-confirm")).to_contain_text("paragraph break")
    expect(page.locator("#span-confirm")).to_contain_text("overlaps 1 other quote")
    _shot(page, "span-confirm")
    assert Quote.objects.filter(article=article).count() == 1
    page.locator("#span-confirm-save").click()
    expect(page.locator("#span-confirm")).to_have_count(0)
    added = Quote.objects.get(article=article, origin="person")
    assert added.start == 5

    # The editor asks for the speaker, with the cursor in the speaker search.
    expect(page.locator("#ask-speaker")).to_be_visible()
    expect(page.locator(f"#speaker-search-{added.pk}")).to_be_focused()
    page.locator(f"#quote-direct-{added.pk}").click()
    expect(page.locator("#editor h3")).to_have_text("Indirect quote")
    assert Quote.objects.get(pk=added.pk).direct is False

    # A mention's type changes in place.
    mention = Mention.objects.get(article=article)
    page.locator(f"#mention-{mention.pk} button").click()
    expect(page.locator("#editor .relabel")).to_be_visible()
    page.select_option("#editor select[name=label]", "LOC")
    page.locator("#editor button:has-text('Change type')").click()
    expect(page.locator("#editor h3")).to_contain_text("Place")
    assert Mention.objects.get(article=article).label == "LOC"


def test_api_docs_and_tokens_in_the_browser(live_server, viewer, browser_page, closing_connections):
    page = browser_page
    refused: list[str] = []
    page.on(
        "console", lambda msg: refused.append(msg.text) if "Content Security Policy" in msg.text else None
    )
    log_in(page, live_server, viewer)

    page.goto(f"{live_server.url}/api/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("newsarchive")
    expect(page.locator(".opblock-summary-path").first).to_be_visible()
    # Try an endpoint from the page, with the session.
    block = page.locator(
        ".opblock", has=page.locator('.opblock-summary-path[data-path="/api/articles/"]')
    ).first
    block.locator(".opblock-summary").click()
    block.locator("button.try-out__btn").click()
    block.locator("button.execute").click()
    expect(block.locator(".live-responses-table tbody .response-col_status").first).to_contain_text("200")
    _shot(page, "api-docs")

    page.goto(f"{live_server.url}/accounts/tokens/")
    page.fill("input[name=name]", "notebook")
    page.locator("button:has-text('Create token')").click()
    token = page.locator("#new-token-value").input_value()
    assert token
    expect(page.locator("#tokens")).to_contain_text("notebook")
    _shot(page, "tokens")
    page.locator("#tokens button:has-text('Revoke')").click()
    expect(page.locator("#tokens")).to_contain_text("revoked")
    assert refused == [], refused


DROP_FILES = """([selector, files]) => {
  const transfer = new DataTransfer();
  for (const [name, text] of files) transfer.items.add(new File([text], name, {type: "text/plain"}));
  const event = new DragEvent("drop", {bubbles: true, cancelable: true, dataTransfer: transfer});
  document.querySelector(selector).dispatchEvent(event);
  return event.defaultPrevented;
}"""


def test_drag_and_drop_upload(live_server, analyst, browser_page, closing_connections, eager_celery):
    page = browser_page
    log_in(page, live_server, analyst)
    page.goto(f"{live_server.url}/articles/upload/")
    files = [
        ["erste.txt", "Erste Meldung\n\nDer Kreml erklärte am Montag, Russland sei bereit."],
        ["zweite.txt", "Zweite Meldung\n\nDie Regierung in Paris sagte, man prüfe das Angebot."],
    ]
    # A drop beside the box is swallowed: the page stays.
    assert page.evaluate(DROP_FILES, ["h1", files[:1]]) is True
    assert page.url.endswith("/articles/upload/")
    expect(page.locator("#upload-list li")).to_have_count(0)

    assert page.evaluate(DROP_FILES, ["#dropzone", files]) is True
    expect(page.locator("#upload-list li")).to_have_count(2)
    expect(page.locator("#upload-list")).to_contain_text("erste.txt")
    expect(page.locator("#upload-summary")).to_have_text("2 files ready to upload")
    _shot(page, "upload-dropped")
    page.locator("button:has-text('Upload')").click()
    expect(page.locator("h1")).to_have_text("Upload report")
    expect(page.locator("#upload-items")).to_contain_text("2 stored")
    assert Article.objects.count() == 2


def test_phone_width_error_pages_and_chart(
    live_server, viewer, analyst, browser_page, closing_connections, countries
):
    from annotations.models import Country

    page = browser_page
    russia = Country.objects.get(alpha2="RU")
    for n, month in enumerate([1, 2, 2, 5, 11]):
        article = Article.objects.create(
            title=f"Chart {n}",
            body=BODY,
            content_hash=f"c{n}".ljust(64, "0"),
            status="done",
            published=f"2025-{month:02d}-03",
        )
        start = BODY.index("Russland")
        Mention.objects.create(
            article=article,
            start=start,
            end=start + 8,
            label="COUNTRY",
            text="Russland",
            country=russia,
            origin=Origin.MACHINE,
        )
    # The person page's two columns: a speaker quoted next to one with a long one-word name.
    peskow = Person.objects.create(name="Dmitri Peskow")
    ministry = Person.objects.create(name="Bundesverteidigungsministerium", kind=Person.Kind.ORGANISATION)
    for speaker, at in ((peskow, 0), (ministry, 10)):
        Quote.objects.create(
            article=article,
            start=at,
            end=at + 5,
            text=BODY[at : at + 5],
            direct=True,
            speaker=speaker,
            origin=Origin.MACHINE,
        )
    log_in(page, live_server, viewer)
    page.set_viewport_size({"width": 390, "height": 800})
    for path in [
        "/",
        "/articles/",
        "/quotes/",
        f"/countries/{russia.alpha2}/",
        f"/persons/{peskow.pk}/",
        "/no/such/page/",
        "/articles/upload/",
    ]:
        page.goto(f"{live_server.url}{path}")
        # Nothing runs off the side of a phone screen: the navigation wraps.
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
        expect(page.locator("header.top nav a").first).to_be_visible()
        _shot(page, "phone" + path.replace("/", "_"))
    page.goto(f"{live_server.url}/no/such/page/")
    expect(page.locator("h1")).to_have_text("Not found")
    expect(page.locator(".error-links a", has_text="Articles")).to_be_visible()
    page.goto(f"{live_server.url}/articles/upload/")
    expect(page.locator("h1")).to_have_text("Not allowed")
    expect(page.locator(".error-page")).to_contain_text("role: viewer")

    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{live_server.url}/countries/{russia.alpha2}/")
    chart = page.locator(".chart-axes")
    expect(chart.locator("rect")).to_have_count(11)  # January to November, empty months included
    expect(chart.locator(".axis-title").first).to_have_text("articles")
    expect(chart.locator(".tick", has_text="2025-01")).to_have_count(1)
    expect(chart.locator(".tick", has_text="04")).to_have_count(1)
    expect(chart.locator(".tick", has_text="2")).not_to_have_count(0)
    _shot(page, "country-chart")

"""The analyst's day in a real browser: Debian's Chromium driven by Playwright against live_server.

Upload the dev article, let extraction run (Celery eager, no worker needed), reject a span,
change a quote's speaker, add a missing quote by selecting text, accept a span from the
keyboard, mark the article reviewed, reload, and find every correction in the page and its history.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import playwright.sync_api as playwright_api
import pytest
from django.db import connections

from annotations.models import Correction, Mention, Quote, Status
from articles.models import Article
from tests.conftest import PASSWORD

expect = playwright_api.expect

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "dev"
ARTICLE = DEV / "000_36d443cab702394d.txt"
MISSING_QUOTE = (
    "Der nordkoreanische Außenminister lobte am Dienstag die kameradschaftlichen Beziehungen zu Russland"
)

pytestmark = [
    pytest.mark.e2e,
    # No serialized_rollback: earlier transactional tests re-create content types on flush, and
    # reloading the serialized ones then collides; the fixtures build what this test needs.
    pytest.mark.django_db(transaction=True),
]

# Selects `phrase` in the article body the way a mouse would, so article.js computes the offsets.
SELECT_PHRASE = """(phrase) => {
  const body = document.getElementById("article-body");
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  const nodes = [];
  let position = 0, node;
  while ((node = walker.nextNode())) { nodes.push([node, position]); position += node.data.length; }
  const start = body.textContent.indexOf(phrase);
  if (start < 0) throw new Error("phrase not in the article");
  const locate = (offset) => {
    for (const [n, s] of nodes) if (offset < s + n.data.length) return [n, offset - s];
    const [n, s] = nodes[nodes.length - 1];
    return [n, offset - s];
  };
  const range = document.createRange();
  range.setStart(...locate(start));
  range.setEnd(...locate(start + phrase.length));
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}"""


def test_analyst_corrects_an_article_in_the_browser(
    live_server, countries, analyst, eager_celery, browser_page
):
    try:
        _correct_in_browser(browser_page, live_server, analyst)
    finally:
        # Under Playwright's event loop the ORM calls above get their own connection; close it
        # here, in the same context, or the test database cannot be dropped.
        connections.close_all()


def editor_settled(page, ref: str) -> None:
    """Wait until the editor shows `ref` and htmx has wired its controls (after the settle delay)."""
    expect(page.locator("#editor .editor")).to_have_attribute("data-ref", ref)
    expect(page.locator("#editor")).not_to_have_class(re.compile(r"htmx-(swapping|settling)"))


def _correct_in_browser(page, live_server, analyst):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", analyst.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button:has-text('Log in')")

    page.goto(f"{live_server.url}/articles/upload/")
    page.set_input_files("input[name=files]", str(ARTICLE))
    page.click("button:has-text('Upload')")
    article = Article.objects.get()
    page.goto(f"{live_server.url}/articles/{article.pk}/")
    expect(page.locator("#article-status")).to_contain_text("Done", timeout=120_000)
    expect(page.locator("#workspace")).to_be_visible()

    # Reject a wrong span: open it from the text, reject it; it leaves the text at once.
    wrong = Mention.objects.filter(article=article).order_by("start").first()
    assert wrong is not None, "extraction found no mention"
    page.locator(f'#article-body [data-refs~="mention-{wrong.pk}"]').first.click()
    editor_settled(page, f"mention-{wrong.pk}")
    expect(page.locator("#editor h3")).to_contain_text(wrong.text)
    page.locator("#editor button:has-text('Reject')").click()
    expect(page.locator(f'#article-body [data-refs~="mention-{wrong.pk}"]')).to_have_count(0)

    # Change a quote's speaker to a new person, searching as you type.
    quote = Quote.objects.filter(article=article).order_by("start").first()
    assert quote is not None, "extraction found no quote"
    page.locator(f"#quote-{quote.pk} button:has-text('Edit')").click()
    editor_settled(page, f"quote-{quote.pk}")
    page.locator(f"#speaker-search-{quote.pk}").fill("Maria Sacharowa")
    page.locator("#editor button:has-text('New person “Maria Sacharowa” as speaker')").click()
    expect(page.locator(f"#quote-{quote.pk} .speaker")).to_have_text("Maria Sacharowa")

    # Add a missing quote by selecting its text.
    page.evaluate(SELECT_PHRASE, MISSING_QUOTE)
    expect(page.locator("#new-annotation input[name=start]")).not_to_have_value("")
    page.select_option("#new-annotation select[name=kind]", "QUOTE_INDIRECT")
    page.locator("#new-annotation button:has-text('Add')").click()
    expect(page.locator(".quotes")).to_contain_text(MISSING_QUOTE)
    added = Quote.objects.get(article=article, origin="person")
    assert added.text == MISSING_QUOTE and article.body[added.start : added.end] == MISSING_QUOTE
    # The new quote has no speaker: its editor opens and asks for one, focusing the speaker search
    # once htmx has settled. Wait for that, or it takes the focus from the keys below.
    editor_settled(page, f"quote-{added.pk}")
    expect(page.locator(f"#speaker-search-{added.pk}")).to_be_focused()
    # ...and for the swaps still under way (the text's marks are redrawn): a swapped body
    # would drop the focused span.
    page.wait_for_load_state("networkidle")
    expect(page.locator("#article-body")).not_to_have_class(re.compile(r"htmx-(swapping|settling)"))

    # From the keyboard only: j to the first highlighted span, Enter to open it, a to accept it.
    page.locator("#article-body").focus()
    page.keyboard.press("j")
    expect(page.locator("#article-body [data-refs]:focus")).to_have_count(1)
    first_ref = page.evaluate("document.activeElement.dataset.refs.split(' ')[0]")
    page.keyboard.press("Enter")
    expect(page.locator("#editor .editor")).to_have_attribute("data-ref", first_ref)
    page.keyboard.press("a")
    expect(page.locator("#history li")).to_have_count(4)
    expect(page.locator("#editor .annotation-status")).to_have_text("Accepted")

    # Proposals are still open: marking reviewed lists them first, then accepts them on request.
    page.locator("#review-button").click()
    expect(page.locator("#review-open")).to_contain_text("Still open:")
    expect(page.locator(".review-state")).to_contain_text("Not reviewed")
    page.locator("#review-accept-open").click()
    expect(page.locator(".review-state")).to_contain_text("Reviewed")
    expect(page.locator("#review-open")).to_have_count(0)
    assert not Mention.objects.filter(article=article, status=Status.PROPOSED).exists()
    accept_alls = Correction.objects.filter(article=article, action="accept_all").count()
    assert accept_alls >= 1

    # Reload: every correction is there, and so is its history.
    page.reload()
    expect(page.locator(f'#article-body [data-refs~="mention-{wrong.pk}"]')).to_have_count(0)
    expect(page.locator(f"#quote-{quote.pk} .speaker")).to_have_text("Maria Sacharowa")
    expect(page.locator(".quotes")).to_contain_text(MISSING_QUOTE)
    expect(page.locator(".review-state")).to_contain_text("Reviewed")
    history = page.locator("#history li")
    expect(history).to_have_count(5 + accept_alls)
    for text in [
        "Marked reviewed",
        "Accepted",
        "Added quote",
        "Speaker of",
        f"Rejected {wrong.get_label_display()}",
    ]:
        expect(page.locator("#history")).to_contain_text(text)
    expect(page.locator("#history")).to_contain_text(analyst.username)
    if os.environ.get("E2E_SCREENSHOTS"):
        page.set_viewport_size({"width": 1400, "height": 1000})
        page.locator(f"#quote-{quote.pk}").hover()  # the quote and its speaker light up
        page.screenshot(path=str(Path(os.environ["E2E_SCREENSHOTS"]) / "workspace.png"), full_page=False)
        page.locator("#history").scroll_into_view_if_needed()
        page.locator("#history details").first.click()
        page.screenshot(path=str(Path(os.environ["E2E_SCREENSHOTS"]) / "history.png"), full_page=False)
    assert Mention.objects.get(pk=wrong.pk).status == Status.REJECTED
    assert Correction.objects.filter(article=article, user=analyst).count() == 5 + accept_alls
    assert re.search(
        r"Speaker of .* set to Maria Sacharowa", Correction.objects.get(action="speaker_set").summary
    )

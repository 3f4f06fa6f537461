"""Merging two person records in a real browser: suggestion, preview, explicit confirmation, undo."""

from __future__ import annotations

import pytest
from django.db import connections
from playwright.sync_api import expect

from annotations.models import Mention, Person, Quote
from annotations.search.persons import person_keys_refresh
from articles.models import Article
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _records() -> tuple[Person, Person]:
    peskow = Person.objects.create(name="Dmitri Peskow", aliases=["Dmitry Peskov"])
    bare = Person.objects.create(name="Peskov")
    for digest, body, person, name, said in [
        ("a", "„Ja“, sagte Dmitri Peskow.", peskow, "Dmitri Peskow", "Ja"),
        ("b", "„No“, said Dmitry Peskov.", peskow, "Dmitry Peskov", "No"),
        ("c", "„Nein“, sagte Peskov.", bare, "Peskov", "Nein"),
    ]:
        article = Article.objects.create(title=f"Article {digest}", body=body, content_hash=digest * 64)
        start = body.index(name)
        Mention.objects.create(
            article=article,
            start=start,
            end=start + len(name),
            label="PERSON",
            text=name,
            person=person,
            origin="machine",
        )
        start = body.index(said)
        Quote.objects.create(
            article=article,
            start=start,
            end=start + len(said),
            text=said,
            direct=True,
            speaker=person,
            origin="machine",
        )
    person_keys_refresh()
    return peskow, bare


def test_merge_needs_an_explicit_confirmation_and_can_be_undone(live_server, analyst, browser_page):
    try:
        _merge_in_browser(browser_page, live_server, analyst)
    finally:
        connections.close_all()


def _merge_in_browser(page, live_server, analyst):
    peskow, bare = _records()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", analyst.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button:has-text('Log in')")

    page.goto(f"{live_server.url}/persons/suggestions/")
    page.click("a:has-text('Preview: merge Peskov into Dmitri Peskow')")
    expect(page.locator("h1")).to_have_text("Merge “Peskov” into “Dmitri Peskow”?")
    expect(page.locator(".merge-summary")).to_contain_text(
        "1 quote and 1 mention in 1 article move from Peskov to Dmitri Peskow"
    )
    confirm = page.locator("input[name=confirm]")
    expect(confirm).not_to_be_checked()

    # Without the tick the browser does not send the form: nothing is merged.
    page.click("button:has-text('Merge Peskov into Dmitri Peskow')")
    expect(page.locator("h1")).to_have_text("Merge “Peskov” into “Dmitri Peskow”?")
    assert Person.objects.filter(pk=bare.pk).exists()

    confirm.check()
    page.click("button:has-text('Merge Peskov into Dmitri Peskow')")
    expect(page.locator("h1")).to_have_text("Dmitri Peskow")
    expect(page.locator(".messages")).to_contain_text("Merged Peskov into Dmitri Peskow")
    assert not Person.objects.filter(pk=bare.pk).exists()
    assert Quote.objects.filter(speaker=peskow).count() == 3

    page.goto(f"{live_server.url}/persons/history/")
    page.click("button:has-text('Undo')")
    expect(page.locator(".messages")).to_contain_text("Undone: Merged Peskov into Dmitri Peskow")
    assert Quote.objects.filter(speaker_id=bare.pk).count() == 1
    assert Quote.objects.filter(speaker=peskow).count() == 2

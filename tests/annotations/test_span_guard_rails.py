"""Span editing with guard rails: long or overlapping quotes wait for a confirmation; the editor
asks for the speaker; quotes switch direct/indirect and mentions change type in place."""

from __future__ import annotations

import pytest
from django.urls import reverse

from annotations import services
from annotations.models import Correction, Mention, Origin, Quote, Status
from articles.models import Article

PARAGRAPHS = [
    "Dmitri Peskow sagte in Moskau: „Wir sind bereit.“",
    "Peskow lobte Nordkorea. Die Beziehungen seien gut, hieß es.",
    "Russland werde weiter verhandeln, sagte Peskow.",
]
BODY = "\n\n".join(PARAGRAPHS)
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def article(db):
    return Article.objects.create(title="Kreml", body=BODY, content_hash="s" * 64, status="done")


@pytest.fixture
def quote(article):
    start = BODY.index("Wir sind bereit.")
    return Quote.objects.create(
        article=article,
        start=start,
        end=start + 16,
        text="Wir sind bereit.",
        direct=True,
        origin=Origin.MACHINE,
    )


def _span(phrase: str) -> tuple[int, int]:
    start = BODY.index(phrase)
    return start, start + len(phrase)


def test_long_quote_over_paragraphs_and_quotes_needs_confirming(client_as, analyst, article, quote, settings):
    settings.QUOTE_WARN_CHARS = 80
    client = client_as(analyst)
    data = {"start": 0, "end": len(BODY), "kind": "QUOTE_DIRECT", "text": BODY}
    response = client.post(reverse("annotation_create", args=[article.pk]), data, **HTMX)
    assert response.status_code == 409
    html = response.content.decode()
    assert f"The quote is {len(BODY)} characters long (more than 80)" in html
    assert "It runs across a paragraph break." in html
    assert "It overlaps 1 other quote: “Wir sind bereit.”" in html
    assert 'id="span-confirm-save"' in html and 'name="kind" value="QUOTE_DIRECT"' in html
    assert Quote.objects.count() == 1 and not Correction.objects.exists()

    response = client.post(
        reverse("annotation_create", args=[article.pk]), {**data, "confirmed": "on"}, **HTMX
    )
    assert response.status_code == 200
    assert Quote.objects.filter(origin=Origin.PERSON, start=0, end=len(BODY)).exists()


def test_a_plain_quote_saves_at_once_and_asks_for_its_speaker(client_as, analyst, article, quote):
    start, end = _span("Die Beziehungen seien gut")
    response = client_as(analyst).post(
        reverse("annotation_create", args=[article.pk]),
        {"start": start, "end": end, "kind": "QUOTE_INDIRECT"},
        **HTMX,
    )
    assert response.status_code == 200
    html = response.content.decode()
    added = Quote.objects.get(origin=Origin.PERSON)
    assert 'id="ask-speaker"' in html and f'id="speaker-search-{added.pk}" autofocus' in html


def test_moving_a_quote_onto_another_needs_confirming(analyst, article, quote):
    other = services.quote_create(
        user=analyst, article=article, direct=False, start=_span("Russland")[0], end=len(BODY)
    )
    start, end = _span("Wir sind bereit.“\n\nPeskow")
    with pytest.raises(services.SpanNeedsConfirmation) as raised:
        services.quote_move(user=analyst, quote=other, version=other.version, start=start, end=end)
    assert raised.value.warnings == [
        "It runs across a paragraph break.",
        "It overlaps 1 other quote: “Wir sind bereit.”",
    ]
    # Its own old place is no overlap.
    moved = services.quote_move(
        user=analyst, quote=other, version=other.version, start=other.start + 1, end=other.end
    )
    assert moved.start == other.start + 1
    services.quote_move(
        user=analyst, quote=moved, version=moved.version, start=start, end=end, confirmed=True
    )
    assert Quote.objects.get(pk=other.pk).start == start


def test_switch_quote_between_direct_and_indirect(client_as, analyst, quote):
    client = client_as(analyst)
    response = client.post(reverse("quote_direct", args=[quote.pk]), {"version": 1, "direct": "0"}, **HTMX)
    assert response.status_code == 200
    quote.refresh_from_db()
    assert (quote.direct, quote.status, quote.version) == (False, Status.EDITED, 2)
    correction = Correction.objects.get()
    assert correction.action == "quote_kind" and "indirect" in correction.summary
    services.correction_undo(user=analyst, correction=correction)
    quote.refresh_from_db()
    assert quote.direct is True
    # A stale form is a conflict, not an overwrite.
    assert (
        client.post(
            reverse("quote_direct", args=[quote.pk]), {"version": 1, "direct": "0"}, **HTMX
        ).status_code
        == 409
    )


def test_change_mention_type_in_place_links_by_name(client_as, analyst, article, countries):
    start, end = _span("Moskau")
    mention = Mention.objects.create(
        article=article, start=start, end=end, label="PERSON", text="Moskau", origin=Origin.MACHINE
    )
    start, end = _span("Russland")
    russia = Mention.objects.create(
        article=article, start=start, end=end, label="ORG", text="Russland", origin=Origin.MACHINE
    )
    client = client_as(analyst)
    response = client.post(
        reverse("mention_label", args=[mention.pk]), {"version": 1, "label": "LOC"}, **HTMX
    )
    assert response.status_code == 200
    mention.refresh_from_db()
    assert (mention.label, mention.status, mention.person) == ("LOC", Status.EDITED, None)
    assert "Changed “Moskau” from Person to Place" in Correction.objects.get().summary

    client.post(reverse("mention_label", args=[russia.pk]), {"version": 1, "label": "COUNTRY"}, **HTMX)
    russia.refresh_from_db()
    assert russia.label == "COUNTRY" and russia.country.alpha2 == "RU"
    article.refresh_from_db()
    assert russia.country_id in article.countries  # the country filters follow
    bad = client.post(reverse("mention_label", args=[russia.pk]), {"version": 2, "label": "BOGUS"}, **HTMX)
    assert bad.status_code == 400


def test_editor_offers_the_switches(client_as, analyst, article, quote):
    start, end = _span("Moskau")
    mention = Mention.objects.create(
        article=article, start=start, end=end, label="LOC", text="Moskau", origin=Origin.MACHINE
    )
    client = client_as(analyst)
    html = client.get(reverse("quote_editor", args=[quote.pk])).content.decode()
    assert "Make indirect" in html and 'id="ask-speaker"' in html
    html = client.get(reverse("mention_editor", args=[mention.pk])).content.decode()
    assert 'value="LOC" selected' in html and "Change type" in html

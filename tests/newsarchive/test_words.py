"""Words that explain themselves: filter labels, "any" choices, provenance, history with names,
cue marks in the article's language, and the inferred-date star explained."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from annotations import services
from annotations.models import Country, Mention, Origin, Quote

BODY = "Dmitri Peskow sagte in Moskau, Russland sei bereit."


@pytest.fixture
def article(db):
    from articles.models import Article

    return Article.objects.create(
        title="Kreml",
        body=BODY,
        content_hash="w" * 64,
        status="done",
        language="en",
        published=datetime.date(2025, 3, 3),
        published_inferred=True,
    )


def test_filter_labels_and_any_choices(client_as, viewer, article):
    client = client_as(viewer)
    articles = client.get(reverse("article_list")).content.decode()
    assert "[invalid name]" not in articles and "Uploaded between" in articles
    quotes = client.get(reverse("quote_search")).content.decode()
    assert "Unknown" not in quotes
    assert "Direct and indirect" in quotes and "All quotes" in quotes
    search = client.get(reverse("article_search")).content.decode()
    assert "Unknown" not in search and "All articles" in search


def test_inferred_date_star_is_explained(client_as, viewer, article):
    html = client_as(viewer).get(reverse("article_list")).content.decode()
    assert '<abbr class="inferred" title="Inferred:' in html
    assert "* date inferred" in html


def test_provenance_says_machine_or_the_analyst(client_as, analyst, article, countries):
    client = client_as(analyst)
    machine = Mention.objects.create(
        article=article, start=23, end=29, label="LOC", text="Moskau", origin=Origin.MACHINE
    )
    html = client.get(reverse("mention_editor", args=[machine.pk])).content.decode()
    assert ">machine<" in html and "Person" not in html.split("<h3>")[1].split("</h3>")[0]
    added = services.mention_create(user=analyst, article=article, start=0, end=13, label="PERSON")
    html = client.get(reverse("mention_editor", args=[added.pk])).content.decode()
    assert f"added by {analyst.username}" in html


def test_history_names_countries_not_ids(client_as, analyst, article, countries):
    russia, ukraine = Country.objects.get(alpha2="RU"), Country.objects.get(alpha2="UA")
    start = BODY.index("Russland")
    mention = Mention.objects.create(
        article=article,
        start=start,
        end=start + 8,
        label="COUNTRY",
        text="Russland",
        country=russia,
        origin=Origin.MACHINE,
    )
    services.mention_link(user=analyst, mention=mention, version=1, country=ukraine)
    html = client_as(analyst).get(reverse("article_detail", args=[article.pk])).content.decode()
    history = html.split('id="history"')[1]
    assert f"{russia.name_en}</td><td>→ {ukraine.name_en}" in history
    assert f">{russia.pk}<" not in history and "country_id" not in history


@pytest.mark.parametrize(("language", "marks"), [("en", "“said”"), ("de", "„said“"), ("fr", "« said »")])
def test_cue_marks_follow_the_article_language(client_as, viewer, article, language, marks):
    article.language = language
    article.save(update_fields=["language"])
    Quote.objects.create(
        article=article, start=31, end=50, text=BODY[31:50], direct=False, cue="said", origin=Origin.MACHINE
    )
    html = client_as(viewer).get(reverse("article_detail", args=[article.pk])).content.decode()
    assert marks in html

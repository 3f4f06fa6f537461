"""A small archive to search: two Peskov spellings, Lavrov, German and English articles."""

from __future__ import annotations

import datetime as dt
import hashlib
from types import SimpleNamespace

import pytest

from annotations.models import Country, Mention, Person, Quote
from annotations.search.persons import person_keys_refresh
from articles.models import Article, Source


def make_article(
    title: str, body: str, *, language: str, published: dt.date, source=None, **extra
) -> Article:
    digest = hashlib.sha256(f"{title}\n{body}".encode()).hexdigest()
    return Article.objects.create(
        title=title,
        body=body,
        language=language,
        published=published,
        source=source,
        content_hash=digest,
        status="done",
        **extra,
    )


def add_quote(
    article: Article, text: str, speaker: Person | None, *, direct=True, status="proposed", **extra
):
    start = article.body.index(text)
    return Quote.objects.create(
        article=article,
        start=start,
        end=start + len(text),
        text=text,
        direct=direct,
        speaker=speaker,
        origin="machine",
        status=status,
        **extra,
    )


def add_country(article: Article, word: str, alpha2: str, *, after: int = 0) -> Mention:
    start = article.body.index(word, after)
    return Mention.objects.create(
        article=article,
        start=start,
        end=start + len(word),
        text=word,
        label="COUNTRY",
        country=Country.objects.get(alpha2=alpha2),
        origin="machine",
    )


COUNTRIES = [("RU", "RUS", "Russia"), ("KP", "PRK", "North Korea"), ("FR", "FRA", "France")]


def ensure_countries() -> None:
    # The gazetteer may not be loaded in the test database: create the few countries used.
    for alpha2, alpha3, name in COUNTRIES:
        Country.objects.get_or_create(
            alpha2=alpha2, defaults={"alpha3": alpha3, "name_en": name, "name_de": name, "name_fr": name}
        )


@pytest.fixture
def archive(db):
    ensure_countries()
    tass = Source.objects.create(name="TASS")
    dpa = Source.objects.create(name="dpa")
    peskow = Person.objects.create(
        name="Dmitri Peskow", description="Kremlin spokesman", aliases=["Dmitry Peskov"]
    )
    peskov_short = Person.objects.create(name="Peskov")
    lawrow = Person.objects.create(name="Sergej Lawrow", description="Foreign minister")

    de = make_article(
        "Kreml warnt Nordkorea",
        'Peskow sagte: "Russland steht zu Nordkorea und wird die Gespräche fortsetzen." '
        "Lawrow erklärte, man verhandle über Energie.",
        language="de",
        published=dt.date(2025, 2, 3),
        source=dpa,
    )
    q_de = add_quote(de, "Russland steht zu Nordkorea und wird die Gespräche fortsetzen.", peskow)
    q_de_indirect = add_quote(de, "man verhandle über Energie", lawrow, direct=False, status="accepted")
    add_country(de, "Russland", "RU")
    add_country(de, "Nordkorea", "KP", after=de.body.index("Russland"))

    en = make_article(
        "Kremlin on sanctions",
        'Peskov said: "Sanctions against Russia are failing and talks with North Korea continue." '
        "Officials in France disagreed.",
        language="en",
        published=dt.date(2024, 11, 20),
        source=tass,
        review_state="reviewed",
    )
    q_en = add_quote(
        en, "Sanctions against Russia are failing and talks with North Korea continue.", peskov_short
    )
    add_country(en, "Russia", "RU")
    add_country(en, "North Korea", "KP")
    add_country(en, "France", "FR")

    rejected = add_quote(en, "Officials in France disagreed.", lawrow, direct=False, status="rejected")
    person_keys_refresh()
    return SimpleNamespace(
        tass=tass,
        dpa=dpa,
        peskow=peskow,
        peskov_short=peskov_short,
        lawrow=lawrow,
        de=de,
        en=en,
        q_de=q_de,
        q_de_indirect=q_de_indirect,
        q_en=q_en,
        rejected=rejected,
    )

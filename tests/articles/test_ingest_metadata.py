"""Dates, datelines and sources found in the text."""

from __future__ import annotations

import datetime as dt

import pytest

from articles.ingest import KnownSource, parse_pasted
from articles.ingest.metadata import find_dateline, infer_date, parse_date_line

TODAY = dt.date(2026, 11, 28)


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Samstag, 14. September 2024", dt.date(2024, 9, 14)),
        ("Sonntag, 16. Juni 2024", dt.date(2024, 6, 16)),
        ("14. September 2024, 10:30 Uhr", dt.date(2024, 9, 14)),
        ("Veröffentlicht am 3. März 2024", dt.date(2024, 3, 3)),
        ("14.09.2024", dt.date(2024, 9, 14)),
        ("May 14, 2024", dt.date(2024, 5, 14)),
        ("January 17, 2024", dt.date(2024, 1, 17)),
        ("Thursday, October 31, 2024", dt.date(2024, 10, 31)),
        ("Published: 08 Mar 2024, 09:14 GMT", dt.date(2024, 3, 8)),
        ("Updated: Sept. 3, 2024 at 4:15 p.m. EDT", dt.date(2024, 9, 3)),
        ("2024-03-08", dt.date(2024, 3, 8)),
        ("Publié le 27 février 2024 à 08h15", dt.date(2024, 2, 27)),
        ("mardi 27 février 2024", dt.date(2024, 2, 27)),
        ("1er mars 2024", dt.date(2024, 3, 1)),
        ("Stand: 16.06.2024 14:35 Uhr", dt.date(2024, 6, 16)),
        ("16.06.2024 | 14:35 Uhr", dt.date(2024, 6, 16)),
        ("Le 27/02/2024 à 08:15", dt.date(2024, 2, 27)),
        ("02/27/2024", dt.date(2024, 2, 27)),  # only month-first makes sense
        ("Updated 10:15 AM EST, Thu January 18, 2024", dt.date(2024, 1, 18)),
        ("March 16, 2024 3:14 PM GMT+1", dt.date(2024, 3, 16)),
        ("2024-01-17T09:00:00Z", dt.date(2024, 1, 17)),
        ("17 January 2024 · 3 min read", dt.date(2024, 1, 17)),
        ("Sun 16 Jun 2024 14.35 BST", dt.date(2024, 6, 16)),
        ("Montag, 9. April 2024", dt.date(2024, 4, 9)),  # a Tuesday: the full date wins
    ],
)
def test_date_lines_in_three_languages(line: str, date: dt.date):
    parsed = parse_date_line(line)
    assert parsed is not None and parsed.date == date


@pytest.mark.parametrize(
    "line",
    [
        "Am 14. September 2024 kam es zu Protesten in der Hauptstadt.",
        "31. Februar 2024",
        "Der Gipfel (14.–16. Juni)",
        "Jan 17 (Reuters)",
    ],
)
def test_sentences_and_impossible_dates_are_not_date_lines(line: str):
    assert parse_date_line(line) is None


def test_date_line_is_metadata_and_leaves_the_body():
    document = parse_pasted("Titel\n\nSamstag, 14. September 2024\n\nChina hat die Durchfahrt kritisiert.")
    assert document.published == dt.date(2024, 9, 14)
    assert not document.published_inferred
    assert document.body == "China hat die Durchfahrt kritisiert."


def test_date_in_a_sentence_is_not_the_publication_date():
    document = parse_pasted("Titel\n\nAm 14. September 2024 kam es zu Protesten.\n\nZweiter Absatz.")
    assert document.published is None


def test_dates_of_related_articles_at_the_end_are_ignored():
    text = "Titel\n\nErster Absatz.\n\nZweiter Absatz.\n\nDritter Absatz.\n\nVierter.\n\n(31.10.2007)"
    assert parse_pasted(text).published is None


@pytest.mark.parametrize(
    ("paragraph", "text", "place", "agency"),
    [
        ("BERLIN (dpa) - Bundeskanzler Olaf Scholz hat ...", "BERLIN (dpa) -", "BERLIN", "dpa"),
        ("Kiew/Moskau (dpa) – Die Ukraine ...", "Kiew/Moskau (dpa) –", "Kiew/Moskau", "dpa"),
        ("MOSCOW, Jan 17 (Reuters) - The Kremlin ...", "MOSCOW, Jan 17 (Reuters) -", "MOSCOW", "Reuters"),
        ("UNITED NATIONS (AP) — UN Secretary-General ...", "UNITED NATIONS (AP) —", "UNITED NATIONS", "AP"),
        ("KYIV — U.S. Secretary of State ...", "KYIV —", "KYIV", None),
        ("PARIS (AFP) - Le président ...", "PARIS (AFP) -", "PARIS", "AFP"),
        ("SEOUL (AFP) - Nordkorea hat ...", "SEOUL (AFP) -", "SEOUL", "AFP"),
        ("KYIV, Ukraine (AP) — Russia ...", "KYIV, Ukraine (AP) —", "KYIV", "AP"),
        (
            "PORT MORESBY, Papua New Guinea (Reuters) - Pacific ...",
            "PORT MORESBY, Papua New Guinea (Reuters) -",
            "PORT MORESBY",
            "Reuters",
        ),
        ("BERLIN, 17. Januar (Reuters) - Die ...", "BERLIN, 17. Januar (Reuters) -", "BERLIN", "Reuters"),
        ("Frankfurt am Main (dpa) - Die ...", "Frankfurt am Main (dpa) -", "Frankfurt am Main", "dpa"),
        ("Washington (dpa/AFP) - Die ...", "Washington (dpa/AFP) -", "Washington", "dpa"),
        ("Schwerin (dpa/mv) - Die ...", "Schwerin (dpa/mv) -", "Schwerin", "dpa"),
    ],
)
def test_datelines(paragraph: str, text: str, place: str, agency: str | None):
    dateline = find_dateline(paragraph)
    assert dateline is not None
    assert (dateline.text, dateline.place, dateline.agency) == (text, place, agency)


@pytest.mark.parametrize(
    "paragraph",
    ["Berlin – die Hauptstadt ist teuer.", "NATO - das Bündnis wächst", "Der Kreml (Moskau) - sagte"],
)
def test_sentences_are_not_datelines(paragraph: str):
    dateline = find_dateline(paragraph)
    assert dateline is None or dateline.agency is None and dateline.place.isupper()


def test_dateline_agency_is_the_source_and_the_city_stays_in_the_body():
    document = parse_pasted("Titel\n\nBERLIN (dpa) - Bundeskanzler Olaf Scholz hat Hilfe zugesagt.")
    assert document.source == "dpa"
    assert document.dateline == "BERLIN (dpa) -"
    assert document.body.startswith("BERLIN (dpa) - Bundeskanzler")


def test_dateline_month_day_without_year_is_inferred_with_the_weekday():
    text = "Kremlin dismisses talks\n\nMOSCOW, Jan 17 (Reuters) - The Kremlin said on Wednesday that ..."
    document = parse_pasted(text, today=TODAY)
    assert document.source == "Reuters"
    assert document.published == dt.date(2024, 1, 17)  # the latest 17 January on a Wednesday
    assert document.published_inferred


def test_dateline_with_year_is_a_stated_date():
    document = parse_pasted("Title\n\nMOSCOW, Jan 17, 2024 (Reuters) - The Kremlin said ...", today=TODAY)
    assert document.published == dt.date(2024, 1, 17)
    assert not document.published_inferred


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("Das sagte Kremlsprecher Dmitri Peskow am Mittwoch (17. Januar).", dt.date(2024, 1, 17)),
        ("Das sagte Peskow am Mittwoch, 17. Januar, in Moskau.", dt.date(2024, 1, 17)),
        ("The Kremlin said on Wednesday, Jan. 17, that talks failed.", dt.date(2024, 1, 17)),
        ("Le Kremlin a déclaré mercredi 17 janvier que ...", dt.date(2024, 1, 17)),
        ("Am Freitag, den 3. Juli demonstrierten 150 Menschen.", dt.date(2026, 7, 3)),
        ("Das sagte Peskow am Mittwoch (17.1.) in Moskau.", dt.date(2024, 1, 17)),
    ],
)
def test_yearless_date_takes_the_latest_matching_year(sentence: str, date: dt.date):
    document = parse_pasted(f"Titel\n\n{sentence}", today=TODAY)
    assert document.published == date
    assert document.published_inferred


def test_yearless_rule_never_goes_past_today():
    assert infer_date(11, 30, None, TODAY) == dt.date(2025, 11, 30)
    assert infer_date(1, 17, 2, dt.date(2024, 1, 16)) == dt.date(2018, 1, 17)
    assert infer_date(2, 29, None, TODAY) == dt.date(2024, 2, 29)


def test_weekday_alone_gives_no_date():
    assert parse_pasted("Titel\n\nPeskow sagte am Donnerstag in Moskau etwas.").published is None


@pytest.mark.parametrize(
    ("last_lines", "source"),
    [
        ("Lesen Sie mehr mit Euractiv\n\nsource-127", "Euractiv"),
        ("Read more with Euractiv", "Euractiv"),
        ("Read more with Euractiv.com", "Euractiv"),
        ("Quelle: Euractiv", "Euractiv"),
        ("Source : AFP", "AFP"),
        ("© 2024 The Associated Press", "AP"),
        ("Copyright 2024 The Associated Press. All rights reserved.", "AP"),
        ("Our Standards: The Thomson Reuters Trust Principles.", "Reuters"),
        ("source-42\n\nLeave a Reply", None),
        ("(dpa)", "dpa"),
        ("Mit Material von AFP und dpa", "AFP"),
        ("Quelle: Reuters", "Reuters"),
        ("Dieser Artikel erschien zuerst bei Euractiv.", "Euractiv"),
        ("This article was first published on Euractiv", "Euractiv"),
        ("Cet article a été publié initialement sur Euractiv", "Euractiv"),
        ("(Reporting by Jane Roe in Moscow; Editing by John Doe)", "Reuters"),
    ],
)
def test_sources_from_signature_and_copyright_lines(last_lines: str, source: str | None):
    document = parse_pasted(f"Title\n\nThe body of the article is here.\n\n{last_lines}")
    assert document.source == source
    assert document.body == "The body of the article is here."


def test_closing_agency_bracket_names_the_source_and_stays():
    document = parse_pasted("Titel\n\nDer Text steht hier. Er sagte das. (dpa)")
    assert document.source == "dpa"
    assert document.body == "Der Text steht hier. Er sagte das. (dpa)"


def test_known_sources_give_their_own_spelling_and_signatures():
    known = [
        KnownSource(name="EURACTIV", domains=("euractiv.de", "euractiv.com")),
        KnownSource(name="Tagesschau", signatures=("Mehr auf tagesschau.de",)),
    ]
    euractiv = parse_pasted("T\n\nBody text here.\n\nLesen Sie mehr mit Euractiv", known_sources=known)
    assert euractiv.source == "EURACTIV"
    tagesschau = parse_pasted("T\n\nBody text here.\n\nMehr auf tagesschau.de", known_sources=known)
    assert tagesschau.source == "Tagesschau"
    assert tagesschau.body == "Body text here."


@pytest.mark.parametrize(
    "byline", ["By Jane Doe", "Von Anna Schmidt, Brüssel", "Par Jean Dupont", "BY JANE DOE"]
)
def test_byline_near_the_top_is_metadata(byline: str):
    text = f"Title\n\n{byline}\n\nLONDON, March 3 (Reuters) - Britain said on Sunday that it would act."
    document = parse_pasted(text, today=TODAY)
    assert document.byline == byline
    assert document.body.startswith("LONDON, March 3 (Reuters) -")
    assert (document.source, document.published, document.published_inferred) == (
        "Reuters",
        dt.date(2024, 3, 3),  # the latest 3 March on a Sunday
        True,
    )


@pytest.mark.parametrize(
    ("byline", "source"),
    [
        ("Par Le Figaro avec AFP", "AFP"),
        ("By John Smith, Associated Press", "AP"),
        ("Von Anna Schmidt mit dpa", "dpa"),
        ("By Jane Doe", None),
    ],
)
def test_an_agency_named_in_the_byline_is_the_source(byline: str, source: str | None):
    document = parse_pasted(f"Titre\n\n{byline}\n\nLe président a appelé vendredi à une trêve.")
    assert document.byline == byline
    assert document.body == "Le président a appelé vendredi à une trêve."
    assert document.source == source


@pytest.mark.parametrize("line", ["By the way, the talks failed.", "Von Berlin aus fuhr er los."])
def test_sentences_are_not_bylines(line: str):
    document = parse_pasted(f"Title\n\n{line}\n\nSecond paragraph of the text.")
    assert document.byline is None
    assert document.body.startswith(line)


def test_agency_services_count_as_the_agency():
    document = parse_pasted("Titel\n\nDer Text des Artikels.\n\n© dpa-infocom, dpa:240304-99-123456/2")
    assert document.source == "dpa"


def test_saved_address_is_metadata_and_its_domain_names_a_known_source():
    known = [KnownSource(name="Euractiv", domains=("euractiv.de",))]
    text = (
        "Titel\n\nDer Text des Artikels steht hier.\n\nhttps://www.euractiv.de/section/news/y/\n\nsource-12"
    )
    document = parse_pasted(text, known_sources=known)
    assert document.url == "https://www.euractiv.de/section/news/y/"
    assert document.source == "Euractiv"
    assert document.body == "Der Text des Artikels steht hier."
    assert parse_pasted(text).source is None  # an unknown domain is no source by itself


@pytest.mark.parametrize(
    ("headline", "title", "source"),
    [
        (
            "Biden hosts Kishida at the White House | Reuters",
            "Biden hosts Kishida at the White House",
            "Reuters",
        ),
        ("Kreml weist Vorwürfe zurück – dpa", "Kreml weist Vorwürfe zurück", "dpa"),
        (
            "Scholz bleibt beim Nein zu Taurus | tagesschau.de",
            "Scholz bleibt beim Nein zu Taurus",
            "tagesschau",
        ),
        ("Macron reçoit Scholz à Paris | Le Monde", "Macron reçoit Scholz à Paris", "Le Monde"),
        # a dash in a headline is punctuation unless a known name follows it
        ("Ukraine - Russland: Gespräche in Genf", "Ukraine - Russland: Gespräche in Genf", None),
        ("Gespräche in Genf - Russland", "Gespräche in Genf - Russland", None),
    ],
)
def test_a_site_name_after_the_headline_leaves_the_title_and_names_the_source(
    headline: str, title: str, source: str | None
):
    document = parse_pasted(f"{headline}\n\nDer Kanzler sagte am Mittwoch, er bleibe dabei.")
    assert (document.title, document.source) == (title, source)


def test_a_known_source_after_a_dash_is_a_site_name():
    known = [KnownSource(name="Le Monde")]
    document = parse_pasted("Macron reçoit Scholz - Le Monde\n\nLe président a parlé.", known_sources=known)
    assert (document.title, document.source) == ("Macron reçoit Scholz", "Le Monde")


def test_date_line_with_time_zone_and_update_note_leaves_the_body():
    text = (
        "Biden hosts Kishida\n\nApril 10, 2024 5:32 PM GMT+2 Updated 2 hours ago\n\n"
        "WASHINGTON, April 10 (Reuters) - Biden hosted Kishida on Wednesday."
    )
    document = parse_pasted(text)
    assert document.published == dt.date(2024, 4, 10)
    assert document.body.startswith("WASHINGTON, April 10 (Reuters)")


@pytest.mark.parametrize(
    ("head", "title"),
    [
        (
            "Ausland\n\nKrieg in der Ukraine\nSelenskyj fordert mehr Flugabwehr",
            "Selenskyj fordert mehr Flugabwehr",
        ),
        ("World\nEurope\n\nEU leaders agree on new sanctions", "EU leaders agree on new sanctions"),
        (
            "Exklusiv\nInterview mit der Ministerin: „Wir dürfen nicht naiv sein“",
            "Interview mit der Ministerin: „Wir dürfen nicht naiv sein“",
        ),
        # a short headline stays the headline above its date line, its byline or its first paragraph
        ("Brexit deal agreed\n\nThursday 10 July 2025 14.30 BST", "Brexit deal agreed"),
        ("Kreml droht\n\nVon Anna Müller, Moskau", "Kreml droht"),
        ("Brexit", "Brexit"),
    ],
)
def test_a_section_label_or_kicker_above_the_headline_is_not_the_title(head: str, title: str):
    document = parse_pasted(
        f"{head}\n\nDas Parlament stimmt erneut über den Vertrag ab, sagte die Regierung."
    )
    assert document.title == title
    assert document.body == "Das Parlament stimmt erneut über den Vertrag ab, sagte die Regierung."


@pytest.mark.parametrize(
    ("line", "source"),
    [
        ("dpa | 14.05.2024 10:15 Uhr", "dpa"),
        ("Von Anna Müller | 14.05.2024", None),
        ("AFP · 14 mai 2024 à 10h15", "AFP"),
    ],
)
def test_a_date_sharing_its_line_with_the_agency_or_byline_is_the_date(line: str, source: str | None):
    document = parse_pasted(f"Kreml droht dem Westen\n\n{line}\n\nDer Kreml hat gedroht, sagte ein Sprecher.")
    assert document.published == dt.date(2024, 5, 14)
    assert document.source == source
    assert document.body == "Der Kreml hat gedroht, sagte ein Sprecher."


def test_a_place_beside_a_date_is_no_date_line():
    document = parse_pasted(
        "Kreml droht\n\nBerlin | 14.05.2024\n\nDer Kreml hat gedroht, sagte ein Sprecher."
    )
    assert document.published is None

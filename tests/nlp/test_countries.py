"""Country detection on text, without the database."""

import time

import pytest

from annotations.nlp.countries import country_records, find_countries


def codes(text: str, language: str) -> list[str]:
    return [span.key for span in find_countries(text, language)]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Die Vereinigten Staaten und Russland verhandeln.", "de", ["US", "RU"]),
        ("Der nordkoreanische Außenminister besuchte Moskau.", "de", ["KP", "RU"]),
        ("Russische Truppen und ukrainischen Soldaten", "de", ["RU", "UA"]),
        ("Der Kreml und das Weiße Haus", "de", ["RU"]),
        ("im Weißen Haus in Washington", "de", ["US", "US"]),
        ("Gespräche in Pjöngjang und Peking", "de", ["KP", "CN"]),
        ("Der US-Präsident traf den Kanzler im Russland-Ukraine-Konflikt.", "de", ["US", "RU"]),
        ("Russian and Ukrainian officials met in Kyiv.", "en", ["RU", "UA", "UA"]),
        ("The White House and Downing Street agreed.", "en", ["US", "GB"]),
        ("MOSCOW, Jan 17 (Reuters) - The Kremlin said", "en", ["RU", "RU"]),
        ("the U.S. and the UK", "en", ["US", "GB"]),
        ("Le Kremlin et l’Ukraine, aux États-Unis", "fr", ["RU", "UA", "US"]),
        ("les forces russes et ukrainiennes", "fr", ["RU", "UA"]),
        ("la Corée du Nord et la Maison-Blanche", "fr", ["KP", "US"]),
        ("the Cook Islands signed", "en", ["CK"]),
    ],
)
def test_names_adjectives_capitals_and_metonyms(text, language, expected):
    assert codes(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Die Lage auf der koreanischen Halbinsel und im Baltikum", "de"),
        ("The Middle East and the Korean peninsula", "en"),
        ("Die EU und die Nato beraten in Brüssel.", "de"),
        ("die damalige Sowjetunion", "de"),
        ("Voters in Atlanta, Georgia, went to the polls; the Georgia governor spoke.", "en"),
        ("Jordan Whitaker, a spokesman, said", "en"),
        ("Officials in New Mexico said", "en"),
        ("Latin American leaders", "en"),
        ("Die Fregatte Baden-Württemberg lief aus.", "de"),
    ],
)
def test_traps_are_not_countries(text, language):
    assert codes(text, language) == []


def test_georgia_the_country_still_counts():
    assert codes("Georgia's parliament in Tbilisi voted on the bill.", "en") == ["GE", "GE"]
    assert codes("Georgien und die Ukraine", "de") == ["GE", "UA"]


def test_spans_are_exact_offsets():
    text = "Gestern sagte Russland: nein."
    (span,) = find_countries(text, "de")
    assert text[span.start : span.end] == span.text == "Russland"


def test_linear_on_a_huge_paragraph():
    text = "Russland und die Vereinigten Staaten verhandeln weiter ohne Ergebnis. " * 150_000  # ~10 MB
    started = time.monotonic()
    spans = find_countries(text, "de")
    assert len(spans) == 300_000
    assert time.monotonic() - started < 30


def test_every_iso_country_has_a_record_with_three_names():
    records = {r.alpha2: r for r in country_records()}
    assert len(records) >= 249
    assert records["KP"].names["de"] == "Nordkorea"
    assert records["US"].names["fr"] == "États-Unis"
    assert "Kreml" in records["RU"].aliases["de"]

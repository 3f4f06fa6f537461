"""Country mentions by name, adjective, capital or metonym, in German, English and French.

Names come from CLDR (babel) and ISO 3166 (pycountry); adjectives, short forms, capitals
and metonyms from `country_lexicon`. Matching is a dictionary lookup over word tokens,
longest phrase first, so time is linear in the text and no regex can backtrack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import pycountry
from babel import Locale

from .country_lexicon import (
    ADJECTIVES,
    EXTRA,
    FIRST_NAME_COUNTRIES,
    NOT_AFTER,
    STOP,
    US_STATE_CUES,
)
from .types import EntitySpan

LANGUAGES = ("de", "en", "fr")
MAX_PHRASE = 6
# Words, with inner hyphens and apostrophes-free; "U.S." style abbreviations first.
_TOKEN = re.compile(r"U\.S\.A\.|U\.S\.|U\.K\.|[^\W_]+(?:[-‐‑][^\W_]+)*")
_HYPHENS = re.compile(r"[-‐‑]")
# CLDR names that are no countries for us (regions, unions) or too ambiguous alone.
_SKIP_CLDR = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}


@dataclass(frozen=True, slots=True)
class CountryRecord:
    """One ISO 3166-1 country with what the archive needs to find it in text."""

    alpha2: str
    alpha3: str
    names: dict[str, str]  # language code -> name, at least de/en/fr
    aliases: dict[str, list[str]] = field(default_factory=dict)  # language -> adjectives, capitals...


def _german_adjective_forms(stem: str) -> list[str]:
    return [stem + ending for ending in ("", "e", "en", "er", "es", "em")]


def _french_adjective_forms(masculine: str) -> list[str]:
    if masculine.endswith("e"):
        return [masculine, masculine + "s"]
    if masculine.endswith("en"):
        return [masculine, masculine + "ne", masculine + "s", masculine + "nes"]
    if masculine.endswith(("s", "x")):
        return [masculine, masculine + "e", masculine + "es"]
    if masculine.endswith("c"):  # grec -> grecque, turc -> turque
        feminine = masculine + "que" if masculine == "grec" else masculine[:-1] + "que"
        return [masculine, masculine + "s", feminine, feminine + "s"]
    return [masculine, masculine + "e", masculine + "s", masculine + "es"]


def _english_forms(adjective: str) -> list[str]:
    forms = [adjective]
    if adjective.endswith(("an", "i")) and " " not in adjective:
        forms.append(adjective + "s")  # Russians, Israelis
    return forms


def _cldr_names(language: str) -> dict[str, str]:
    territories = Locale(language).territories
    return {
        code: name
        for code, name in territories.items()
        if len(code) == 2
        and code.isalpha()
        and code not in _SKIP_CLDR
        and pycountry.countries.get(alpha_2=code)
    }


@lru_cache(maxsize=1)
def country_records() -> list[CountryRecord]:
    """Every ISO 3166-1 country (used to fill the Country table)."""
    names = {language: _cldr_names(language) for language in LANGUAGES}
    records = []
    for country in pycountry.countries:
        code = country.alpha_2
        aliases = {language: sorted(set(forms)) for language, forms in _aliases(code).items()}
        records.append(
            CountryRecord(
                alpha2=code,
                alpha3=country.alpha_3,
                names={language: names[language].get(code, country.name) for language in LANGUAGES},
                aliases=aliases,
            )
        )
    return records


def _aliases(code: str) -> dict[str, list[str]]:
    aliases: dict[str, list[str]] = {language: list(EXTRA[language].get(code, [])) for language in LANGUAGES}
    if code in ADJECTIVES:
        german, english, french = ADJECTIVES[code]
        aliases["de"] += _german_adjective_forms(german)
        aliases["en"] += _english_forms(english)
        aliases["fr"] += _french_adjective_forms(french)
    return aliases


@dataclass(slots=True)
class _Gazetteer:
    phrases: dict[tuple[str, ...], str]  # token tuple -> alpha-2
    lower_words: dict[str, str]  # adjectives, matched case-insensitively (sentence-initial "Russische")
    first_words: set[str]
    stop: set[str]
    not_after: set[str]


def _tokens_of(phrase: str) -> tuple[str, ...]:
    return tuple(m.group() for m in _TOKEN.finditer(phrase))


@lru_cache(maxsize=len(LANGUAGES))
def _gazetteer(language: str) -> _Gazetteer:
    phrases: dict[tuple[str, ...], str] = {}
    lower_words: dict[str, str] = {}
    stop = STOP.get(language, set())

    def add(phrase: str, code: str) -> None:
        if phrase in stop:
            return
        tokens = _tokens_of(phrase)
        if tokens and len(tokens) <= MAX_PHRASE:
            phrases.setdefault(tokens, code)

    for code, name in _cldr_names(language).items():
        add(name, code)
        if language == "de" and not name.endswith(("s", "x", "z")) and " " not in name:
            add(name + "s", code)  # genitive: Russlands, Chinas
    if language == "en":
        for country in pycountry.countries:
            for attribute in ("name", "common_name"):
                value = getattr(country, attribute, None)
                if value and "," not in value:
                    add(value, country.alpha_2)
    for code, forms in ((code, _aliases(code)[language]) for code in {*ADJECTIVES, *EXTRA[language]}):
        for form in forms:
            if form[:1].islower():
                lower_words.setdefault(form, code)
            add(form, code)
    first_words = {tokens[0] for tokens in phrases}
    return _Gazetteer(phrases, lower_words, first_words, stop, NOT_AFTER.get(language, set()))


def find_countries(text: str, language: str) -> list[EntitySpan]:
    """COUNTRY spans in `text` (key = alpha-2 code), in text order, without overlaps."""
    gazetteer = _gazetteer(language if language in LANGUAGES else "en")
    matches = list(_TOKEN.finditer(text))
    words = [m.group() for m in matches]
    spans: list[EntitySpan] = []
    i = 0
    while i < len(words):
        found = _match_at(gazetteer, words, i, language, text, matches)
        if found is None:
            i += 1
            continue
        length, code, part = found
        if part is not None:  # one part of a hyphenated compound: "Ukraine-Krieg"
            start = matches[i].start() + part[0]
            end = matches[i].start() + part[1]
        else:
            start, end = matches[i].start(), matches[i + length - 1].end()
        spans.append(EntitySpan(start=start, end=end, label="COUNTRY", text=text[start:end], key=code))
        i += length
    return spans


def _match_at(g: _Gazetteer, words: list[str], i: int, language: str, text: str, matches: list):
    word = words[i]
    if i > 0 and words[i - 1] in g.not_after:
        return None
    if word in g.first_words:
        for length in range(min(MAX_PHRASE, len(words) - i), 0, -1):
            code = g.phrases.get(tuple(words[i : i + length]))
            if code and _plausible(words, i, length, language, text, matches):
                return length, code, None
    if word in g.stop:
        return None
    if word[:1].isupper() and word[1:].islower():
        code = g.lower_words.get(word.lower())
        if code:
            return 1, code, None
    elif word.isupper() and len(word) > 3:  # dateline cities: MOSCOW, KYIV
        code = g.phrases.get((word.title(),)) or g.phrases.get((word.capitalize(),))
        if code:
            return 1, code, None
    if _HYPHENS.search(word):
        return _compound_part(g, word)
    return None


def _compound_part(g: _Gazetteer, word: str):
    """The first country in a hyphenated compound ("US-Präsident", "Russland-Ukraine-Krieg")."""
    offset = 0
    for part in _HYPHENS.split(word):
        code = g.phrases.get((part,)) if part not in g.stop else None
        if code is None and part[:1].islower():
            code = g.lower_words.get(part)
        if code:
            return 1, code, (offset, offset + len(part))
        offset += len(part) + 1
    return None


def _plausible(words: list[str], i: int, length: int, language: str, text: str, matches: list) -> bool:
    word = words[i]
    if length == 1 and word in FIRST_NAME_COUNTRIES and i + 1 < len(words):
        gap = text[matches[i].end() : matches[i + 1].start()]
        if gap.isspace() and words[i + 1][:1].isupper() and words[i + 1][1:].islower():
            return False  # Jordan Whitaker, Chad Smith
    if language == "en" and word == "Georgia" and length == 1:
        window = words[max(0, i - 12) : i + 12]
        if any(w in US_STATE_CUES for w in window):
            return False
    return True

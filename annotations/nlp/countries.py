"""Country mentions by name, adjective, capital or metonym, in German, English and French.

The gazetteer joins three sources: CLDR territory names through babel, ISO 3166-1 names and
official names through pycountry (with its German/French gettext catalogues), and a curated
table (`data/countries_aliases.tsv`) of short forms, adjectives, demonyms, capitals and
metonyms. German adjectives and demonyms and French adjectives are inflected by rule.

Matching is a word lookup, not a plain regex alternation: a trie-shaped regex finds, in C, the
whole words that can start a known phrase; at each of them the longest phrase (a dict lookup
over the next few words) wins. That is linear in the text length and never backtracks further
than one word. A handful of context rules then drop lookalikes (Georgia the US state,
Jordan/Chad/Paris as a person's name, Brussels meaning the EU, "Korea" alone when the article
does not say which one, "Deutsch" the language, regions and seas named after a country).
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from itertools import islice
from pathlib import Path

from .types import EntitySpan

LANGUAGES = ("de", "en", "fr")
_DATA = Path(__file__).parent / "data" / "countries_aliases.tsv"

# Word tokens: maximal runs of letters/digits. Apostrophes, hyphens and dots separate tokens,
# so French elisions (l'Ukraine, d’Ukraine) and genitive 's expose the bare name.
_TOKEN = re.compile(r"[^\W_]+")
_SPACE = re.compile(r"\s+")

# Codes of names that stand for two countries; resolved per article (see _resolve_ambiguous).
_KOREA = ("KR", "KP")
_CONGO = ("CD", "CG")  # CD first: the default when the article names neither Congo
_AMBIGUOUS: dict[str, dict[str, tuple[str, ...]]] = {
    "de": {
        **dict.fromkeys(["Korea", "Koreas", "Koreaner", "Koreanern"], _KOREA),
        **dict.fromkeys(
            [
                f"{stem}{end}"
                for stem in ("koreanisch", "Koreanisch")
                for end in ("e", "en", "er", "es", "em")
            ],
            _KOREA,
        ),
        **dict.fromkeys(["Kongo", "Kongos", "kongolesisch", "kongolesische", "kongolesischen"], _CONGO),
    },
    "en": {
        **dict.fromkeys(["Korea", "Korean", "Koreans", "KOREA"], _KOREA),
        **dict.fromkeys(["Congo", "Congolese", "CONGO"], _CONGO),
    },
    "fr": {
        **dict.fromkeys(["Corée", "coréen", "coréenne", "coréens", "coréennes", "Coréen", "Coréens"], _KOREA),
        **dict.fromkeys(["Congo", "congolais", "congolaise", "Congolais"], _CONGO),
    },
}

# Names that are also common first names or surnames: not a country when they sit inside a
# run of capitalised words ("Jordan Whitaker", "Michael Jordan", "Paris Hilton").
# German capitalises every noun, so a capitalised neighbour says nothing there; the rule runs
# for English and French only.
_PERSON_LIKE = frozenset(
    {
        "Holland",
        "Jordan",
        "Chad",
        "Paris",
        "Washington",
        "Finn",
        "Georgia",
        "Israel",
        "Maurice",
        "Dominique",
        "Salvador",
        "India",
        "Kenya",
        "Chile",
        "Jersey",
    }
)
# Capitalised words after a person-like name that still leave it a country ("Chad President
# Mahamat Deby", "Jordan Monday", "Israel Defense Forces").
_NOT_SURNAME = frozenset(
    """
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December The A An I He She It We They But And
    On In At Le La Les Il Elle Der Die Das Am Im President Prime Foreign Defense Defence
    Interior Finance Minister Ministry King Queen Crown Prince Army Navy Air Armed Government
    Embassy Parliament Senate Police Security National Mr Mrs Ms Dr Président Premier Ministre
    Gouvernement Armée Ambassade
    """.split()
)
# CLDR names that are, in running text, far more often something else: French first names
# (Dominique de Villepin, Maurice, Salvador) and "Grenade" (a grenade). Curated longer forms
# (l'île Maurice, El Salvador, la Dominique) still find the country.
_DROP = {"fr": frozenset({"Dominique", "Maurice", "Salvador", "Grenade"})}
# Words near "Georgia" that make it the US state, not the country.
_US_STATE_CONTEXT = re.compile(
    r"\b(?:state of|State of|Atlanta|[Gg]overnor|[Ss]enator|Sen\.|Rep\.|Republican|Democrat|"
    r"[Cc]ounty|U\.?S\.? state|Bundesstaat|US-Staat|[ÉéEe]tat de|Savannah|"
    r"[Gg]ouverneur|sénateur|Senat)"
)
# A country name that is the whole content of quotation marks right after a vessel noun is a
# ship's name: die Fregatte „Deutschland“, the frigate "Ukraine", la frégate « Normandie ».
_VESSEL = re.compile(
    r"(?:Fregatte|Korvette|Zerstörer|Schiff|[Vv]ersorger|Tanker|Frachter|U-Boot|Flugzeugträger|"
    r"frigate|destroyer|corvette|ship|vessel|tanker|carrier|freighter|submarine|"
    r"frégate|navire|pétrolier|cargo|sous-marin|porte-avions)\W{0,4}$"
)
_QUOTE_MARKS = "\"'„“”«»‚‘›‹\u00a0 "
_GEORGIA = frozenset({"Georgia", "Géorgie", "GEORGIA"})
# Brussels stands for the EU (not Belgium) whenever the article names the EU or NATO anywhere:
# news uses the city as a metonym for the institutions far more than for the country.
_BRUSSELS = frozenset({"Brüssel", "Brussels", "Bruxelles", "BRUSSELS", "BRUXELLES", "BRÜSSEL"})
_EU_CONTEXT = re.compile(
    r"\b(?:EU|UE|Europäischen? Union|European Union|Union européenne|Kommission|Commission|"
    r"NATO|Nato|OTAN|Brussels-based)\b|EU-"
)


@dataclass(frozen=True, slots=True)
class CountryRecord:
    """One ISO 3166-1 country with what the archive needs to find it in text."""

    alpha2: str
    alpha3: str
    names: dict[str, str]  # language code -> name, at least de/en/fr
    aliases: dict[str, list[str]] = field(default_factory=dict)  # language -> adjectives, capitals...


# --- inflection rules -------------------------------------------------------------------------


def _de_adjective(stem: str) -> list[str]:
    """All strong/weak/mixed endings of a German adjective stem, lower and capitalised.

    The capitalised bare stem is left out: "Deutsch", "Französisch" are language names
    ("auf Französisch"), not mentions of the country.
    """
    forms = [stem + ending for ending in ("", "e", "en", "er", "es", "em")]
    return forms + [f[0].upper() + f[1:] for f in forms[1:]]


def _de_demonym(noun: str) -> list[str]:
    """Case and number forms of a German demonym (Ukrainer, Russe, Russin)."""
    if noun.endswith("in"):  # feminine: Russin, Chinesin
        return [noun, noun + "nen"]
    if noun.endswith("er"):  # Ukrainer: -n (dative plural), -s (genitive)
        return [noun, noun + "n", noun + "s", noun + "in", noun + "innen"]
    if noun.endswith("e"):  # weak masculine: Russe, des Russen
        return [noun, noun + "n"]
    return [noun, noun + "s"]


def _de_name(name: str) -> list[str]:
    """A German country name and its genitive (Russlands, Chinas, Nordkoreas).

    Names ending in a sibilant take no -s. Feminine and plural names (die Ukraine, die
    Philippinen) do not inflect either, but their made-up -s form never occurs in text, so
    generating it costs nothing and keeps the rule simple.
    """
    if name[-1] in "sßzx" or not name[-1].isalpha() or name.isupper():
        return [name]
    return [name, name + "s"]


def _fr_adjective(masc: str) -> list[str]:
    """Gender and number forms of a French adjective of nationality, lower and capitalised."""
    if masc.endswith("e"):
        forms = [masc, masc + "s"]
    elif masc.endswith("en"):
        forms = [masc, masc + "ne", masc + "s", masc + "nes"]
    elif masc.endswith(("s", "x")):
        forms = [masc, masc + "e", masc + "es"]
    else:
        forms = [masc, masc + "e", masc + "s", masc + "es"]
    return forms + [f[0].upper() + f[1:] for f in forms]


def _en_adjective(word: str) -> list[str]:
    """An English adjective/demonym and its plural noun (Russians, Israelis, Finns)."""
    last = word.split()[-1]
    if last.endswith(("an", "i", "n", "e", "k", "b")) and not last.endswith(("ese", "ss")):
        return [word, word + "s"]
    return [word]


def _de_literal(form: str) -> list[str]:
    """A German capital or metonym with its genitive (Moskaus, des Kremls, Pentagons)."""
    return _de_name(form) if form.isalpha() and form[:1].isupper() and not form.isupper() else [form]


_INFLECT = {
    ("de", "adj"): _de_adjective,
    ("de", "dem"): _de_demonym,
    ("de", "name"): _de_name,
    ("de", "lit"): _de_literal,
    ("fr", "adj"): _fr_adjective,
    ("en", "adj"): _en_adjective,
}


# --- the tables -------------------------------------------------------------------------------


def _curated() -> list[tuple[str, str, str, list[str]]]:
    rows = []
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, lang, kind, forms = line.split("\t")
        rows.append((code, lang, kind, [f for f in forms.split("|") if f]))
    return rows


def _clean_cldr(name: str) -> list[str]:
    """Usable surface forms of a CLDR/ISO name ("Myanmar (Burma)", "St. Kitts & Nevis")."""
    if "," in name or " - " in name:  # inverted ISO forms and "Congo - Kinshasa"
        return []
    name = re.sub(r"\s+(?:SAR China|SAR de Chine|SAR|SVR China|\(Chine\))$", "", name)
    out = []
    match = re.fullmatch(r"(.+?)\s*\((.+)\)", name)
    parts = [match.group(1), match.group(2)] if match else [name]
    for part in parts:
        out.append(part)
        if "&" in part:
            out += [part.replace("&", word) for word in ("and", "und", "et")]
        if part.startswith("St. "):
            out += ["Saint " + part[4:], "Sankt " + part[4:]]
    # ISO official names start with a lowercase "the" ("the State of Eritrea"); the article
    # adds nothing and would make "the" a phrase start to check at every occurrence.
    return [re.sub(r"^the ", "", o.replace("’", "'")) for o in out]


@cache
def country_records() -> list[CountryRecord]:
    """Every ISO 3166-1 country (used to fill the Country table)."""
    import pycountry
    from babel import Locale

    locales = {lang: Locale(lang) for lang in LANGUAGES}
    catalogues = {
        lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for lang in ("de", "fr")
    }
    curated: dict[str, dict[str, list[str]]] = {}
    curated_names: dict[tuple[str, str], str] = {}
    for code, lang, kind, forms in _curated():
        if code == "-" or kind == "pre":
            continue
        if kind == "name":
            curated_names.setdefault((code, lang), forms[0])
        expand = _INFLECT.get((lang, kind))
        for form in forms:
            bucket = curated.setdefault(code, {}).setdefault(lang, [])
            bucket.extend(expand(form) if expand else [form])

    records = []
    for country in pycountry.countries:
        code = country.alpha_2
        names: dict[str, str] = {}
        aliases: dict[str, list[str]] = {}
        for lang in LANGUAGES:
            cldr = locales[lang].territories.get(code) or country.name
            # CLDR's "Congo - Kinshasa" or "Hong Kong SAR China" is no name for the table.
            cleaned = _clean_cldr(cldr)
            names[lang] = curated_names.get((code, lang)) if " - " in cldr else None
            names[lang] = names[lang] or (cleaned[0] if cleaned else country.name)
            iso = [
                country.name,
                getattr(country, "official_name", None),
                getattr(country, "common_name", None),
            ]
            if lang != "en":
                iso = [catalogues[lang].gettext(n) if n else None for n in iso]
            forms: list[str] = []
            for raw in [cldr, *iso]:
                for form in _clean_cldr(raw) if raw else []:
                    forms.extend(_de_name(form) if lang == "de" else [form])
            forms.extend(curated.get(code, {}).get(lang, []))
            ambiguous = _AMBIGUOUS[lang]
            drop = _DROP.get(lang, frozenset())
            aliases[lang] = list(dict.fromkeys(f for f in forms if f not in ambiguous and f not in drop))
        records.append(CountryRecord(code, country.alpha_3, names, aliases))
    return records


# --- matcher ----------------------------------------------------------------------------------


def _key(phrase: str) -> str:
    """Lookup key of a phrase: typographic apostrophe folded, spaces collapsed, no final dot."""
    if "’" in phrase:
        phrase = phrase.replace("’", "'")
    if "  " in phrase or not phrase.isprintable():  # newlines, tabs, NBSP: rare, so checked first
        phrase = _SPACE.sub(" ", phrase)
    return phrase.rstrip(".")


_MISSING = object()


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    phrases: dict[str, str | tuple[str, ...] | None]  # key -> code, candidate codes, or None
    max_tokens: dict[str, int]  # first token -> longest phrase (in tokens) starting with it
    first_words: re.Pattern[str]  # whole words that can start a phrase, as a trie
    # Forms that count only before a hyphen: "Deutsch-französisch", "russo-ukrainien".
    prefix_only: frozenset[str]
    # French language names, which are the masculine adjective: "en allemand", "l'anglais".
    language_names: frozenset[str]


@cache
def _gazetteer(language: str) -> _Gazetteer:
    phrases: dict[str, str | tuple[str, ...] | None] = {}

    def add(form: str, value: str | tuple[str, ...] | None, upper: bool) -> None:
        variants = [form]
        if upper and len(form) > 3:
            variants.append(form.upper())  # datelines: "MOSCOW, Jan 17 (Reuters)"
        for variant in variants:
            phrases.setdefault(_key(variant), value)

    # Non-countries first: setdefault keeps them, so a region beats an alias with the same text.
    for code, lang, _kind, forms in _curated():
        if code == "-" and lang == language:
            for form in forms:
                add(form, None, upper=False)
    for form, codes in _AMBIGUOUS.get(language, {}).items():
        add(form, codes, upper=True)
    prefix_only: set[str] = set()
    language_names: set[str] = set()
    for code, lang, kind, forms in _curated():
        if lang != language or code == "-":
            continue
        for form in forms:
            if kind == "pre":
                prefix_only.add(form)
            elif lang == "de" and kind == "adj":
                prefix_only.add(form[0].upper() + form[1:])  # "Deutsch" alone is the language
            elif lang == "fr" and kind == "adj":
                language_names.add(form)
    for form in prefix_only:
        code = next(
            c for c, lg, _k, fs in _curated() if lg == language and form.lower() in (f.lower() for f in fs)
        )
        add(form, code, upper=False)
    for record in country_records():
        for form in record.aliases.get(language, []):
            add(form, record.alpha2, upper=form[:1].isupper())

    max_tokens: dict[str, int] = {}
    for key in phrases:
        tokens = _TOKEN.findall(key)
        if tokens:
            max_tokens[tokens[0]] = max(max_tokens.get(tokens[0], 0), len(tokens))
    return _Gazetteer(
        phrases, max_tokens, _trie_regex(max_tokens), frozenset(prefix_only), frozenset(language_names)
    )


def _trie_regex(words: Iterable[str]) -> re.Pattern[str]:
    """A regex matching exactly `words` as whole words, factored as a character trie.

    A plain alternation of thousands of words makes `re` try each at every position; the
    trie shares prefixes, so each position costs a few character tests and never backtracks
    further than one word.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        optional = "" in node
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if optional:
            body = "(?:" + body + ")?"
        return body

    return re.compile(r"(?<![^\W_])" + pattern(trie) + r"(?![^\W_])")


def _sentence_start(text: str, pos: int) -> bool:
    """True when only spaces and an opening mark separate `pos` from a sentence boundary."""
    i = pos - 1
    while i >= 0 and text[i] in " \t\"'“„«»‚‘(\u00a0":
        i -= 1
    return i < 0 or text[i] in ".!?:\n\r—–-"


_LAST_WORD = re.compile(r"[^\W_]+$")


def _is_person_name(text: str, start: int, end: int) -> bool:
    """A person-like name (Jordan, Chad, Paris) glued to another capitalised name word."""
    nxt = _TOKEN.match(text, end + 1) if text[end : end + 1] == " " else None
    if nxt is not None:
        word = nxt.group()
        if word[:1].isupper() and not word.isupper() and word not in _NOT_SURNAME:
            return True
    prev = _LAST_WORD.search(text, max(0, start - 41), start - 1) if text[start - 1 : start] == " " else None
    if prev is not None:
        word = prev.group()
        if (
            word[:1].isupper()
            and not word.isupper()
            and word not in _NOT_SURNAME
            and not _sentence_start(text, prev.start())
        ):
            return True
    return False


def find_countries(text: str, language: str) -> list[EntitySpan]:
    """COUNTRY spans in `text` (key = alpha-2 code), in text order, without overlaps.

    Unknown languages fall back to the English gazetteer.
    """
    gaz = _gazetteer(language if language in LANGUAGES else "en")
    phrases, max_tokens = gaz.phrases, gaz.max_tokens
    found: list[tuple[int, int, str | tuple[str, ...]]] = []
    memo: dict[str, bool] = {}
    covered = 0  # end of the last phrase taken: longest match wins, no overlaps
    # The trie regex skips, in C, every word that cannot start a phrase; Python only sees
    # the candidates, a few per cent of the words.
    for first in gaz.first_words.finditer(text):
        start = first.start()
        if start < covered:
            continue
        longest = max_tokens[first.group()]
        if longest == 1:  # most candidates: one word, no spaces or apostrophes to fold
            words = [first]
        else:
            words = list(islice(_TOKEN.finditer(text, start), longest))
        for word in reversed(words):
            end = word.end()
            key = word.group() if word is first else _key(text[start:end])
            value = phrases.get(key, _MISSING)
            if value is _MISSING:
                continue
            if value is not None and _keep(text, language, key, start, end, memo, gaz):
                if text[end : end + 1] == "." and key.endswith(("U.S", "U.K", "U.S.A")):
                    end += 1
                found.append((start, end, value))
            covered = end
            break
    return _resolve_ambiguous(text, found)


_EN_LANGUAGES = frozenset(
    "French German Spanish Russian Chinese Arabic Italian Portuguese Japanese Korean Turkish Dutch "
    "Polish Ukrainian Greek Swedish Hebrew Persian Hindi".split()
)
_EN_LANGUAGE_CONTEXT = re.compile(r"\s*(?:[.,;:!?)\"”]|$)")


def _keep(
    text: str,
    language: str,
    key: str,
    start: int,
    end: int,
    memo: dict[str, bool],
    gaz: _Gazetteer,
) -> bool:
    """Context rules for lookalikes; True when the match is a country mention."""
    if language != "de" and key in _PERSON_LIKE and _is_person_name(text, start, end):
        return False
    if key in _GEORGIA and _US_STATE_CONTEXT.search(text, max(0, start - 120), end + 120):
        return False
    if key in _BRUSSELS:
        if "eu" not in memo:  # one scan of the article, however often Brussels occurs
            memo["eu"] = _EU_CONTEXT.search(text) is not None
        if memo["eu"]:
            return False
    if _is_ship_name(text, start, end):
        return False
    if key in gaz.prefix_only and text[end : end + 1] != "-":
        return False
    if key in gaz.language_names and text[max(0, start - 3) : start] in ("en ", "l'", "l’"):
        return False
    if language == "en" and key in _EN_LANGUAGES:
        before = text[max(0, start - 9) : start].lower()
        # "debate in French.", "speaks Spanish": the language
        if before.endswith(("speak ", "speaks ", "speaking ")):
            return False
        if before.endswith(("in ", "into ")) and _EN_LANGUAGE_CONTEXT.match(text, end):
            return False
    # German hyphen compounds name the head's owner first: "US-Bundesregierung" is not Germany.
    return not (language == "de" and key.startswith("Bundes") and start > 0 and text[start - 1] == "-")


def _is_ship_name(text: str, start: int, end: int) -> bool:
    """True for „Deutschland“ in "die Fregatte „Deutschland“" (quoted name after a vessel noun)."""
    before = text[max(0, start - 3) : start]
    if not before or before[-1] not in _QUOTE_MARKS or text[end : end + 1] not in _QUOTE_MARKS:
        return False
    return _VESSEL.search(text, max(0, start - 40), start) is not None


def _resolve_ambiguous(text: str, found: list[tuple[int, int, str | tuple[str, ...]]]) -> list[EntitySpan]:
    """Give "Korea"/"Congo" the one candidate the article names unambiguously.

    When the article names both or neither, "Korea" is dropped (guessing would be wrong half
    the time), while "Congo" alone means the Democratic Republic, which news names far more
    often than its neighbour.
    """
    named = {value for _s, _e, value in found if isinstance(value, str)}
    spans = []
    for start, end, value in found:
        if isinstance(value, tuple):
            present = [code for code in value if code in named]
            if len(present) == 1:
                value = present[0]
            elif value == _CONGO and not present:
                value = "CD"
            else:
                continue
        spans.append(EntitySpan(start, end, "COUNTRY", text[start:end], key=value))
    return spans


def is_demonym_noun(word: str, language: str) -> bool:
    """Whether a capitalised `word` is a nationality noun ("la Française", "l'Allemand"):
    its lower-case form is a nationality adjective, which a country name never is."""
    lower = word.lower()
    return word[:1].isupper() and lower != word and _key(lower) in _gazetteer(language).phrases

"""Spelling-proof keys for person names: plain Python, no ORM, no database.

The same person reaches the archive as "Dmitri Peskow" (German press), "Dmitry Peskov"
(English), "Песков" (Russian) or "D. Peskow". Each name is folded to a key that irons out
case, accents, the Cyrillic script and the usual German/English/French transliteration
variants, so those spellings compare equal; what the rules miss (typos, rarer variants) is
left to trigram similarity on the same keys in the database.

The rules are deliberately lossy (w and v, z and s become one letter): the keys only say
"these could be the same name" and are never shown.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher

from unidecode import unidecode

# Applied in order to each lower-case ASCII word. Order matters: German "tsch" and "sch"
# must be read before "ch" becomes "h", "zh" before "z" becomes "s".
_RULES: tuple[tuple[str, str], ...] = (
    ("tsch", "ch"),  # Tschechow / Chekhov
    ("sch", "sh"),  # Schoigu / Shoigu
    ("zh", "sh"),  # Zhukov / Schukow
    ("kh", "h"),  # Khodorkovsky / Chodorkowski
    ("ch", "h"),
    ("ck", "k"),
    ("ae", "a"),  # Schroeder / Schröder (umlauts were folded to the bare vowel)
    ("oe", "o"),
    ("ue", "u"),
    ("ou", "u"),  # Poutine / Putin
    ("iu", "yu"),  # Юрий -> Iurii / Yuri, Juri
    ("ia", "ya"),
    ("ph", "f"),
    ("w", "v"),  # Peskow / Peskov
    ("j", "y"),  # Jelzin / Yeltsin, Dmitrij / Dmitriy
    ("tz", "z"),
    ("ts", "z"),  # Yeltsin / Jelzin
    ("z", "s"),  # Zelensky / Selenskyj
    ("x", "ks"),
    ("c", "k"),
    ("q", "k"),
)
_DOUBLE = re.compile(r"(.)\1+")
# A y that is no consonant glide is an i (Volodymyr / Володимир); a leading "ye" is
# how Cyrillic Е is spelt in English and German but not by unidecode (Yeltsin / Ельцин).
_VOWEL_Y = re.compile(r"(?<=.)y(?![aeiou])")
_LEADING_YE = re.compile(r"^ye")
_IY_GLIDE = re.compile(r"iy(?=[aeiou])")  # Мария -> Mariia -> mariya / Maria
# Endings of Slavic names: -ij, -iy, -yj, -ii, -yi, -y all stand for one sound.
_ENDING = re.compile(r"(?:iy|yi|ii|y)$")
_NON_LETTER = re.compile(r"[^a-z]+")


def _ascii(text: str) -> str:
    # NFKC first so ligatures and full-width letters become plain letters, then unidecode
    # for accents and Cyrillic (Песков -> Peskov, Дмитрий -> Dmitrii).
    return unidecode(unicodedata.normalize("NFKC", text)).casefold()


def _fold_word(word: str) -> str:
    for old, new in _RULES:
        word = word.replace(old, new)
    word = _LEADING_YE.sub("e", word)
    word = _VOWEL_Y.sub("i", word)
    word = _IY_GLIDE.sub("y", word)
    word = _DOUBLE.sub(r"\1", word)
    if len(word) > 3:
        word = _ENDING.sub("i", word)
    return word


def name_words(name: str) -> list[str]:
    """The folded words of a name, initials included (as one letter each)."""
    words = []
    for raw in _NON_LETTER.split(_ascii(name).replace("'", "")):
        if raw:
            words.append(raw if len(raw) == 1 else _fold_word(raw))
    return words


def name_fold(name: str) -> str:
    """The folded full name without initials: "D. Peskow" and "Peskov" both give "peskov"."""
    return " ".join(w for w in name_words(name) if len(w) > 1)


@dataclass(frozen=True, slots=True)
class NameKey:
    full: str  # every word but initials, folded
    surname: str  # the last word, folded
    given: tuple[str, ...]  # the words before the surname, initials as single letters

    @property
    def keys(self) -> list[str]:
        return [self.full] if self.full == self.surname else [self.full, self.surname]


def name_key(name: str) -> NameKey | None:
    """Parse one name into its folded parts; None when nothing name-like is left."""
    words = name_words(name)
    if not words or len(words[-1]) < 2:
        full = name_fold(name)
        if not full:
            return None
        return NameKey(full=full, surname=full.split()[-1], given=())
    return NameKey(full=name_fold(name), surname=words[-1], given=tuple(words[:-1]))


def name_keys(*names: str) -> list[str]:
    """The distinct keys stored for a person with these names (name and aliases)."""
    keys: list[str] = []
    for name in names:
        parsed = name_key(name)
        if parsed:
            # A two-letter surname key ("un" of "Kim Jong Un") would match too much alone.
            keys.extend(k for k in parsed.keys if k not in keys and len(k) > 2)
    return keys


# Folded first names this alike (same initial) are one name spelt in two traditions:
# French "Sergueï" / German "Sergej" (sergui / sergei), Ukrainian "Dmytro" / "Dmitri".
_GIVEN_SIMILARITY = 0.8


def _given_word_compatible(q: str, c: str) -> bool:
    if c.startswith(q) or q.startswith(c):
        return True
    alike = SequenceMatcher(None, q, c).ratio() >= _GIVEN_SIMILARITY
    return q[0] == c[0] and min(len(q), len(c)) > 3 and alike


def _given_compatible(query: tuple[str, ...], candidate: tuple[str, ...]) -> bool:
    """ "D." fits "dmitri"; "dmitri" fits "dmitri sergeyevich"; "sergui" fits "sergei";
    a missing first name fits anything."""
    if not query or not candidate:
        return True
    return all(_given_word_compatible(q, c) for q, c in zip(query, candidate, strict=False))


def name_match_score(query: str, candidate: str) -> float:
    """How surely `candidate` names the person the user typed as `query`, from 0 to 1.

    1.0: the same full name; 0.9: the same surname with compatible first names (or none on
    one side); 0.5: the same surname but other first names (a relative, a namesake). 0 when
    the surnames differ: typos are for trigram similarity in the database to judge.
    """
    q, c = name_key(query), name_key(candidate)
    if q is None or c is None:
        return 0.0
    if q.full == c.full and q.given == c.given:
        return 1.0
    if q.full == c.full or (q.surname == c.surname and _given_compatible(q.given, c.given)):
        return 0.9
    if q.surname == c.surname:
        return 0.5
    return 0.0


def identity_score(name: str, candidate_names: list[str]) -> float:
    """How surely a person known by `candidate_names` is the one called `name` (0 to 1).

    The best name_match_score over the candidate's spellings, except that one spelling with
    the same surname but other first names (0.5) vetoes the rest: "Ivan Peskov" is not the
    record "Peskow" once that record also holds "Dmitri Peskow".
    """
    scores = [name_match_score(name, other) for other in candidate_names]
    if not scores:
        return 0.0
    if any(score == 0.5 for score in scores):
        return 0.5
    return max(scores)


def identity_choose(name: str, candidates: list[tuple[int, list[str]]]) -> tuple[int | None, bool]:
    """The one known identity a new spelling `name` belongs to: (id or None, ambiguous).

    `candidates` are (id, spellings) of persons sharing a folded key with `name`. A single
    candidate at SAME_PERSON level or above is chosen; of several, one that has the same
    full name (score 1) wins; otherwise nobody is chosen and `ambiguous` says a person must
    decide (two Peskovs and a bare "Peskov").
    """
    scored = [(identity_score(name, names), pk) for pk, names in candidates]
    strong = [(score, pk) for score, pk in scored if score >= 0.9]
    if len(strong) == 1:
        return strong[0][1], False
    exact = [pk for score, pk in strong if score == 1.0]
    if len(exact) == 1:
        return exact[0], False
    return None, len(strong) > 1

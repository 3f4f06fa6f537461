"""Konjunktiv I and II and the other marks of reported speech ("soll", "sollen")."""

from __future__ import annotations

from functools import lru_cache

from ..article import Article
from ..lexicon import (
    DE_DETERMINERS,
    DE_KONJ_II,
    DE_KONJ_IRREGULAR,
    DE_NOT_KONJ,
    DE_PREPOSITIONS,
    DE_VERB_PREFIXES,
    data_words,
)
from .tokens import _PUNCT_END


def _konj_forms() -> frozenset[str]:
    return data_words("de_konjunktiv1.txt")


@lru_cache(maxsize=1)
def _konj_candidates() -> frozenset[str]:
    """Every word that may be a Konjunktiv form, prefixed forms included (a cheap pre-filter)."""
    base = _konj_forms() | DE_KONJ_IRREGULAR
    expanded = set(base) | DE_KONJ_II
    for prefix in DE_VERB_PREFIXES:
        expanded.update(prefix + form for form in base)
    return frozenset(expanded)


_PRONOUN_DETERMINERS = frozenset("der die das dies diese dieser dieses".split())


def is_konjunktiv(article: Article, i: int, s: int, *, with_ii: bool = False) -> bool:
    """A finite Konjunktiv I form (or II when asked) at token i of the sentence starting at s."""
    tok = article.toks[i]
    lower = tok.lower
    if tok.text != lower and i != s:
        return False  # "im Laufe", "die Sitze": nouns
    if with_ii and lower in DE_KONJ_II:
        return True
    if lower in DE_KONJ_IRREGULAR:
        # "doch auch das werde …", "die seien …": these determiners also stand alone as pronouns
        prev = article.toks[i - 1].lower if i > s else ""
        return i == s or prev not in DE_DETERMINERS or prev in _PRONOUN_DETERMINERS
    if not lower.endswith("e") or len(lower) < 4 or lower in DE_NOT_KONJ or tok.text != lower:
        return False
    if i > s and (
        article.toks[i - 1].lower in DE_DETERMINERS or article.toks[i - 1].lower in DE_PREPOSITIONS
    ):
        return False  # adjective: "die neue", "mit großer"
    forms = _konj_forms()
    if lower in forms:
        return True
    for prefix in DE_VERB_PREFIXES:
        if lower.startswith(prefix) and len(lower) - len(prefix) >= 4:
            rest = lower[len(prefix) :]
            if rest in forms or rest in DE_KONJ_IRREGULAR:
                return True
    return False


def _continues_claim(article: Article, s: int, e: int, masked: list[bool]) -> bool:
    """A sentence without a cue that would go on reporting (Konjunktiv, "soll")."""
    toks = article.toks
    konj = _konj_candidates()
    return any(
        not masked[i]
        and (
            toks[i].lower in _MODAL_REPORT
            or (toks[i].lower in konj and is_konjunktiv(article, i, s, with_ii=True))
        )
        for i in range(s, e)
    )


# "Die Stellenkürzungen sollen vor allem die Verwaltung treffen": right after a quote, the
# modal keeps reporting what the source announced
_MODAL_REPORT = frozenset("soll sollen".split())


_MUST_KONJ_II = frozenset("müsste müssten".split())


def _deadline(article: Article, s: int, e: int) -> bool:
    """ "Bis 2027 sollen … stationiert sein": a plan with a date is the writer's fact."""
    toks = article.toks
    return any(
        (toks[k].lower in ("bis", "ab") and toks[k + 1].text[:1].isdigit())
        # "Die Beratungen sollen am Freitagvormittag fortgesetzt werden": a date in the schedule
        or (toks[k].lower in ("am", "ab", "bis") and toks[k + 1].lower.startswith(_WEEKDAYS))
        for k in range(s, e - 1)
    )


_WEEKDAYS = ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag")


def _reportative(article: Article, s: int, e: int, masked: list[bool]) -> bool:
    toks = article.toks
    b = e
    while b > s and toks[b - 1].text in _PUNCT_END:
        b -= 1
    if b - s < 4 or toks[b - 1].lower not in ("sein", "haben") or any(masked[s:b]):
        return False
    # "soll … verletzt worden sein", "soll … gekommen sein", "soll … gezündet haben" report a
    # claim; "sollen bis 2027 … stationiert sein" states a plan
    participle = toks[b - 2]
    if toks[b - 1].lower == "sein" and not (
        participle.lower == "worden" or (participle.text.islower() and participle.lower.endswith("en"))
    ):
        return False
    return any(toks[i].lower in ("soll", "sollen") for i in range(s, b - 2))


# Konjunktiv II of modals: after a speech verb they report ("müssten … eingehen"); in a
# sentence of their own they are as often the writer's guess ("dürfte steigen")
_MODAL_KONJ_II = frozenset("müsste müssten könnte könnten dürfte dürften".split())


_KONJ_AUX = frozenset("habe sei seien hätte hätten".split())

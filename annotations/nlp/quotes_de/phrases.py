"""Noun phrases: where one ends (forward and backward), institutions, quoted titles."""

from __future__ import annotations

import re

from ..article import Article, Tok
from ..lexicon import DE_DETERMINERS, DE_INSTITUTION_SUFFIXES
from ..quotes import Speaker
from .tokens import (
    _GENITIVE_LINKS,
    _NAME_CONNECTORS,
    _NAME_LINKS,
    _is_adjective,
    _is_capital,
    _is_head,
    _name_connector,
)

_AGE_NOUN = re.compile(r"^\d+-jährige[rn]?$")


def np_forward(article: Article, i: int, end: int) -> int | None:
    """End of a noun phrase starting at token i (det adj* Noun+ [genitive | in Place]), or None."""
    toks = article.toks
    j = i
    while j < end and (toks[j].lower in DE_DETERMINERS or _is_adjective(toks[j])):
        j += 1
    head = j
    while j < end and (
        _is_capital(toks[j])
        or (j > head and (toks[j].text[:1].isdigit() or _name_connector(toks, j, end)))
        or (j == head and _AGE_NOUN.match(toks[j].lower))  # "der 52-Jährige"
    ):
        if (
            toks[j].text.endswith("-")
            and j + 2 < end
            and toks[j + 1].lower in ("und", "oder")
            and _is_capital(toks[j + 2])
        ):
            j += 2  # "Kongress- und Verteidigungskreise": one noun, its first half cut short
        j += 1
    if j == head:
        return None
    # genitive / "von" / "in Place" continuations, twice at most
    for step in range(2):
        if (
            j + 1 < end
            and toks[j].lower in ("von", "vom")
            and any(c.isdigit() for c in toks[j + 1].text)
            and toks[j + 1].text[0].isalpha()
        ):
            j += 2  # "nach Angaben von n24"
            continue
        if j + 1 < end and (
            (
                toks[j].lower in _GENITIVE_LINKS
                # "einer Pressemitteilung des BMI der Verbesserung …": after an acronym's
                # genitive, a second "der" starts an object, not another genitive
                and not (step and toks[j - 1].text.isupper() and toks[j].lower != "von")
            )
            or (
                # "des Bundesamts für Verfassungsschutz", "das Institut für Weltwirtschaft"
                toks[j].lower == "für"
                and _is_institution(toks[j - 1].lower)
                and (_is_capital(toks[j + 1]) or toks[j + 1].lower in DE_DETERMINERS)
            )
        ):
            stop = _attribute_end(toks, j + 1, end)
            if stop is not None:
                j = stop
                continue
        if (
            j + 1 < end
            and toks[j].lower in ("in", "aus")
            and _is_capital(toks[j + 1])
            and ((j + 1) in article.country_toks or toks[j - 1].lower.endswith(DE_INSTITUTION_SUFFIXES))
        ):
            j += 2
            continue
        break
    return j


def _attribute_end(toks: list[Tok], k: int, end: int) -> int | None:
    """End of the noun phrase from token k after a genitive link or "für" (det adj* Noun+),
    or None when no noun follows."""
    while k < end and (toks[k].lower in DE_DETERMINERS or _is_adjective(toks[k])):
        k += 1
    m = k
    while m < end and (_is_capital(toks[m]) or (m > k and _name_connector(toks, m, end))):
        m += 1
    return m if m > k else None


def _is_institution(lower: str) -> bool:
    """An institution noun, also in the genitive ("Bundesamts", "Ministeriums")."""
    return lower.endswith(DE_INSTITUTION_SUFFIXES) or (
        lower.endswith("s") and lower.rstrip("s").rstrip("e").endswith(DE_INSTITUTION_SUFFIXES)
    )


_GENITIVE_DETS = frozenset("des der eines einer".split())


def _np_backward(article: Article, k: int, s: int) -> int:
    """Start of the noun phrase that ends at token k (det adj* Noun+)."""
    toks = article.toks
    while k - 1 >= s and (
        _is_head(toks[k - 1])
        or toks[k - 1].lower in _NAME_LINKS
        or (toks[k - 1].text in _NAME_CONNECTORS and k - 2 >= s and _is_head(toks[k - 2]))
    ):
        k -= 1
    m = k
    while m - 1 >= s and _is_adjective(toks[m - 1]):
        m -= 1
    # adjectives belong to the phrase only behind an article ("die chinesische Regierung"),
    # not "hatte" or "betonte" that merely end like one
    if m - 1 >= s and toks[m - 1].lower in DE_DETERMINERS:
        m -= 1
    else:
        m = k
    # "Ein Reporter des Fernsehsenders": a genitive hangs on the noun before it
    if toks[m].lower in _GENITIVE_DETS and m - 1 >= s and _is_head(toks[m - 1]):
        return _np_backward(article, m - 1, s)
    return m


_OPENING_MARKS = frozenset('„»"')


_CLOSING_MARKS = frozenset('“«"”')


def _quoted_title(article: Article, i: int, e: int) -> tuple[Speaker, int] | None:
    """ "„Bild“", "»Tagesspiegels«" at token i: a name of one to four capitalised words in
    quotation marks, as speaker (without the marks) and the token after the closing mark."""
    toks = article.toks
    if toks[i].text not in _OPENING_MARKS:
        return None
    for m in range(i + 2, min(e, i + 6)):
        if toks[m].text in _CLOSING_MARKS:
            if not all(_is_capital(t) or t.text == "-" for t in toks[i + 1 : m]):
                return None
            start, end = toks[i + 1].start, toks[m - 1].end
            return Speaker(article.text[start:end], start, end, "ORG"), m + 1
    return None

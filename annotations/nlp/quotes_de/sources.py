"""Source phrases: "laut X", "X zufolge", "nach Angaben von X", "eigenen Angaben zufolge"."""

from __future__ import annotations

from ..article import Article
from ..lexicon import DE_DETERMINERS, DE_PREPOSITIONS, DE_UNNAMED_SOURCES
from ..quotes import Speaker
from .phrases import np_forward
from .speakers import speaker_from_np
from .subjects import _subject_after
from .tokens import _GENITIVE_LINKS, _is_adjective, _is_capital

_SOURCE_NOUNS = frozenset(
    "Angaben Informationen Einschätzung Ansicht Aussage Aussagen Meldungen Erkenntnissen Darstellung "
    "Schätzungen Worten Auffassung Überzeugung Meinung Bericht Berichten Mitteilung Studie".split()
)


def _unnamed_claim(article: Article, s: int, e: int) -> bool:
    """ "Berichten zufolge", "Medienberichten zufolge", "nach Informationen aus
    Regierungskreisen": the sentence passes on a claim nobody is named for."""
    toks = article.toks
    for k in range(s, e):
        low = toks[k].lower
        if low == "zufolge" and k > s and toks[k - 1].text in DE_UNNAMED_SOURCES:
            return True
        if low in ("laut", "nach", "gemäß") and k + 1 < e:
            m = k + 1
            while m < e and _is_adjective(toks[m]):
                m += 1
            if m + 1 < e and toks[m].text in DE_UNNAMED_SOURCES:
                nxt = toks[m + 1]
                named = nxt.lower in _GENITIVE_LINKS or nxt.lower in DE_DETERMINERS or _is_capital(nxt)
                if not named:
                    return True
    return False


def _unnamed(article: Article, first: int, end: int) -> bool:
    """A source phrase without a named source: "Berichten", "ersten Angaben"."""
    toks = article.toks
    caps = [t for t in toks[first:end] if _is_capital(t)]
    return not caps or all(t.text in DE_UNNAMED_SOURCES for t in caps)


_POSSESSIVES = frozenset("seinen ihren".split())


def _own_source(article: Article, s: int, e: int, j: int) -> Speaker | None:
    """The subject a sentence with "eigenen Angaben zufolge" reports about."""
    toks = article.toks
    stop = np_forward(article, s, j)
    if stop is not None and toks[s].lower not in DE_PREPOSITIONS:
        return speaker_from_np(article, s, stop)
    return _subject_after(article, s, e)

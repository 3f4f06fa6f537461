"""Token tests and word classes the German quote rules share."""

from __future__ import annotations

from ..article import Article, Tok
from ..lexicon import DE_DETERMINERS, DE_FUNCTION_WORDS, DE_PREPOSITIONS

_PUNCT_END = frozenset(".!?")


_MARKS = frozenset('„“”"»«‹›')


_CLAUSE_BREAK = frozenset(",;:")


_RELATIVE = frozenset("der die das welcher welche welches".split())


_GENITIVE_LINKS = frozenset("des der von vom eines einer seines ihres".split())


_MAX_CUE_GAP = 12  # tokens between a speech verb and its comma


def _is_capital(tok: Tok) -> bool:
    return tok.text[:1].isupper() and tok.text[:1].isalpha() and tok.lower not in DE_FUNCTION_WORDS


def _is_adjective(tok: Tok) -> bool:
    low = tok.text
    return (
        low.islower()
        and low.isalpha()
        and low.endswith(("e", "en", "er", "es", "em"))
        and low not in DE_PREPOSITIONS
        and low not in DE_DETERMINERS  # "des", "der", "einem" end like adjectives
    )


# lower-case words inside English names of institutions ("Council on Foreign Relations")
_NAME_CONNECTORS = frozenset("of on for and the".split())


def _name_connector(toks: list[Tok], j: int, end: int) -> bool:
    return (
        toks[j].text in _NAME_CONNECTORS
        and j + 1 < end
        and _is_capital(toks[j + 1])
        and toks[j - 1].text[:1].isupper()
    )


_TIME_NOUNS = frozenset(
    """montag dienstag mittwoch donnerstag freitag samstag sonntag woche wochenende jahr jahres tag
    tages monat monats abend morgen mittag nacht vormittag nachmittag januar februar märz april mai
    juni juli august september oktober november dezember""".split()
)


def _is_head(tok: Tok) -> bool:
    """A noun or name that can head a speaker phrase ("Polizei", "39-Jährige", "BGH")."""
    text = tok.text
    if tok.lower in DE_FUNCTION_WORDS or tok.lower in DE_DETERMINERS or tok.lower in _TIME_NOUNS:
        return False
    first_alpha = next((c for c in text if c.isalpha()), "")
    return bool(first_alpha) and first_alpha.isupper() and (text[0].isalpha() or "-" in text)


_NAME_LINKS = frozenset("von van der de".split())


def _sentence_end(article: Article, i: int, limit: int) -> int:
    toks = article.toks
    sent = toks[i].sent
    k = i
    while k < limit and toks[k].sent == sent:
        k += 1
    return k


def _segment_end(article: Article, a: int, e: int) -> int:
    """End of the comma segment that starts at token a."""
    toks = article.toks
    for k in range(a, e):
        if toks[k].text in _CLAUSE_BREAK or toks[k].text in _PUNCT_END:
            return k
    return e

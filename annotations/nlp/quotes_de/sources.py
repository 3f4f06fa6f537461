"""Source phrases: "laut X", "X zufolge", "nach Angaben von X", "eigenen Angaben zufolge"."""

from __future__ import annotations

from ..article import Article
from ..lexicon import DE_DETERMINERS, DE_PREPOSITIONS, DE_UNNAMED_SOURCES
from ..quotes import Candidate, Speaker
from .clauses import _clause_span, _skip_relative
from .phrases import _quoted_title, np_forward
from .speakers import speaker_from_np
from .subjects import _apposed_person, _previous_subject, _subject_after, _subject_before
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


def _source_phrase(article: Article, s: int, e: int, j: int, masked: list[bool]) -> Candidate | None:
    """The report that a source phrase at token j of sentence [s, e) opens or closes: "Laut X …",
    "X zufolge …", "eigenen Angaben zufolge", "nach Angaben von X", "…, wonach …", "Demnach …";
    None when it opens none, or one without a named source: then the caller goes on with
    verb cues, which find nothing at these words (none of them is a speech verb)."""
    toks = article.toks
    tok = toks[j]
    lower = tok.lower
    # Laut X … / gemäß X …
    if lower in ("laut", "gemäß") and j + 1 < e:
        first = j + 2 if toks[j + 1].text in '„“"»«' and j + 2 < e else j + 1
        stop = np_forward(article, first, e)
        if stop is not None and stop < e and toks[stop].text in '“”"«»':
            stop += 1
        if stop is None or _unnamed(article, j + 1, stop):
            return None
        speaker = speaker_from_np(article, j + 1, stop)
        quoted = _quoted_title(article, j + 1, e)
        if quoted is not None and quoted[1] == stop:
            speaker = quoted[0]  # "Laut „Spiegel“": the title without its marks
        apposed = _apposed_person(article, stop, e)
        if apposed is not None:
            # "Laut dem Bürgermeister von Charkiw, Ihor Terechow, wurden …"
            speaker, stop = apposed
        span = _clause_span(article, stop if j == s else s, e, masked)
        if span:
            return Candidate(span[0], span[1], False, tok.text, speaker)
    # "eigenen Angaben zufolge" / "nach eigener Aussage": the subject is its own source
    if lower in ("eigenen", "eigener") and j + 1 < e and toks[j + 1].text in _SOURCE_NOUNS | {"Aussage"}:
        after = j + 2 + (j + 2 < e and toks[j + 2].lower == "zufolge")
        opens = j == s or (j == s + 1 and toks[s].lower == "nach")
        speaker = _subject_after(article, after, e) if opens else _own_source(article, s, e, j)
        if opens and (speaker is None or speaker.label != "PERSON") and toks[s].sent > 0:
            # "Eigenen Angaben zufolge stieg der Umsatz": the one of the sentence before
            speaker = _previous_subject(article, toks[s].sent - 1) or speaker
        # "Nach eigenen Worten will X …" / "Eigenen Angaben zufolge ist X …": the source
        # phrase opens the sentence, the report is the rest
        span = _clause_span(article, after if opens else s, e, masked)
        if span:
            return Candidate(span[0], span[1], False, f"{tok.text} {toks[j + 1].text}", speaker)
    # X zufolge …
    if lower == "zufolge" and j > s:
        # the source phrase right before "zufolge": det adj* Noun (genitive …)
        c = j - 1
        while c > s and (
            _is_capital(toks[c - 1])
            or toks[c - 1].lower in DE_DETERMINERS
            or _is_adjective(toks[c - 1])
            or toks[c - 1].lower in _GENITIVE_LINKS
        ):
            c -= 1
        while c < j and toks[c].lower in _GENITIVE_LINKS:
            c += 1
        if c >= j or _unnamed(article, c, j):
            return None
        speaker = speaker_from_np(article, c, j)
        span = _clause_span(article, _skip_relative(article, j + 1, e) if c == s else s, e, masked)
        if span:
            return Candidate(span[0], span[1], False, tok.text, speaker)
    # "Nach ihren Angaben …" / "Seinen Angaben zufolge …": the source is the subject of
    # the sentence before
    if (
        lower in _POSSESSIVES
        and j + 1 < e
        and toks[j + 1].text in _SOURCE_NOUNS
        and ((j > s and toks[j - 1].lower == "nach") or (j + 2 < e and toks[j + 2].lower == "zufolge"))
        and toks[s].sent > 0
    ):
        speaker = _previous_subject(article, toks[s].sent - 1)
        after = j + 3 if j + 2 < e and toks[j + 2].lower == "zufolge" else j + 2
        span = _clause_span(article, after if j - (toks[j - 1].lower == "nach") == s else s, e, masked)
        if span:
            cue = f"{tok.text} {toks[j + 1].text}"
            return Candidate(span[0], span[1], False, cue, speaker, inherit=speaker is None)
    # nach Polizeiangaben / nach israelischen Armeeangaben / nach Celebis Angaben
    if lower == "nach" and j + 1 < e:
        k = j + 1
        while k < e and k < j + 4 and not toks[k].text.endswith(("angaben", "Angaben")):
            k += 1
        if (
            k < e
            and toks[k].text.endswith(("angaben", "Angaben"))
            and (toks[k].text != "Angaben" or toks[k - 1].text.endswith("s"))
            and all(_is_adjective(t) or _is_capital(t) for t in toks[j + 1 : k])
        ):
            if toks[k].text == "Angaben":
                speaker = speaker_from_np(article, j + 1, k)
            else:
                speaker = Speaker(toks[k].text, toks[k].start, toks[k].end, "ORG")
            span = _clause_span(article, k + 1 if j == s else s, e, masked)
            if span:
                return Candidate(span[0], span[1], False, "nach Angaben", speaker)
    # Nach Angaben von X / nach Informationen des X
    if lower == "nach" and j + 2 < e:
        k = j + 1
        while k < e and (toks[k].lower in DE_DETERMINERS or _is_adjective(toks[k])):
            k += 1
        if k < e and toks[k].text in _SOURCE_NOUNS:
            quoted = _quoted_title(article, k + 2, e) if k + 2 < e else None
            if quoted is not None:
                # "Nach Informationen der „Bild“": a paper's title in quotation marks
                speaker, stop = quoted
            else:
                stop = np_forward(article, j + 1, e)
                if stop is None or stop <= k + 1:
                    return None
                speaker = speaker_from_np(article, k + 1, stop)
            if toks[k + 1].lower not in _GENITIVE_LINKS and toks[k + 1].lower not in DE_DETERMINERS:
                return None
            span = _clause_span(article, stop if j == s else s, e, masked)
            if span:
                return Candidate(span[0], span[1], False, "nach Angaben", speaker)
    # "…, wonach die Berufung politische Hintergründe besäße"
    if lower == "wonach" and j > s and toks[j - 1].text == ",":
        span = _clause_span(article, j + 1, e, masked)
        if span:
            return Candidate(span[0], span[1], False, tok.text, _subject_before(article, s, j - 1))
    # Demnach …
    if lower == "demnach":
        span = _clause_span(article, j + 1 if j == s else s, e, masked)
        if span:
            return Candidate(span[0], span[1], False, tok.text, None, inherit=True)
    return None

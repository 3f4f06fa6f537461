"""Quote assembly shared by all languages: direct segments, candidates, speaker inheritance.

Language modules find cues and speakers; this module decides which quoted stretches are
quotes (not scare quotes or embedded terms), keeps split and multi-paragraph quotes
together, and gives cue-less follow-on quotes the speaker of the quote before them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from .article import Article
from .direct import DirectSegment, find_direct_segments
from .types import QuoteSpan

_STANDALONE_BEFORE = '.!?:;…“”"»«›‹—–-('
_SENTENCE_END = ".!?"
# a complementizer between two quoted stretches opens a reported clause of its own
_NEW_CLAUSE = re.compile(r"\b(?:que|qu[’']|that|dass)(?!\w)", re.IGNORECASE)
# a quoted stretch with fewer words and no cue is a term, a name or a scare quote
MIN_UNCUED_WORDS = 4


@dataclass(slots=True)
class Speaker:
    """Who a quote is attributed to, and where the mention near the cue is."""

    name: str
    start: int
    end: int
    label: str = "PERSON"


@dataclass(slots=True)
class Candidate:
    """A quote before speakers are inherited."""

    start: int
    end: int
    direct: bool
    cue: str | None = None
    speaker: Speaker | None = None
    inherit: bool = False  # take the speaker of the previous quote


# language hooks: (article, token index after closing mark) -> (cue, speaker) or None
AfterCue = Callable[[Article, int], "tuple[str, Speaker | None] | None"]
# (article, token index of the colon before the opening mark) -> (cue, speaker) or None
ColonCue = Callable[[Article, int], "tuple[str, Speaker | None] | None"]


class TokenIndex:
    """Map character offsets to token indices."""

    def __init__(self, article: Article) -> None:
        self.starts = [t.start for t in article.toks]
        self.n = len(self.starts)

    def at_or_after(self, pos: int) -> int:
        return bisect_left(self.starts, pos)

    def before(self, pos: int) -> int:
        """Index of the last token starting before `pos` (or -1)."""
        return bisect_right(self.starts, pos - 1) - 1


def _standalone(text: str, seg: DirectSegment) -> bool:
    k = seg.open_pos - 1
    while k >= 0 and text[k] in " \t\u00a0\u202f":
        k -= 1
    return k < 0 or text[k] == "\n" or text[k] in _STANDALONE_BEFORE


def direct_quotes(
    article: Article, index: TokenIndex, after_cue: AfterCue, colon_cue: ColonCue
) -> tuple[list[Candidate], list[bool]]:
    """Accepted direct quotes, and a per-token mask of the text they cover."""
    text = article.text
    toks = article.toks
    masked = [False] * len(toks)
    out: list[Candidate] = []
    prev_seg: DirectSegment | None = None
    prev_cand: Candidate | None = None
    prev_cued_after = False
    for seg in find_direct_segments(text):
        joined = False
        if seg.continues and prev_cand is not None and prev_seg is not None:
            joined = True
        elif (
            prev_cand is not None
            and prev_seg is not None
            and prev_cued_after
            and seg.open_pos - prev_seg.outer_end < 160
            and not any(c in _SENTENCE_END or c == "\n" for c in text[prev_seg.outer_end : seg.open_pos])
            and not _NEW_CLAUSE.search(text, prev_seg.outer_end, seg.open_pos)
        ):
            # „A“, sagte X, „B.“ — the second half of a split quote; a term quoted inside a
            # clause ("…, ajoutant que son gouvernement serait formé « d'ici Pâques »") is not
            joined = True
        standalone = joined or _standalone(text, seg)
        cue: tuple[str, Speaker | None] | None = None
        cued_after = False
        if standalone:
            nxt = index.at_or_after(seg.outer_end)
            # the cue must stand on the same line: the next paragraph has its own quotes
            if seg.closed and nxt < index.n and "\n" not in text[seg.outer_end : toks[nxt].start]:
                cue = after_cue(article, nxt)
                cued_after = cue is not None
            if cue is None and not joined:
                k = seg.open_pos - 1
                while k >= 0 and text[k] in " \t\u00a0\u202f":
                    k -= 1
                if k >= 0 and text[k] == ":":
                    colon = index.before(k + 1)
                    if colon >= 0 and toks[colon].text == ":":
                        cue = colon_cue(article, colon)
        accepted = standalone and (cue is not None or joined or seg.words >= MIN_UNCUED_WORDS)
        if not accepted:
            continue
        cand = Candidate(seg.start, seg.end, True)
        if cue is not None:
            cand.cue, cand.speaker = cue
        if joined and prev_cand is not None:
            if cand.speaker is None:
                cand.cue = cand.cue or prev_cand.cue
                cand.speaker = prev_cand.speaker
                cand.inherit = prev_cand.inherit
            elif prev_cand.speaker is None:
                # the cue came after the second half: give it to the first half too
                prev_cand.cue, prev_cand.speaker, prev_cand.inherit = cand.cue, cand.speaker, False
        elif cand.speaker is None:
            cand.inherit = True
        out.append(cand)
        for i in range(index.at_or_after(seg.open_pos), index.at_or_after(seg.outer_end)):
            masked[i] = True
        prev_seg, prev_cand, prev_cued_after = seg, cand, cued_after
    return out, masked


def inherit_speakers(candidates: list[Candidate]) -> None:
    """Cue-less quotes (follow-on Konjunktiv, uncued direct quotes) take the previous speaker."""
    last: Speaker | None = None
    for cand in candidates:
        if cand.inherit and cand.speaker is None:
            cand.speaker = last
        if cand.speaker is not None:
            last = cand.speaker


def to_spans(article: Article, candidates: list[Candidate]) -> list[QuoteSpan]:
    """QuoteSpans in text order, one per distinct span."""
    text = article.text
    seen: set[tuple[int, int]] = set()
    spans = []
    for cand in sorted(candidates, key=lambda c: c.start):
        if cand.end <= cand.start or (cand.start, cand.end) in seen:
            continue
        seen.add((cand.start, cand.end))
        sp = cand.speaker
        spans.append(
            QuoteSpan(
                start=cand.start,
                end=cand.end,
                text=text[cand.start : cand.end],
                direct=cand.direct,
                cue=cand.cue,
                speaker=sp.name if sp else None,
                speaker_start=sp.start if sp else None,
                speaker_end=sp.end if sp else None,
                speaker_label=sp.label if sp else None,  # type: ignore[arg-type]
            )
        )
    return spans

"""Direct quotes: a linear scan over quotation marks, paragraph by paragraph.

No regular expression spans a quote: one `finditer` over single mark characters feeds a
small state machine, so the cost grows with the number of marks, never with their
combinations (a paragraph of 50,000 straight quotes stays linear).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# opening mark -> closing marks it accepts. German „…“ also appears as „…” or „…" in
# the wild; » « and « » are both in use (German vs French/Swiss order).
_PAIRS: dict[str, str] = {
    "„": '“”"',
    "“": '”"',
    '"': '"”“',
    "»": "«",
    "«": "»",
    "‹": "›",
    "›": "‹",
    "”": "”",
}
_MARKS = re.compile('[„“”"»«‹›]')
_PARAGRAPH = re.compile(r"\n[ \t\r\f\v\u00a0]*\n")
_QUOTE_SPACE = " \t\r\n\u00a0\u202f\u2009"


@dataclass(slots=True)
class DirectSegment:
    """One contiguous stretch between quotation marks (marks excluded)."""

    open_pos: int  # index of the opening mark
    close_pos: int  # index of the closing mark, or end of paragraph if unclosed
    start: int  # content start (after mark and spaces)
    end: int  # content end (before mark, trailing comma dropped)
    closed: bool
    continues: bool = False  # continuation of the previous segment's quote (next paragraph)
    words: int = 0

    @property
    def outer_end(self) -> int:
        return self.close_pos + 1 if self.closed else self.close_pos


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of paragraphs: blocks separated by blank lines, and single lines."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            spans.append((pos, end))
        pos = end + 1
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _QUOTE_SPACE:
        start += 1
    while end > start and text[end - 1] in _QUOTE_SPACE:
        end -= 1
    # a trailing comma belongs to the quoting style ("…," he said), not to the quote
    if end > start and text[end - 1] == ",":
        end -= 1
        while end > start and text[end - 1] in _QUOTE_SPACE:
            end -= 1
    return start, end


def _word_count(text: str, start: int, end: int) -> int:
    # bounded: a count beyond 12 never changes a decision
    count, inword = 0, False
    for ch in text[start : min(end, start + 200)]:
        if ch.isalnum():
            if not inword:
                count += 1
                inword = True
        else:
            inword = False
    return count


def find_direct_segments(text: str) -> list[DirectSegment]:
    """All quoted stretches in `text`, in order; unclosed quotes run to the paragraph end."""
    segments: list[DirectSegment] = []
    for para_start, para_end in paragraphs(text):
        opener: str | None = None
        open_pos = 0
        for match in _MARKS.finditer(text, para_start, para_end):
            ch = match.group()
            pos = match.start()
            if opener is None:
                if ch in _PAIRS:
                    # a straight quote glued to a word on its left closes nothing and opens
                    # nothing sensible (inch marks, 5" etc.)
                    if ch == '"' and pos > para_start and text[pos - 1].isalnum():
                        continue
                    opener, open_pos = ch, pos
                continue
            if ch in _PAIRS[opener]:
                start, end = _trim(text, open_pos + 1, pos)
                if end > start:
                    segments.append(
                        DirectSegment(open_pos, pos, start, end, True, words=_word_count(text, start, end))
                    )
                opener = None
        if opener is not None:
            start, end = _trim(text, open_pos + 1, para_end)
            if end > start:
                segments.append(
                    DirectSegment(open_pos, para_end, start, end, False, words=_word_count(text, start, end))
                )
    # a quote over several paragraphs: the paragraph ends unclosed and the next one
    # opens again with a mark
    for prev, seg in zip(segments, segments[1:], strict=False):
        if not prev.closed and _only_space(text, prev.close_pos, seg.open_pos):
            seg.continues = True
    return segments


def _only_space(text: str, start: int, end: int) -> bool:
    return end - start < 20 and not text[start:end].strip()

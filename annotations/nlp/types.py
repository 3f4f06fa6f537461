"""Plain data produced by the extraction pipelines (no Django, no ORM)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

Label = Literal["PERSON", "COUNTRY", "ORG", "LOC"]


@dataclass(frozen=True, slots=True)
class KnownPerson:
    """A person the archive already knows (from the Person table), for the gazetteer."""

    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EntitySpan:
    """A mention in the body: [start, end) character offsets into the text given to extract()."""

    start: int
    end: int
    label: Label
    text: str
    # COUNTRY: ISO 3166-1 alpha-2 code; PERSON: the full name it resolves to; else None.
    key: str | None = None


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A quote: [start, end) is the quoted text without quotation marks or the introducing word."""

    start: int
    end: int
    text: str
    direct: bool
    cue: str | None = None
    # Resolved speaker: full person name, institution or country as written; None if unknown.
    speaker: str | None = None
    # The speaker mention nearest the cue (may be a pronoun or surname), if any.
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_label: Label | None = None


@dataclass(slots=True)
class ExtractionResult:
    language: str
    pipeline: str
    version: str
    mentions: list[EntitySpan] = field(default_factory=list)
    quotes: list[QuoteSpan] = field(default_factory=list)

    def countries(self) -> list[tuple[str, int]]:
        """(alpha-2 code, number of mentions) in order of first mention."""
        return _ordered_counts(m.key for m in self.mentions if m.label == "COUNTRY" and m.key)

    def persons(self) -> list[tuple[str, int]]:
        """(full name, number of mentions) in order of first mention."""
        return _ordered_counts(m.key or m.text for m in self.mentions if m.label == "PERSON")


def _ordered_counts(keys) -> list[tuple[str, int]]:
    counts: Counter[str] = Counter()
    order: list[str] = []
    for key in keys:
        if key not in counts:
            order.append(key)
        counts[key] += 1
    return [(key, counts[key]) for key in order]

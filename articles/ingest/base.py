"""The one small interface every format parser implements (no Django, no ORM)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


class IngestError(Exception):
    """A file that cannot become an article; the message is shown to the analyst as is."""


@dataclass(frozen=True, slots=True)
class KnownSource:
    """A news outlet as the archive knows it (from the Source table)."""

    name: str
    domains: tuple[str, ...] = ()
    signatures: tuple[str, ...] = ()


@dataclass(slots=True)
class ParsedDocument:
    """An uploaded file turned into clean text plus the metadata found in it."""

    title: str
    body: str  # cleaned, whitespace-normalised; annotation offsets refer to this
    language: str | None = None
    source: str | None = None  # outlet or agency name as found (e.g. "Euractiv", "dpa")
    published: dt.date | None = None
    url: str | None = None
    warnings: list[str] = field(default_factory=list)

"""The one small interface every format parser implements (no Django, no ORM).

A format module (`txt`, `html`, `pdf`, `docx`) turns bytes into an `Extracted`: raw text plus
whatever metadata the format itself carries (HTML meta tags, DOCX core properties, PDF info).
`dispatch` then runs the same cleaning (`clean`) and metadata detection (`metadata`) over every
format, so a dateline or a "Lesen Sie mehr mit …" line is handled identically in a .txt and a .docx.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Protocol


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
    # True when `published` was worked out from a weekday or a month-day without a year
    # ("am Mittwoch (17. Januar)", "Jan 17 (Reuters)"): a guess the analyst should confirm,
    # and not a date the file states.
    published_inferred: bool = False
    # The dateline as written ("BERLIN (dpa) -"); it also stays in the body (see clean.py).
    dateline: str | None = None
    # A standalone reporter line near the top ("By Jane Doe"), taken out of the body.
    byline: str | None = None
    # How the bytes were decoded ("utf-8", "utf-8-sig", "cp1252", ...); None for pasted text.
    original_encoding: str | None = None
    # The format parser that read the file: "txt", "html", "pdf", "docx" or "pasted".
    format: str = "txt"


@dataclass(slots=True)
class Extracted:
    """What a format parser hands to the shared cleaning and metadata steps."""

    text: str  # raw text, paragraphs separated by blank lines or one per line
    title: str | None = None  # from the format's own metadata, if it has any trustworthy title
    published: dt.date | None = None
    url: str | None = None
    sitename: str | None = None
    encoding: str | None = None
    # True when the text's first line is the headline (scraped .txt, DOCX/PDF without a title).
    title_in_text: bool = True
    warnings: list[str] = field(default_factory=list)


class FormatParser(Protocol):
    """A format module: `extract(name, data) -> Extracted`, raising IngestError for bad input."""

    def __call__(self, name: str, data: bytes) -> Extracted: ...


@dataclass(frozen=True, slots=True)
class UploadLimits:
    """Size limits for one uploaded file or zip archive (from Django settings `UPLOAD_MAX_*`)."""

    max_file_bytes: int = 20 * 1024 * 1024
    max_members: int = 1000
    max_total_uncompressed: int = 200 * 1024 * 1024
    # A member that inflates more than this many times over is treated as a zip bomb; real
    # text compresses about 3-10x, so 100x leaves room for very repetitive but honest files.
    max_ratio: int = 100

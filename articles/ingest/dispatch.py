"""Entry points: pick the format parser for a file, then clean and find metadata the same way.

Datelines ("BERLIN (dpa) -") stay in the body as written: the city is part of the story
(country extraction reads it) and annotation offsets stay true to the file; the dateline is
also reported separately in `ParsedDocument.dateline` and its agency becomes the source.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

from . import docx, html, pdf, txt
from .base import Extracted, IngestError, KnownSource, ParsedDocument
from .clean import URL_LINE, join_paragraphs, normalise_line, remove_leftovers, split_paragraphs
from .language import detect_language
from .metadata import (
    BYLINE,
    find_byline,
    find_date_line,
    find_dateline,
    find_source,
    find_yearless_date,
    parse_date_line,
    split_site_suffix,
)

_PARSERS: dict[str, tuple[str, Callable[[str, bytes], Extracted]]] = {
    ".txt": ("txt", txt.extract),
    ".text": ("txt", txt.extract),
    ".html": ("html", html.extract),
    ".htm": ("html", html.extract),
    ".xhtml": ("html", html.extract),
    ".pdf": ("pdf", pdf.extract),
    ".docx": ("docx", docx.extract),
}
SUPPORTED_EXTENSIONS = (*sorted(_PARSERS), ".zip")
# A headline longer than this is really the first paragraph of a text without a headline.
_MAX_TITLE_CHARS = 300
# Below this, what is left is a menu entry or a caption, not an article.
_MIN_BODY_LETTERS = 10


def _today(today: dt.date | None) -> dt.date:
    return today or dt.datetime.now(dt.UTC).date()


def _sniff(data: bytes) -> str | None:
    """Extension for a file uploaded without one, from its first bytes."""
    head = data[:512].lstrip().lower()
    if head.startswith(b"%pdf-"):
        return ".pdf"
    if head.startswith(b"pk\x03\x04"):
        return ".docx" if b"word/" in data[:4096] else ".zip"
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head:
        return ".html"
    return ".txt"


def parse_file(
    name: str, data: bytes, *, known_sources: Iterable[KnownSource] = (), today: dt.date | None = None
) -> ParsedDocument:
    """Parse one uploaded file (not a zip: expand those with `iter_upload` first).

    Raises IngestError with a reason an analyst understands for empty, binary, damaged,
    encrypted or unsupported files.
    """
    suffix = PurePosixPath(name.replace("\\", "/")).suffix.lower()
    if not data or not data.strip():
        raise IngestError("The file is empty.")
    if not suffix:
        suffix = _sniff(data)
    if suffix == ".zip":
        raise IngestError("Zip archives are unpacked on upload; this one could not be treated as one file.")
    if suffix not in _PARSERS:
        supported = ", ".join(SUPPORTED_EXTENSIONS)
        raise IngestError(f"Files of type {suffix} are not supported (supported: {supported}).")
    fmt, parser = _PARSERS[suffix]
    return build_document(parser(name, data), fmt=fmt, known_sources=known_sources, today=today)


def parse_pasted(
    text: str, *, known_sources: Iterable[KnownSource] = (), today: dt.date | None = None
) -> ParsedDocument:
    """Text pasted into the upload form: like a scraped .txt, the first line is the headline."""
    if not text.strip():
        raise IngestError("The text is empty.")
    return build_document(
        Extracted(text=text, title_in_text=True), fmt="pasted", known_sources=known_sources, today=today
    )


def build_document(
    extracted: Extracted,
    *,
    fmt: str,
    known_sources: Iterable[KnownSource] = (),
    today: dt.date | None = None,
) -> ParsedDocument:
    """Shared by all formats: leftovers, headline, date line, dateline, source, language."""
    known = list(known_sources)
    lines = split_paragraphs(extracted.text)
    if not lines:
        raise IngestError("The file is empty: no text was found in it.")
    warnings = list(extracted.warnings)
    cleaned = remove_leftovers(lines, keep_first=extracted.title_in_text and not extracted.title)
    # A signature the caller's Source table knows is a leftover too, however it is worded.
    signatures = {_fold(s) for source in known for s in source.signatures if s.strip()}
    paragraphs = [p for p in cleaned.paragraphs if _fold(p).rstrip(".:!") not in signatures]

    published: dt.date | None = None
    while len(paragraphs) > 1:
        # A date line above the headline ("Samstag, 14. September 2024" then the title).
        if published is None and (first := parse_date_line(paragraphs[0])):
            published = first.date
            paragraphs.pop(0)
        # A section label or kicker above the headline ("Ausland", "Krieg in der Ukraine").
        elif len(paragraphs) > 2 and not extracted.title and _is_kicker(paragraphs[0], paragraphs[1]):
            paragraphs.pop(0)
        else:
            break

    title = normalise_line(extracted.title or "")
    site = None
    if title:
        if paragraphs and _same_text(paragraphs[0], title):
            paragraphs.pop(0)
    elif paragraphs:
        if len(paragraphs[0]) <= _MAX_TITLE_CHARS:
            title, site = split_site_suffix(paragraphs.pop(0), known)
        else:
            title = _shorten(paragraphs[0])
            warnings.append("No headline was found; the title was taken from the first sentence.")
    if sum(ch.isalpha() for p in paragraphs for ch in p) < _MIN_BODY_LETTERS:
        raise IngestError("No article text was found, only a headline or scraper leftovers.")

    if published is None and (found := find_date_line(paragraphs)):
        index, date_line = found
        published = date_line.date
        paragraphs.pop(index)
    if published is None:
        published = extracted.published

    byline = None
    if (index := find_byline(paragraphs)) is not None and len(paragraphs) > 1:
        # The reporter's name is metadata like the date line: it is no part of the story.
        byline = paragraphs.pop(index)
    # The dateline opens the story: the first paragraph, or the second after a standfirst.
    dateline = next((d for p in paragraphs[:2] if (d := find_dateline(p))), None)
    inferred = False
    if published is None and dateline and dateline.year and dateline.month and dateline.day:
        try:
            published = dt.date(dateline.year, dateline.month, dateline.day)
        except ValueError:
            published = None
    if published is None:
        published = find_yearless_date(paragraphs, dateline, _today(today))
        inferred = published is not None

    url = extracted.url or next((m["url"] for r in cleaned.removed if (m := URL_LINE.fullmatch(r))), None)
    source = find_source(
        lines=lines,
        dateline=dateline,
        known_sources=known,
        url=url,
        sitename=extracted.sitename or site,
        byline=byline,
    )
    body = join_paragraphs(paragraphs)
    return ParsedDocument(
        title=title,
        body=body,
        language=detect_language(f"{title}\n\n{body}"),
        source=source,
        published=published,
        url=url,
        warnings=warnings,
        published_inferred=inferred,
        dateline=dateline.text if dateline else None,
        byline=byline,
        original_encoding=extracted.encoding,
        format=fmt,
    )


_KICKER_WORDS = 4
_HEADLINE_CHARS = 200


def _is_kicker(line: str, following: str) -> bool:
    """A short label above a longer line that is itself a headline, not the story's first paragraph."""
    words = line.split()
    return (
        len(words) <= _KICKER_WORDS
        and len(line) <= 40
        and not line.rstrip().endswith((".", "!", "?"))
        and len(following) > len(line)
        and len(following) <= _HEADLINE_CHARS
        and len(following.split()) <= 25
        and not following.rstrip().endswith(".")
        # a short headline above its date line or byline is still the headline
        and parse_date_line(following) is None
        and not BYLINE.fullmatch(following)
    )


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _shorten(paragraph: str, limit: int = 120) -> str:
    """The first sentence, or the first `limit` characters cut at a word boundary."""
    for end in (". ", "? ", "! "):
        cut = paragraph.find(end)
        if 0 < cut < limit:
            return paragraph[: cut + 1]
    return paragraph[:limit].rsplit(" ", 1)[0] + " …"

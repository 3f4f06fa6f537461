"""PLACEHOLDER: plain UTF-8 text only, until the real parsers land."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from annotations.nlp.language import detect_language

from .base import IngestError, KnownSource, ParsedDocument


def parse_pasted(
    text: str, *, known_sources: Iterable[KnownSource] = (), today: dt.date | None = None
) -> ParsedDocument:
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    lines = [line for line in lines if line]
    if not lines:
        raise IngestError("The text is empty.")
    title, body = lines[0], "\n\n".join(lines[1:])
    return ParsedDocument(title=title, body=body, language=detect_language(body))


def parse_file(
    name: str, data: bytes, *, known_sources: Iterable[KnownSource] = (), today: dt.date | None = None
) -> ParsedDocument:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise IngestError("The file is not UTF-8 text.") from None
    return parse_pasted(text, known_sources=known_sources, today=today)

"""Entry point: one pipeline per language, loaded once per process.

PLACEHOLDER: a minimal direct-quote finder until the real pipelines land.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .language import detect_language
from .types import ExtractionResult, KnownPerson, QuoteSpan

PIPELINE_VERSION = "0.1"

_DIRECT = re.compile(r"[„“\"»«]([^„“”\"»«\n]{20,2000}?)[“”\"«»]")


def extract(
    text: str, language: str | None = None, *, known_persons: Iterable[KnownPerson] = ()
) -> ExtractionResult:
    """Run the pipeline for `language` (detected when None) over `text`."""
    language = language or detect_language(text) or "en"
    result = ExtractionResult(language=language, pipeline=f"newsarchive-{language}", version=PIPELINE_VERSION)
    for match in _DIRECT.finditer(text):
        result.quotes.append(
            QuoteSpan(start=match.start(1), end=match.end(1), text=match.group(1), direct=True)
        )
    return result

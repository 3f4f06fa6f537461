"""Small helpers for the NLP tests (text only, no database)."""

from __future__ import annotations

from annotations.nlp import ExtractionResult, QuoteSpan, extract


def run(text: str, language: str, **kwargs) -> ExtractionResult:
    result = extract(text, language, **kwargs)
    for quote in result.quotes:
        # the contract every consumer relies on: the span is the quote text
        assert text[quote.start : quote.end] == quote.text
    return result


def quote_containing(result: ExtractionResult, words: str) -> QuoteSpan:
    matches = [q for q in result.quotes if words in q.text]
    assert matches, f"no quote contains {words!r}: {[q.text for q in result.quotes]}"
    return matches[0]


def no_quote_containing(result: ExtractionResult, words: str) -> None:
    assert not [q for q in result.quotes if words in q.text], [q.text for q in result.quotes]

"""Worst cases must stay linear: no regex backtracking, no quadratic tokenizer loops.

Bounds are generous (shared CI machines); a quadratic path misses them by far.
"""

from __future__ import annotations

import time

from annotations.nlp import extract
from annotations.nlp.direct import find_direct_segments


def _timed(func, *args):
    started = time.perf_counter()
    result = func(*args)
    return result, time.perf_counter() - started


def test_fifty_thousand_quotation_marks():
    text = "Er sagte " + '"a" „b“ »c« ' * 17_000  # ~51,000 marks in one paragraph
    result, seconds = _timed(extract, text, "de")
    assert seconds < 30
    assert all(text[q.start : q.end] == q.text for q in result.quotes)


def test_unclosed_marks_do_not_explode():
    text = "„" * 50_000 + " Wort " + "“" * 10
    _, seconds = _timed(extract, text, "de")
    assert seconds < 30


def test_million_character_line_without_spaces():
    text = "x" * 1_000_000
    _, seconds = _timed(extract, text, "de")
    assert seconds < 30
    text = ("a„" * 500_000)[:1_000_000]
    _, seconds = _timed(extract, text, "de")
    assert seconds < 30


def test_ten_megabyte_paragraph_in_the_quote_scanner():
    text = ("Die Regierung sagte, sie prüfe alles, „und zwar gründlich“. " * 170_000)[:10_000_000]
    segments, seconds = _timed(find_direct_segments, text)
    assert len(segments) > 100_000
    assert seconds < 30


def test_extraction_time_grows_linearly():
    sentence = (
        "Der Sprecher Paul Weber sagte, die Regierung prüfe alle Optionen. "
        "„Wir bleiben bei unserem Kurs“, sagte Weber. Laut dem Ministerium sollen Gespräche folgen. "
    )
    small = sentence * 500  # one long paragraph, ~45 KB
    large = sentence * 2000
    extract(small, "de")  # warm-up: loaders and lexicons
    # The best of three runs each: a busy machine slows single runs unevenly, never a best run.
    t_small = min(_timed(extract, small, "de")[1] for _ in range(3))
    t_large = min(_timed(extract, large, "de")[1] for _ in range(3))
    # linear growth gives a ratio of about 4; quadratic would be about 16
    assert t_large < max(10 * t_small, 1.0)

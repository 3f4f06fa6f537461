"""The 15 dev articles of ../shared/eval/dev: title, language, source and date agree with gold."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from articles.ingest import parse_file

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "dev"
ARTICLES = sorted(DEV.glob("*.txt")) if DEV.is_dir() else []
# A fixed "upload day", so the yearless-date rule gives the same answer every year.
TODAY = dt.date(2026, 11, 28)

pytestmark = pytest.mark.skipif(not ARTICLES, reason=f"dev set not found at {DEV}")


def test_the_whole_dev_set_is_there():
    assert len(ARTICLES) == 15


@pytest.mark.parametrize("path", ARTICLES, ids=[p.name for p in ARTICLES])
def test_metadata_agrees_with_gold(path: Path):
    gold = json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))
    document = parse_file(path.name, path.read_bytes(), today=TODAY)
    assert document.title == gold["title"]
    assert document.language == gold["language"]
    assert document.source == gold["source"]
    # Gold gives a date only where the file states one with its year; inferred dates are guesses.
    stated = None if document.published_inferred or document.published is None else document.published
    assert (stated.isoformat() if stated else None) == gold["published"]


@pytest.mark.parametrize("path", ARTICLES, ids=[p.name for p in ARTICLES])
def test_leftovers_are_gone_and_every_gold_quote_survives(path: Path):
    gold = json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))
    document = parse_file(path.name, path.read_bytes(), today=TODAY)
    for leftover in (
        "source-",
        "Leave a Reply",
        "Lesen Sie mehr",
        "Read more with",
        "Share this article",
        "Teilen Sie",
        "Cookies",
        "cookies",
        "Newsletter",
        "Trust Principles",
        "Copyright",
    ):
        assert leftover not in document.body
    assert "\n\n\n" not in document.body and not document.body.endswith("\n")
    assert all(line == line.strip() for line in document.body.split("\n"))
    for quote in gold.get("quotes", []):
        assert quote["text"] in document.body


def test_seed_yearless_date_is_inferred_from_the_weekday():
    seed = DEV / "000_36d443cab702394d.txt"
    document = parse_file(seed.name, seed.read_bytes(), today=TODAY)
    assert document.published == dt.date(2024, 1, 17)  # "am Mittwoch (17. Januar)"
    assert document.published_inferred

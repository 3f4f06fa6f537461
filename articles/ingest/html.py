"""Web pages through trafilatura: the main text without navigation, plus title, date, URL, site.

trafilatura is used (not a hand-written readability) because it is maintained against real
news sites, reads the page's own metadata (OpenGraph, JSON-LD, <time>) and detects the
encoding from the bytes and the <meta charset>.
"""

from __future__ import annotations

import datetime as dt
import logging

from .base import Extracted, IngestError


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _strip_site(title: str | None, sitename: str | None) -> str | None:
    """The headline without the site name that <title> often ends with ("Headline | Euractiv")."""
    if not title or not sitename:
        return title
    for separator in (" | ", " - ", " – ", " — ", " :: ", " · "):
        head, found, tail = title.rpartition(separator)
        if found and head.strip() and tail.strip().casefold() == sitename.strip().casefold():
            return head.strip()
    return title


def extract(name: str, data: bytes) -> Extracted:
    """Main text of an HTML page; IngestError when the page has no article text."""
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    logging.getLogger("htmldate").setLevel(logging.ERROR)
    try:
        document = trafilatura.bare_extraction(
            data,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            # Only dates the page declares; no guessing from text or copyright years, because
            # `published` must be a date the file states.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # noqa: BLE001 - lxml and trafilatura raise many kinds on broken markup
        document = None
    text = (document.text if document else None) or ""
    warnings: list[str] = []
    if not text.strip():
        # Short pages (a press release, a pasted snippet) can fall under trafilatura's
        # thresholds; its baseline takes all paragraph text instead.
        try:
            _tree, text, _length = trafilatura.baseline(data)
        except Exception:  # noqa: BLE001
            text = ""
        if text.strip():
            warnings.append("The main text of the page could not be isolated; all of its text was taken.")
    if not text.strip():
        raise IngestError("No article text was found in the web page.")
    return Extracted(
        text=text,
        title=_strip_site(document.title, document.sitename) if document else None,
        published=_date(document.date if document else None),
        url=(document.url if document else None) or None,
        sitename=(document.sitename if document else None) or None,
        title_in_text=False,
        warnings=warnings,
    )

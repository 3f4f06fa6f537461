"""A content fingerprint that survives re-scrapes: same article text → same hash."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Every quotation mark and apostrophe style the three languages use, straight or typographic.
_QUOTES = re.compile(
    "[\"'`´\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\u2032\u2033]"
)
_DASHES = re.compile("[\u2010-\u2015\u2212]")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,;:!?)\]])")
_SPACE_AFTER_OPEN = re.compile(r"([(\[])\s+")


def fingerprint_text(body: str) -> str:
    """The normalised form that is hashed (exposed for tests and debugging)."""
    text = unicodedata.normalize("NFKC", body).casefold()
    # Quote style differs between scrapes of one article („…“ vs "…", « … » vs "…"): drop the
    # marks altogether, then the spaces French typography puts inside them no longer matter.
    text = _QUOTES.sub(" ", text)
    text = _DASHES.sub("-", text)
    text = " ".join(text.split())
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    return _SPACE_AFTER_OPEN.sub(r"\1", text)


def content_fingerprint(body: str) -> str:
    """sha256 hex of the cleaned body after case, whitespace and quote-style normalisation.

    Leftovers ("Leave a Reply", `source-NN`) are removed by cleaning before this is called,
    so two scrapes of one article with different leftovers get the same fingerprint.
    """
    return hashlib.sha256(fingerprint_text(body).encode("utf-8")).hexdigest()

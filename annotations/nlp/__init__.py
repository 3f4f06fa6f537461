"""Extraction pipelines over plain text: no database access in this package."""

from .language import SUPPORTED_LANGUAGES, detect_language
from .pipeline import PIPELINE_VERSION, extract
from .types import EntitySpan, ExtractionResult, KnownPerson, QuoteSpan

__all__ = [
    "PIPELINE_VERSION",
    "SUPPORTED_LANGUAGES",
    "EntitySpan",
    "ExtractionResult",
    "KnownPerson",
    "QuoteSpan",
    "detect_language",
    "extract",
]

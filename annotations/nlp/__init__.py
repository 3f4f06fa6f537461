"""Extraction pipelines over plain text: no database access in this package."""

from .pipeline import PIPELINE_VERSION, extract
from .types import EntitySpan, ExtractionResult, KnownPerson, QuoteSpan

__all__ = [
    "PIPELINE_VERSION",
    "EntitySpan",
    "ExtractionResult",
    "KnownPerson",
    "QuoteSpan",
    "extract",
]

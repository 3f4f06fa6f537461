"""Turning uploaded files into clean article text and metadata: one module per format."""

from .base import IngestError, KnownSource, ParsedDocument
from .dispatch import parse_file, parse_pasted

__all__ = ["IngestError", "KnownSource", "ParsedDocument", "parse_file", "parse_pasted"]

"""Turning uploaded files into clean article text and metadata: one module per format.

Pipeline (pure Python, no Django):

1. `iter_upload(name, data, limits=UploadLimits(...))` expands an upload: a `.zip` yields its
   members as `(archive.zip/path, bytes)` or `(name, IngestError)`, a plain file yields itself
   (`archive.py`: member count, per-file and total size, compression ratio, corrupt archives).
2. `parse_file(name, data)` picks the format module by extension (`txt`, `html`, `pdf`,
   `docx`; sniffed when there is none) which returns raw text plus its own metadata
   (`base.Extracted`); `parse_pasted(text)` skips that step.
3. `dispatch.build_document` does the rest the same way for every format: leftovers
   (`clean.py`), headline (first line of scraped text), date line, byline, dateline, source,
   yearless dates (`metadata.py`) and language (`language.py`, which the
   extraction pipeline also uses when it is called without a language).
4. `content_fingerprint(body)` hashes the normalised body to refuse duplicates.

Choices worth knowing: datelines ("BERLIN (dpa) -") stay in the body verbatim and are also
reported in `ParsedDocument.dateline`; standalone date lines and bylines near the top are
metadata and leave the body; no-break spaces inside lines are kept (French typography);
a date worked out from a weekday or a month-day without year sets `published_inferred`.
Every rejection is an `IngestError` whose message is meant for the analyst.
"""

from .archive import iter_upload
from .base import IngestError, KnownSource, ParsedDocument, UploadLimits
from .dispatch import SUPPORTED_EXTENSIONS, parse_file, parse_pasted
from .fingerprint import content_fingerprint

__all__ = [
    "SUPPORTED_EXTENSIONS",
    "IngestError",
    "KnownSource",
    "ParsedDocument",
    "UploadLimits",
    "content_fingerprint",
    "iter_upload",
    "parse_file",
    "parse_pasted",
]

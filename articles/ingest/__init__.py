"""Turning uploaded files into clean article text and metadata: one module per format.

`iter_upload` expands an upload (zip members or the file itself), `parse_file` /
`parse_pasted` turn one file into a `ParsedDocument`, `content_fingerprint` gives the hash
used to refuse duplicates.
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

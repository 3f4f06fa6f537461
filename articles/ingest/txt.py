"""Plain text files: decoding (UTF-8, UTF-8/16 with BOM, Windows-1252, Latin-1) and junk detection.

Decoding is strict UTF-8 first, because UTF-8 has a structure that random bytes almost never
satisfy; then Windows-1252, which is what German, English and French "ANSI" files are (it has
„ “ – at 0x84/0x93/0x96, where Latin-1 has invisible C1 controls); Latin-1 last, as it decodes
anything. charset-normalizer is not used: on short texts it sometimes picks a Cyrillic or
Turkish code page for Western text, and the three languages the archive reads do not need it.
"""

from __future__ import annotations

import codecs
import re

from .base import Extracted, IngestError

# Share of characters that may be control or unassigned characters before a "text" file is
# considered binary; real text has none, a little leeway allows one stray escape sequence.
_MAX_JUNK_SHARE = 0.01
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive or Office document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
)


def decode_text(data: bytes) -> tuple[str, str]:
    """The text of `data` and the encoding it was read with; IngestError for binary data."""
    if not data.strip():
        raise IngestError("The file is empty.")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding)), encoding
            except UnicodeDecodeError:
                raise IngestError("The file starts like Unicode text but is damaged.") from None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise IngestError(f"The file is {what}, not a text file; upload it with its real file extension.")
    if b"\x00" in data:
        raise IngestError("The file contains binary data (NUL bytes) and is not a text file.")
    for encoding in ("utf-8", "cp1252", "latin-1"):
        try:
            return _checked(data.decode(encoding)), encoding
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte string")  # pragma: no cover


# C0/C1 controls other than line ends and tabs, private-use and lone surrogates: never in text.
_JUNK = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ud800-\udfff]")


def _checked(text: str) -> str:
    junk = len(_JUNK.findall(text))
    if junk > max(2, _MAX_JUNK_SHARE * len(text)):
        raise IngestError("The file contains binary data (control characters) and is not a text file.")
    if text.count("\ufffd") > max(2, _MAX_JUNK_SHARE * len(text)):
        raise IngestError("The file contains many unreadable characters and is not a text file.")
    return text


def extract(name: str, data: bytes) -> Extracted:
    """A scraped text file: the first line is the headline, one paragraph per line."""
    text, encoding = decode_text(data)
    return Extracted(text=text, encoding=encoding, title_in_text=True)

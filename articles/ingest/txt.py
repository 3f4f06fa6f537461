"""Plain text files: decoding (UTF-8, UTF-8/16 with BOM, UTF-16 without, Windows-1252, Latin-1)
and junk detection.

Decoding is strict UTF-8 first, because UTF-8 has a structure that random bytes almost never
satisfy; then Windows-1252, which is what German, English and French "ANSI" files are (it has
„ “ – at 0x84/0x93/0x96, where Latin-1 has invisible C1 controls); Latin-1 last, as it decodes
anything. UTF-8 with a few invalid bytes stays UTF-8 (the bytes replaced, the report says so).
UTF-16 without a byte-order mark is recognised by its NUL high bytes. charset-normalizer is
not used: on short texts it sometimes picks a Cyrillic or Turkish code page for Western text,
and the three languages the archive reads do not need it.
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
    text, encoding, _replaced = decode_text_noting(data)
    return text, encoding


def decode_text_noting(data: bytes) -> tuple[str, str, int]:
    """Like `decode_text`, plus how many invalid bytes of an otherwise UTF-8 file were replaced."""
    if not data.strip():
        raise IngestError("The file is empty.")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding)), encoding, 0
            except UnicodeDecodeError:
                raise IngestError("The file starts like Unicode text but is damaged.") from None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise IngestError(f"The file is {what}, not a text file; upload it with its real file extension.")
    if (utf16 := _utf16_without_bom(data)) is not None:
        return utf16
    if b"\x00" in data:
        raise IngestError("The file contains binary data (NUL bytes) and is not a text file.")
    try:
        return _checked(data.decode("utf-8")), "utf-8", 0
    except UnicodeDecodeError:
        pass
    if (mostly := _mostly_utf8(data)) is not None:
        return mostly
    for encoding in ("cp1252", "latin-1"):
        try:
            return _checked(data.decode(encoding)), encoding, 0
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte string")  # pragma: no cover


def _utf16_without_bom(data: bytes) -> tuple[str, str, int] | None:
    """UTF-16 text saved without a byte-order mark: Latin-script text then has a NUL in every
    other byte (the high byte of each character), on the odd positions for little-endian."""
    if len(data) < 4 or len(data) % 2:
        return None
    pairs = len(data) // 2
    odd_nuls, even_nuls = data[1::2].count(0), data[0::2].count(0)
    for encoding, high, low in (("utf-16-le", odd_nuls, even_nuls), ("utf-16-be", even_nuls, odd_nuls)):
        if high >= 0.5 * pairs and low <= 0.01 * pairs:
            try:
                return _checked(data.decode(encoding)), encoding, 0
            except UnicodeDecodeError:
                return None
    return None


def _mostly_utf8(data: bytes) -> tuple[str, str, int] | None:
    """UTF-8 with a few stray bytes (a bad copy, one cp1252 character pasted in): the UTF-8 is
    kept and each bad byte replaced, rather than reading the whole file as cp1252 ("GrÃ¼ÃŸe").
    A cp1252 file fails UTF-8 at every non-ASCII character and has almost no valid sequences."""
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd") - data.count("\ufffd".encode())
    valid_non_ascii = sum(1 for ch in text if ord(ch) > 127) - text.count("\ufffd")
    if valid_non_ascii >= 1 and replaced <= max(1, valid_non_ascii // 10):
        return _checked(text), "utf-8", replaced
    return None


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
    text, encoding, replaced = decode_text_noting(data)
    warnings = []
    if replaced:
        were = "s were" if replaced > 1 else " was"
        warnings.append(f"The file is UTF-8 but {replaced} invalid byte{were} replaced by �.")
    return Extracted(text=text, encoding=encoding, title_in_text=True, warnings=warnings)

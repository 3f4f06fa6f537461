"""Word documents (.docx) through python-docx: body paragraphs, then tables, in document order."""

from __future__ import annotations

import io
import zipfile

from .base import Extracted, IngestError

# A .docx is a zip: refuse one that would inflate beyond this before python-docx reads it all.
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
_TITLE_STYLES = {"title", "titel", "titre", "heading 1", "überschrift 1", "titre 1"}


def _check_package(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = package.namelist()
            total = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise IngestError("The Word document is damaged or is not a .docx file.") from None
    if "word/document.xml" not in names:
        raise IngestError("The file is not a Word document (.docx), although it is named like one.")
    if total > MAX_UNCOMPRESSED_BYTES:
        raise IngestError("The Word document is too large once unpacked.")


def extract(name: str, data: bytes) -> Extracted:
    """Text of a .docx; a first paragraph in a Title/Heading style or the core title is the headline."""
    _check_package(data)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        paragraphs = [(p.style.name if p.style is not None else "", p.text) for p in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                cells = list(dict.fromkeys(cell.text.strip() for cell in row.cells if cell.text.strip()))
                if cells:
                    paragraphs.append(("", " | ".join(cells)))
        core_title = (document.core_properties.title or "").strip()
    except IngestError:
        raise
    except Exception:  # noqa: BLE001 - python-docx and lxml raise many kinds on broken parts
        raise IngestError("The Word document is damaged and could not be read.") from None
    texts = [text for _style, text in paragraphs if text.strip()]
    if not texts:
        raise IngestError("The Word document contains no text.")
    first_style = next(((style or "").casefold() for style, text in paragraphs if text.strip()), "")
    # The document's own first heading is the headline; the core "title" property is often a
    # template leftover ("Dokument1"), so it is used only when the text has no heading.
    title = None if first_style in _TITLE_STYLES else (core_title or None)
    if title and len(title) < 4:
        title = None
    return Extracted(text="\n".join(texts), title=title, title_in_text=title is None)

"""Word documents (.docx): body paragraphs, then table rows, read straight from the XML.

`word/document.xml` is read with lxml's streaming `iterparse` and every finished paragraph
is dropped from the tree at once, so time and memory grow linearly with the document and
stay bounded by the limits below. python-docx is not used for reading: it looks up the
default style once per paragraph, which made a 60 KB file of 150,000 empty paragraphs take
minutes and gigabytes.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from .base import Extracted, IngestError

# A .docx is a zip: refuse one that would inflate beyond this before any XML is read.
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
# The main document part itself; a long news article is a few hundred KB of XML.
MAX_DOCUMENT_XML_BYTES = 30 * 1024 * 1024
# Empty ones included; an article has dozens, a long report a few thousand.
MAX_PARAGRAPHS = 200_000
# Style and core-property parts are small; larger ones are ignored rather than parsed.
MAX_SMALL_PART_BYTES = 5 * 1024 * 1024
_TITLE_STYLES = {"title", "titel", "titre", "heading 1", "überschrift 1", "titre 1"}

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _T, _TAB, _BR, _CR = f"{_W}p", f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"
_TBL, _TR, _TC, _BODY = f"{_W}tbl", f"{_W}tr", f"{_W}tc", f"{_W}body"
_PSTYLE, _VAL = f"{_W}pStyle", f"{_W}val"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
# Run content that becomes text, as python-docx renders it (tabs and breaks as whitespace).
_RUN_TEXT = {_T: None, _TAB: "\t", _BR: "\n", _CR: "\n", f"{_W}noBreakHyphen": "-", f"{_W}ptab": "\t"}


def _parser_options() -> dict:
    # No entities, no DTDs, no network, no "huge tree": a hostile document.xml is just refused.
    return {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False}


def _check_package(package: zipfile.ZipFile) -> zipfile.ZipInfo:
    infos = package.infolist()
    document = next((info for info in infos if info.filename == "word/document.xml"), None)
    if document is None:
        raise IngestError("The file is not a Word document (.docx), although it is named like one.")
    if (
        sum(info.file_size for info in infos) > MAX_UNCOMPRESSED_BYTES
        or document.file_size > MAX_DOCUMENT_XML_BYTES
    ):
        raise IngestError("The Word document is too large once unpacked.")
    return document


def _small_part(package: zipfile.ZipFile, name: str) -> etree._Element | None:
    try:
        info = package.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_SMALL_PART_BYTES:
        return None
    try:
        return etree.fromstring(package.read(info), etree.XMLParser(**_parser_options()))
    except etree.XMLSyntaxError:
        return None


def _style_names(package: zipfile.ZipFile) -> tuple[dict[str, str], str]:
    """Style id -> name, and the name of the default paragraph style."""
    styles = _small_part(package, "word/styles.xml")
    names: dict[str, str] = {}
    default = ""
    if styles is None:
        return names, default
    for style in styles.iter(f"{_W}style"):
        style_id = style.get(f"{_W}styleId") or ""
        name_element = style.find(f"{_W}name")
        name = name_element.get(_VAL, "") if name_element is not None else style_id
        names[style_id] = name
        if style.get(f"{_W}type") == "paragraph" and style.get(f"{_W}default") in ("1", "true", "on"):
            default = name
    return names, default


def _core_title(package: zipfile.ZipFile) -> str:
    core = _small_part(package, "docProps/core.xml")
    element = core.find(_DC_TITLE) if core is not None else None
    return (element.text or "").strip() if element is not None else ""


def _paragraph_text(paragraph: etree._Element) -> str:
    parts = []
    for element in paragraph.iter(*_RUN_TEXT):
        fixed = _RUN_TEXT[element.tag]
        parts.append(element.text or "" if fixed is None else fixed)
    return "".join(parts)


def _paragraph_style(paragraph: etree._Element) -> str | None:
    style = paragraph.find(f"{_W}pPr/{_PSTYLE}")
    return style.get(_VAL) if style is not None else None


def _read_document(stream) -> tuple[list[tuple[str | None, str]], list[str]]:
    """(style id, text) of the body's paragraphs, and the text of each top-level table row."""
    paragraphs: list[tuple[str | None, str]] = []
    rows: list[str] = []
    table_depth = 0
    row: list[str] = []
    cell: list[str] = []
    seen = 0
    events = etree.iterparse(stream, events=("start", "end"), tag=(_P, _TBL, _TR, _TC), **_parser_options())
    for event, element in events:
        tag = element.tag
        if event == "start":
            if tag == _TBL:
                table_depth += 1
            elif tag == _TR and table_depth == 1:
                row = []
            elif tag == _TC and table_depth == 1:
                cell = []
            continue
        if tag == _P:
            seen += 1
            if seen > MAX_PARAGRAPHS:
                raise IngestError(f"The Word document has more than {MAX_PARAGRAPHS:,} paragraphs.")
            parent = element.getparent()
            # Paragraphs inside text boxes or nested tables are left out, as python-docx did.
            if parent is not None and parent.tag == _BODY:
                paragraphs.append((_paragraph_style(element), _paragraph_text(element)))
            elif table_depth == 1 and parent is not None and parent.tag == _TC:
                cell.append(_paragraph_text(element))
        elif tag == _TC and table_depth == 1:
            row.append("\n".join(cell).strip())
        elif tag == _TR and table_depth == 1:
            # Merged cells repeat their text; each shows once.
            cells = list(dict.fromkeys(text for text in row if text))
            if cells:
                rows.append(" | ".join(cells))
        elif tag == _TBL:
            table_depth -= 1
        if tag == _P and table_depth:
            continue  # a cell's paragraphs are needed until the cell ends
        # Drop what has been read: the tree never holds more than the current paragraph or table.
        element.clear(keep_tail=False)
        parent = element.getparent()
        while parent is not None and element.getprevious() is not None:
            del parent[0]
    return paragraphs, rows


def extract(name: str, data: bytes) -> Extracted:
    """Text of a .docx; a first paragraph in a Title/Heading style or the core title is the headline."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            document = _check_package(package)
            styles, default_style = _style_names(package)
            core_title = _core_title(package)
            with package.open(document) as stream:
                body, rows = _read_document(stream)
    except IngestError:
        raise
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, etree.LxmlError):
        raise IngestError("The Word document is damaged or is not a .docx file.") from None
    paragraphs = [
        (styles.get(style_id, style_id) if style_id else default_style, text) for style_id, text in body
    ]
    paragraphs += [("", text) for text in rows]
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

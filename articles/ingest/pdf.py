"""PDF files through pypdf: text layer only (no OCR), page furniture removed, lines reflowed."""

from __future__ import annotations

import io
import logging
import re
from collections import Counter

from .base import Extracted, IngestError
from .clean import normalise_line, reflow_paragraphs

# Longer documents are books or reports, not articles; reading them would only tie up a worker.
MAX_PAGES = 200
_PAGE_NUMBER = re.compile(
    r"(?:seite|page|p\.|s\.)?\s*[-–]?\s*\d{1,4}\s*(?:(?:von|of|sur|/)\s*\d{1,4})?\s*[-–]?", re.IGNORECASE
)
# Side-by-side columns show up in layout mode as long runs of spaces inside a line.
_COLUMN_GAP = re.compile(r"\S {6,}\S")
_SENTENCE_END = re.compile(r"[.!?:“”\"»«]$")


def _page_texts(data: bytes) -> tuple[list[tuple[str, bool]], str]:
    import pypdf
    from pypdf.errors import FileNotDecryptedError, PyPdfError

    # Damaged-but-readable files make pypdf log (even at ERROR) on every page; what matters to
    # the analyst is reported through IngestError or the text itself.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            # Many PDFs are "encrypted" with an empty user password only to forbid printing.
            try:
                opened = reader.decrypt("")
            except Exception:  # noqa: BLE001 - unsupported crypto raises assorted errors
                opened = 0
            if not opened:
                raise IngestError("The PDF is password-protected; please upload an unprotected copy.")
        pages = reader.pages
        if len(pages) > MAX_PAGES:
            raise IngestError(f"The PDF has {len(pages)} pages; articles may have at most {MAX_PAGES}.")
        title = ""
        try:
            title = str((reader.metadata or {}).get("/Title") or "")
        except Exception:  # noqa: BLE001 - a broken info dictionary must not lose the text
            title = ""
        return [_page_text(page) for page in pages], title
    except IngestError:
        raise
    except FileNotDecryptedError:
        raise IngestError("The PDF is password-protected; please upload an unprotected copy.") from None
    except (
        PyPdfError,  # PdfReadError, LimitReachedError (reference loops), ...
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        OSError,
        RecursionError,
        AssertionError,
        ZeroDivisionError,
        NotImplementedError,  # a damaged filter name reads as an unsupported filter
    ):
        raise IngestError("The PDF is damaged and could not be read.") from None


def _page_text(page) -> tuple[str, bool]:
    """Text of one page, and whether blank lines in it mark paragraph gaps.

    Layout mode keeps paragraph gaps as blank lines, but prints side-by-side columns on the
    same line; plain mode reads column after column but loses the gaps.
    """
    try:
        layout = page.extract_text(extraction_mode="layout") or ""
    except Exception:  # noqa: BLE001 - layout mode is newer and fails on some fonts
        layout = ""
    lines = [line.strip() for line in layout.split("\n") if line.strip()]
    if lines and sum(bool(_COLUMN_GAP.search(line)) for line in lines) < 0.2 * len(lines):
        return layout, True
    return page.extract_text() or "", False


def _furniture(pages: list[list[str]]) -> set[str]:
    """Running headers and footers: lines repeated on at least half of the pages."""
    if len(pages) < 3:
        return set()
    counts = Counter(line for page in pages for line in set(page))
    return {line for line, n in counts.items() if n >= len(pages) / 2}


def extract(name: str, data: bytes) -> Extracted:
    """The article text of a PDF; IngestError for damaged, encrypted or image-only files."""
    raw_pages, meta_title = _page_texts(data)
    pages = [[normalise_line(line) for line in text.split("\n")] for text, _gaps in raw_pages]
    furniture = _furniture([[line for line in page if line] for page in pages])
    paragraphs: list[str] = []
    for (_text, gaps), lines in zip(raw_pages, pages, strict=True):
        kept = ["" if line in furniture or _PAGE_NUMBER.fullmatch(line) else line for line in lines]
        page_paragraphs = reflow_paragraphs("\n".join(kept), blank_lines_separate=gaps)
        # A paragraph running over a page break: the page ends mid-sentence (a long line without
        # a full stop is body text; a short one could be a heading), the next page goes on.
        if (
            paragraphs
            and page_paragraphs
            and not _SENTENCE_END.search(paragraphs[-1])
            and (page_paragraphs[0][:1].islower() or len(paragraphs[-1]) > 80)
        ):
            previous = paragraphs.pop()
            following = page_paragraphs.pop(0)
            if previous.endswith("-") and following[:1].islower():
                paragraphs.append(previous[:-1] + following)
            else:
                paragraphs.append(f"{previous} {following}")
        paragraphs.extend(page_paragraphs)
    # Printed web pages start with the site's header; when the document's own title is one of
    # the first lines, what stands above it is that header.
    wanted = " ".join(meta_title.split()).casefold()
    for index, paragraph in enumerate(paragraphs[:6]):
        if wanted and " ".join(paragraph.split()).casefold() == wanted:
            del paragraphs[:index]
            break
    if sum(len(p) for p in paragraphs) < 20:
        raise IngestError(
            "The PDF contains no text (it may be a scanned image); text recognition is not supported."
        )
    return Extracted(text="\n".join(paragraphs), title_in_text=True)

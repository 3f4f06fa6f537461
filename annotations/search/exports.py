"""Streamed exports: CSV and JSON Lines over `.iterator()`, so memory stays flat at any size."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator

from django.db.models import Prefetch, QuerySet
from django.http import StreamingHttpResponse
from django.utils import timezone

from annotations.models import Mention, Quote

CHUNK = 2000
CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8"}


class _Echo:
    """A file-like object whose write returns the line, so csv.writer can feed a generator."""

    def write(self, value: str) -> str:
        return value


# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_lines(header: list[str], rows: Iterable[Iterable]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow(header)
    for row in rows:
        yield writer.writerow([_cell(value) for value in row])


def jsonl_lines(records: Iterable[dict]) -> Iterator[str]:
    for record in records:
        yield json.dumps(record, ensure_ascii=False, default=str) + "\n"


def _records_response(
    records: Iterator[dict], fields: list[str], fmt: str, stem: str
) -> StreamingHttpResponse:
    """Records as CSV (the `fields` columns, in order) or as JSON lines."""
    if fmt == "csv":
        lines = csv_lines(fields, ([r[f] for f in fields] for r in records))
    else:
        lines = jsonl_lines(records)
    return _response(lines, fmt, stem)


def _source_name(article) -> str:
    return article.source.name if article.source_id else article.source_hint


def _response(lines: Iterator[str], fmt: str, stem: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(lines, content_type=CONTENT_TYPES[fmt])
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="{stem}-{stamp}.{fmt}"'
    return response


QUOTE_FIELDS = [
    "quote_id",
    "text",
    "direct",
    "status",
    "speaker_id",
    "speaker",
    "speaker_kind",
    "speaker_wikidata_id",
    "article_id",
    "article_title",
    "source",
    "published",
    "language",
    "start",
    "end",
]


def quote_record(quote: Quote) -> dict:
    article = quote.article
    return {
        "quote_id": quote.pk,
        "text": quote.text,
        "direct": quote.direct,
        "status": quote.status,
        "speaker_id": quote.speaker_id,
        "speaker": quote.speaker_display,
        # One record per identity (all spellings); its kind and Wikidata QID when an analyst set one.
        "speaker_kind": quote.speaker.kind if quote.speaker_id else None,
        "speaker_wikidata_id": (quote.speaker.wikidata_id or None) if quote.speaker_id else None,
        "article_id": quote.article_id,
        "article_title": article.title,
        "source": _source_name(article),
        "published": article.published.isoformat() if article.published else None,
        "language": article.language,
        "start": quote.start,
        "end": quote.end,
    }


def quotes_response(quotes: QuerySet, fmt: str) -> StreamingHttpResponse:
    records = (quote_record(q) for q in quotes.iterator(chunk_size=CHUNK))
    return _records_response(records, QUOTE_FIELDS, fmt, "quotes")


ARTICLE_FIELDS = ["article_id", "title", "source", "published", "language", "status", "review_state", "url"]


def article_record(article) -> dict:
    return {
        "article_id": article.pk,
        "title": article.title,
        "source": _source_name(article),
        "published": article.published.isoformat() if article.published else None,
        "language": article.language,
        "status": article.status,
        "review_state": article.review_state,
        "url": article.url,
    }


def articles_response(articles: QuerySet, fmt: str) -> StreamingHttpResponse:
    records = (article_record(a) for a in articles.iterator(chunk_size=CHUNK))
    return _records_response(records, ARTICLE_FIELDS, fmt, "articles")


def annotation_record(article) -> dict:
    """One article's text with its visible mentions and quotes as character offsets into `text`."""
    return {
        "article_id": article.pk,
        "language": article.language,
        "title": article.title,
        "review_state": article.review_state,
        "text": article.body,
        "mentions": [
            {
                "start": m.start,
                "end": m.end,
                "label": m.label,
                "text": m.text,
                "status": m.status,
                "person_id": m.person_id,
                "country": m.country.alpha2 if m.country_id else None,
            }
            for m in article.export_mentions
        ],
        "quotes": [
            {
                "start": q.start,
                "end": q.end,
                "direct": q.direct,
                "cue": q.cue,
                "status": q.status,
                "speaker_id": q.speaker_id,
                "speaker": q.speaker_display,
                "speaker_start": q.speaker_start,
                "speaker_end": q.speaker_end,
            }
            for q in article.export_quotes
        ],
    }


def annotations_response(articles: QuerySet) -> StreamingHttpResponse:
    """Training data: every article of the set with its annotations, one JSON line each."""
    articles = (
        articles.defer(None)
        .defer("search_vector")
        .prefetch_related(
            Prefetch(
                "mentions",
                Mention.objects.visible().select_related("country").order_by("start"),
                to_attr="export_mentions",
            ),
            Prefetch(
                "quotes",
                Quote.objects.visible().select_related("speaker").order_by("start"),
                to_attr="export_quotes",
            ),
        )
    )
    # Bodies are large: smaller chunks keep each fetch (and its prefetch) modest.
    records = (annotation_record(a) for a in articles.iterator(chunk_size=200))
    return _response(jsonl_lines(records), "jsonl", "annotations")

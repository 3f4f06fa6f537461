"""What the API answers: the response schemas and the dicts that fill them."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from ninja import Schema

from annotations.models import Quote
from articles.models import Article


class ArticleOut(Schema):
    id: int
    title: str
    language: str
    source: str | None
    published: dt.date | None
    status: str
    review_state: str
    url: str
    api_url: str


class MentionOut(Schema):
    id: int
    start: int
    end: int
    label: str
    text: str
    status: str
    person_id: int | None
    country: str | None


class QuoteOut(Schema):
    id: int
    start: int
    end: int
    text: str
    direct: bool
    status: str
    speaker_id: int | None
    speaker: str
    speaker_wikidata_id: str | None = None


class ArticleDetailOut(ArticleOut):
    failure_reason: str
    mentions: list[MentionOut]
    quotes: list[QuoteOut]


class ArticlePage(Schema):
    count: int
    count_capped: bool  # true: at least `count` hits (lists count up to 500)
    page: int
    pages: int
    results: list[ArticleOut]


class QuoteHitOut(QuoteOut):
    article_id: int
    article_title: str
    source: str | None
    published: dt.date | None
    language: str
    url: str


class PersonOut(Schema):
    id: int
    name: str
    kind: str  # person or organisation
    aliases: list[str]  # every other spelling of this identity
    description: str
    wikidata_id: str | None  # a Wikidata QID (Q123) an analyst attached
    score: float
    quote_count: int
    quote_count_capped: bool  # true: more than `quote_count` (counts stop at 1000)
    url: str


class QuotePage(Schema):
    count: int
    count_capped: bool  # true: at least `count` hits (lists count up to 500)
    page: int
    pages: int
    persons: list[PersonOut]
    other_candidates: list[PersonOut]
    results: list[QuoteHitOut]


class UploadItemOut(Schema):
    name: str
    outcome: str
    reason: str
    article_id: int | None
    status_url: str | None


class UploadOut(Schema):
    upload_id: int
    article_id: int | None
    status_url: str | None
    items: list[UploadItemOut]
    # Files of a large upload still being read on the intake queue; they join `items` later.
    files_pending: int = 0


class Message(Schema):
    message: str


def _article_out(article: Article) -> dict:
    return {
        "id": article.pk,
        "title": article.title,
        "language": article.language,
        "source": article.source.name if article.source_id else (article.source_hint or None),
        "published": article.published,
        "status": article.status,
        "review_state": article.review_state,
        "url": reverse("article_detail", args=[article.pk]),
        "api_url": reverse("api:article_get", args=[article.pk]),
    }


def _quote_out(quote: Quote) -> dict:
    return {
        "id": quote.pk,
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
        "direct": quote.direct,
        "status": quote.status,
        "speaker_id": quote.speaker_id,
        "speaker": quote.speaker_display,
        "speaker_wikidata_id": (quote.speaker.wikidata_id or None) if quote.speaker_id else None,
    }


def _person_out(match) -> dict:
    person = match.person
    return {
        "id": person.pk,
        "name": person.name,
        "kind": person.kind,
        "aliases": person.aliases,
        "description": person.description,
        "wikidata_id": person.wikidata_id or None,
        "score": match.score,
        "quote_count": match.quote_count,
        "quote_count_capped": match.quote_count_capped,
        "url": reverse("person_detail", args=[person.pk]),
    }


ERRORS = {401: Message, 403: Message, 404: Message}

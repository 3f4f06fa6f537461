"""Gold-annotated corpora in and out of the archive (`NAME.txt` + `NAME.gold.json`).

An imported article is a reviewed article whose quotes are an analyst's (origin person,
accepted): exactly what training reads from the database, so an archive can start from
an existing corpus. Export writes reviewed articles back in the same format.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from annotations.models import Origin, Person, Quote, Status
from annotations.services import _persons_by_name
from articles.ingest import parse_file
from articles.ingest.fingerprint import content_fingerprint
from articles.models import Article


@dataclass
class ImportOutcome:
    name: str
    article_id: int | None
    created: bool
    quotes: int = 0
    unplaced: list[str] = field(default_factory=list)  # gold quotes not found in the text


def _locate(body: str, text: str, after: int) -> tuple[int, int] | None:
    """Offsets of a gold quote in the body: exact first, then with any whitespace."""
    for start_at in (after, 0):
        k = body.find(text, start_at)
        if k >= 0:
            return k, k + len(text)
    words = text.split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    found = pattern.search(body, after) or pattern.search(body)
    return (found.start(), found.end()) if found else None


@transaction.atomic
def annotated_import(*, user, name: str, raw: bytes, gold: dict) -> ImportOutcome:
    """Store one gold-annotated article as reviewed, with its quotes as an analyst's.

    An article whose text is already archived is left as it is (created=False)."""
    document = parse_file(name, raw)
    body = document.body
    if not body.strip():
        raise ValueError(f"{name}: no article text")
    fingerprint = content_fingerprint(body)
    existing = Article.objects.filter(content_hash=fingerprint).first()
    if existing is not None:
        return ImportOutcome(name, existing.pk, False)
    published = gold.get("published") or (document.published.isoformat() if document.published else None)
    now = timezone.now()
    article = Article.objects.create(
        title=(gold.get("title") or document.title or Path(name).stem)[:1000],
        body=body,
        language=(gold.get("language") or document.language or "")[:8],
        source_hint=(gold.get("source") or document.source or "")[:200],
        published=published,
        content_hash=fingerprint,
        original_name=Path(name).name[:255],
        uploaded_by=user,
        status=Article.Status.DONE,
        review_state=Article.Review.REVIEWED,
        reviewed_by=user,
        reviewed_at=now,
    )
    outcome = ImportOutcome(name, article.pk, True)
    gold_quotes = [q for q in gold.get("quotes", []) if isinstance(q, dict) and q.get("text")]
    known = {str(p) for p in gold.get("persons", []) if p}
    persons = _persons_by_name({q["speaker"] for q in gold_quotes if q.get("speaker") in known})
    quotes = []
    taken: set[tuple[int, int]] = set()
    cursor = 0
    for q in gold_quotes:
        span = _locate(body, q["text"], cursor)
        if span is None or span in taken:
            outcome.unplaced.append(q["text"])
            continue
        taken.add(span)
        cursor = span[0]
        speaker_text = (q.get("speaker") or "").strip()
        person: Person | None = persons.get(speaker_text)
        quotes.append(
            Quote(
                article=article,
                start=span[0],
                end=span[1],
                text=body[span[0] : span[1]],
                direct=bool(q.get("direct")),
                speaker=person,
                speaker_name="" if person else speaker_text[:300],
                origin=Origin.PERSON,
                status=Status.ACCEPTED,
                created_by=user,
            )
        )
    Quote.objects.bulk_create(quotes)
    outcome.quotes = len(quotes)
    return outcome


def annotated_record(article: Article) -> tuple[str, dict]:
    """The text file and gold object of one reviewed article (visible quotes, in text order)."""
    quotes = (
        Quote.objects.filter(article=article).visible().select_related("speaker").order_by("start", "end")
    )
    gold_quotes = []
    speakers: list[str] = []
    for quote in quotes:
        speaker = quote.speaker.name if quote.speaker else (quote.speaker_name or None)
        if quote.speaker and speaker not in speakers:
            speakers.append(speaker)
        gold_quotes.append({"text": quote.text, "speaker": speaker, "direct": quote.direct})
    source = article.source.name if article.source else (article.source_hint or None)
    gold = {
        "file": "",
        "language": article.language,
        "title": article.title,
        "source": source,
        "published": article.published.isoformat() if article.published else None,
        "persons": speakers,
        "quotes": gold_quotes,
    }
    return f"{article.title}\n\n{article.body}\n", gold


_UNSAFE = re.compile(r"[^\w.-]+")


def annotated_export(folder: Path, *, language: str | None = None) -> list[str]:
    """Write every reviewed article (of `language`) as NAME.txt + NAME.gold.json; the names written."""
    folder.mkdir(parents=True, exist_ok=True)
    articles = (
        Article.objects.filter(review_state=Article.Review.REVIEWED).select_related("source").order_by("pk")
    )
    if language:
        articles = articles.filter(language=language)
    written: list[str] = []
    used: set[str] = set()
    for article in articles.iterator(chunk_size=200):
        stem = _UNSAFE.sub("_", Path(article.original_name).stem)[:100] or f"article-{article.pk}"
        if stem in used:
            stem = f"{stem}-{article.pk}"
        used.add(stem)
        text, gold = annotated_record(article)
        gold["file"] = f"{stem}.txt"
        (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
        (folder / f"{stem}.gold.json").write_text(
            json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        written.append(gold["file"])
    return written

"""Writes for articles: intake of uploaded files, extraction requests, review, metadata fixes."""

from __future__ import annotations

import logging
import mimetypes
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import PurePath

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from articles.ingest import (
    IngestError,
    KnownSource,
    ParsedDocument,
    UploadLimits,
    content_fingerprint,
    iter_upload,
    parse_file,
    parse_pasted,
)
from articles.models import Article, Source, Upload, UploadItem

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    name: str
    outcome: str  # one of UploadItem.Outcome
    reason: str = ""
    article: Article | None = None


def upload_limits() -> UploadLimits:
    return UploadLimits(
        max_file_bytes=settings.UPLOAD_MAX_FILE_BYTES,
        max_members=settings.UPLOAD_MAX_ZIP_MEMBERS,
        max_total_uncompressed=settings.UPLOAD_MAX_UNCOMPRESSED_BYTES,
    )


def known_sources() -> list[KnownSource]:
    return [
        KnownSource(name=s.name, domains=tuple(s.domains), signatures=tuple(s.signatures))
        for s in Source.objects.filter(active=True).only("name", "domains", "signatures")
    ]


def upload_process(*, user, files: Iterable[tuple[str, bytes]] = (), pasted_text: str = "") -> Upload:
    """Store every good file of one upload and report on each; one bad file never blocks the others.

    Each file (and each member of a zip) is stored in its own transaction, so a failure
    leaves nothing half-stored and the files before it stay stored.
    """
    upload = Upload.objects.create(uploaded_by=user)
    sources = known_sources()
    limits = upload_limits()
    outcomes: list[IngestOutcome] = []
    if pasted_text.strip():
        outcomes.append(_ingest_one("pasted text", None, user=user, sources=sources, pasted=pasted_text))
    for name, data in files:
        for member_name, member in iter_upload(name, data, limits=limits):
            if isinstance(member, IngestError):
                outcomes.append(IngestOutcome(member_name, UploadItem.Outcome.REJECTED, str(member)))
            else:
                outcomes.append(_ingest_one(member_name, member, user=user, sources=sources))
    UploadItem.objects.bulk_create(
        UploadItem(upload=upload, name=o.name[:500], outcome=o.outcome, reason=o.reason, article=o.article)
        for o in outcomes
    )
    return upload


def _ingest_one(
    name: str, data: bytes | None, *, user, sources: list[KnownSource], pasted: str = ""
) -> IngestOutcome:
    today = timezone.localdate()
    try:
        if data is None:
            document = parse_pasted(pasted, known_sources=sources, today=today)
            data = pasted.encode("utf-8")
            name = "pasted.txt"
        else:
            document = parse_file(name, data, known_sources=sources, today=today)
    except IngestError as exc:
        return IngestOutcome(name, UploadItem.Outcome.REJECTED, str(exc))
    except Exception:
        # A parser bug must not take the other files of the upload down with it.
        logger.exception("parser failed on %s", name)
        return IngestOutcome(
            name, UploadItem.Outcome.REJECTED, "The file could not be read (internal error)."
        )
    try:
        article, created = article_ingest(document=document, original_name=name, original=data, user=user)
    except IngestError as exc:
        return IngestOutcome(name, UploadItem.Outcome.REJECTED, str(exc))
    if not created:
        return IngestOutcome(
            name, UploadItem.Outcome.DUPLICATE, "The same text is already archived.", article
        )
    return IngestOutcome(name, UploadItem.Outcome.STORED, "", article)


def _source_for(document: ParsedDocument) -> Source | None:
    if not document.source:
        return None
    return Source.objects.filter(name__iexact=document.source).first()


def article_ingest(
    *, document: ParsedDocument, original_name: str, original: bytes, user
) -> tuple[Article, bool]:
    """Store one parsed document and enqueue its extraction; (article, created).

    An article whose cleaned text is already archived is not stored again: the existing
    one is returned with created=False.
    """
    if not document.body.strip():
        raise IngestError("No article text was found in the file.")
    fingerprint = content_fingerprint(document.body)
    existing = Article.objects.filter(content_hash=fingerprint).first()
    if existing is not None:
        return existing, False
    source = _source_for(document)
    article = Article(
        title=(document.title or original_name)[:1000],
        body=document.body,
        language=document.language or "",
        source=source,
        source_hint="" if source else (document.source or "")[:200],
        published=document.published,
        published_inferred=bool(getattr(document, "published_inferred", False)),
        url=(document.url or "")[:2000],
        content_hash=fingerprint,
        original_name=PurePath(original_name).name[:255],
        uploaded_by=user,
    )
    try:
        with transaction.atomic():
            # The stored file name is ours: an uploaded name never becomes a path.
            article.original_file.save(_storage_name(original_name), ContentFile(original), save=False)
            article.save()
            transaction.on_commit(lambda: article_enqueue(article_id=article.pk))
    except IntegrityError:
        # A concurrent upload of the same text won the race.
        article.original_file.delete(save=False)
        existing = Article.objects.filter(content_hash=fingerprint).first()
        if existing is None:
            raise
        return existing, False
    return article, True


def _storage_name(original_name: str) -> str:
    suffix = PurePath(original_name).suffix.lower()
    if not suffix or len(suffix) > 6 or not suffix[1:].isalnum():
        suffix = mimetypes.guess_extension("text/plain") or ".txt"
    return f"{uuid.uuid4().hex}{suffix}"


def article_enqueue(*, article_id: int) -> bool:
    """Send the extraction task; False when the broker is unreachable (the sweep retries later)."""
    from annotations.tasks import article_extract

    try:
        article_extract.delay(article_id)
    except Exception as exc:  # kombu raises several unrelated types for an unreachable broker
        logger.warning("could not enqueue extraction of article %s: %s", article_id, exc)
        return False
    return True


def article_request_extraction(*, article: Article) -> None:
    """Queue the article for (re-)extraction: after a failure, or to refresh machine proposals."""
    with transaction.atomic():
        Article.objects.filter(pk=article.pk).update(
            status=Article.Status.QUEUED,
            status_changed_at=timezone.now(),
            failure_reason="",
            extraction_task_id="",
        )
        transaction.on_commit(lambda: article_enqueue(article_id=article.pk))


def articles_requeue_stale(*, older_than: timedelta) -> list[int]:
    """Enqueue articles left queued or processing for longer than `older_than`; their ids."""
    cutoff = timezone.now() - older_than
    stale = Article.objects.filter(
        Q(status=Article.Status.QUEUED) | Q(status=Article.Status.PROCESSING),
        status_changed_at__lt=cutoff,
    ).values_list("pk", flat=True)
    ids = list(stale[:1000])
    if ids:
        # Released claims let a new task take the article over; the timestamp restarts the wait.
        Article.objects.filter(pk__in=ids).update(
            status=Article.Status.QUEUED, status_changed_at=timezone.now(), extraction_task_id=""
        )
        for article_id in ids:
            article_enqueue(article_id=article_id)
    return ids


def article_mark_reviewed(*, article: Article, user, reviewed: bool = True) -> None:
    Article.objects.filter(pk=article.pk).update(
        review_state=Article.Review.REVIEWED if reviewed else Article.Review.UNREVIEWED,
        reviewed_by=user if reviewed else None,
        reviewed_at=timezone.now() if reviewed else None,
    )

"""Writes for articles: intake of uploaded files, extraction requests, review, metadata fixes."""

from __future__ import annotations

import json
import logging
import mimetypes
import re
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import F, Model, Q
from django.db.models.functions import Lower
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
from articles.models import Article, Source, SourceChange, Upload, UploadItem
from newsarchive.celery import app as celery_app
from newsarchive.conflicts import conflict_check
from newsarchive.roles import Role, has_role

logger = logging.getLogger(__name__)

# Registered by annotations.tasks; the Celery routes send it to the "nlp" queue.
EXTRACT_TASK = "annotations.tasks.article_extract"


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    name: str
    outcome: str  # one of UploadItem.Outcome
    reason: str = ""
    article_id: int | None = None


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
    """Store every good file of one upload and report on each; one bad file never blocks the others."""
    upload = Upload.objects.create(uploaded_by=user)
    entries: list[tuple[str, bytes | str]] = []
    if pasted_text.strip():
        entries.append(("pasted text", pasted_text))
    entries.extend(files)
    for _outcome in intake_stream(entries=entries, user=user, upload=upload):
        pass
    return upload


def upload_submit(*, user, files: list[tuple[str, bytes]], pasted_text: str = "") -> Upload:
    """An upload from the web or the API: read now when small, else staged for the intake queue.

    Files larger than UPLOAD_INLINE_MAX_BYTES together are saved as they came and read by
    `upload_intake` on a worker, so parsing never holds a web request; the report lists each
    file as it is read. Pasted text is always read at once. When the broker is unreachable
    the files are read here after all: slow, but nothing is lost.
    """
    if sum(len(data) for _name, data in files) <= settings.UPLOAD_INLINE_MAX_BYTES:
        return upload_process(user=user, files=files, pasted_text=pasted_text)
    upload = upload_process(user=user, pasted_text=pasted_text) if pasted_text.strip() else None
    with transaction.atomic():
        upload = upload or Upload.objects.create(uploaded_by=user)
        manifest = []
        for index, (name, data) in enumerate(files):
            path = default_storage.save(f"intake/{upload.pk}/{index:05d}", ContentFile(data))
            manifest.append({"name": name, "path": path})
        default_storage.save(f"intake/{upload.pk}/manifest.json", ContentFile(json.dumps(manifest).encode()))
        Upload.objects.filter(pk=upload.pk).update(files_pending=len(files))
        transaction.on_commit(lambda: _intake_enqueue(upload.pk))
    upload.refresh_from_db()
    return upload


def _intake_enqueue(upload_id: int) -> None:
    from articles.tasks import upload_intake

    try:
        upload_intake.delay(upload_id)
    except Exception as exc:  # kombu raises several unrelated types for an unreachable broker
        logger.warning("could not queue upload %s for intake, reading it here: %s", upload_id, exc)
        upload_intake_run(upload_id=upload_id)


def upload_intake_run(*, upload_id: int) -> int:
    """Read the staged files of an upload, one by one; how many were read now.

    Each file is deleted from the stage once its report line is stored, so a redelivered
    task goes on with the rest (a file read twice after a crash shows up as a duplicate).
    """
    upload = Upload.objects.select_related("uploaded_by").get(pk=upload_id)
    manifest_path = f"intake/{upload_id}/manifest.json"
    if not default_storage.exists(manifest_path):
        return 0
    with default_storage.open(manifest_path) as handle:
        manifest = json.load(handle)
    done = 0
    for entry in manifest:
        if not default_storage.exists(entry["path"]):
            continue
        with default_storage.open(entry["path"]) as handle:
            data = handle.read()
        for _outcome in intake_stream(
            entries=[(entry["name"], data)], user=upload.uploaded_by, upload=upload
        ):
            pass
        default_storage.delete(entry["path"])
        Upload.objects.filter(pk=upload_id, files_pending__gt=0).update(files_pending=F("files_pending") - 1)
        done += 1
    default_storage.delete(manifest_path)
    Upload.objects.filter(pk=upload_id).update(files_pending=0)
    return done


def uploads_requeue_stale(*, older_than: timedelta) -> list[int]:
    """Staged uploads still unread after `older_than` (their task was lost): queued again."""
    ids = list(
        Upload.objects.filter(files_pending__gt=0, created_at__lt=timezone.now() - older_than).values_list(
            "pk", flat=True
        )[:100]
    )
    for upload_id in ids:
        _intake_enqueue(upload_id)
    return ids


@dataclass(slots=True)
class _Parsed:
    name: str
    original: bytes
    document: ParsedDocument
    fingerprint: str


def intake_stream(
    *, entries: Iterable[tuple[str, bytes | str]], user, upload: Upload, batch_size: int = 200
) -> Iterator[IngestOutcome]:
    """Parse, de-duplicate and store files (zips expanded) in batches; yields one outcome per file.

    `entries` are (name, bytes) for files and (name, str) for pasted text; it is consumed
    lazily, so memory stays flat however many files come. Each batch is stored in one
    transaction together with its report lines: a failure leaves nothing half-stored.
    """
    sources = known_sources()
    limits = upload_limits()
    today = timezone.localdate()
    pending: list[_Parsed | IngestOutcome] = []
    for name, data in entries:
        if isinstance(data, str):
            members: Iterable[tuple[str, bytes | IngestError | str]] = [(name, data)]
        else:
            members = iter_upload(name, data, limits=limits)
        for member_name, member in members:
            if isinstance(member, IngestError):
                pending.append(IngestOutcome(member_name, UploadItem.Outcome.REJECTED, str(member)))
            else:
                pending.append(_parse(member_name, member, sources=sources, today=today))
            if len(pending) >= batch_size:
                yield from _store_batch(pending, user=user, upload=upload)
                pending = []
    if pending:
        yield from _store_batch(pending, user=user, upload=upload)


def _parse(name: str, data: bytes | str, *, sources, today) -> _Parsed | IngestOutcome:
    try:
        if isinstance(data, str):
            document = parse_pasted(data, known_sources=sources, today=today)
            data = data.encode("utf-8")
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
    if not document.body.strip():
        return IngestOutcome(name, UploadItem.Outcome.REJECTED, "No article text was found in the file.")
    if len(document.body) > settings.ARTICLE_MAX_CHARS:
        return IngestOutcome(
            name,
            UploadItem.Outcome.REJECTED,
            f"The text is {len(document.body):,} characters long; articles may have at most "
            f"{settings.ARTICLE_MAX_CHARS:,}.",
        )
    return _Parsed(name, data, document, content_fingerprint(document.body))


def _store_batch(pending: list[_Parsed | IngestOutcome], *, user, upload: Upload) -> list[IngestOutcome]:
    parsed = [p for p in pending if isinstance(p, _Parsed)]
    existing = dict(
        Article.objects.filter(content_hash__in={p.fingerprint for p in parsed}).values_list(
            "content_hash", "pk"
        )
    )
    source_names = {p.document.source.lower() for p in parsed if p.document.source}
    sources = {
        s.name.lower(): s
        for s in Source.objects.annotate(lower_name=Lower("name")).filter(lower_name__in=source_names)
    }
    new_articles: dict[str, Article] = {}
    for p in parsed:
        if p.fingerprint in existing or p.fingerprint in new_articles:
            continue
        new_articles[p.fingerprint] = _article_from(p, user=user, sources=sources)
    try:
        with transaction.atomic():
            Article.objects.bulk_create(new_articles.values())
            outcomes = _outcomes(pending, existing, new_articles)
            _report(upload, outcomes)
            ids = [a.pk for a in new_articles.values()]
            transaction.on_commit(lambda: _enqueue_batch(upload, ids))
    except IntegrityError:
        # A concurrent upload stored one of these texts first: store one by one instead.
        for article in new_articles.values():
            article.original_file.delete(save=False)
        return _store_one_by_one(pending, user=user, upload=upload)
    return outcomes


def _article_from(p: _Parsed, *, user, sources: dict[str, Source]) -> Article:
    document = p.document
    source = sources.get((document.source or "").lower())
    article = Article(
        title=(document.title or PurePath(p.name).stem)[:1000],
        body=document.body,
        language=document.language or "",
        source=source,
        source_hint="" if source else (document.source or "")[:200],
        published=document.published,
        published_inferred=bool(getattr(document, "published_inferred", False)),
        url=(document.url or "")[:2000],
        content_hash=p.fingerprint,
        original_name=PurePath(p.name).name[:255],
        uploaded_by=user,
    )
    # The stored file name is ours: an uploaded name never becomes a path.
    article.original_file.save(_storage_name(p.name), ContentFile(p.original), save=False)
    return article


def _outcomes(
    pending: list[_Parsed | IngestOutcome], existing: dict[str, int], new_articles: dict[str, Article]
) -> list[IngestOutcome]:
    outcomes = []
    claimed: set[str] = set()
    for p in pending:
        if isinstance(p, IngestOutcome):
            outcomes.append(p)
        elif p.fingerprint in new_articles and p.fingerprint not in claimed:
            claimed.add(p.fingerprint)
            outcomes.append(
                IngestOutcome(p.name, UploadItem.Outcome.STORED, _notes(p), new_articles[p.fingerprint].pk)
            )
        else:
            article_id = existing.get(p.fingerprint) or new_articles[p.fingerprint].pk
            outcomes.append(
                IngestOutcome(
                    p.name, UploadItem.Outcome.DUPLICATE, "The same text is already archived.", article_id
                )
            )
    return outcomes


def _notes(p: _Parsed) -> str:
    """What the analyst should know about a stored file (bytes replaced, a guessed headline)."""
    return " ".join(p.document.warnings)


def _enqueue_batch(upload: Upload, article_ids: list[int]) -> None:
    if articles_enqueue(article_ids=article_ids) < len(article_ids):
        # The report tells the analyst that extraction will follow once the broker is back.
        Upload.objects.filter(pk=upload.pk).update(broker_unavailable=True)


def _report(upload: Upload, outcomes: list[IngestOutcome]) -> None:
    UploadItem.objects.bulk_create(
        UploadItem(
            upload=upload, name=o.name[:500], outcome=o.outcome, reason=o.reason, article_id=o.article_id
        )
        for o in outcomes
    )


def _store_one_by_one(pending: list[_Parsed | IngestOutcome], *, user, upload: Upload) -> list[IngestOutcome]:
    outcomes = []
    for p in pending:
        if isinstance(p, IngestOutcome):
            outcomes.append(p)
            continue
        article, created = article_ingest(
            document=p.document, original_name=p.name, original=p.original, user=user
        )
        if created:
            outcomes.append(IngestOutcome(p.name, UploadItem.Outcome.STORED, _notes(p), article.pk))
        else:
            outcomes.append(
                IngestOutcome(
                    p.name, UploadItem.Outcome.DUPLICATE, "The same text is already archived.", article.pk
                )
            )
    _report(upload, outcomes)
    return outcomes


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
    sources = {}
    source = _source_for(document)
    if source:
        sources[source.name.lower()] = source
    article = _article_from(
        _Parsed(original_name, original, document, fingerprint), user=user, sources=sources
    )
    try:
        with transaction.atomic():
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
    """Send the extraction task; False when the broker is unreachable (the sweep retries later).

    By name: extraction belongs to annotations, which depends on articles, never the reverse.
    Where the task is registered (annotations' app config imports it) the call honours eager mode.
    """
    try:
        celery_app.signature(EXTRACT_TASK, args=(article_id,)).delay()
    except Exception as exc:  # kombu raises several unrelated types for an unreachable broker
        logger.warning("could not enqueue extraction of article %s: %s", article_id, exc)
        return False
    return True


def articles_enqueue(*, article_ids: list[int]) -> int:
    """Send one extraction task per article; how many could be sent (the sweep retries the rest)."""
    sent = 0
    for article_id in article_ids:
        if not article_enqueue(article_id=article_id):
            break  # the broker is down: the rest would fail the same way
        sent += 1
    return sent


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


def articles_requeue_stale(*, older_than: timedelta, heartbeat_timeout: timedelta | None = None) -> list[int]:
    """Enqueue again articles queued for longer than `older_than`, and articles processing
    whose task sent no heartbeat for `heartbeat_timeout` (its worker died); their ids.

    A live task renews its claim every EXTRACTION_HEARTBEAT_SECONDS, so its article is never
    handed to a second worker while it runs. The rows are locked while they are released,
    so a heartbeat arriving at that moment waits and then finds the claim gone.
    """
    now = timezone.now()
    heartbeat_timeout = heartbeat_timeout or timedelta(seconds=settings.EXTRACTION_HEARTBEAT_TIMEOUT)
    with transaction.atomic():
        ids = list(
            Article.objects.filter(
                Q(status=Article.Status.QUEUED, status_changed_at__lt=now - older_than)
                | Q(status=Article.Status.PROCESSING, status_changed_at__lt=now - heartbeat_timeout)
            )
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)[:1000]
        )
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


def article_assign(*, article: Article, assignee) -> None:
    """Give the article to an analyst to review (None: to nobody)."""
    if assignee is not None and not has_role(assignee, Role.ANALYST):
        raise ValidationError("Only analysts and admins review articles.")
    Article.objects.filter(pk=article.pk).update(assigned_to=assignee)


# --- sources ----------------------------------------------------------------------------

SOURCE_FIELDS = ("name", "domains", "country", "language", "signatures", "notes", "active")


def source_snapshot(source: Source) -> dict:
    """What an edit form shows of a source; its signed copy detects lost updates."""
    return _source_snapshot(source)


def _source_snapshot(source: Source) -> dict:
    """The recorded form of a source's fields: JSON values, a country by its code."""
    values = {field: getattr(source, field) for field in SOURCE_FIELDS if field != "country"}
    values["domains"] = list(source.domains)
    values["signatures"] = list(source.signatures)
    values["country"] = source.country.alpha2 if source.country_id else None
    return values


def _source_record(
    *, source: Source, user, action: str, before: dict, after: dict, note: str = ""
) -> SourceChange | None:
    changes = {f: [before.get(f), after.get(f)] for f in SOURCE_FIELDS if before.get(f) != after.get(f)}
    if not changes and action == SourceChange.Action.UPDATED:
        return None
    return SourceChange.objects.create(
        source=source,
        source_name=source.name,
        user=user,
        username=user.get_username() if user else "",
        action=action,
        changes=changes,
        note=note[:500],
    )


def _source_validate(source: Source) -> None:
    # Intake matches names whatever their case: "Reuters" and "reuters" would be one outlet.
    if Source.objects.filter(name__iexact=source.name).exclude(pk=source.pk).exists():
        raise ValidationError({"name": "A source with this name exists already."})
    source.full_clean()


def _source_save(source: Source, **kwargs) -> None:
    try:
        with transaction.atomic():
            source.save(**kwargs)
    except IntegrityError:
        # A concurrent save took the name between our check and this write.
        raise ValidationError({"name": "A source with this name exists already."}) from None


@transaction.atomic
def source_create(
    *,
    user,
    name: str,
    domains: Sequence[str] = (),
    country: Model | None = None,
    language: str = "",
    signatures: Sequence[str] = (),
    notes: str = "",
    active: bool = True,
) -> Source:
    """Create a source and record who created it with which values."""
    source = Source(
        name=name,
        domains=list(domains),
        country=country,
        language=language,
        signatures=list(signatures),
        notes=notes,
        active=active,
    )
    _source_validate(source)
    _source_save(source)
    after = _source_snapshot(source)
    _source_record(source=source, user=user, action=SourceChange.Action.CREATED, before={}, after=after)
    source.linked_count = source_link_articles(source=source, user=user)
    return source


@transaction.atomic
def source_update(
    *,
    source: Source,
    user,
    name: str,
    domains: Sequence[str],
    country: Model | None,
    language: str,
    signatures: Sequence[str],
    notes: str,
    active: bool,
    seen: dict | None = None,
) -> Source:
    """Set a source's fields and record each changed one, before → after.

    The row is locked and read again first, so "before" is what was stored, not what
    the editor's form once showed; EditConflict when that differs from `seen` (the
    `source_snapshot` the form was rendered with).
    """
    current = Source.objects.select_for_update(of=("self",)).select_related("country").get(pk=source.pk)
    before = _source_snapshot(current)
    conflict_check(seen=seen, current=before)
    current.name = name
    current.domains = list(domains)
    current.country = country
    current.language = language
    current.signatures = list(signatures)
    current.notes = notes
    current.active = active
    _source_validate(current)
    after = _source_snapshot(current)
    changed = [f for f in SOURCE_FIELDS if before[f] != after[f]]
    if changed:
        _source_save(current, update_fields=changed)
        _source_record(
            source=current, user=user, action=SourceChange.Action.UPDATED, before=before, after=after
        )
    current.linked_count = source_link_articles(source=current, user=user)
    return current


def _url_on_domain(domain: str) -> Q:
    """Article URLs on `domain` or one of its subdomains (www.euractiv.de for euractiv.de)."""
    return Q(
        url__iregex=r"^https?://([^/@]*\.)?" + re.escape(domain.strip().lower()) + r"(:[0-9]+)?(/|\?|#|$)"
    )


@transaction.atomic
def source_link_articles(*, source: Source, user) -> int:
    """Give `source` the articles that have none yet but name it: their file named the outlet
    (the source hint, any case) or their URL is on one of its domains. How many; recorded.

    Inactive sources link nothing, as intake does not match them either.
    """
    if not source.active:
        return 0
    match = Q(source_hint__iexact=source.name)
    for domain in source.domains:
        if domain.strip():
            match |= _url_on_domain(domain)
    linked = Article.objects.filter(match, source__isnull=True).update(source=source, source_hint="")
    if linked:
        SourceChange.objects.create(
            source=source,
            source_name=source.name,
            user=user,
            username=user.get_username() if user else "",
            action=SourceChange.Action.UPDATED,
            note=f"Linked {linked} existing article{'s' if linked != 1 else ''} "
            "that name it (in the file or by URL).",
        )
    return linked


def _union(first: Sequence[str], second: Sequence[str]) -> list[str]:
    seen = {item.casefold() for item in first}
    merged = list(first)
    for item in second:
        if item.casefold() not in seen:
            seen.add(item.casefold())
            merged.append(item)
    return merged


@transaction.atomic
def source_merge(*, source: Source, into: Source, user) -> int:
    """Merge `source` into `into`: its articles move, its domains and signature lines are
    added to `into`, its history moves along, and it is deleted. How many articles moved.
    """
    if source.pk == into.pk:
        raise ValidationError("A source cannot be merged into itself.")
    # Both rows locked in id order, so two merges of the same pair cannot deadlock.
    locked = {
        s.pk: s
        for s in Source.objects.select_for_update(of=("self",))
        .select_related("country")
        .filter(pk__in=[source.pk, into.pk])
        .order_by("pk")
    }
    if len(locked) != 2:
        raise Source.DoesNotExist("One of the sources was deleted meanwhile.")
    merged, target = locked[source.pk], locked[into.pk]
    before = _source_snapshot(target)
    moved = Article.objects.filter(source=merged).update(source=target)
    target.domains = _union(target.domains, merged.domains)
    target.signatures = _union(target.signatures, merged.signatures)
    if target.country_id is None and merged.country_id is not None:
        target.country = merged.country
    if not target.language:
        target.language = merged.language
    target.full_clean()
    target.save(update_fields=["domains", "signatures", "country", "language"])
    SourceChange.objects.filter(source=merged).update(source=target)
    _source_record(
        source=target,
        user=user,
        action=SourceChange.Action.MERGED,
        before=before,
        after=_source_snapshot(target),
        note=f"Merged “{merged.name}” into this source: {moved} article{'s' if moved != 1 else ''} moved.",
    )
    merged.delete()
    return moved

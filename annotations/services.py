"""Writes for annotations: claiming an article for extraction, applying a machine run, and the
analysts' corrections with their history and undo."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import timedelta
from typing import Any, TypeVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction
from django.db.models import F, Q
from django.utils import timezone

from annotations.models import (
    Annotation,
    Correction,
    Country,
    ExtractionRun,
    ExtractorVersion,
    Mention,
    Origin,
    Person,
    Quote,
    Status,
)
from annotations.names import identity_choose, name_key, name_keys
from annotations.nlp import ExtractionResult, KnownPerson
from annotations.search.persons import person_keys_fill_missing, person_keys_refresh
from annotations.selectors import article_open_items, open_items_listed, quote_span_warnings
from articles.models import Article
from newsarchive.conflicts import conflict_check

A = TypeVar("A", Mention, Quote)


def extraction_claim(*, article_id: int, task_id: str) -> Article | None:
    """Take the article for this task, or None when there is nothing to do.

    A conditional UPDATE makes the claim atomic: a queued article is taken; one that is
    processing is taken only by a redelivery of the same task (its worker died) or once
    its claim has had no heartbeat for EXTRACTION_HEARTBEAT_TIMEOUT. Done and failed
    articles are left alone.
    """
    stale = timezone.now() - timedelta(seconds=settings.EXTRACTION_HEARTBEAT_TIMEOUT)
    claimed = Article.objects.filter(
        Q(status=Article.Status.QUEUED)
        | Q(status=Article.Status.PROCESSING, extraction_task_id=task_id)
        | Q(status=Article.Status.PROCESSING, status_changed_at__lt=stale),
        pk=article_id,
    ).update(status=Article.Status.PROCESSING, status_changed_at=timezone.now(), extraction_task_id=task_id)
    if not claimed:
        return None
    Article.objects.filter(pk=article_id).update(extraction_attempts=F("extraction_attempts") + 1)
    return Article.objects.get(pk=article_id)


def extraction_heartbeat(*, article_id: int, task_id: str) -> bool:
    """Renew this task's claim on the article; False when the claim is no longer its own."""
    return bool(
        Article.objects.filter(
            pk=article_id, status=Article.Status.PROCESSING, extraction_task_id=task_id
        ).update(status_changed_at=timezone.now())
    )


def known_persons() -> list[KnownPerson]:
    """Persons an analyst confirmed, so the pipeline finds them next time."""
    return [
        KnownPerson(name=p.name, aliases=tuple(p.aliases))
        # Organisations are speakers, not person names for the gazetteer to find.
        for p in Person.objects.filter(confirmed=True, kind=Person.Kind.PERSON).only("name", "aliases")
    ]


def extraction_fail(
    *, article_id: int, task_id: str, reason: str, pipeline: str = "", version: str = ""
) -> None:
    """Mark the article failed with a reason a person can read; the Retry button re-queues it."""
    with transaction.atomic():
        updated = Article.objects.filter(
            pk=article_id, status=Article.Status.PROCESSING, extraction_task_id=task_id
        ).update(status=Article.Status.FAILED, status_changed_at=timezone.now(), failure_reason=reason[:2000])
        if updated:
            ExtractionRun.objects.create(
                article_id=article_id,
                pipeline=pipeline or "unknown",
                version=version or "",
                finished_at=timezone.now(),
                status=ExtractionRun.RunStatus.FAILED,
                error=reason[:2000],
            )


# One lock for the machine's person linking: two workers that meet "Dmitri Peskow" and
# "Dmitry Peskov" at once would otherwise each create a record. Held to the end of the
# extraction's transaction, and only taken when a name is new to the archive.
_PERSON_LINK_LOCK = 0x6E615F70  # "na_p"


def _person_alias_add(person: Person, spelling: str) -> None:
    """Keep `spelling` on the record; a bare surname record takes the full name as its name.

    Only records no analyst confirmed are renamed: the machine never changes a human's choice.
    """
    if spelling in person.all_names():
        return
    key, own = name_key(spelling), name_key(person.name)
    if not person.confirmed and key and own and key.given and not own.given:
        person.aliases = [person.name, *person.aliases]
        person.name = spelling[:300]
        fields = ["name", "aliases"]
    else:
        person.aliases = [*person.aliases, spelling[:300]]
        fields = ["aliases"]
    person.save(update_fields=fields)


def _person_link(name: str) -> Person:
    """The record for a spelling the archive has not seen: an identity it folds to, or a new one."""
    candidates = list(
        Person.objects.filter(search_keys__overlap=name_keys(name), kind=Person.Kind.PERSON).only(
            "name", "aliases", "confirmed"
        )
    )
    chosen, _ambiguous = identity_choose(name, [(p.pk, p.all_names()) for p in candidates])
    # An ambiguous spelling gets a record of its own: the persons page offers it as a merge
    # suggestion (it shares a key with the others) instead of guessing.
    person = next((p for p in candidates if p.pk == chosen), None)
    if person is not None:
        _person_alias_add(person, name)
    else:
        person, _ = Person.objects.get_or_create(name=name[:300])
    person_keys_refresh(person_ids=[person.pk])
    return person


def _persons_by_name(names: set[str]) -> dict[str, Person]:
    """Person rows for the machine's person names (names and aliases match as written).

    A name not yet known joins the identity it folds to (annotations.names: transliteration,
    spelling variants, Cyrillic, surname with compatible first names) as an alias; only
    when no identity or several fit is a record created.
    """
    if not names:
        return {}
    found: dict[str, Person] = {}
    for person in Person.objects.filter(Q(name__in=names) | Q(aliases__overlap=list(names))):
        for name in person.all_names():
            if name in names:
                found.setdefault(name, person)
    missing = names - found.keys()
    if missing:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_PERSON_LINK_LOCK])
        person_keys_fill_missing()
        # Full names first, so a bare surname of the same article finds the full name's record.
        for name in sorted(missing, key=lambda n: (-len(n.split()), n)):
            found[name] = _person_link(name)
    return found


def _organisations_by_name(names: set[str]) -> dict[str, Person]:
    """Organisation records for speakers the pipeline labelled ORG ("Außenministerium in Peking"),
    matched by name or alias as written (case aside), created as kind organisation when new.

    Institutions have no first names or transliterations to fold, so only exact spellings join.
    """
    if not names:
        return {}
    folded = {name.casefold(): name for name in names}
    found: dict[str, Person] = {}
    for person in Person.objects.filter(kind=Person.Kind.ORGANISATION).only("name", "aliases", "kind"):
        for spelling in person.all_names():
            if spelling.casefold() in folded:
                found.setdefault(folded[spelling.casefold()], person)
    for name in sorted(names - found.keys()):
        found[name], created = Person.objects.get_or_create(
            name=name[:300], defaults={"kind": Person.Kind.ORGANISATION}
        )
        if created:
            person_keys_refresh(person_ids=[found[name].pk])
    return found


def _blocks(kept: tuple[int, int, str, str], span) -> bool:
    """Whether a mention people kept stops a new machine span from being proposed.

    Any overlapping mention people accepted, edited or added does (a relabelled span must not
    come back under its old label); a rejected one only for its own label, so rejecting
    "Georgia" as a person still lets the machine propose it as a country.
    """
    start, end, label, status = kept
    if not (start < span.end and span.start < end):
        return False
    return status != Status.REJECTED or label == span.label


@transaction.atomic
def extraction_apply(
    *, article_id: int, task_id: str, result: ExtractionResult, extractor_id: int | None = None
) -> ExtractionRun | None:
    """Replace the machine's untouched proposals of the article with `result`, atomically.

    Human work stays: accepted and edited annotations are kept, rejected ones keep the
    machine from proposing the same span again, and new machine output arrives as proposals.
    Returns None when the article's claim was lost meanwhile (another task owns it).
    """
    article = (
        Article.objects.select_for_update()
        .filter(pk=article_id, status=Article.Status.PROCESSING, extraction_task_id=task_id)
        .first()
    )
    if article is None:
        return None
    body_length = len(article.body)
    Mention.objects.filter(article=article).machine_untouched().delete()
    Quote.objects.filter(article=article).machine_untouched().delete()
    kept_mentions = list(
        Mention.objects.filter(article=article).values_list("start", "end", "label", "status")
    )
    kept_quotes = list(Quote.objects.filter(article=article).values_list("start", "end"))

    run = ExtractionRun.objects.create(
        article=article,
        pipeline=result.pipeline,
        version=result.version,
        status=ExtractionRun.RunStatus.RUNNING,
        extractor_id=extractor_id,
    )
    countries = {c.alpha2: c for c in Country.objects.all()}
    persons = _persons_by_name(
        {m.key or m.text for m in result.mentions if m.label == "PERSON"}
        | {q.speaker for q in result.quotes if q.speaker and q.speaker_label == "PERSON"}
    )
    organisations = _organisations_by_name(
        {q.speaker for q in result.quotes if q.speaker and q.speaker_label == "ORG"}
    )
    mentions = []
    for span in result.mentions:
        if not 0 <= span.start < span.end <= body_length:
            continue
        if any(_blocks(kept, span) for kept in kept_mentions):
            continue
        mentions.append(
            Mention(
                article=article,
                start=span.start,
                end=span.end,
                label=span.label,
                text=article.body[span.start : span.end][:500],
                origin=Origin.MACHINE,
                run=run,
                status=Status.PROPOSED,
                person=persons.get(span.key or span.text) if span.label == "PERSON" else None,
                country=countries.get(span.key) if span.label == "COUNTRY" else None,
            )
        )
    quotes = []
    for quote in result.quotes:
        if not 0 <= quote.start < quote.end <= body_length:
            continue
        if any(s < quote.end and quote.start < e for s, e in kept_quotes):
            continue
        speaker = None
        if quote.speaker and quote.speaker_label == "PERSON":
            speaker = persons.get(quote.speaker)
        elif quote.speaker and quote.speaker_label == "ORG":
            speaker = organisations.get(quote.speaker)
        has_span = quote.speaker_start is not None and quote.speaker_end is not None
        quotes.append(
            Quote(
                article=article,
                start=quote.start,
                end=quote.end,
                text=article.body[quote.start : quote.end],
                direct=quote.direct,
                cue=(quote.cue or "")[:100],
                speaker=speaker,
                speaker_name="" if speaker else (quote.speaker or "")[:300],
                speaker_start=quote.speaker_start if has_span else None,
                speaker_end=quote.speaker_end if has_span else None,
                origin=Origin.MACHINE,
                run=run,
                status=Status.PROPOSED,
            )
        )
    Mention.objects.bulk_create(mentions)
    Quote.objects.bulk_create(quotes)
    run.status = ExtractionRun.RunStatus.DONE
    run.finished_at = timezone.now()
    run.counts = {"mentions": len(mentions), "quotes": len(quotes)}
    run.save(update_fields=["status", "finished_at", "counts"])
    Article.objects.filter(pk=article.pk).update(
        status=Article.Status.DONE,
        status_changed_at=timezone.now(),
        failure_reason="",
        extraction_task_id="",
        language=article.language or result.language,
    )
    return run


@transaction.atomic
def countries_load(*, records) -> int:
    """Upsert Country rows from the gazetteer's records; returns how many there are."""
    rows = [
        Country(
            alpha2=r.alpha2,
            alpha3=r.alpha3,
            name_en=r.names.get("en", r.alpha2),
            name_de=r.names.get("de", r.names.get("en", r.alpha2)),
            name_fr=r.names.get("fr", r.names.get("en", r.alpha2)),
            aliases=sorted({alias for aliases in r.aliases.values() for alias in aliases})[:500],
        )
        for r in records
    ]
    Country.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["alpha2"],
        update_fields=["alpha3", "name_en", "name_de", "name_fr", "aliases"],
    )
    return Country.objects.count()


# --- Analyst corrections -------------------------------------------------------------------
#
# Every correction is one transaction that changes the rows, then records a Correction with
# the changed fields before and after, keyed "<kind>:<pk>", so correction_undo can put any of
# them back without knowing the action. Annotation writes name the version the analyst saw and
# update with `WHERE version = v`: a second analyst saving a stale form gets AnnotationConflict.


class SpanNeedsConfirmation(ValidationError):
    """A quote span that looks wrong (too long, across paragraphs, overlapping): saved only when confirmed."""

    def __init__(self, warnings: list[str]) -> None:
        self.warnings = warnings
        super().__init__(" ".join(["Not saved yet:", *warnings, "Save anyway, or select the span again."]))


def _confirm_quote_span(article: Article, start: int, end: int, *, confirmed: bool, ignore=None) -> None:
    if not confirmed:
        warnings = quote_span_warnings(article, start, end, ignore=ignore)
        if warnings:
            raise SpanNeedsConfirmation(warnings)


class AnnotationConflict(Exception):
    """The row changed since the analyst loaded it; nothing was written."""

    def __init__(self, message: str, *, annotation: Annotation | None = None) -> None:
        super().__init__(message)
        self.annotation = annotation


_KINDS: dict[str, type[models.Model]] = {"person": Person, "mention": Mention, "quote": Quote}
_SKIPPED_FIELDS = {"created_at", "updated_at"}


def _kind_of(obj: models.Model) -> str:
    if isinstance(obj, Article):
        return "article"
    return next(kind for kind, model in _KINDS.items() if isinstance(obj, model))


def _model_of(kind: str) -> type[models.Model]:
    return Article if kind == "article" else _KINDS[kind]


def _key(obj: models.Model) -> str:
    return f"{_kind_of(obj)}:{obj.pk}"


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    # The same round trip the JSONField makes, so stored and fresh rows compare equal.
    return json.loads(json.dumps(values, cls=DjangoJSONEncoder))


def _row(obj: models.Model, fields: Iterable[str] | None = None) -> dict[str, Any]:
    if fields is None:
        # Derived columns (search keys, timestamps) are left to the database to recompute.
        fields = [
            f.attname
            for f in obj._meta.concrete_fields
            if (f.editable or f.primary_key) and f.attname not in _SKIPPED_FIELDS
        ]
    return _jsonable({name: getattr(obj, name) for name in fields})


def _record(
    *,
    user,
    article_id: int | None,
    action: str,
    target: models.Model,
    before: dict[str, Any],
    after: dict[str, Any],
    summary: str,
) -> Correction:
    return Correction.objects.create(
        article_id=article_id,
        user=user,
        action=action,
        target_type=_kind_of(target),
        target_id=target.pk,
        before=before,
        after=after,
        summary=summary[:500],
    )


def _record_row(
    *, user, article_id: int | None, action: str, target: models.Model, before: Any, after: Any, summary: str
) -> Correction:
    """`_record` for a correction that changes one row: `before`/`after` are that row's fields (or None)."""
    return _record(
        user=user,
        article_id=article_id,
        action=action,
        target=target,
        before={_key(target): before},
        after={_key(target): after},
        summary=summary,
    )


def _check_span(body: str, start: int | None, end: int | None, what: str = "span") -> None:
    if start is None or end is None or not 0 <= start < end <= len(body):
        raise ValidationError(f"The {what} must satisfy 0 ≤ start < end ≤ {len(body)}; got {start}–{end}.")


def _fresh(annotation: A, version: int) -> A:
    """The annotation as stored now; AnnotationConflict when it is no longer at `version`."""
    model = type(annotation)
    current = model.objects.select_related("article").filter(pk=annotation.pk).first()
    if current is None:
        raise AnnotationConflict(f"This {model._meta.verbose_name} was deleted meanwhile.")
    if current.version != version:
        raise AnnotationConflict(
            f"Someone changed this {model._meta.verbose_name} meanwhile (version {current.version}, "
            f"your form had {version}); here is its current state.",
            annotation=current,
        )
    return current


def _annotation_update(
    annotation: A, *, version: int, **fields: Any
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Validate and write `fields` where the row is still at `version`; the rows before and after."""
    meta = annotation._meta
    names = [*(meta.get_field(name).attname for name in fields), "version"]
    before = _row(annotation, names)
    for name, value in fields.items():
        setattr(annotation, name, value)
    if {"start", "end", "label"} & fields.keys():
        annotation.full_clean()
    else:
        # Only what changed: each check costs a query, and a status alone breaks no constraint.
        unchanged = [f.name for f in meta.concrete_fields if f.name not in fields]
        annotation.full_clean(exclude=unchanged)
    updated = (
        type(annotation)
        .objects.filter(pk=annotation.pk, version=version)
        .update(**fields, version=F("version") + 1, updated_at=timezone.now())
    )
    if not updated:
        raise AnnotationConflict("Someone changed this annotation meanwhile; here is its current state.")
    annotation.version = version + 1
    return before, _row(annotation, names)


def _annotation_edit(
    *, user, annotation: A, version: int, action: str, summary: str | Callable[[A], str], **fields: Any
) -> A:
    """Write `fields` to a fresh annotation (see `_annotation_update`) and record the edit.

    `summary` may be a function of the updated annotation, for a summary that names its new state.
    """
    before, after = _annotation_update(annotation, version=version, **fields)
    _record_row(
        user=user,
        article_id=annotation.article_id,
        action=action,
        target=annotation,
        before=before,
        after=after,
        summary=summary(annotation) if callable(summary) else summary,
    )
    return annotation


def _describe(annotation: Annotation) -> str:
    if isinstance(annotation, Mention):
        return (
            f"{annotation.get_label_display()} “{annotation.text[:80]}” [{annotation.start}–{annotation.end}]"
        )
    return f"quote “{annotation.text[:80]}” [{annotation.start}–{annotation.end}]"


def _status_set(*, user, annotation: A, version: int, status: str) -> A:
    current = _fresh(annotation, version)
    if current.status == status:
        return current  # a double click or a second tab: nothing changes, nothing to record
    action = Correction.Action.ACCEPT if status == Status.ACCEPTED else Correction.Action.REJECT
    summary = f"{action.label} {_describe(current)}"
    return _annotation_edit(
        user=user, annotation=current, version=version, action=action, summary=summary, status=status
    )


@transaction.atomic
def mention_accept(*, user, mention: Mention, version: int) -> Mention:
    """Accept a mention as it is (a machine proposal, or a rejected one reconsidered)."""
    return _status_set(user=user, annotation=mention, version=version, status=Status.ACCEPTED)


@transaction.atomic
def mention_reject(*, user, mention: Mention, version: int) -> Mention:
    """Reject a mention: it disappears from the text, and a re-run will not propose it again."""
    return _status_set(user=user, annotation=mention, version=version, status=Status.REJECTED)


@transaction.atomic
def quote_accept(*, user, quote: Quote, version: int) -> Quote:
    """Accept a quote with its speaker as they are."""
    return _status_set(user=user, annotation=quote, version=version, status=Status.ACCEPTED)


@transaction.atomic
def quote_reject(*, user, quote: Quote, version: int) -> Quote:
    """Reject a machine quote; a re-run will not propose an overlapping one again."""
    return _status_set(user=user, annotation=quote, version=version, status=Status.REJECTED)


def _person_named(text: str) -> Person | None:
    text = text.strip()
    return Person.objects.filter(Q(name__iexact=text) | Q(aliases__contains=[text])).first()


def _country_named(text: str) -> Country | None:
    text = text.strip()
    return Country.objects.filter(
        Q(name_en__iexact=text)
        | Q(name_de__iexact=text)
        | Q(name_fr__iexact=text)
        | Q(aliases__contains=[text])
    ).first()


@transaction.atomic
def mention_create(
    *,
    user,
    article: Article,
    start: int,
    end: int,
    label: str,
    person: Person | None = None,
    country: Country | None = None,
) -> Mention:
    """Add a mention the machine missed; persons and countries are linked by name when not given."""
    _check_span(article.body, start, end)
    if Mention.objects.filter(article=article, start=start, end=end, label=label).visible().exists():
        raise ValidationError("This span already carries that label.")
    text = article.body[start:end]
    if label == Mention.Label.PERSON and person is None:
        person = _person_named(text)
    if label == Mention.Label.COUNTRY and country is None:
        country = _country_named(text)
    mention = Mention(
        article=article,
        start=start,
        end=end,
        label=label,
        text=text[:500],
        origin=Origin.PERSON,
        status=Status.ACCEPTED,
        created_by=user,
        person=person if label == Mention.Label.PERSON else None,
        country=country if label == Mention.Label.COUNTRY else None,
    )
    mention.full_clean()
    mention.save()
    _record_row(
        user=user,
        article_id=article.pk,
        action=Correction.Action.CREATE,
        target=mention,
        before=None,
        after=_row(mention),
        summary=f"Added {_describe(mention)}",
    )
    return mention


def _move(*, user, annotation: A, version: int, start: int, end: int) -> A:
    current = _fresh(annotation, version)
    body = current.article.body
    _check_span(body, start, end)
    was = f"[{current.start}–{current.end}]"
    return _annotation_edit(
        user=user,
        annotation=current,
        version=version,
        action=Correction.Action.MOVE,
        summary=lambda moved: f"Moved {_describe(moved)} from {was}",
        start=start,
        end=end,
        text=body[start:end][:500] if isinstance(current, Mention) else body[start:end],
        status=Status.EDITED,
    )


@transaction.atomic
def mention_move(*, user, mention: Mention, version: int, start: int, end: int) -> Mention:
    """Move a mention's boundaries; its text follows the body."""
    return _move(user=user, annotation=mention, version=version, start=start, end=end)


@transaction.atomic
def quote_move(*, user, quote: Quote, version: int, start: int, end: int, confirmed: bool = False) -> Quote:
    """Move a quote's boundaries; its text follows the body.

    A span that looks wrong (see `quote_span_warnings`) raises `SpanNeedsConfirmation` unless `confirmed`.
    """
    _check_span(quote.article.body, start, end, "quote")
    _confirm_quote_span(quote.article, start, end, confirmed=confirmed, ignore=quote.pk)
    return _move(user=user, annotation=quote, version=version, start=start, end=end)


@transaction.atomic
def quote_direct_set(*, user, quote: Quote, version: int, direct: bool) -> Quote:
    """Switch a quote between direct (in quotation marks) and indirect (reported) speech."""
    current = _fresh(quote, version)
    if current.direct == direct:
        return current
    return _annotation_edit(
        user=user,
        annotation=current,
        version=version,
        action=Correction.Action.QUOTE_KIND,
        summary=f"Made {_describe(current)} {'direct' if direct else 'indirect'}",
        direct=direct,
        status=Status.EDITED,
    )


@transaction.atomic
def mention_relabel(*, user, mention: Mention, version: int, label: str) -> Mention:
    """Change a mention's type in place; a person or country is linked by name when one matches."""
    current = _fresh(mention, version)
    if label not in Mention.Label.values:
        raise ValidationError(f"Unknown type {label!r}.")
    if current.label == label:
        return current
    old = current.get_label_display()
    person = _person_named(current.text) if label == Mention.Label.PERSON else None
    country = _country_named(current.text) if label == Mention.Label.COUNTRY else None
    new = Mention.Label(label).label
    summary = f"Changed “{current.text[:80]}” from {old} to {new}"
    return _annotation_edit(
        user=user,
        annotation=current,
        version=version,
        action=Correction.Action.RELABEL,
        summary=summary,
        label=label,
        person=person,
        country=country,
        status=Status.EDITED,
    )


@transaction.atomic
def mention_link(
    *, user, mention: Mention, version: int, person: Person | None = None, country: Country | None = None
) -> Mention:
    """Link a mention to a person or a country; the label follows (a mislabelled span is fixed too)."""
    if (person is None) == (country is None):
        raise ValidationError("Link the mention to exactly one person or country.")
    current = _fresh(mention, version)
    label = Mention.Label.PERSON if person else Mention.Label.COUNTRY
    return _annotation_edit(
        user=user,
        annotation=current,
        version=version,
        action=Correction.Action.LINK,
        summary=f"Linked “{current.text[:80]}” to {person or country}",
        label=label,
        person=person,
        country=country,
        status=Status.EDITED,
    )


@transaction.atomic
def quote_create(
    *,
    user,
    article: Article,
    start: int,
    end: int,
    direct: bool,
    speaker: Person | None = None,
    speaker_name: str = "",
    cue: str = "",
    confirmed: bool = False,
) -> Quote:
    """Add a quote the machine missed; its speaker span is the speaker's nearest mention, if any.

    A span that looks wrong (see `quote_span_warnings`) raises `SpanNeedsConfirmation` unless `confirmed`.
    """
    _check_span(article.body, start, end, "quote")
    _confirm_quote_span(article, start, end, confirmed=confirmed)
    if Quote.objects.filter(article=article, start=start, end=end).visible().exists():
        raise ValidationError("This span is already a quote.")
    quote = Quote(
        article=article,
        start=start,
        end=end,
        text=article.body[start:end],
        direct=direct,
        cue=cue[:100],
        speaker=speaker,
        speaker_name="" if speaker else speaker_name.strip()[:300],
        origin=Origin.PERSON,
        status=Status.ACCEPTED,
        created_by=user,
    )
    quote.speaker_start, quote.speaker_end = _speaker_span(article, speaker, start)
    quote.full_clean()
    quote.save()
    _record_row(
        user=user,
        article_id=article.pk,
        action=Correction.Action.QUOTE_CREATE,
        target=quote,
        before=None,
        after=_row(quote),
        summary=f"Added {_describe(quote)} by {quote.speaker_display or 'unknown speaker'}",
    )
    return quote


@transaction.atomic
def quote_delete(*, user, quote: Quote, version: int) -> None:
    """Remove a quote: a machine quote is rejected (so a re-run keeps it out), an analyst's is deleted."""
    current = _fresh(quote, version)
    if current.origin == Origin.MACHINE:
        before, after = _annotation_update(current, version=version, status=Status.REJECTED)
    else:
        before = _row(current)
        if not Quote.objects.filter(pk=current.pk, version=version).delete()[0]:
            raise AnnotationConflict("Someone changed this quote meanwhile; here is its current state.")
        after = None
    _record_row(
        user=user,
        article_id=current.article_id,
        action=Correction.Action.QUOTE_DELETE,
        target=current,
        before=before,
        after=after,
        summary=f"Removed {_describe(current)}",
    )


def _speaker_span(article: Article, speaker: Person | None, near: int) -> tuple[int | None, int | None]:
    """The speaker's mention closest to the quote, so the page can tie the two together."""
    if speaker is None:
        return None, None
    spans = Mention.objects.filter(article=article, person=speaker).visible().values_list("start", "end")
    best = min(spans, key=lambda span: abs(span[0] - near), default=None)
    return best if best else (None, None)


@transaction.atomic
def person_create(*, name: str, kind: str = Person.Kind.PERSON) -> tuple[Person, bool]:
    """The person or organisation of that name (or alias), created and confirmed when unknown;
    (record, created)."""
    name = " ".join(name.split())
    existing = _person_named(name) if name else None
    if existing:
        return existing, False
    person = Person(name=name[:300], kind=kind, confirmed=True)
    person.full_clean()
    person.save()
    return person, True


@transaction.atomic
def quote_speaker_set(
    *,
    user,
    quote: Quote,
    version: int,
    speaker: Person | None = None,
    new_speaker_name: str = "",
    new_speaker_kind: str = Person.Kind.PERSON,
) -> Quote:
    """Change a quote's speaker to a known person, or to a new person or organisation
    (`new_speaker_kind`) created from `new_speaker_name`."""
    current = _fresh(quote, version)
    before_rows: dict[str, Any] = {}
    after_rows: dict[str, Any] = {}
    if speaker is None:
        if not new_speaker_name.strip():
            raise ValidationError("Choose a person or type the new speaker's name.")
        speaker, created = person_create(name=new_speaker_name, kind=new_speaker_kind)
        if created:
            before_rows[_key(speaker)] = None
            after_rows[_key(speaker)] = _row(speaker)
    speaker_start, speaker_end = _speaker_span(current.article, speaker, current.start)
    before, after = _annotation_update(
        current,
        version=version,
        speaker=speaker,
        speaker_name="",
        speaker_start=speaker_start,
        speaker_end=speaker_end,
        status=Status.EDITED,
    )
    before_rows[_key(current)] = before
    after_rows[_key(current)] = after
    _record(
        user=user,
        article_id=current.article_id,
        action=Correction.Action.SPEAKER_SET,
        target=current,
        before=before_rows,
        after=after_rows,
        summary=f"Speaker of {_describe(current)} set to {speaker.name}",
    )
    return current


@transaction.atomic
def person_merge(*, user, source: Person, target: Person, article: Article | None = None) -> Person:
    """Merge `source` into `target`: its names become aliases, its mentions and quotes move, it goes."""
    if source.pk == target.pk:
        raise ValidationError("Choose two different persons to merge.")
    source = Person.objects.select_for_update().get(pk=source.pk)
    target = Person.objects.select_for_update().get(pk=target.pk)
    before: dict[str, Any] = {
        _key(source): _row(source),
        _key(target): _row(target, ["aliases", "confirmed"]),
    }
    after: dict[str, Any] = {_key(source): None}
    mentions = list(Mention.objects.select_for_update().filter(person=source))
    quotes = list(Quote.objects.select_for_update().filter(speaker=source))
    for mention in mentions:
        before[_key(mention)] = _row(mention, ["person_id", "version"])
        after[_key(mention)] = {"person_id": target.pk, "version": mention.version + 1}
    for quote in quotes:
        before[_key(quote)] = _row(quote, ["speaker_id", "version"])
        after[_key(quote)] = {"speaker_id": target.pk, "version": quote.version + 1}
    now = timezone.now()
    Mention.objects.filter(pk__in=[m.pk for m in mentions]).update(
        person=target, version=F("version") + 1, updated_at=now
    )
    Quote.objects.filter(pk__in=[q.pk for q in quotes]).update(
        speaker=target, version=F("version") + 1, updated_at=now
    )
    names = [n for n in dict.fromkeys([*target.aliases, *source.all_names()]) if n != target.name]
    target.aliases = names
    target.confirmed = True
    target.full_clean()
    source.delete()
    target.save(update_fields=["aliases", "confirmed"])
    after[_key(target)] = _row(target, ["aliases", "confirmed"])
    _record(
        user=user,
        article_id=article.pk if article else None,
        action=Correction.Action.PERSON_MERGE,
        target=target,
        before=before,
        after=after,
        summary=f"Merged {source.name} into {target.name} ({len(mentions)} mentions, {len(quotes)} quotes)",
    )
    return target


ACCEPT_ALL_KINDS = ("PERSON", "COUNTRY", "ORG", "LOC", "QUOTE")


@transaction.atomic
def annotations_accept_all(*, user, article: Article, kind: str) -> int:
    """Accept every remaining machine proposal of one kind (a mention label, or QUOTE); how many."""
    if kind not in ACCEPT_ALL_KINDS:
        raise ValidationError(f"Unknown kind {kind!r}.")
    model = Quote if kind == "QUOTE" else Mention
    proposals = model.objects.filter(article=article, status=Status.PROPOSED)
    if model is Mention:
        proposals = proposals.filter(label=kind)
    rows = list(proposals.select_for_update().values_list("pk", "version"))
    if not rows:
        return 0
    model.objects.filter(pk__in=[pk for pk, _ in rows]).update(
        status=Status.ACCEPTED, version=F("version") + 1, updated_at=timezone.now()
    )
    prefix = "quote" if model is Quote else "mention"
    _record(
        user=user,
        article_id=article.pk,
        action=Correction.Action.ACCEPT_ALL,
        target=article,
        before={f"{prefix}:{pk}": {"status": Status.PROPOSED, "version": v} for pk, v in rows},
        after={f"{prefix}:{pk}": {"status": Status.ACCEPTED, "version": v + 1} for pk, v in rows},
        summary=f"Accepted all {len(rows)} proposed {kind.lower()}{'s' if kind != 'QUOTE' else 's'}",
    )
    return len(rows)


_REVIEW_FIELDS = ["review_state", "reviewed_by_id", "reviewed_at"]


class ReviewIncomplete(ValidationError):
    """Marking reviewed refused: machine proposals nobody has accepted, edited or rejected yet."""

    def __init__(self, open_items: dict[str, int]) -> None:
        self.open_items = open_items
        listed = ", ".join(open_items_listed(open_items))
        super().__init__(f"Not marked reviewed: {listed} still proposed by the machine, not yet seen.")


@transaction.atomic
def article_review_set(*, user, article: Article, reviewed: bool, accept_open: bool = False) -> Article:
    """Mark the article reviewed (or not) by this analyst, recorded in its history.

    Reviewed articles are training data: "reviewed" means an analyst decided on every item.
    With proposals still open it raises `ReviewIncomplete`, unless `accept_open` says to
    accept them all first (each kind recorded as its own "accept all" correction).
    """
    from articles.services import article_mark_reviewed  # articles.services imports this module's tasks

    current = Article.objects.select_for_update().get(pk=article.pk)
    if reviewed:
        open_items = article_open_items(current)
        if open_items and not accept_open:
            raise ReviewIncomplete(open_items)
        for kind in open_items:
            annotations_accept_all(user=user, article=current, kind=kind)
    before = _row(current, _REVIEW_FIELDS)
    article_mark_reviewed(article=current, user=user, reviewed=reviewed)
    current.refresh_from_db(fields=_REVIEW_FIELDS)
    _record_row(
        user=user,
        article_id=current.pk,
        action=Correction.Action.REVIEW,
        target=current,
        before=before,
        after=_row(current, _REVIEW_FIELDS),
        summary="Marked reviewed" if reviewed else "Marked not reviewed",
    )
    return current


_METADATA_FIELDS = ["title", "language", "source_id", "published", "published_inferred", "url"]


def article_metadata_snapshot(article: Article) -> dict[str, Any]:
    """What the details form shows of an article; its signed copy detects lost updates."""
    return _row(article, _METADATA_FIELDS)


@transaction.atomic
def article_metadata_set(*, user, article: Article, seen: dict | None = None, **values: Any) -> Article:
    """Correct the article's title, language, source, publication date or URL, recorded in its history.

    `values` holds any of the fields of `_METADATA_FIELDS` (source as `source`); a date the
    analyst sets is no longer an inferred one. The body never changes: annotations refer to it.
    EditConflict when the stored fields differ from `seen` (the `article_metadata_snapshot`
    the analyst's form was rendered with): someone else saved in between.
    """
    current = Article.objects.select_for_update().get(pk=article.pk)
    before = _row(current, _METADATA_FIELDS)
    conflict_check(seen=seen, current=before)
    if "source" in values:
        current.source = values.pop("source")
        if current.source is not None:
            current.source_hint = ""
    if "published" in values and values["published"] != current.published:
        current.published_inferred = False
    for name, value in values.items():
        if name not in _METADATA_FIELDS:
            raise ValidationError(f"{name} cannot be corrected here.")
        setattr(current, name, value)
    current.full_clean(
        exclude=["uploaded_by", "reviewed_by"], validate_unique=False, validate_constraints=False
    )
    after = _row(current, _METADATA_FIELDS)
    if after == before:
        return current
    current.save(update_fields=[*(f.removesuffix("_id") for f in _METADATA_FIELDS), "source_hint"])
    changed = ", ".join(name.removesuffix("_id") for name in _METADATA_FIELDS if before[name] != after[name])
    _record_row(
        user=user,
        article_id=current.pk,
        action=Correction.Action.METADATA,
        target=current,
        before=before,
        after=after,
        summary=f"Changed {changed}",
    )
    return current


def _restored(model: type[models.Model], values: dict[str, Any]) -> dict[str, Any]:
    return {name: model._meta.get_field(name).to_python(value) for name, value in values.items()}


def _unchanged_since(current: models.Model, after: dict[str, Any]) -> bool:
    # The version is left out: undoing a later correction bumps it but restores the fields.
    fields = [name for name in after if name != "version"]
    return _row(current, fields) == {name: after[name] for name in fields}


_RESTORE_ORDER = {"person": 0, "article": 1, "mention": 2, "quote": 3}


@transaction.atomic
def correction_undo(*, user, correction: Correction) -> Correction:
    """Put back the rows as they were before `correction`.

    Refused (AnnotationConflict) when any of them changed since: undo the later corrections first.
    Rows the correction created are deleted, rows it deleted come back with their old ids.
    """
    correction = Correction.objects.select_for_update().get(pk=correction.pk)
    if correction.undone:
        raise ValidationError("This correction was already undone.")
    keys = sorted(correction.before, key=lambda k: (_RESTORE_ORDER[k.split(":")[0]], k))

    def conflict(key: str) -> AnnotationConflict:
        return AnnotationConflict(
            f"Cannot undo: {key.replace(':', ' ')} changed since this correction; undo the later ones first."
        )

    for key in keys:  # recreate what the correction deleted, persons first
        before, after = correction.before[key], correction.after.get(key)
        if after is None and before is not None:
            kind, pk = key.split(":")
            model = _model_of(kind)
            if model.objects.filter(pk=pk).exists():
                raise conflict(key)
            values = _restored(model, before)
            if "version" in values:
                values["version"] += 1
            model(**values).save(force_insert=True)
    for key in keys:  # put changed fields back where nobody changed them since
        before, after = correction.before[key], correction.after.get(key)
        if before is None or after is None:
            continue
        kind, pk = key.split(":")
        model = _model_of(kind)
        current = model.objects.select_for_update().filter(pk=pk).first()
        if current is None or not _unchanged_since(current, after):
            raise conflict(key)
        values = _restored(model, {k: v for k, v in before.items() if k != "version"})
        if "version" in after:
            values["version"] = F("version") + 1
            values["updated_at"] = timezone.now()
        model.objects.filter(pk=pk).update(**values)
    for key in reversed(keys):  # delete what the correction created, annotations before persons
        before, after = correction.before[key], correction.after.get(key)
        if before is not None or after is None:
            continue
        kind, pk = key.split(":")
        model = _model_of(kind)
        current = model.objects.select_for_update().filter(pk=pk).first()
        if current is None:
            continue
        if not _unchanged_since(current, after):
            raise conflict(key)
        current.delete()
    Correction.objects.filter(pk=correction.pk).update(undone=True, undone_by=user, undone_at=timezone.now())
    correction.refresh_from_db()
    return correction


# ---- learned extractor versions (issue 18) -------------------------------------------


@transaction.atomic
def extractor_register(*, language: str, version: str, path: str, meta: dict[str, Any]) -> ExtractorVersion:
    """Record a trained model; it is adopted only when its held-out attributed F1 beats
    the extractor in use when it was trained (that one scored on the same slice)."""
    extractor = ExtractorVersion(
        language=language,
        version=version,
        path=path,
        articles=int(meta.get("articles", 0)),
        held_out_articles=int(meta.get("held_out_articles", 0)),
        held_out=meta.get("held_out", {}),
        rules_held_out=meta.get("rules_held_out", {}),
        current_held_out=meta.get("current_held_out") or meta.get("rules_held_out", {}),
        learning_curve=meta.get("learning_curve", []),
        cross_validation=meta.get("cross_validation", {}),
    )
    extractor.full_clean()
    extractor.save()
    mine = extractor.held_out.get("attributed_f1")
    current = extractor.current_held_out.get("attributed_f1")
    if mine is not None and (current is None or mine > current):
        _adopt(extractor, user=None)
    return extractor


def _adopt(extractor: ExtractorVersion, *, user) -> ExtractorVersion:
    ExtractorVersion.objects.select_for_update().filter(language=extractor.language, adopted=True).exclude(
        pk=extractor.pk
    ).update(adopted=False)
    extractor.adopted = True
    extractor.adopted_at = timezone.now()
    extractor.adopted_by = user
    extractor.retired_at = None
    extractor.save(update_fields=["adopted", "adopted_at", "adopted_by", "retired_at"])
    return extractor


@transaction.atomic
def extractor_adopt(*, user, extractor: ExtractorVersion) -> ExtractorVersion:
    """An admin makes this version the workers' extractor for its language."""
    return _adopt(extractor, user=user)


@transaction.atomic
def extractor_rollback(*, user, language: str) -> ExtractorVersion | None:
    """Back to the version adopted before the current one, or to the rules alone.

    Returns the version now adopted (None: the rules)."""
    current = ExtractorVersion.objects.select_for_update().filter(language=language, adopted=True).first()
    if current is None:
        return None
    current.adopted = False
    current.retired_at = timezone.now()
    current.save(update_fields=["adopted", "retired_at"])
    previous = (
        ExtractorVersion.objects.filter(language=language, adopted_at__isnull=False, retired_at__isnull=True)
        .exclude(pk=current.pk)
        .order_by("-adopted_at")
        .first()
    )
    if previous is None:
        return None
    previous.adopted = True
    previous.save(update_fields=["adopted"])
    return previous

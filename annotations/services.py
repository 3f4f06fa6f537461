"""Writes for annotations: claiming an article for extraction and applying a machine run."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from annotations.models import Country, ExtractionRun, Mention, Origin, Person, Quote, Status
from annotations.nlp import ExtractionResult, KnownPerson
from articles.models import Article


def extraction_claim(*, article_id: int, task_id: str) -> Article | None:
    """Take the article for this task, or None when there is nothing to do.

    A conditional UPDATE makes the claim atomic: a queued article is taken; one that is
    processing is taken only by a redelivery of the same task (its worker died) or once
    its claim is stale. Done and failed articles are left alone.
    """
    stale = timezone.now() - timedelta(seconds=settings.EXTRACTION_STALE_SECONDS)
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


def known_persons() -> list[KnownPerson]:
    """Persons an analyst confirmed, so the pipeline finds them next time."""
    return [
        KnownPerson(name=p.name, aliases=tuple(p.aliases))
        for p in Person.objects.filter(confirmed=True).only("name", "aliases")
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


def _persons_by_name(names: set[str]) -> dict[str, Person]:
    """Person rows for the machine's person names, created when unknown (aliases match too)."""
    if not names:
        return {}
    found: dict[str, Person] = {}
    for person in Person.objects.filter(Q(name__in=names) | Q(aliases__overlap=list(names))):
        for name in person.all_names():
            if name in names:
                found.setdefault(name, person)
    missing = names - found.keys()
    if missing:
        Person.objects.bulk_create([Person(name=n[:300]) for n in sorted(missing)], ignore_conflicts=True)
        for person in Person.objects.filter(name__in=missing):
            found[person.name] = person
    return found


@transaction.atomic
def extraction_apply(*, article_id: int, task_id: str, result: ExtractionResult) -> ExtractionRun | None:
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
    kept_mentions = list(Mention.objects.filter(article=article).values_list("start", "end", "label"))
    kept_quotes = list(Quote.objects.filter(article=article).values_list("start", "end"))

    run = ExtractionRun.objects.create(
        article=article,
        pipeline=result.pipeline,
        version=result.version,
        status=ExtractionRun.RunStatus.RUNNING,
    )
    countries = {c.alpha2: c for c in Country.objects.all()}
    persons = _persons_by_name(
        {m.key or m.text for m in result.mentions if m.label == "PERSON"}
        | {q.speaker for q in result.quotes if q.speaker and q.speaker_label == "PERSON"}
    )
    mentions = []
    for span in result.mentions:
        if not 0 <= span.start < span.end <= body_length:
            continue
        if any(label == span.label and s < span.end and span.start < e for s, e, label in kept_mentions):
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
        speaker = persons.get(quote.speaker) if quote.speaker and quote.speaker_label == "PERSON" else None
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

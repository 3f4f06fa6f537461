"""Reads for archive-wide person management: the persons list, merge suggestions and previews."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection
from django.db.models import Q, QuerySet

from annotations.models import Correction, Mention, Person, PersonDistinction, Quote
from annotations.names import identity_score
from annotations.search.persons import (
    _CAPPED_QUOTE_COUNTS,
    QUOTE_COUNT_CAP,
    person_keys_fill_missing,
    person_search,
)

SUGGESTION_LIMIT = 50
# Keys shared by more records than this are common names ("kim"): too many pairs to show.
SUGGESTION_GROUP_MAX = 12


def persons_list_queryset(query: str = "", kind: str = "") -> QuerySet[Person]:
    """Records for the persons page, by name; `query` matches any spelling (folded keys or trigram)."""
    persons = Person.objects.defer("search_keys", "search_text").order_by("name", "pk")
    if kind:
        persons = persons.filter(kind=kind)
    if query.strip():
        ids = [m.person.pk for m in person_search(query, limit=50, with_counts=False)]
        persons = persons.filter(pk__in=ids)
    return persons


def quote_counts(person_ids: list[int]) -> dict[int, int]:
    """Visible quotes per record, each counted up to QUOTE_COUNT_CAP + 1 (one query)."""
    if not person_ids:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(_CAPPED_QUOTE_COUNTS, [QUOTE_COUNT_CAP + 1, list(person_ids)])
        return dict(cursor.fetchall())


@dataclass(frozen=True, slots=True)
class Footprint:
    """What a record holds: what a merge moves or a split takes."""

    quotes: int
    mentions: int
    articles: int


def footprint(person: Person) -> Footprint:
    quotes = Quote.objects.visible().filter(speaker=person)
    mentions = Mention.objects.visible().filter(person=person)
    articles = set(quotes.values_list("article_id", flat=True)) | set(
        mentions.values_list("article_id", flat=True)
    )
    return Footprint(quotes=quotes.count(), mentions=mentions.count(), articles=len(articles))


@dataclass(frozen=True, slots=True)
class MergePreview:
    source: Person
    target: Person
    source_footprint: Footprint
    target_footprint: Footprint
    shared_articles: int
    aliases_after: list[str]


def merge_preview(source: Person, target: Person) -> MergePreview:
    """What merging `source` into `target` moves, for the confirmation page."""

    def articles(person: Person) -> set[int]:
        return set(Quote.objects.visible().filter(speaker=person).values_list("article_id", flat=True)) | set(
            Mention.objects.visible().filter(person=person).values_list("article_id", flat=True)
        )

    aliases = [n for n in dict.fromkeys([*target.aliases, *source.all_names()]) if n != target.name]
    return MergePreview(
        source=source,
        target=target,
        source_footprint=footprint(source),
        target_footprint=footprint(target),
        shared_articles=len(articles(source) & articles(target)),
        aliases_after=aliases,
    )


@dataclass(frozen=True, slots=True)
class Suggestion:
    first: Person
    second: Person
    key: str
    score: float
    first_quotes: int
    second_quotes: int


# Records grouped by each folded key they share; a key shared by too many is left out.
_SHARED_KEYS = """
SELECT key, array_agg(id ORDER BY id) FROM (
  SELECT id, unnest(search_keys) AS key FROM annotations_person WHERE search_keys IS NOT NULL
) k GROUP BY key HAVING count(*) BETWEEN 2 AND %s ORDER BY key LIMIT %s
"""


def merge_suggestions(*, limit: int = SUGGESTION_LIMIT) -> list[Suggestion]:
    """Pairs of records that fold to a shared key and whose spellings fit one person.

    Pairs whose first names disagree (namesakes, score 0.5) and pairs an analyst kept
    apart are left out. Best first: same full name before a bare surname.
    """
    person_keys_fill_missing()
    with connection.cursor() as cursor:
        cursor.execute(_SHARED_KEYS, [SUGGESTION_GROUP_MAX, limit * 4])
        groups = cursor.fetchall()
    ids = {pk for _, members in groups for pk in members}
    persons = Person.objects.defer("search_keys", "search_text").in_bulk(ids)
    apart = set(PersonDistinction.objects.filter(low_id__in=ids).values_list("low_id", "high_id"))
    seen: set[tuple[int, int]] = set()
    found: list[tuple[float, str, int, int]] = []
    for key, members in groups:
        for i, low in enumerate(members):
            for high in members[i + 1 :]:
                if (low, high) in seen or (low, high) in apart:
                    continue
                seen.add((low, high))
                a, b = persons[low], persons[high]
                if a.kind != b.kind:
                    continue
                score = min(
                    max(identity_score(name, b.all_names()) for name in a.all_names()),
                    max(identity_score(name, a.all_names()) for name in b.all_names()),
                )
                if score >= 0.9:
                    found.append((score, key, low, high))
    found.sort(key=lambda row: (-row[0], row[1], row[2], row[3]))
    found = found[:limit]
    counts = quote_counts(sorted({pk for _, _, low, high in found for pk in (low, high)}))
    return [
        Suggestion(persons[low], persons[high], key, score, counts.get(low, 0), counts.get(high, 0))
        for score, key, low, high in found
    ]


def merge_candidates(person: Person, query: str = "", *, limit: int = 20) -> list[Person]:
    """Records `person` could be merged into: those sharing a folded key, or matching `query`."""
    person_keys_fill_missing()
    if query.strip():
        ids = [m.person.pk for m in person_search(query, limit=limit, with_counts=False)]
        rows = Person.objects.filter(pk__in=ids)
    else:
        keys = Person.objects.filter(pk=person.pk).values_list("search_keys", flat=True).first() or []
        rows = Person.objects.filter(search_keys__overlap=keys)
    return list(rows.exclude(pk=person.pk).defer("search_keys", "search_text").order_by("name")[:limit])


def person_history(*, person_id: int | None = None, limit: int = 100) -> QuerySet[Correction]:
    """Merges, splits and keep-aparts made on the persons pages (or on one record), newest first."""
    actions = [
        Correction.Action.PERSON_MERGE,
        Correction.Action.PERSON_SPLIT,
        Correction.Action.PERSON_APART,
        Correction.Action.PERSON_EDIT,
    ]
    rows = Correction.objects.filter(action__in=actions).select_related("user", "undone_by")
    if person_id is not None:
        rows = rows.filter(Q(target_id=person_id) | Q(before__has_key=f"person:{person_id}"))
    return rows.order_by("-created_at", "-pk")[:limit]

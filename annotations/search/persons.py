"""Finding persons whatever the spelling, and keeping their search keys fresh.

Writes (`person_keys_refresh`, `person_keys_fill_missing`) keep `Person.search_keys` and
`search_text` in step with names and aliases; reads (`person_search`, `person_resolve`) match
a typed name: exact folded keys first, trigram similarity on the folded keys for typos.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.postgres.search import TrigramWordSimilarity
from django.db import connection, transaction

from annotations.models import Person
from annotations.names import name_fold, name_keys, name_match_score

# A score at or above this says "the same person, spelt otherwise" (see name_match_score):
# all such persons are searched together, since extraction creates one row per spelling.
SAME_PERSON = 0.9
# Trigram-only matches (typos) rank below surname matches of namesakes.
TRIGRAM_WEIGHT = 0.8
# Candidates' quote counts stop here ("1000+"): they order namesakes and show who is who,
# and an exact count of a much-quoted person's quotes costs as much as reading them all.
QUOTE_COUNT_CAP = 1000

# Each candidate's visible quotes, counted up to a cap: at most cap + 1 index entries each
# (the quote_visible_speaker index, whose condition the NOT (...) form matches).
_CAPPED_QUOTE_COUNTS = """
SELECT p.id, (
  SELECT count(*) FROM (
    SELECT 1 FROM annotations_quote q
    WHERE q.speaker_id = p.id AND NOT (q.status = 'rejected') LIMIT %s
  ) capped
)
FROM unnest(%s::bigint[]) AS p(id)
"""


def _keyed(person: Person) -> Person:
    if person.kind == Person.Kind.ORGANISATION:
        # An institution has no surname: "… in Berlin" must not answer a search for "Berlin".
        person.search_keys = list(dict.fromkeys(k for k in map(name_fold, person.all_names()) if k))
    else:
        person.search_keys = name_keys(person.name, *person.aliases)
    person.search_text = " ".join(person.search_keys)
    return person


@transaction.atomic
def person_keys_refresh(*, person_ids: Iterable[int] | None = None, batch_size: int = 2000) -> int:
    """Recompute the search keys of the given persons (all persons when None); returns the count.

    Call it after creating or renaming persons; `person_keys_fill_missing` catches any
    that were missed, since new rows and renamed rows (trigger) have NULL keys.
    """
    persons = Person.objects.only("name", "aliases", "kind").order_by("pk")
    if person_ids is not None:
        persons = persons.filter(pk__in=list(person_ids))
    done = 0
    batch: list[Person] = []
    for person in persons.iterator(chunk_size=batch_size):
        batch.append(_keyed(person))
        if len(batch) >= batch_size:
            done += Person.objects.bulk_update(batch, ["search_keys", "search_text"])
            batch = []
    done += Person.objects.bulk_update(batch, ["search_keys", "search_text"])
    return done


def person_keys_fill_missing(*, limit: int = 5000) -> int:
    """Fill keys that are NULL (new or renamed persons); one indexed query when none are missing."""
    missing = list(Person.objects.filter(search_keys__isnull=True).values_list("pk", flat=True)[:limit])
    if not missing:
        return 0
    return person_keys_refresh(person_ids=missing)


@dataclass(slots=True)
class PersonMatch:
    person: Person
    score: float
    quote_count: int = 0  # at most QUOTE_COUNT_CAP
    quote_count_capped: bool = False  # there are more


@dataclass(slots=True)
class PersonResolution:
    """What a typed name resolved to: the persons searched, and other candidates to offer."""

    query: str
    selected: list[PersonMatch] = field(default_factory=list)
    others: list[PersonMatch] = field(default_factory=list)

    @property
    def person_ids(self) -> list[int]:
        return [m.person.pk for m in self.selected]

    @property
    def best(self) -> PersonMatch | None:
        return self.selected[0] if self.selected else None


def person_search(query: str, *, limit: int = 10, with_counts: bool = True) -> list[PersonMatch]:
    """Persons whose names match `query`, best first. Two queries (three with counts)."""
    folded = name_fold(query)
    keys = name_keys(query)
    if not folded:
        return []
    person_keys_fill_missing()
    persons = Person.objects.annotate(similarity=TrigramWordSimilarity(folded, "search_text")).only(
        "name", "kind", "aliases", "description", "wikidata_id", "confirmed"
    )
    # Exact keys first (GIN on the array); trigram similarity only when they find nobody:
    # as two separate queries each uses its own index, where an OR of both would not.
    rows = list(persons.filter(search_keys__overlap=keys).order_by("-similarity", "name")[: limit * 5])
    if not rows:
        rows = list(
            persons.filter(search_text__trigram_word_similar=folded).order_by("-similarity", "name")[
                : limit * 5
            ]
        )
    matches = []
    for person in rows:
        score = max(name_match_score(query, name) for name in person.all_names())
        matches.append(PersonMatch(person, score or round(person.similarity * TRIGRAM_WEIGHT, 3)))
    if with_counts and matches:
        with connection.cursor() as cursor:
            cursor.execute(_CAPPED_QUOTE_COUNTS, [QUOTE_COUNT_CAP + 1, [m.person.pk for m in matches]])
            counts = dict(cursor.fetchall())
        for match in matches:
            counted = counts.get(match.person.pk, 0)
            match.quote_count = min(counted, QUOTE_COUNT_CAP)
            match.quote_count_capped = counted > QUOTE_COUNT_CAP
    matches.sort(key=lambda m: (-m.score, -m.quote_count, m.person.name))
    return matches[:limit]


def person_resolve(query: str, *, speaker_id: int | None = None) -> PersonResolution:
    """The persons a quote search by `query` covers.

    Every person that is the same name spelt otherwise (score >= SAME_PERSON) is searched,
    because extraction creates a row per spelling; failing that, the single best candidate.
    `speaker_id` (a candidate the user picked) overrides the choice.
    """
    resolution = PersonResolution(query=query)
    matches = person_search(query) if query.strip() else []
    if speaker_id is not None:
        picked = [m for m in matches if m.person.pk == speaker_id]
        if not picked:
            person = Person.objects.filter(pk=speaker_id).first()
            picked = [PersonMatch(person, 1.0)] if person else []
        resolution.selected = picked
    elif matches and matches[0].score >= SAME_PERSON:
        resolution.selected = [m for m in matches if m.score >= SAME_PERSON]
    else:
        resolution.selected = matches[:1]
    chosen = set(resolution.person_ids)
    resolution.others = [m for m in matches if m.person.pk not in chosen]
    return resolution

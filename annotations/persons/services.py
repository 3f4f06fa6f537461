"""Writes for archive-wide person management: split a spelling out, keep two records apart.

Merging is `services.person_merge` (recorded and undone like every correction); these
record in the same history (Correction, no article), so `services.correction_undo` undoes
them too.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from annotations.models import Correction, Mention, Person, PersonDistinction, Quote
from annotations.names import name_key
from annotations.search.persons import person_keys_refresh
from annotations.services import _key, _record, _row


def _distinction_add(*, user, first: Person, second: Person) -> None:
    low, high = sorted([first.pk, second.pk])
    PersonDistinction.objects.get_or_create(low_id=low, high_id=high, defaults={"created_by": user})


def _belongs_to_spelling(text: str, alias: str) -> bool:
    """A mention written as the alias, or as its surname alone (in an article that has the alias)."""
    if text.casefold() == alias.casefold():
        return True
    key, own = name_key(alias), name_key(text)
    return bool(key and own and not own.given and own.surname == key.surname)


@transaction.atomic
def person_split(*, user, person: Person, alias: str, kind: str = Person.Kind.PERSON) -> Person:
    """Move the spelling `alias` of `person` out into a record of its own, with what it names.

    The mentions written that way move; in the articles where they stand, the bare-surname
    mentions and the quotes of the person move too, when the person is named there only by
    that spelling. The two records are kept apart from then on (no suggestion merges them).
    """
    person = Person.objects.select_for_update().get(pk=person.pk)
    if alias not in person.aliases:
        raise ValidationError(f"“{alias}” is not an alias of {person.name}.")
    if Person.objects.filter(name=alias).exists():
        raise ValidationError(f"A record named “{alias}” exists already: merge or rename instead.")
    mentions = list(
        Mention.objects.select_for_update().filter(person=person).only("text", "article", "version")
    )
    exact_articles = {m.article_id for m in mentions if m.text.casefold() == alias.casefold()}
    moving = [m for m in mentions if m.article_id in exact_articles and _belongs_to_spelling(m.text, alias)]
    staying_articles = {m.article_id for m in mentions if m not in moving}
    quotes = list(
        Quote.objects.select_for_update()
        .filter(speaker=person, article_id__in=exact_articles - staying_articles)
        .only("version", "speaker")
    )
    before: dict[str, Any] = {_key(person): _row(person, ["aliases"])}
    person.aliases = [a for a in person.aliases if a != alias]
    person.save(update_fields=["aliases"])
    new = Person(name=alias, kind=kind, confirmed=True, description="")
    new.full_clean()
    new.save()
    after: dict[str, Any] = {_key(person): _row(person, ["aliases"]), _key(new): _row(new)}
    before[_key(new)] = None
    now = timezone.now()
    for mention in moving:
        before[_key(mention)] = _row(mention, ["person_id", "version"])
        after[_key(mention)] = {"person_id": new.pk, "version": mention.version + 1}
    for quote in quotes:
        before[_key(quote)] = _row(quote, ["speaker_id", "version"])
        after[_key(quote)] = {"speaker_id": new.pk, "version": quote.version + 1}
    Mention.objects.filter(pk__in=[m.pk for m in moving]).update(
        person=new, version=F("version") + 1, updated_at=now
    )
    Quote.objects.filter(pk__in=[q.pk for q in quotes]).update(
        speaker=new, version=F("version") + 1, updated_at=now
    )
    _distinction_add(user=user, first=person, second=new)
    person_keys_refresh(person_ids=[person.pk, new.pk])
    _record(
        user=user,
        article_id=None,
        action=Correction.Action.PERSON_SPLIT,
        target=new,
        before=before,
        after=after,
        summary=(
            f"Split “{alias}” out of {person.name} ({len(moving)} mentions, {len(quotes)} quotes, "
            f"{len(exact_articles - staying_articles)} articles)"
        ),
    )
    return new


@transaction.atomic
def persons_keep_apart(*, user, first: Person, second: Person) -> None:
    """Record that two records are different people: their merge suggestion goes away."""
    if first.pk == second.pk:
        raise ValidationError("Choose two different records.")
    _distinction_add(user=user, first=first, second=second)
    _record(
        user=user,
        article_id=None,
        action=Correction.Action.PERSON_APART,
        target=first,
        before={},
        after={},
        summary=f"Kept {first.name} and {second.name} apart",
    )


_EDIT_FIELDS = ["kind", "description", "wikidata_id"]


@transaction.atomic
def person_edit(*, user, person: Person, **values: Any) -> Person:
    """Set a record's kind, role line or Wikidata QID (any of _EDIT_FIELDS), recorded in the history."""
    current = Person.objects.select_for_update().get(pk=person.pk)
    before = _row(current, _EDIT_FIELDS)
    for name, value in values.items():
        if name not in _EDIT_FIELDS:
            raise ValidationError(f"{name} cannot be edited here.")
        setattr(current, name, value)
    current.full_clean(validate_unique=False, validate_constraints=False)
    after = _row(current, _EDIT_FIELDS)
    if after == before:
        return current
    current.save(update_fields=_EDIT_FIELDS)
    changed = ", ".join(name for name in _EDIT_FIELDS if before[name] != after[name])
    _record(
        user=user,
        article_id=None,
        action=Correction.Action.PERSON_EDIT,
        target=current,
        before={_key(current): before},
        after={_key(current): after},
        summary=f"Changed {changed} of {current.name}",
    )
    return current

"""Finding a person whatever the spelling; keys kept fresh by trigger, command and lazy fill."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from annotations.models import Person
from annotations.search.persons import person_keys_fill_missing, person_resolve, person_search

SPELLINGS = ["Peskov", "Peskow", "peskow", "Песков", "Dmitry Peskov", "D. Peskow"]


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_every_spelling_resolves_to_both_peskov_rows(archive, spelling):
    resolution = person_resolve(spelling)
    assert set(resolution.person_ids) == {archive.peskow.pk, archive.peskov_short.pk}
    assert archive.lawrow.pk not in resolution.person_ids


def test_full_name_ranks_the_full_person_first(archive):
    matches = person_search("Dmitry Peskov")
    assert matches[0].person == archive.peskow
    assert matches[0].score == 1.0


def test_typo_falls_back_to_trigram_and_offers_candidates(archive):
    resolution = person_resolve("Peskof")
    assert resolution.best is not None
    assert resolution.best.person in (archive.peskow, archive.peskov_short)
    assert resolution.best.score < 0.9
    assert resolution.others, "the other spelling is offered as a candidate"


def test_picked_candidate_overrides_the_choice(archive):
    resolution = person_resolve("Peskov", speaker_id=archive.peskov_short.pk)
    assert resolution.person_ids == [archive.peskov_short.pk]
    assert archive.peskow.pk in [m.person.pk for m in resolution.others]


def test_unknown_name_selects_nobody(archive):
    assert person_resolve("Xyzzy Qwertz").person_ids == []


def test_renaming_nulls_keys_and_search_fills_them(archive):
    Person.objects.filter(pk=archive.lawrow.pk).update(aliases=["Sergey Lavrov", "Лавров"])
    assert Person.objects.get(pk=archive.lawrow.pk).search_keys is None
    assert person_resolve("Lavrov").person_ids == [archive.lawrow.pk]
    assert Person.objects.get(pk=archive.lawrow.pk).search_keys == ["sergei lavrov", "lavrov"]


def test_new_persons_have_no_keys_until_filled(db):
    Person.objects.bulk_create([Person(name="Maria Sacharowa")])
    assert person_keys_fill_missing() == 1
    assert person_keys_fill_missing() == 0
    assert Person.objects.get(name="Maria Sacharowa").search_keys == ["marya saharova", "saharova"]


def test_refresh_command_recomputes_all_keys(archive):
    Person.objects.update(search_keys=None, search_text=None)
    call_command("refresh_person_keys", verbosity=0)
    assert not Person.objects.filter(search_keys__isnull=True).exists()

"""One identity everywhere: article filters, API and exports find the same things for every spelling."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from annotations.models import Person
from annotations.search.persons import person_keys_refresh

SPELLINGS = ["Peskov", "Peskow", "Песков", "Dmitry Peskov", "Dmitri Peskow"]


@pytest.fixture
def identity(archive):
    """The archive with its two Peskov rows made one record, as extraction now keeps them."""
    archive.q_en.speaker = archive.peskow
    archive.q_en.save(update_fields=["speaker"])
    archive.peskov_short.delete()
    Person.objects.filter(pk=archive.peskow.pk).update(
        aliases=["Dmitry Peskov", "Peskov"], wikidata_id="Q4157033"
    )
    person_keys_refresh()
    return archive


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_api_finds_one_identity_for_every_spelling(client_as, viewer, identity, spelling):
    client = client_as(viewer)
    persons = client.get("/api/persons/", {"q": spelling}).json()
    assert persons[0]["id"] == identity.peskow.pk
    assert persons[0]["quote_count"] == 2
    assert persons[0]["wikidata_id"] == "Q4157033"
    assert persons[0]["kind"] == "person"
    assert "Dmitry Peskov" in persons[0]["aliases"]
    quotes = client.get("/api/quotes/", {"person": spelling}).json()
    assert {q["id"] for q in quotes["results"]} == {identity.q_de.pk, identity.q_en.pk}
    assert {q["speaker_wikidata_id"] for q in quotes["results"]} == {"Q4157033"}
    articles = client.get("/api/articles/", {"person": spelling}).json()
    assert {a["id"] for a in articles["results"]} == {identity.de.pk, identity.en.pk}


def test_api_article_person_filter_leaves_other_people_out(client_as, viewer, identity):
    articles = client_as(viewer).get("/api/articles/", {"person": "Лавров"}).json()
    assert [a["id"] for a in articles["results"]] == [identity.de.pk]


@pytest.mark.parametrize("spelling", ["Песков", "Peskow"])
def test_article_list_person_filter_uses_the_identity(client_as, viewer, identity, spelling):
    response = client_as(viewer).get(reverse("article_list"), {"person": spelling})
    assert {a.pk for a in response.context["page"].object_list} == {identity.de.pk, identity.en.pk}


def test_quote_export_carries_kind_and_qid(client_as, viewer, identity):
    response = client_as(viewer).get(reverse("quote_export", args=["csv"]), {"person": "Песков"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert {(r["speaker"], r["speaker_kind"], r["speaker_wikidata_id"]) for r in rows} == {
        ("Dmitri Peskow", "person", "Q4157033")
    }
    assert len(rows) == 2

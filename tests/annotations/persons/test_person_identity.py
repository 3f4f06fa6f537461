"""Extraction links new spellings to the identity they fold to, and leaves doubt to people."""

from __future__ import annotations

import pytest

from annotations import services
from annotations.models import Mention, Person, Quote
from annotations.names import identity_choose, identity_score, name_fold
from annotations.nlp import EntitySpan, ExtractionResult, QuoteSpan
from annotations.persons import services as person_services
from annotations.search import selectors as search_selectors
from annotations.search.persons import person_keys_refresh
from articles.models import Article


@pytest.mark.parametrize(
    ("name", "spellings", "score"),
    [
        ("Dmitry Peskov", ["Dmitri Peskow"], 1.0),
        ("Песков", ["Dmitri Peskow"], 0.9),
        ("Sergueï Lavrov", ["Sergej Lawrow"], 0.9),  # French and German first names
        ("Ivan Peskov", ["Dmitri Peskow"], 0.5),
        # One spelling with other first names vetoes the bare surname.
        ("Ivan Peskov", ["Peskow", "Dmitri Peskow"], 0.5),
        ("Lavrov", ["Dmitri Peskow"], 0.0),
    ],
)
def test_identity_score(name, spellings, score):
    assert identity_score(name, spellings) == score


def test_identity_choose_leaves_shared_surnames_to_people():
    peskov, ivan = (1, ["Dmitri Peskow"]), (2, ["Ivan Peskow"])
    assert identity_choose("Dmitry Peskov", [peskov, ivan]) == (1, False)
    assert identity_choose("Peskov", [peskov]) == (1, False)
    assert identity_choose("Peskov", [peskov, ivan]) == (None, True)
    assert identity_choose("Nikolai Peskov", [peskov, ivan]) == (None, False)


def _article(body: str, digest: str) -> Article:
    return Article.objects.create(title="t", body=body, content_hash=digest * 64, language="de")


def _run(article: Article, names: list[str], speaker: str | None = None, task: str = "t1"):
    Article.objects.filter(pk=article.pk).update(status=Article.Status.PROCESSING, extraction_task_id=task)
    mentions = []
    for name in names:
        start = article.body.index(name)
        mentions.append(EntitySpan(start, start + len(name), "PERSON", name, name))
    quotes = []
    if speaker:
        start = article.body.index("Ja")
        quotes.append(QuoteSpan(start, start + 2, "Ja", True, "sagte", speaker, None, None, "PERSON"))
    result = ExtractionResult(language="de", pipeline="t", version="1", mentions=mentions, quotes=quotes)
    return services.extraction_apply(article_id=article.pk, task_id=task, result=result)


@pytest.mark.django_db
def test_new_spellings_join_the_identity_with_their_counts():
    de = _article("„Ja“, sagte Dmitri Peskow.", "a")
    en = _article("„Ja“, said Dmitry Peskov.", "b")
    ru = _article("„Ja“, сказал Песков.", "c")
    _run(de, ["Dmitri Peskow"], "Dmitri Peskow")
    _run(en, ["Dmitry Peskov"], "Dmitry Peskov")
    _run(ru, ["Песков"], "Песков")

    person = Person.objects.get()
    assert person.name == "Dmitri Peskow"
    assert person.aliases == ["Dmitry Peskov", "Песков"]
    assert Quote.objects.filter(speaker=person).count() == 3
    assert search_selectors.person_spellings(person) == [
        ("Dmitri Peskow", 1),
        ("Dmitry Peskov", 1),
        ("Песков", 1),
    ]


@pytest.mark.django_db
def test_a_bare_surname_record_takes_the_full_name():
    _run(_article("„Ja“, sagte Peskow.", "a"), ["Peskow"], "Peskow")
    _run(_article("„Ja“, sagte Dmitri Peskow.", "b"), ["Dmitri Peskow"], "Dmitri Peskow")
    person = Person.objects.get()
    assert (person.name, person.aliases) == ("Dmitri Peskow", ["Peskow"])


@pytest.mark.django_db
def test_namesakes_stay_apart_and_a_shared_surname_is_not_guessed():
    _run(_article("„Ja“, sagte Dmitri Peskow.", "a"), ["Dmitri Peskow"], "Dmitri Peskow")
    _run(_article("„Ja“, sagte Nikolai Peskow.", "b"), ["Nikolai Peskow"], "Nikolai Peskow")
    _run(_article("„Ja“, sagte Peskow.", "c"), ["Peskow"], "Peskow")
    names = sorted(Person.objects.values_list("name", flat=True))
    assert names == ["Dmitri Peskow", "Nikolai Peskow", "Peskow"]
    assert Person.objects.get(name="Dmitri Peskow").aliases == []


@pytest.mark.django_db
def test_rerun_keeps_a_human_split(analyst):
    article = _article("„Ja“, sagte Dmitri Peskow. Wladimir Putin schwieg.", "a")
    _run(article, ["Dmitri Peskow"], "Dmitri Peskow")
    _run(_article("„Ja“, sagte Dmitry Peskov.", "b"), ["Dmitry Peskov"], "Dmitry Peskov")
    peskov = Person.objects.get()
    split = person_services.person_split(user=analyst, person=peskov, alias="Dmitry Peskov")

    _run(_article("„Ja“, said Dmitry Peskov.", "c"), ["Dmitry Peskov"], "Dmitry Peskov", task="t2")
    assert Quote.objects.filter(speaker=split).count() == 2
    assert Quote.objects.filter(speaker=peskov).count() == 1
    assert "Dmitry Peskov" not in Person.objects.get(pk=peskov.pk).aliases


@pytest.mark.django_db
def test_search_keys_follow_the_linked_aliases():
    _run(_article("„Ja“, sagte Dmitri Peskow.", "a"), ["Dmitri Peskow"], "Dmitri Peskow")
    _run(_article("„Ja“, сказал Песков.", "b"), ["Песков"], "Песков")
    person_keys_refresh()
    assert Person.objects.get().search_keys == ["dmitri peskov", "peskov"]
    assert Mention.objects.filter(person__name="Dmitri Peskow").count() == 2


@pytest.mark.django_db
def test_org_speakers_become_organisation_records():
    article = _article("„Ja“, teilte das Außenministerium in Peking mit.", "a")
    Article.objects.filter(pk=article.pk).update(status=Article.Status.PROCESSING, extraction_task_id="t")
    start = article.body.index("Ja")
    speaker = "Außenministerium in Peking"
    quote = QuoteSpan(start, start + 2, "Ja", True, "teilte mit", speaker, None, None, "ORG")
    result = ExtractionResult(language="de", pipeline="t", version="1", quotes=[quote])
    services.extraction_apply(article_id=article.pk, task_id="t", result=result)
    again = _article("„Nein“, so das außenministerium in Peking.", "b")
    Article.objects.filter(pk=again.pk).update(status=Article.Status.PROCESSING, extraction_task_id="t")
    start = again.body.index("Nein")
    quote = QuoteSpan(start, start + 4, "Nein", True, "so", "außenministerium in Peking", None, None, "ORG")
    result = ExtractionResult(language="de", pipeline="t", version="1", quotes=[quote])
    services.extraction_apply(article_id=again.pk, task_id="t", result=result)
    organisation = Person.objects.get()
    assert (organisation.name, organisation.kind) == (speaker, Person.Kind.ORGANISATION)
    assert Quote.objects.filter(speaker=organisation).count() == 2


@pytest.mark.django_db
def test_rerun_keeps_a_human_merge(analyst):
    Person.objects.create(name="Ivan Peskow")  # makes the bare surname ambiguous
    _run(_article("„Ja“, sagte Dmitri Peskow.", "a"), ["Dmitri Peskow"], "Dmitri Peskow")
    bare_article = _article("„Ja“, sagte Peskow.", "b")
    _run(bare_article, ["Peskow"], "Peskow")
    bare, dmitri = Person.objects.get(name="Peskow"), Person.objects.get(name="Dmitri Peskow")
    services.person_merge(user=analyst, source=bare, target=dmitri)

    _run(bare_article, ["Peskow"], "Peskow", task="t2")
    _run(_article("„Ja“, sagte Peskow.", "c"), ["Peskow"], "Peskow", task="t3")
    assert not Person.objects.filter(name="Peskow").exists()
    assert Quote.objects.filter(speaker=dmitri).count() == 3


@pytest.mark.django_db
def test_person_spellings_never_join_an_organisation():
    Person.objects.create(name="Institut Peskov", kind=Person.Kind.ORGANISATION)
    person_keys_refresh()
    _run(_article("„Ja“, sagte Dmitri Peskow.", "a"), ["Dmitri Peskow"], "Dmitri Peskow")
    _run(_article("„Ja“, sagte Peskov.", "b"), ["Peskov"], "Peskov")
    assert Person.objects.get(name="Dmitri Peskow").aliases == ["Peskov"]


@pytest.mark.django_db
def test_an_organisation_is_keyed_by_its_whole_name_only():
    ministry = Person.objects.create(name="Verteidigungsministerium in Berlin", kind=Person.Kind.ORGANISATION)
    person_keys_refresh()
    ministry.refresh_from_db()
    assert ministry.search_keys == [name_fold("Verteidigungsministerium in Berlin")]
    assert "berlin" not in ministry.search_keys


@pytest.mark.django_db
def test_confirmed_organisations_are_not_fed_to_the_person_gazetteer():
    Person.objects.create(name="the State Department", kind=Person.Kind.ORGANISATION, confirmed=True)
    Person.objects.create(name="Matthew Miller", confirmed=True)
    assert [p.name for p in services.known_persons()] == ["Matthew Miller"]

"""Archive-wide person management: list, suggestions, merge with confirmation, split, undo, edit."""

from __future__ import annotations

import pytest
from django.urls import reverse

from annotations import services
from annotations.models import Correction, Mention, Person, PersonDistinction, Quote
from annotations.persons import selectors as person_selectors
from annotations.persons import services as person_services
from annotations.search.persons import person_keys_refresh
from articles.models import Article


def _article(body: str, digest: str) -> Article:
    return Article.objects.create(title=f"About {digest}", body=body, content_hash=digest * 64, language="de")


def _named(article: Article, person: Person, text: str, quote: str | None = None) -> None:
    start = article.body.index(text)
    Mention.objects.create(
        article=article,
        start=start,
        end=start + len(text),
        label="PERSON",
        text=text,
        person=person,
        origin="machine",
    )
    if quote:
        q = article.body.index(quote)
        Quote.objects.create(
            article=article,
            start=q,
            end=q + len(quote),
            text=quote,
            direct=True,
            speaker=person,
            origin="machine",
        )


@pytest.fixture
def records(db):
    peskow = Person.objects.create(
        name="Dmitri Peskow", aliases=["Dmitry Peskov"], description="Kremlsprecher"
    )
    bare = Person.objects.create(name="Peskov")
    namesake = Person.objects.create(name="Nikolai Peskow")
    putin = Person.objects.create(name="Wladimir Putin")
    a = _article("„Ja“, sagte Dmitri Peskow. Putin schwieg.", "a")
    b = _article("„No“, said Dmitry Peskov.", "b")
    c = _article("„Nein“, sagte Peskov.", "c")
    _named(a, peskow, "Dmitri Peskow", "Ja")
    _named(a, putin, "Putin")
    _named(b, peskow, "Dmitry Peskov", "No")
    _named(c, bare, "Peskov", "Nein")
    person_keys_refresh()
    return peskow, bare, namesake, putin


def test_suggestions_pair_fitting_records_only(records):
    peskow, bare, namesake, _ = records
    pairs = {(s.first.pk, s.second.pk) for s in person_selectors.merge_suggestions()}
    assert (peskow.pk, bare.pk) in pairs
    assert (bare.pk, namesake.pk) in pairs  # a bare surname fits either: the analyst decides
    assert (peskow.pk, namesake.pk) not in pairs  # other first names: namesakes


def test_keep_apart_removes_the_suggestion_and_is_recorded(records, analyst):
    peskow, bare, _, _ = records
    person_services.persons_keep_apart(user=analyst, first=bare, second=peskow)
    assert PersonDistinction.objects.filter(low=peskow, high=bare).exists()
    pairs = {(s.first.pk, s.second.pk) for s in person_selectors.merge_suggestions()}
    assert (peskow.pk, bare.pk) not in pairs
    assert Correction.objects.get().action == Correction.Action.PERSON_APART


def test_merge_preview_counts_what_moves(records):
    peskow, bare, _, _ = records
    preview = person_selectors.merge_preview(bare, peskow)
    assert (preview.source_footprint.quotes, preview.source_footprint.articles) == (1, 1)
    assert (preview.target_footprint.quotes, preview.target_footprint.articles) == (2, 2)
    assert preview.aliases_after == ["Dmitry Peskov", "Peskov"]


def test_confirm_page_names_both_records_and_numbers(client_as, analyst, records):
    peskow, bare, _, _ = records
    url = reverse("person_merge_confirm") + f"?source={bare.pk}&target={peskow.pk}"
    html = client_as(analyst).get(url).content.decode()
    assert "Merge “Peskov” into “Dmitri Peskow”?" in html
    assert "1 quote and 1 mention in 1 article move from Peskov to Dmitri Peskow" in html
    assert 'name="confirm"' in html and " checked" not in html


def test_merge_needs_the_confirmation(client_as, analyst, records):
    peskow, bare, _, _ = records
    response = client_as(analyst).post(reverse("person_merge"), {"source": bare.pk, "target": peskow.pk})
    assert response.status_code == 400
    assert "Tick the box" in response.content.decode()
    assert Person.objects.filter(pk=bare.pk).exists()


def test_merge_then_undo_restores_both_records(client_as, analyst, records):
    peskow, bare, _, _ = records
    client = client_as(analyst)
    response = client.post(reverse("person_merge"), {"source": bare.pk, "target": peskow.pk, "confirm": "1"})
    assert response.status_code == 302
    assert not Person.objects.filter(pk=bare.pk).exists()
    assert Quote.objects.filter(speaker=peskow).count() == 3
    merge = Correction.objects.get(action=Correction.Action.PERSON_MERGE)
    assert merge.article_id is None

    assert client.post(reverse("person_correction_undo", args=[merge.pk])).status_code == 302
    assert Person.objects.get(pk=bare.pk).name == "Peskov"
    assert Quote.objects.filter(speaker=peskow).count() == 2
    assert Person.objects.get(pk=peskow.pk).aliases == ["Dmitry Peskov"]
    history = client.get(reverse("persons_history")).content.decode()
    assert "undone by ann-analyst" in history


def test_split_moves_the_spelling_and_its_articles_then_undo(records, analyst):
    peskow, _, _, _ = records
    new = person_services.person_split(user=analyst, person=peskow, alias="Dmitry Peskov")
    assert new.name == "Dmitry Peskov" and new.confirmed
    assert Person.objects.get(pk=peskow.pk).aliases == []
    assert Quote.objects.get(text="No").speaker_id == new.pk
    assert Quote.objects.get(text="Ja").speaker_id == peskow.pk
    assert PersonDistinction.objects.filter(low=peskow, high=new).exists()
    split = Correction.objects.get(action=Correction.Action.PERSON_SPLIT)
    assert "1 quotes, 1 articles" in split.summary

    services.correction_undo(user=analyst, correction=split)
    assert not Person.objects.filter(pk=new.pk).exists()
    assert Person.objects.get(pk=peskow.pk).aliases == ["Dmitry Peskov"]
    assert Quote.objects.get(text="No").speaker_id == peskow.pk


def test_split_refuses_a_name_that_is_no_alias(records, analyst):
    peskow, *_ = records
    with pytest.raises(Exception, match="not an alias"):
        person_services.person_split(user=analyst, person=peskow, alias="Wladimir Putin")


def test_edit_sets_kind_and_qid_and_rejects_a_bad_qid(client_as, analyst, records):
    peskow, *_ = records
    client = client_as(analyst)
    url = reverse("person_edit", args=[peskow.pk])
    client.post(url, {"kind": "person", "description": "Kremlsprecher", "wikidata_id": "q4157033"})
    assert Person.objects.get(pk=peskow.pk).wikidata_id == "Q4157033"
    client.post(url, {"kind": "person", "description": "", "wikidata_id": "Peskov"})
    assert Person.objects.get(pk=peskow.pk).wikidata_id == "Q4157033"
    assert Correction.objects.filter(action=Correction.Action.PERSON_EDIT).count() == 1


def test_persons_list_shows_aliases_and_counts(client_as, viewer, records, django_assert_max_num_queries):
    client = client_as(viewer)
    client.get(reverse("persons_list"))
    with django_assert_max_num_queries(7):  # session, user, groups; count, page, quote counts
        response = client.get(reverse("persons_list"))
    rows = {p.name: n for p, n in response.context["rows"]}
    assert rows["Dmitri Peskow"] == 2 and rows["Peskov"] == 1
    assert "Dmitry Peskov" in response.content.decode()
    found = client.get(reverse("persons_list"), {"q": "Песков"}).context["rows"]
    assert {p.name for p, _ in found} >= {"Dmitri Peskow", "Peskov"}


def test_person_page_shows_spellings_articles_and_a_labelled_chart(client_as, viewer, records):
    peskow, *_ = records
    Article.objects.filter(title="About a").update(published="2025-01-10")
    Article.objects.filter(title="About b").update(published="2025-03-02")
    html = client_as(viewer).get(reverse("person_detail", args=[peskow.pk])).content.decode()
    assert "Dmitry Peskov — 1" in html
    assert "About a" in html and "About b" in html
    # Axis titles (y: quotes; x: the months it spans) and the first month's tick.
    assert ">quotes</text>" in html and "month (2025-01 to 2025-03)" in html and ">2025-01<" in html
    assert "Split out" not in html  # a viewer may not


def test_article_page_has_no_preselected_merge(client_as, analyst, records):
    article = Article.objects.get(title="About a")
    html = client_as(analyst).get(reverse("article_detail", args=[article.pk])).content.decode()
    assert 'name="target"' not in html
    assert reverse("person_merge_start", args=[records[0].pk]) in html


def test_merge_start_preselects_nothing(client_as, analyst, records):
    peskow, bare, namesake, _ = records
    html = client_as(analyst).get(reverse("person_merge_start", args=[bare.pk])).content.decode()
    assert f'value="{peskow.pk}" required>' in html and f'value="{namesake.pk}" required>' in html
    assert "checked" not in html


# --- permission matrix ------------------------------------------------------------------------

READ, WRITE = "read", "write"


def _views(records):
    peskow, bare, _, _ = records
    return [
        ("get", reverse("persons_list"), {}, READ),
        ("get", reverse("persons_history"), {}, READ),
        ("get", reverse("person_merge_suggestions"), {}, WRITE),
        ("get", reverse("person_merge_start", args=[bare.pk]), {}, WRITE),
        ("get", reverse("person_merge_confirm"), {"source": bare.pk, "target": peskow.pk}, WRITE),
        ("post", reverse("person_merge"), {"source": bare.pk, "target": peskow.pk, "confirm": "1"}, WRITE),
        (
            "post",
            reverse("person_split", args=[peskow.pk]),
            {"alias": "Dmitry Peskov", "kind": "person"},
            WRITE,
        ),
        ("post", reverse("persons_keep_apart"), {"first": bare.pk, "second": peskow.pk}, WRITE),
        ("post", reverse("person_edit", args=[peskow.pk]), {"kind": "person", "wikidata_id": "Q1"}, WRITE),
    ]


@pytest.mark.parametrize("index", range(9))
def test_permission_matrix(client, client_as, viewer, stranger, analyst, records, index):
    method, url, data, access = _views(records)[index]
    response = getattr(client, method)(url, data)
    assert response.status_code == 302 and reverse("login") in response.url
    assert getattr(client_as(stranger), method)(url, data).status_code == 403
    assert getattr(client_as(viewer), method)(url, data).status_code == (200 if access == READ else 403)
    assert not Correction.objects.exists()
    assert getattr(client_as(analyst), method)(url, data).status_code in (200, 302)
    wrong = "post" if method == "get" else "get"
    assert getattr(client_as(analyst), wrong)(url, data).status_code == 405


def test_unknown_ids_are_404(client_as, analyst, records):
    client = client_as(analyst)
    assert client.get(reverse("person_merge_start", args=[999999])).status_code == 404
    assert client.get(reverse("person_merge_confirm"), {"source": 999999, "target": 1}).status_code == 404
    assert (
        client.post(reverse("person_split", args=[999999]), {"alias": "x", "kind": "person"}).status_code
        == 404
    )
    assert client.post(reverse("person_correction_undo", args=[999999])).status_code == 404
    assert client.get(reverse("persons_list"), {"page": 99}).status_code == 404
    assert client.get(reverse("person_merge_confirm"), {"source": "x", "target": ""}).status_code == 404

"""The quote search page: person spellings, filters, text search, hits, paging, query count."""

from __future__ import annotations

import pytest
from django.urls import reverse

from annotations.models import Quote
from tests.annotations.search.conftest import add_quote


def _quotes(client, **params):
    response = client.get(reverse("quote_search"), params)
    assert response.status_code == 200
    return response, [q.pk for q in response.context["page"].object_list]


@pytest.mark.parametrize("spelling", ["Peskov", "Peskow", "peskow", "Песков", "Dmitry Peskov", "D. Peskow"])
def test_every_spelling_finds_both_peskov_quotes(client_as, viewer, archive, spelling):
    _, ids = _quotes(client_as(viewer), person=spelling)
    assert ids == [archive.q_de.pk, archive.q_en.pk]  # newest article first


def test_hit_shows_speaker_article_source_date_and_links_to_the_quote(client_as, viewer, archive):
    response, _ = _quotes(client_as(viewer), person="Peskov")
    html = response.content.decode()
    assert f'href="/articles/{archive.de.pk}/#quote-{archive.q_de.pk}"' in html
    assert "Kreml warnt Nordkorea" in html and "dpa" in html and "2025-02-03" in html
    assert "Dmitri Peskow" in html


def test_filters_narrow_the_hits(client_as, viewer, archive):
    client = client_as(viewer)
    assert _quotes(client, person="Peskov", language="en")[1] == [archive.q_en.pk]
    assert _quotes(client, person="Peskov", published_after="2025-01-01")[1] == [archive.q_de.pk]
    assert _quotes(client, person="Peskov", source=archive.tass.pk)[1] == [archive.q_en.pk]
    assert _quotes(client, person="Peskov", reviewed="true")[1] == [archive.q_en.pk]
    assert _quotes(client, direct="false")[1] == [archive.q_de_indirect.pk]
    assert _quotes(client, country="FR")[1] == [archive.q_en.pk]
    assert _quotes(client, country=["RU", "KP"], person="Peskow")[1] == [archive.q_de.pk, archive.q_en.pk]


def test_text_search_is_stemmed_in_the_article_language(client_as, viewer, archive):
    client = client_as(viewer)
    # German stemming: "Gespräch" finds "Gespräche"; English: "sanction" finds "Sanctions".
    assert _quotes(client, q="Gespräch")[1] == [archive.q_de.pk]
    assert _quotes(client, q="sanction")[1] == [archive.q_en.pk]
    assert _quotes(client, q='"North Korea" -sanctions')[1] == []


def test_rejected_quotes_never_show(client_as, viewer, archive):
    _, ids = _quotes(client_as(viewer), person="Lawrow")
    assert ids == [archive.q_de_indirect.pk]


def test_candidates_are_offered_for_a_typo(client_as, viewer, archive):
    response, _ = _quotes(client_as(viewer), person="Peskof")
    resolution = response.context["resolution"]
    assert resolution.best is not None and resolution.others
    assert f"speaker={resolution.others[0].person.pk}" in response.content.decode()


def test_bad_page_is_404(client_as, viewer, archive):
    response = client_as(viewer).get(reverse("quote_search"), {"page": "99"})
    assert response.status_code == 404
    assert client_as(viewer).get(reverse("quote_search"), {"page": "x"}).status_code == 404


def test_query_count_does_not_grow_with_hits(client_as, viewer, archive, django_assert_max_num_queries):
    client = client_as(viewer)
    for i in range(30):
        body = f'Peskow sagte: "Satz Nummer {i} über Russland."'
        article = type(archive.de).objects.create(
            title=f"A{i}",
            body=body,
            language="de",
            content_hash=f"{i:064d}",
            status="done",
            source=archive.dpa,
        )
        add_quote(article, f"Satz Nummer {i} über Russland.", archive.peskow)
    assert Quote.objects.count() > 30
    client.get(reverse("quote_search"), {"person": "Peskov"})  # warm: session, user, role
    # session+user+groups, keys check, candidates, counts, count(*), page, sources for the form
    with django_assert_max_num_queries(10):
        response = client.get(reverse("quote_search"), {"person": "Peskov"})
    assert len(response.context["page"].object_list) == 25


def test_quote_dates_follow_their_article(archive):
    assert Quote.objects.get(pk=archive.q_en.pk).published == archive.en.published
    type(archive.en).objects.filter(pk=archive.en.pk).update(published="2026-01-05")
    assert str(Quote.objects.get(pk=archive.q_en.pk).published) == "2026-01-05"


def test_several_spellings_page_newest_first_across_both(archive):
    import datetime as dt

    from django.test import RequestFactory

    from annotations.search import views as search_views
    from annotations.search.filters import QuoteFilter, quote_list_queryset
    from tests.annotations.search.conftest import make_article

    made = []
    for i, (person, day) in enumerate(
        [(archive.peskow, 1), (archive.peskov_short, 2), (archive.peskow, 3), (archive.peskov_short, 3)]
    ):
        article = make_article(
            f"Peskov {i}", f"Er sagte: Satz {i}.", language="de", published=dt.date(2026, 1, day)
        )
        made.append(add_quote(article, f"Satz {i}.", person))

    def page(number: int):
        request = RequestFactory().get("/quotes/", {"person": "Peskov", "page": number})
        filterset = QuoteFilter(request.GET, queryset=quote_list_queryset())
        return search_views.quote_page(
            request, filterset.qs, per_page=2, speakers=search_views.quote_speakers(filterset)
        )

    newest_first = [made[3].pk, made[2].pk, made[1].pk, made[0].pk, archive.q_de.pk, archive.q_en.pk]
    pages = [page(n) for n in (1, 2, 3)]
    assert [q.pk for p in pages for q in p.object_list] == newest_first
    assert pages[2].paginator.count == 6 and not pages[2].has_next()


def test_candidate_counts_stop_at_the_cap(client_as, viewer, archive, monkeypatch):
    from annotations.models import Person
    from annotations.search import persons as search

    namesake = Person.objects.create(name="Igor Lawrow")
    search.person_keys_refresh(person_ids=[namesake.pk])
    for _ in range(2):
        add_quote(archive.de, "Lawrow erklärte", namesake)
    monkeypatch.setattr(search, "QUOTE_COUNT_CAP", 1)
    matches = {m.person.pk: m for m in search.person_search("Lawrow")}
    assert (matches[archive.lawrow.pk].quote_count, matches[archive.lawrow.pk].quote_count_capped) == (
        1,
        False,
    )
    assert (matches[namesake.pk].quote_count, matches[namesake.pk].quote_count_capped) == (1, True)
    response, _ = _quotes(client_as(viewer), person="Sergej Lawrow")
    assert "Igor Lawrow</a> (1+)" in response.content.decode()

"""The article list: filters by country, person and text, sorting, pagination, bounded queries."""

from __future__ import annotations

import pytest
from django.urls import reverse

from annotations.models import Country, Mention, Origin, Person, Quote, Status
from articles.models import Article, Source


@pytest.fixture
def archive(db):
    france, _ = Country.objects.get_or_create(
        alpha2="FR",
        defaults={"alpha3": "FRA", "name_en": "France", "name_de": "Frankreich", "name_fr": "France"},
    )
    source = Source.objects.create(name="Agence")
    peskow = Person.objects.create(name="Dmitri Peskow", aliases=["Peskow"])
    articles = [
        Article.objects.create(
            title=f"Article {i:02d}",
            body=f"Text {i} über Paris und Moskau",
            content_hash=f"{i:064d}",
            source=source,
        )
        for i in range(60)
    ]
    for article in articles[:3]:
        for start in (0, 5):  # two mentions: still listed once
            Mention.objects.create(
                article=article,
                start=start,
                end=start + 4,
                label="COUNTRY",
                text="x",
                country=france,
                origin="machine",
            )
    Mention.objects.create(
        article=articles[3],
        start=0,
        end=4,
        label="COUNTRY",
        text="x",
        country=france,
        origin=Origin.MACHINE,
        status=Status.REJECTED,
    )
    Mention.objects.create(
        article=articles[4], start=0, end=4, label="PERSON", text="x", person=peskow, origin="machine"
    )
    Quote.objects.create(
        article=articles[5], start=0, end=4, text="x", direct=True, speaker=peskow, origin="machine"
    )
    Article.objects.filter(pk=articles[7].pk).update(title="Gipfel in Genf")
    Article.objects.filter(pk=articles[8].pk).update(body="Ein Treffen in Genf.")
    return {"articles": articles, "france": france, "peskow": peskow}


def titles(response):
    return [a.title for a in response.context["page"].object_list]


def test_filter_by_country_lists_each_article_once_and_skips_rejected(client_as, viewer, archive):
    response = client_as(viewer).get(reverse("article_list"), {"country": archive["france"].pk})
    assert sorted(titles(response)) == ["Article 00", "Article 01", "Article 02"]


def test_filter_by_person_name_or_alias_in_mentions_and_quotes(client_as, viewer, archive):
    client = client_as(viewer)
    assert sorted(titles(client.get(reverse("article_list"), {"person": "peskow"}))) == [
        "Article 04",
        "Article 05",
    ]
    assert sorted(titles(client.get(reverse("article_list"), {"person": "Peskow"}))) == [
        "Article 04",
        "Article 05",
    ]


def test_text_search_in_title_and_body(client_as, viewer, archive):
    response = client_as(viewer).get(reverse("article_list"), {"q": "genf"})
    assert sorted(titles(response)) == ["Article 08", "Gipfel in Genf"]


def test_sorting_and_pagination(client_as, viewer, archive):
    client = client_as(viewer)
    first = client.get(reverse("article_list"), {"order": "title"})
    assert titles(first)[:2] == ["Article 00", "Article 01"] and len(titles(first)) == 50
    second = client.get(reverse("article_list"), {"order": "title", "page": 2})
    assert len(titles(second)) == 10 and titles(second)[-1] == "Gipfel in Genf"
    assert client.get(reverse("article_list"), {"page": 3}).status_code == 404


def test_list_query_count_is_bounded(client_as, viewer, archive, django_assert_max_num_queries):
    client = client_as(viewer)
    params = {"country": archive["france"].pk, "person": "", "q": "Text", "order": "-uploaded"}
    with django_assert_max_num_queries(9):
        assert client.get(reverse("article_list")).status_code == 200
    with django_assert_max_num_queries(9):
        assert client.get(reverse("article_list"), params).status_code == 200

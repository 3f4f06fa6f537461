"""Article.countries: the countries of an article's visible mentions, kept by triggers."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from annotations.models import Country, Mention
from articles.models import Article
from tests.annotations.search.conftest import add_country, ensure_countries, make_article


def _countries(article) -> list[str]:
    ids = Article.objects.values_list("countries", flat=True).get(pk=article.pk)
    return sorted(Country.objects.filter(pk__in=ids).values_list("alpha2", flat=True))


def _article(db):
    ensure_countries()
    return make_article(
        "Moskau und Paris",
        "Russland und Frankreich sprechen, Russland schweigt. Nordkorea auch.",
        language="de",
        published=dt.date(2025, 1, 2),
    )


def test_mentions_fill_and_empty_the_list(db):
    article = _article(db)
    first = add_country(article, "Russland", "RU")
    second = add_country(article, "Russland", "RU", after=first.end)
    france = add_country(article, "Frankreich", "FR")
    assert _countries(article) == ["FR", "RU"]

    Mention.objects.filter(pk=first.pk).update(status="rejected")
    assert _countries(article) == ["FR", "RU"]  # the second mention still names it
    Mention.objects.filter(pk=second.pk).update(status="rejected")
    assert _countries(article) == ["FR"]
    Mention.objects.filter(pk=second.pk).update(status="accepted")
    assert _countries(article) == ["FR", "RU"]
    Mention.objects.filter(pk=france.pk).update(country=Country.objects.get(alpha2="KP"))
    assert _countries(article) == ["KP", "RU"]
    Mention.objects.filter(article=article).delete()
    assert _countries(article) == []


def test_one_bulk_insert_and_a_moved_mention(db):
    article = _article(db)
    other = make_article("Other", "Nordkorea testet.", language="de", published=None)
    russia, korea = Country.objects.get(alpha2="RU"), Country.objects.get(alpha2="KP")
    Mention.objects.bulk_create(
        [
            Mention(article=article, start=0, end=8, text="Russland", label="COUNTRY", country=russia,
                    origin="machine"),
            Mention(article=article, start=54, end=63, text="Nordkorea", label="COUNTRY", country=korea,
                    origin="machine"),
            Mention(article=article, start=12, end=22, text="Frankreich", label="PERSON", origin="machine"),
        ]
    )  # fmt: skip
    assert _countries(article) == ["KP", "RU"]
    Mention.objects.filter(article=article, country=korea).update(article=other, start=0, end=9)
    assert (_countries(article), _countries(other)) == (["RU"], ["KP"])


def test_no_other_write_changes_the_list(db):
    article = _article(db)
    add_country(article, "Russland", "RU")
    article.title = "A stale full-row save"
    article.save()  # this instance still holds countries=[]
    Article.objects.filter(pk=article.pk).update(countries=[])
    assert _countries(article) == ["RU"]


def test_search_filters_on_visible_mentions_only(client_as, viewer, db):
    article = _article(db)
    mention = add_country(article, "Frankreich", "FR")
    client = client_as(viewer)

    def found():
        response = client.get(reverse("article_search"), {"country": "FR"})
        return [a.pk for a, _ in response.context["hits"]]

    assert found() == [article.pk]
    Mention.objects.filter(pk=mention.pk).update(status="rejected")
    assert found() == []


def test_filtered_list_query_count_is_fixed(client_as, viewer, db, django_assert_max_num_queries):
    for i in range(30):
        article = _article(db)
        Article.objects.filter(pk=article.pk).update(content_hash=f"h{i}", review_state="reviewed")
        add_country(article, "Russland", "RU")
    client = client_as(viewer)
    params = {"country": "RU", "language": "de", "reviewed": "true", "published_after": "2025-01-01"}
    client.get(reverse("article_search"), params)
    # session, user, groups; country ids, capped count, page; sources for the form
    with django_assert_max_num_queries(7):
        response = client.get(reverse("article_search"), params)
    assert len(response.context["hits"]) == 25

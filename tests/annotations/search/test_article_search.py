"""Full-text article search: stored vector per language, web-search syntax, rank, safe snippets."""

from __future__ import annotations

import pytest
from django.urls import reverse

from annotations.search.selectors import highlight_marks
from articles.models import Article
from tests.annotations.search.conftest import make_article


def _search(client, **params):
    response = client.get(reverse("article_search"), params)
    assert response.status_code == 200
    return response, [a.pk for a, _ in response.context["hits"]]


def test_stemming_follows_the_article_language(client_as, viewer, archive):
    client = client_as(viewer)
    assert _search(client, q="Gespräch")[1] == [archive.de.pk]  # german: Gespräche -> gespräch
    assert _search(client, q="sanction")[1] == [archive.en.pk]  # english: Sanctions -> sanction


def test_websearch_syntax(client_as, viewer, archive):
    client = client_as(viewer)
    assert _search(client, q='"North Korea"')[1] == [archive.en.pk]
    assert _search(client, q="Kremlin or Kreml")[1] == [archive.de.pk, archive.en.pk]
    assert _search(client, q="Kremlin -sanctions")[1] == []


def test_title_matches_rank_above_body_matches(client_as, viewer, archive):
    body_only = make_article(
        "Weather", "The Kremlin was mentioned once.", language="en", published=archive.en.published
    )
    _, ids = _search(client_as(viewer), q="kremlin")
    assert ids == [archive.en.pk, body_only.pk]


def test_snippets_are_escaped_except_the_marks(client_as, viewer, db):
    make_article(
        "Script",
        'Sanctions <script>alert("x")</script> & <mark>fake</mark> sanctions.',
        language="en",
        published=None,
    )
    response, _ = _search(client_as(viewer), q="sanctions")
    html = response.content.decode()
    snippet = str(response.context["hits"][0][1])
    # ts_headline drops tag-like tokens itself; whatever text is left is escaped.
    assert "<script>" not in html
    assert "alert(&quot;x&quot;)" in snippet and "&amp;" in snippet
    assert snippet.count("<mark>") == 2 and "<mark>fake" not in snippet


def test_highlight_marks_builds_from_escaped_text():
    assert highlight_marks("a < \ue000b\ue001 & c") == "a &lt; <mark>b</mark> &amp; c"


def test_country_pair_filter_lists_articles_naming_both(client_as, viewer, archive):
    client = client_as(viewer)
    assert sorted(_search(client, country=["RU", "KP"])[1]) == sorted([archive.de.pk, archive.en.pk])
    assert _search(client, country=["RU", "FR"])[1] == [archive.en.pk]


def test_vector_is_generated_by_the_database_on_insert_and_update(archive):
    Article.objects.filter(pk=archive.en.pk).update(title="Entirely different headline")
    assert Article.objects.filter(search_vector="headline").count() == 1


def test_bad_page_is_404(client_as, viewer, archive):
    assert client_as(viewer).get(reverse("article_search"), {"q": "x", "page": 5}).status_code == 404


@pytest.mark.parametrize("query", ["", "   ", "!!! &&& |", '"unbalanced', "-", "a:b*"])
def test_odd_queries_never_fail(client_as, viewer, archive, query):
    assert client_as(viewer).get(reverse("article_search"), {"q": query}).status_code == 200


def test_query_count_is_fixed(client_as, viewer, archive, django_assert_max_num_queries):
    for i in range(30):
        make_article(f"Sanctions {i}", f"More sanctions number {i}.", language="en", published=None)
    client = client_as(viewer)
    client.get(reverse("article_search"), {"q": "sanctions"})
    # session, user, groups; count, page, headlines; sources and countries for the form
    with django_assert_max_num_queries(8):
        response = client.get(reverse("article_search"), {"q": "sanctions"})
    assert len(response.context["hits"]) == 25


def test_rank_window_takes_the_newest_matches_year_by_year(db):
    import datetime as dt

    from annotations.search.filters import article_list_queryset, article_text_search

    dates = [dt.date(2021, 5, 1), dt.date(2023, 1, 2), dt.date(2023, 7, 1), dt.date(2024, 3, 3), None]
    made = [
        make_article(f"Gas {i}", f"Talks about gas supplies, part {i}.", language="en", published=d)
        for i, d in enumerate(dates)
    ]
    make_article("Other", "Nothing relevant here.", language="en", published=dt.date(2024, 6, 1))
    found = list(article_text_search(article_list_queryset(), "gas", window=3))
    assert {a.pk for a in found} == {made[3].pk, made[2].pk, made[1].pk}
    assert len(article_text_search(article_list_queryset(), "gas", window=10)) == 5


def test_window_says_when_more_articles_matched(db):
    import datetime as dt

    from annotations.search.filters import article_list_queryset, article_text_search

    for i in range(5):
        make_article(f"Gas {i}", f"Gas talks {i}.", language="en", published=dt.date(2024, 1, i + 1))
    narrow = article_text_search(article_list_queryset(), "gas", window=3)
    wide = article_text_search(article_list_queryset(), "gas", window=10)
    assert (len(narrow), narrow.truncated) == (3, True)
    assert (len(wide), wide.truncated) == (5, False)
    assert [a.title for a in narrow[0:3]] == ["Gas 4", "Gas 3", "Gas 2"]  # equal rank: newest first


def test_page_says_how_many_were_ranked(client_as, viewer, db, monkeypatch):
    from annotations.search.filters import ArticleSearchFilter

    for i in range(4):
        make_article(f"Embargo {i}", f"The embargo, part {i}.", language="en", published=None)
    monkeypatch.setattr(ArticleSearchFilter, "rank_window", 3)
    response, ids = _search(client_as(viewer), q="embargo")
    assert len(ids) == 3 and response.context["page"].paginator.capped
    assert "3+ (the newest 3 matches are ranked" in response.content.decode()


def test_snippet_marks_the_words_stemmed_in_the_article_language(client_as, viewer, archive):
    response, _ = _search(client_as(viewer), q="Gespräch")
    assert "<mark>Gespräche</mark>" in str(response.context["hits"][0][1])


def test_later_pages_continue_the_ranking_at_the_same_cost(
    client_as, viewer, db, django_assert_max_num_queries
):
    for i in range(30):
        make_article(f"Sanctions {i}", f"More sanctions number {i}.", language="en", published=None)
    client = client_as(viewer)
    _, first = _search(client, q="sanctions")
    with django_assert_max_num_queries(8):
        _, second = _search(client, q="sanctions", page=2)
    assert len(first) == 25 and len(second) == 5 and not set(first) & set(second)


def test_a_language_stop_word_alone_matches_nothing_there(client_as, viewer, archive):
    # "the" is an English stop word: the English part of the query is empty, which once
    # paired with the English language lexeme alone listed every English article.
    assert _search(client_as(viewer), q="the")[1] == []


def test_phrases_match_adjacent_words_only(client_as, viewer, db):
    import datetime as dt

    adjacent = make_article("A", "The peace talks resumed.", language="en", published=dt.date(2025, 1, 1))
    apart = make_article("B", "Talks about peace stalled.", language="en", published=dt.date(2025, 1, 2))
    client = client_as(viewer)
    assert _search(client, q='"peace talks"')[1] == [adjacent.pk]
    assert _search(client, q='talks -"peace talks"')[1] == [apart.pk]

"""Person and country pages: charts, countries talked about, co-quoted persons, country pairs."""

from __future__ import annotations

from django.urls import reverse

from annotations.search.selectors import month_bars
from tests.annotations.search.conftest import add_quote, make_article


def test_person_page(client_as, viewer, archive, django_assert_max_num_queries):
    client = client_as(viewer)
    url = reverse("person_detail", args=[archive.peskow.pk])
    client.get(url)
    # session, user, groups; person, months, countries (+ their rows), co-quoted, spellings, articles
    with django_assert_max_num_queries(10):
        response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kremlin spokesman" in html and "Dmitry Peskov" in html
    assert response.context["quote_count"] == 1
    assert sorted((c.alpha2, n) for c, n in response.context["countries"]) == [("KP", 1), ("RU", 1)]
    assert [r["speaker_id"] for r in response.context["co_quoted"]] == [archive.lawrow.pk]
    assert "<svg" in html and "quotes per month" in html


def test_country_page(client_as, viewer, archive, django_assert_max_num_queries):
    client = client_as(viewer)
    url = reverse("country_detail", args=["ru"])
    client.get(url)
    with django_assert_max_num_queries(8):
        response = client.get(url)
    assert response.status_code == 200
    assert response.context["article_count"] == 2
    speakers = {p.pk: n for p, n in response.context["speakers"]}
    assert speakers == {archive.peskow.pk: 1, archive.peskov_short.pk: 1}
    pairs = {r["country__alpha2"]: r["articles"] for r in response.context["with_countries"]}
    assert pairs == {"KP": 2, "FR": 1}
    assert "?country=RU&amp;country=KP" in response.content.decode()


def test_only_quotes_naming_the_country_count_for_it(client_as, viewer, archive):
    article = make_article(
        "Paris", 'Lawrow sagte: "Wir reden." Frankreich schweigt.', language="de", published=None
    )
    add_quote(article, "Wir reden.", archive.lawrow)
    response = client_as(viewer).get(reverse("country_detail", args=["FR"]))
    assert response.context["speakers"] == []


def test_month_bars_fill_gaps_and_scale_to_the_top():
    import datetime as dt

    bars = month_bars([(dt.date(2025, 1, 1), 4), (dt.date(2025, 3, 1), 2), (None, 7)])
    assert [(b.label, b.count, b.height) for b in bars] == [
        ("2025-01", 4, 95.0),
        ("2025-02", 0, 0.0),
        ("2025-03", 2, 47.5),
    ]
    assert month_bars([]) == []

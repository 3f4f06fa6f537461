"""PersonQuoteMonth: a person's visible quotes per month, kept by triggers on quotes."""

from __future__ import annotations

import datetime as dt

from annotations.models import Person, PersonQuoteMonth, Quote
from articles.models import Article
from tests.annotations.search.conftest import add_quote, make_article


def _months(person) -> dict:
    return dict(PersonQuoteMonth.objects.filter(person=person).values_list("month", "count"))


def test_quotes_are_counted_by_month_and_follow_every_change(db):
    putin = Person.objects.create(name="Wladimir Putin")
    other = Person.objects.create(name="Dmitri Peskow")
    march = make_article("A", "Eins. Zwei. Drei.", language="de", published=dt.date(2025, 3, 9))
    undated = make_article("B", "Vier.", language="de", published=None)
    one, two = add_quote(march, "Eins.", putin), add_quote(march, "Zwei.", putin)
    add_quote(undated, "Vier.", putin)
    assert _months(putin) == {dt.date(2025, 3, 1): 2, None: 1}

    Quote.objects.filter(pk=one.pk).update(status="rejected")
    assert _months(putin) == {dt.date(2025, 3, 1): 1, None: 1}
    Quote.objects.filter(pk=two.pk).update(speaker=other)
    assert _months(putin) == {None: 1}  # the emptied month is gone
    assert _months(other) == {dt.date(2025, 3, 1): 1}
    Article.objects.filter(pk=march.pk).update(published=dt.date(2024, 12, 31))  # quotes follow
    assert _months(other) == {dt.date(2024, 12, 1): 1}
    Quote.objects.filter(pk=one.pk).update(status="accepted")
    assert _months(putin) == {dt.date(2024, 12, 1): 1, None: 1}
    Quote.objects.filter(article=undated).delete()
    assert _months(putin) == {dt.date(2024, 12, 1): 1}


def test_bulk_insert_and_deleting_a_quoted_person(db):
    putin = Person.objects.create(name="Wladimir Putin")
    article = make_article("A", "Eins. Zwei.", language="de", published=dt.date(2025, 3, 9))
    Quote.objects.bulk_create(
        [
            Quote(article=article, start=s, end=s + 5, text=t, direct=True, speaker=putin, origin="machine")
            for s, t in ((0, "Eins."), (6, "Zwei."))
        ]
    )
    assert _months(putin) == {dt.date(2025, 3, 1): 2}
    putin.delete()  # quotes keep no speaker; the person's counts go with the person
    assert not PersonQuoteMonth.objects.exists()
    assert Quote.objects.filter(speaker__isnull=True).count() == 2

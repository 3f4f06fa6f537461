"""Reads for the search, person and country pages: a fixed number of queries each."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchQueryField
from django.db import connection
from django.db.models import Case, Count, F, Value, When
from django.db.models.functions import Left, TruncMonth
from django.http import Http404
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from annotations.models import Country, Mention, Person, PersonQuoteMonth, Quote
from articles.models import SEARCH_CONFIGS, Article

# Private-use characters ts_headline puts around matches: the snippet is escaped whole, and
# only then are these turned into <mark> tags, so nothing from the article is ever trusted.
_START, _STOP = "\ue000", "\ue001"
HEADLINE_MAX_CHARS = 50_000


def article_headlines(article_ids: list[int], query: str) -> dict[int, SafeString]:
    """Highlighted snippets for one page of hits, in one query.

    Each article is highlighted with the query in its own language only: ts_headline over
    the combined query of all languages (article_tsquery) costs several times as much, and
    the other languages' branches can never match there anyway.
    """
    if not article_ids or not query.strip():
        return {}
    config = Case(
        *(When(language=code, then=Value(name)) for code, name in SEARCH_CONFIGS.items()),
        default=Value("simple"),
    )
    own_language = Case(
        *(
            When(language=code, then=SearchQuery(query, config=name, search_type="websearch"))
            for code, name in SEARCH_CONFIGS.items()
        ),
        default=SearchQuery(query, config="simple", search_type="websearch"),
        output_field=SearchQueryField(),
    )
    rows = (
        Article.objects.filter(pk__in=article_ids)
        .annotate(
            headline=SearchHeadline(
                Left("body", HEADLINE_MAX_CHARS),
                own_language,
                config=config,
                start_sel=_START,
                stop_sel=_STOP,
                max_fragments=2,
                max_words=30,
                min_words=12,
                fragment_delimiter=" … ",
            )
        )
        .values_list("pk", "headline")
        .order_by()
    )
    return {pk: highlight_marks(text) for pk, text in rows}


def highlight_marks(text: str) -> SafeString:
    safe = escape(text)
    return mark_safe(safe.replace(_START, "<mark>").replace(_STOP, "</mark>"))  # noqa: S308 (escaped above)


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    count: int
    x: float
    height: float

    @property
    def y(self) -> float:
        return round(100 - self.height, 1)


def month_bars(rows: list[tuple[dt.date | None, int]], *, max_months: int = 120) -> list[Bar]:
    """Counts per month as bars of a 100-high chart, empty months included (the latest `max_months`)."""
    counts = {month.replace(day=1): n for month, n in rows if month is not None}
    if not counts:
        return []
    first, last = min(counts), max(counts)
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(dt.date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    months = months[-max_months:]
    top = max(counts.get(m, 0) for m in months) or 1
    return [
        Bar(
            label=m.strftime("%Y-%m"),
            count=counts.get(m, 0),
            x=i * 10,
            height=round(95 * counts.get(m, 0) / top, 1),
        )
        for i, m in enumerate(months)
    ]


@dataclass(frozen=True)
class Tick:
    at: float
    label: str


def month_chart(bars: list[Bar], *, y_title: str) -> dict:
    """The geometry of a month bar chart with axes: bars, y ticks (0, half and a readable top:
    1, 2 or 5 × 10^k), month or year labels under the x axis, and the axis titles. Units are the
    SVG's viewBox; each bar's tooltip gives its exact count."""
    if not bars:
        return {}
    left, top, bottom, plot_height = 34, 16, 30, 100
    axis_y = top + plot_height
    top_count = _nice_ceiling(max(bar.count for bar in bars) or 1)
    scale = plot_height / top_count
    width = left + len(bars) * 10 + 6
    drawn = [
        {"x": left + i * 10 + 1, "y": axis_y - bar.count * scale, "height": bar.count * scale, "bar": bar}
        for i, bar in enumerate(bars)
    ]
    y_ticks = [Tick(axis_y - value * scale, str(value)) for value in sorted({0, top_count // 2, top_count})]
    # Short spans name months ("2025-01", then "04", "07" …), long ones years; labels never touch.
    x_ticks, last_end = [], float("-inf")
    for i, bar in enumerate(bars):
        year, month = bar.label[:4], bar.label[5:]
        if len(bars) <= 36:
            label = bar.label if i == 0 or month == "01" else month if int(month) % 3 == 1 else ""
        else:
            label = year if i == 0 or month == "01" else ""
        at = left + i * 10 + 5
        if label and at - len(label) * 2.6 > last_end + 3:
            x_ticks.append(Tick(at, label))
            last_end = at + len(label) * 2.6
    return {
        "width": width,
        "height": axis_y + bottom,
        "left": left,
        "top": top,
        "axis_y": axis_y,
        "right": width - 4,
        "bars": drawn,
        "y_ticks": y_ticks,
        "x_ticks": x_ticks,
        "y_title": y_title,
        "x_title": f"month ({bars[0].label} to {bars[-1].label})",
    }


def person_get(person_id: int) -> Person:
    try:
        return Person.objects.defer("search_keys", "search_text").get(pk=person_id)
    except Person.DoesNotExist:
        raise Http404("No such person") from None


def _fetch(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


# The person pages look at a person's latest quotes only, so that a
# much-quoted person's page costs no more than anyone else's.
RECENT_QUOTES = 500
RECENT_ARTICLES = 200
ARTICLES_SHOWN = 20
# Spellings are counted over the latest mentions only, like the other parts of the page.
RECENT_MENTIONS = 500

# Countries named inside the person's latest quotes: a country mention within the quote span.
_PERSON_COUNTRIES = """
WITH recent AS (
  SELECT article_id, start, "end" FROM annotations_quote
  WHERE speaker_id = %s AND NOT (status = 'rejected')
  ORDER BY published DESC NULLS LAST, id DESC LIMIT %s  -- the quote_visible_speaker_date index
)
SELECT m.country_id, count(*) AS n
FROM recent q
JOIN annotations_mention m
  -- start < q.end is implied; stated, it bounds the (article_id, start) index range
  ON m.article_id = q.article_id AND m.start >= q.start AND m.start < q."end" AND m."end" <= q."end"
WHERE NOT (m.status = 'rejected') AND m.country_id IS NOT NULL
GROUP BY m.country_id ORDER BY n DESC, m.country_id LIMIT %s
"""


def person_page(person: Person, *, limit: int = 15) -> dict:
    quotes = Quote.objects.visible().filter(speaker=person)
    # One row per month (kept by triggers), however many quotes the person has.
    per_month = list(PersonQuoteMonth.objects.filter(person=person).values_list("month", "count"))
    country_counts = _fetch(_PERSON_COUNTRIES, [person.pk, RECENT_QUOTES, limit])
    countries = Country.objects.in_bulk([cid for cid, _ in country_counts])
    co_quoted = list(
        Quote.objects.visible()
        .filter(
            article_id__in=quotes.order_by("-speaker_id", "-article_id").values("article_id")[
                :RECENT_ARTICLES
            ],
            speaker__isnull=False,
        )
        .exclude(speaker=person)
        .values("speaker_id", "speaker__name")
        .annotate(articles=Count("article_id", distinct=True))
        .order_by("-articles", "speaker__name")[:limit]
    )
    # The newest quotes' articles, from the (speaker, published, id) index: NULLS LAST as there.
    newest = (F("published").desc(nulls_last=True), F("id").desc())
    recent_articles = quotes.order_by(*newest).values("article_id")[: ARTICLES_SHOWN * 5]
    articles = list(
        Article.objects.filter(pk__in=recent_articles)
        .select_related("source")
        .only("title", "published", "language", "source__name", "source_hint")
        .order_by(*newest)[:ARTICLES_SHOWN]
    )
    return {
        "quote_count": sum(n for _, n in per_month),
        "bars": month_bars(per_month),
        "chart": month_chart(month_bars(per_month), y_title="quotes"),
        "countries": [(countries[cid], n) for cid, n in country_counts],
        "co_quoted": co_quoted,
        "spellings": person_spellings(person),
        "articles": articles,
    }


def country_get(alpha2: str) -> Country:
    try:
        return Country.objects.get(alpha2=alpha2.upper())
    except Country.DoesNotExist:
        raise Http404("No such country") from None


# Speakers of quotes that name the country inside the quote span.
_COUNTRY_SPEAKERS = """
SELECT q.speaker_id, count(DISTINCT q.id) AS n
FROM annotations_mention m
JOIN annotations_quote q
  ON q.article_id = m.article_id AND m.start >= q.start AND m."end" <= q."end"
WHERE m.country_id = %s AND m.status <> 'rejected' AND q.status <> 'rejected' AND q.speaker_id IS NOT NULL
GROUP BY q.speaker_id ORDER BY n DESC, q.speaker_id LIMIT %s
"""


def country_page(country: Country, *, limit: int = 15) -> dict:
    mentions = Mention.objects.visible().filter(country=country)
    per_month = list(
        mentions.annotate(month=TruncMonth("article__published"))
        .values("month")
        .annotate(n=Count("article_id", distinct=True))
        .values_list("month", "n")
    )
    speaker_counts = _fetch(_COUNTRY_SPEAKERS, [country.pk, limit])
    speakers = Person.objects.only("name", "description").in_bulk([pid for pid, _ in speaker_counts])
    with_countries = list(
        Mention.objects.visible()
        .filter(article_id__in=mentions.values("article_id"), country__isnull=False)
        .exclude(country=country)
        .values("country__alpha2", "country__name_en")
        .annotate(articles=Count("article_id", distinct=True))
        .order_by("-articles", "country__name_en")[:limit]
    )
    return {
        "article_count": sum(n for _, n in per_month),
        "bars": month_bars(per_month),
        "chart": month_chart(month_bars(per_month), y_title="articles"),
        "speakers": [(speakers[pid], n) for pid, n in speaker_counts],
        "with_countries": with_countries,
    }


def person_spellings(person: Person) -> list[tuple[str, int]]:
    """Each spelling of the person's name with how many visible mentions use it (of up to
    RECENT_MENTIONS of them), most used first.

    The record's names with no mention (yet) are listed with 0, so every alias shows.
    """
    # Any RECENT_MENTIONS of them, unordered: read from the person index however many there are.
    recent = Mention.objects.visible().filter(person=person).order_by().values("pk")[:RECENT_MENTIONS]
    rows = (
        Mention.objects.filter(pk__in=recent)
        .values_list("text")
        .annotate(n=Count("pk"))
        .order_by("-n", "text")
    )
    counts = dict(rows)
    for name in person.all_names():
        counts.setdefault(name, 0)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def _nice_ceiling(value: int) -> int:
    """The smallest 1, 2 or 5 × 10^k at or above `value` (a readable top for an axis)."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if factor * step >= value:
                return factor * step
        step *= 10

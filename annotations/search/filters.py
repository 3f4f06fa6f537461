"""Filters for the search pages, the exports and the API: one definition for all three."""

from __future__ import annotations

import re
from collections.abc import Sequence

import django_filters
from django import forms
from django.contrib.postgres.search import SearchQueryField
from django.db import connection
from django.db.models import BooleanField, Exists, F, Func, OuterRef
from django.db.models.expressions import RawSQL

from annotations.models import Country, Mention, Quote
from annotations.search.persons import PersonResolution, person_resolve
from articles.models import LANGUAGE_MARK, SEARCH_CONFIGS, YEAR_MARK, Article, Source

LANGUAGES = [("de", "German"), ("en", "English"), ("fr", "French")]
# Ranking reads every candidate's vector, so only the newest matches are ranked: the cost
# of a search stays flat however large the archive grows (and however common the word).
# As many as the list lets anyone page to (search_views.COUNT_CAP), and as the page says.
RANK_WINDOW = 500
NEWEST_FIRST = (F("published").desc(nulls_last=True), F("id").desc())
DATE_WIDGET = django_filters.widgets.DateRangeWidget(
    attrs={"type": "date"}
)  # ?published_after=&published_before=


class CountryCodesInput(forms.TextInput):
    """One text box for "RU, KP"; also reads repeated parameters (?country=RU&country=KP)."""

    def value_from_datadict(self, data, files, name):
        values = data.getlist(name) if hasattr(data, "getlist") else [data.get(name) or ""]
        return ",".join(v for v in values if v)


class CountryCodesField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        codes = [c.upper() for c in re.split(r"[\s,;]+", value or "") if c]
        bad = [c for c in codes if not re.fullmatch(r"[A-Z]{2}", c)]
        if bad:
            raise forms.ValidationError(f"Not a two-letter country code: {', '.join(bad)}")
        return codes


class CountryCodeFilter(django_filters.Filter):
    """?country=RU&country=KP (or "RU, KP"): items whose article mentions every one of them.

    A text box rather than a select: a select of all countries costs more to render than
    the search itself. Matched on Article.countries (GIN-indexed, kept from the visible
    mentions by triggers): one indexed condition, where a probe into each candidate
    article's mentions read more the larger the archive.
    """

    field_class = CountryCodesField

    def __init__(self, *args, countries_path: str, **kwargs) -> None:
        self.countries_path = countries_path
        kwargs.setdefault("widget", CountryCodesInput(attrs={"placeholder": "RU, KP"}))
        kwargs.setdefault("label", "Countries mentioned")
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        ids = dict(Country.objects.filter(alpha2__in=value).values_list("alpha2", "pk"))
        if len(ids) < len(set(value)):
            return qs.none()
        return qs.filter(**{f"{self.countries_path}__contains": sorted(ids.values())})


def choice_widget(labels: tuple[str, ...]) -> django_filters.widgets.BooleanWidget:
    """A yes/no filter whose choices say what they do: ("any", "yes"[, "no"]), never "Unknown"."""
    widget = django_filters.widgets.BooleanWidget()
    widget.choices = list(zip(("", "true", "false"), labels, strict=False))
    return widget


class QuoteFilter(django_filters.FilterSet):
    person = django_filters.CharFilter(method="filter_person", label="Person")
    speaker = django_filters.NumberFilter(method="filter_person", widget=forms.HiddenInput)
    q = django_filters.CharFilter(method="filter_text", label="Words in the quote")
    published = django_filters.DateFromToRangeFilter(field_name="published", widget=DATE_WIDGET)
    source = django_filters.ModelChoiceFilter(field_name="article__source", queryset=Source.objects.all())
    country = CountryCodeFilter(countries_path="article__countries")
    language = django_filters.ChoiceFilter(field_name="article__language", choices=LANGUAGES)
    direct = django_filters.BooleanFilter(
        field_name="direct",
        label="Kind",
        widget=choice_widget(("Direct and indirect", "Direct only", "Indirect only")),
    )
    reviewed = django_filters.BooleanFilter(
        method="filter_reviewed", label="Review", widget=choice_widget(("All quotes", "Reviewed only"))
    )

    class Meta:
        model = Quote
        fields: list[str] = []

    resolution: PersonResolution | None = None

    def filter_person(self, qs, name, value):
        # `person` and `speaker` resolve together; the first of them to run does the work.
        if self.resolution is None:
            data = self.form.cleaned_data
            speaker = data.get("speaker")
            self.resolution = person_resolve(
                data.get("person") or "", speaker_id=int(speaker) if speaker else None
            )
            return qs.by_speakers(self.resolution.person_ids)
        return qs

    def filter_text(self, qs, name, value):
        return qs.text_search(value) if value.strip() else qs

    def filter_reviewed(self, qs, name, value):
        return qs.reviewed() if value else qs


def quote_list_queryset():
    """The quotes a search lists: visible ones, with what each hit shows, newest article first."""
    return (
        Quote.objects.visible()
        .with_context()
        .defer("article__body", "article__search_vector", "article__failure_reason")
        .order_by(*NEWEST_FIRST)
    )


def articles_naming(queryset, person_ids: list[int]):
    """Articles that mention any of these records or quote them (one identity, all its spellings)."""
    mentions = Mention.objects.visible().filter(person_id__in=person_ids, article=OuterRef("pk"))
    quotes = Quote.objects.visible().filter(speaker_id__in=person_ids, article=OuterRef("pk"))
    return queryset.filter(Exists(mentions) | Exists(quotes))


def person_filter(queryset, value: str):
    """The "Person mentioned" filter of every article list: the name resolved as quote search does
    (annotations.search.person_resolve), so ?person=Песков finds what ?person=Peskov finds."""
    value = value.strip()
    if not value:
        return queryset, None
    resolution = person_resolve(value)
    return articles_naming(queryset, resolution.person_ids), resolution


class ArticleSearchFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_text", label="Search")
    person = django_filters.CharFilter(method="filter_person", label="Person mentioned")
    published = django_filters.DateFromToRangeFilter(widget=DATE_WIDGET)
    source = django_filters.ModelChoiceFilter(queryset=Source.objects.all())
    country = CountryCodeFilter(countries_path="countries")
    language = django_filters.ChoiceFilter(choices=LANGUAGES)
    reviewed = django_filters.BooleanFilter(
        method="filter_reviewed", label="Review", widget=choice_widget(("All articles", "Reviewed only"))
    )
    status = django_filters.ChoiceFilter(choices=Article.Status.choices)

    class Meta:
        model = Article
        fields: list[str] = []

    # Exports set None: every match, newest first, unranked.
    rank_window: int | None = RANK_WINDOW
    resolution: PersonResolution | None = None

    def filter_person(self, qs, name, value):
        qs, self.resolution = person_filter(qs, value)
        return qs

    def filter_text(self, qs, name, value):
        # Applied last, in filter_queryset: the rank window must see the other filters first.
        return qs

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        query = (self.form.cleaned_data.get("q") or "").strip()
        return article_text_search(queryset, query, window=self.rank_window) if query else queryset

    def filter_reviewed(self, qs, name, value):
        return qs.filter(review_state=Article.Review.REVIEWED) if value else qs


class TsMatch(Func):
    """vector @@ query, as a condition for filter()."""

    template = "%(expressions)s"
    arg_joiner = " @@ "
    output_field = BooleanField()


def article_tsquery(query: str, *, period: str | None = None) -> RawSQL:
    """The user's web-search query, stemmed for each language and tied to that language's
    articles by their language lexeme (see articles.models): one tsquery the GIN index
    answers exactly, and "-word" excludes per language as it should. With `period` (a
    tsquery over the year lexemes, see _periods), only articles published then match.

    Written as one SQL expression rather than a tree of SearchQuery nodes: a search repeats
    it once per period, and Django's cost of copying and compiling such a tree each time was
    larger than the database's for the whole search.
    """
    marks = [LANGUAGE_MARK + code for code in SEARCH_CONFIGS]
    parts = ["(websearch_to_tsquery('simple'::regconfig, %s)" + " && !!%s::tsquery" * len(marks) + ")"]
    params = [query, *marks]
    for code, config in SEARCH_CONFIGS.items():
        parts.append(f"(websearch_to_tsquery('{config}'::regconfig, %s) && %s::tsquery)")
        params += [query, LANGUAGE_MARK + code]
    return _or_within(parts, params, period)


def any_language_tsquery(query: str, *, period: str | None = None) -> RawSQL:
    """The query stemmed in every language, OR-ed, without the language lexemes: true of every
    article article_tsquery matches (each of its branches is one of these and a language).

    Given to the GIN index beside the exact query, it lets the index drive the scan from the
    words' posting lists: with the exact query alone it walks the list of every article of
    the year, whose language lexeme it must check (the language lexemes are in every vector).
    """
    configs = ["simple", *SEARCH_CONFIGS.values()]
    parts = [f"websearch_to_tsquery('{config}'::regconfig, %s)" for config in configs]
    return _or_within(parts, [query] * len(configs), period)


def _or_within(parts: list[str], params: list, period: str | None) -> RawSQL:
    """The tsquery parts OR-ed, AND-ed with `period` (year lexemes) when given."""
    sql = "(" + " || ".join(parts) + ")"
    if period is not None:
        sql = f"({sql} && %s::tsquery)"
        params = [*params, period]
    return RawSQL(sql, params, output_field=SearchQueryField())


def _matching(queryset, query: str, *, period: str | None = None):
    return queryset.filter(
        TsMatch(F("search_vector"), any_language_tsquery(query, period=period)),
        TsMatch(F("search_vector"), article_tsquery(query, period=period)),
    )


class RankedArticles(Sequence):
    """A search's ranked window as the list the paginator pages: its length is known without
    a query, and a page reads only its own rows (one query), in rank order. `truncated`:
    more articles matched than the window holds."""

    def __init__(self, queryset, ranked_ids: list[int], *, truncated: bool) -> None:
        self.queryset = queryset
        self.ids = ranked_ids
        self.truncated = truncated

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index):
        if isinstance(index, slice):
            page = self.ids[index]
            rows = self.queryset.in_bulk(page) if page else {}
            return [rows[pk] for pk in page if pk in rows]
        return self[index : index + 1 or None][0]


def _newest_first(row: tuple) -> tuple:
    pk, published, _ = row
    return (published is None, -published.toordinal() if published else 0, -pk)


def _plain_words(query: str) -> tuple[int | None, str | None]:
    """The latest year of publication in the archive, and the words every match contains,
    as a plain tsquery: the indexable part of the query in any language (negations
    dropped), its phrases loosened to "all of these words"; None when no word is required
    (an OR with a negation, say). One query."""
    any_language = any_language_tsquery(query)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT max(published), querytree({any_language.sql}) FROM articles_article", any_language.params
        )
        latest, tree = cursor.fetchone()
    words = re.sub(r"<\d+>|<->", "&", tree or "")
    return (latest.year if latest else None), (None if words in ("", "T") else words)


def _periods(latest_year: int | None) -> list[str | None]:
    """Newest first, as tsqueries over the year lexemes: the latest year, the one before,
    and everything older or undated (None: everything, when no article has a date)."""
    if latest_year is None:
        return [None]
    recent = [f"'{YEAR_MARK}{year}'" for year in (latest_year, latest_year - 1)]
    return [*recent, " & ".join(f"!{mark}" for mark in recent)]


def _window_ranked(queryset, query: str, window: int) -> tuple[list[int], bool]:
    """The pks of the newest `window` matches, best rank first, and whether more matched.

    One query (and one for the latest year). The matches are read period by period, newest
    first, through the year lexemes of the vector (see articles.models): a UNION ALL of one
    newest-first part per period under one LIMIT, which PostgreSQL runs part after part and
    stops as soon as the window is full, so a common word reads the matches of its latest
    year or two, never all of them; the older part runs only for words rare enough to need
    it. Within a part the GIN index finds the articles holding the words (an exact answer,
    no vector read), they are sorted by date, and only then is the exact query (phrases,
    each language's stemming) checked and the rank computed, newest first until the window
    is full: vectors are read for the window's rows only.
    """
    latest_year, words = _plain_words(query)
    exact = article_tsquery(query)
    parts, params = [], []
    for period in _periods(latest_year):
        if words is None:
            candidates = _matching(queryset, query, period=period)
        elif period is None:
            candidates = queryset.filter(TsMatch(F("search_vector"), RawSQL("%s::tsquery", [words])))
        else:
            plain = RawSQL("(%s::tsquery && %s::tsquery)", [words, period])
            candidates = queryset.filter(TsMatch(F("search_vector"), plain))
        sql, sql_params = (
            candidates.order_by(*NEWEST_FIRST)
            .values_list("pk", "published", "search_vector")
            .query.sql_with_params()
        )
        # OFFSET 0 keeps the exact match outside, after the sort, where LIMIT stops it.
        parts.append(
            f"(SELECT c.pk, c.published, ts_rank(c.vector, {exact.sql}) FROM ({sql} OFFSET 0)"
            f" AS c(pk, published, vector) WHERE c.vector @@ {exact.sql} LIMIT %s)"
        )
        params += [*exact.params, *sql_params, *exact.params, window + 1]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT * FROM ({' UNION ALL '.join(parts)}) AS newest LIMIT %s", [*params, window + 1]
        )
        rows = sorted(cursor.fetchall(), key=_newest_first)
    truncated = len(rows) > window
    ranked = sorted(rows[:window], key=lambda row: (-row[2], _newest_first(row)))
    return [pk for pk, _, _ in ranked], truncated


def article_text_search(queryset, query: str, *, window: int | None = RANK_WINDOW):
    """Web-search syntax, stemmed in each article's own language: the newest `window`
    matches, best rank first (a RankedArticles), or with `window` None every match, newest
    first (a queryset)."""
    if window is None:
        return _matching(queryset, query).order_by(*NEWEST_FIRST)
    ranked, truncated = _window_ranked(queryset, query, window)
    page_rows = queryset.model.objects.with_related().defer("body", "failure_reason")
    return RankedArticles(page_rows, ranked, truncated=truncated)


def article_list_queryset():
    return Article.objects.with_related().defer("body", "failure_reason").order_by(*NEWEST_FIRST)

"""Filters for the search pages, the exports and the API: one definition for all three."""

from __future__ import annotations

import re

import django_filters
from django import forms
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import Exists, F, Max, Min, OuterRef

from annotations.models import Country, Mention, Quote
from annotations.search import PersonResolution, person_resolve
from articles.models import LANGUAGE_MARK, SEARCH_CONFIGS, YEAR_MARK, Article, Source

LANGUAGES = [("de", "German"), ("en", "English"), ("fr", "French")]
# Ranking reads every candidate's vector, so only the newest matches are ranked: the cost
# of a search stays flat however large the archive grows (and however common the word).
RANK_WINDOW = 1000
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
    the search itself.
    """

    field_class = CountryCodesField

    def __init__(self, *args, article_path: str, **kwargs) -> None:
        self.article_path = article_path
        kwargs.setdefault("widget", CountryCodesInput(attrs={"placeholder": "RU, KP"}))
        kwargs.setdefault("label", "Countries mentioned")
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        # Constant country ids (not a join on alpha2) let the planner use the statistics of
        # each country: a rare one is read from its mentions, a common one while paging.
        ids = dict(Country.objects.filter(alpha2__in=value).values_list("alpha2", "pk"))
        if len(ids) < len(set(value)):
            return qs.none()
        for code in value:
            mentions = Mention.objects.visible().filter(
                article_id=OuterRef(self.article_path), country_id=ids[code]
            )
            qs = qs.filter(Exists(mentions))
        return qs


class QuoteFilter(django_filters.FilterSet):
    person = django_filters.CharFilter(method="filter_person", label="Person")
    speaker = django_filters.NumberFilter(method="filter_person", widget=forms.HiddenInput)
    q = django_filters.CharFilter(method="filter_text", label="Words in the quote")
    published = django_filters.DateFromToRangeFilter(field_name="published", widget=DATE_WIDGET)
    source = django_filters.ModelChoiceFilter(field_name="article__source", queryset=Source.objects.all())
    country = CountryCodeFilter(article_path="article_id")
    language = django_filters.ChoiceFilter(field_name="article__language", choices=LANGUAGES)
    direct = django_filters.BooleanFilter(field_name="direct", label="Direct quote")
    reviewed = django_filters.BooleanFilter(method="filter_reviewed", label="Reviewed only")

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


def _search_query(value: str, config: str) -> SearchQuery:
    return SearchQuery(value, config=config, search_type="websearch")


class ArticleSearchFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_text", label="Search")
    published = django_filters.DateFromToRangeFilter(widget=DATE_WIDGET)
    source = django_filters.ModelChoiceFilter(queryset=Source.objects.all())
    country = CountryCodeFilter(article_path="pk")
    language = django_filters.ChoiceFilter(choices=LANGUAGES)
    reviewed = django_filters.BooleanFilter(method="filter_reviewed", label="Reviewed only")
    status = django_filters.ChoiceFilter(choices=Article.Status.choices)

    class Meta:
        model = Article
        fields: list[str] = []

    # Exports set None: every match, newest first, unranked.
    rank_window: int | None = RANK_WINDOW

    def filter_text(self, qs, name, value):
        # Applied last, in filter_queryset: the rank window must see the other filters first.
        return qs

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        query = (self.form.cleaned_data.get("q") or "").strip()
        return article_text_search(queryset, query, window=self.rank_window) if query else queryset

    def filter_reviewed(self, qs, name, value):
        return qs.filter(review_state=Article.Review.REVIEWED) if value else qs


def article_tsquery(query: str) -> SearchQuery:
    """The user's web-search query, stemmed for each language and tied to that language's
    articles by their language lexeme (see articles.models): one tsquery the GIN index
    answers exactly, and "-word" excludes per language as it should."""
    marks = {
        code: SearchQuery(LANGUAGE_MARK + code, config="simple", search_type="raw") for code in SEARCH_CONFIGS
    }
    combined = _search_query(query, "simple")
    for mark in marks.values():
        combined = combined & ~mark
    for code, config in SEARCH_CONFIGS.items():
        combined = combined | (_search_query(query, config) & marks[code])
    return combined


def _year_query(years: list[str]) -> SearchQuery:
    marks = [SearchQuery(YEAR_MARK + year, config="simple", search_type="raw") for year in years]
    combined = marks[0]
    for mark in marks[1:]:
        combined = combined | mark
    return combined


def _newest_years(matching, tsquery: SearchQuery, window: int) -> list[str] | None:
    """The publication years (newest first) that hold the newest `window` matches, or None
    when all matches fit the window. Each count is answered by the GIN index (year lexemes,
    see articles.models), so a common word costs a few window-sized counts, not a read of
    every matching article."""
    if matching.order_by().values("pk")[: window + 1].count() <= window:
        return None
    bounds = Article.objects.aggregate(lo=Min("published"), hi=Max("published"))
    if bounds["hi"] is None:
        return None
    years = [str(y) for y in range(bounds["hi"].year, bounds["lo"].year - 1, -1)] + ["none"]
    taken: list[str] = []
    found = 0
    for year in years:
        taken.append(year)
        in_year = matching.filter(search_vector=tsquery & _year_query([year])).order_by().values("pk")
        found += in_year[: window - found + 1].count()
        if found >= window:
            break
    return taken


def article_text_search(queryset, query: str, *, window: int | None = RANK_WINDOW):
    """Web-search syntax, stemmed in each article's own language; the newest `window`
    matches, best rank first (all matches newest first when `window` is None)."""
    tsquery = article_tsquery(query)
    matching = queryset.filter(search_vector=tsquery)
    if window is None:
        return matching.order_by(*NEWEST_FIRST)
    years = _newest_years(matching, tsquery, window)
    if years is not None:
        matching = queryset.filter(search_vector=tsquery & _year_query(years))
    newest = matching.order_by(*NEWEST_FIRST).values("pk")[:window]
    return (
        queryset.model.objects.with_related()
        .defer("body", "failure_reason")
        .filter(pk__in=newest)
        .annotate(rank=SearchRank(F("search_vector"), tsquery))
        .order_by("-rank", *NEWEST_FIRST)
    )


def article_list_queryset():
    return Article.objects.with_related().defer("body", "failure_reason").order_by(*NEWEST_FIRST)

"""Pages for finding things: quotes by person, full-text article search, person and country pages."""

from __future__ import annotations

from collections.abc import Sequence

from django.core.paginator import InvalidPage, Paginator
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import render
from django.utils.functional import cached_property
from django.views.decorators.http import require_GET

from annotations.forms import PersonEditForm
from annotations.models import Person
from annotations.search import exports
from annotations.search import selectors as search_selectors
from annotations.search.filters import (
    NEWEST_FIRST,
    ArticleSearchFilter,
    QuoteFilter,
    article_list_queryset,
    quote_list_queryset,
)
from newsarchive.roles import Role, has_role, role_required

PAGE_SIZE = 25
# Lists count at most this many hits ("1000+"): an exact count of a huge result costs as
# much as reading it, and nobody pages that far (exports have no limit).
COUNT_CAP = 500


class CappedPaginator(Paginator):
    @cached_property
    def count(self) -> int:
        # Any COUNT_CAP + 1 rows will do: without ordering and annotations (a search rank)
        # the count reads the least it can.
        rows = self.object_list
        if isinstance(rows, QuerySet):
            counted = rows.order_by().values("pk")[: COUNT_CAP + 1].count()
        else:  # a list, or a search's RankedArticles: its length costs no query
            counted = len(rows)
        self.capped = counted > COUNT_CAP or getattr(rows, "truncated", False)
        return min(counted, COUNT_CAP)


def _page(request, queryset, per_page: int = PAGE_SIZE):
    try:
        return CappedPaginator(queryset, per_page).page(request.GET.get("page") or 1)
    except InvalidPage:
        raise Http404("No such page") from None


class NewestBySpeaker(Sequence):
    """The quote pks of several speakers (a person's spellings), newest first, for the
    paginator. A page is merged from each speaker's own newest quotes, read by walking the
    (speaker, published, id) index once per speaker and stopping at the page's end: one
    sort over all their quotes would read every one of them. Counted up to COUNT_CAP + 1."""

    def __init__(self, queryset, speaker_ids: list[int]) -> None:
        self.queryset = queryset
        self.speaker_ids = speaker_ids

    @cached_property
    def _count(self) -> int:
        return self.queryset.order_by().values("pk")[: COUNT_CAP + 1].count()

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.stop is None:
            raise TypeError("NewestBySpeaker is read a page (a bounded slice) at a time")
        parts = [
            self.queryset.filter(speaker_id=speaker_id)
            .order_by(*NEWEST_FIRST)
            .values_list("pk", "published")[: index.stop]
            for speaker_id in self.speaker_ids
        ]
        rows = list(parts[0].union(*parts[1:], all=True)) if len(parts) > 1 else list(parts[0])
        rows.sort(key=lambda r: (r[1] is None, -r[1].toordinal() if r[1] else 0, -r[0]))
        return [pk for pk, _ in rows[index]]


def quote_page(request, queryset, per_page: int = PAGE_SIZE, *, speakers: list[int] | None = None):
    """Page over quote ids first, then load that page's quotes with their context.

    The ids come from the (speaker, published, id) index alone, also for several
    `speakers` at once (a person's spellings, see NewestBySpeaker).
    """
    ids = NewestBySpeaker(queryset, speakers) if speakers and len(speakers) > 1 else None
    page = _page(request, ids if ids is not None else queryset.values_list("pk", flat=True), per_page)
    ids = list(page.object_list)
    by_id = queryset.in_bulk(ids) if ids else {}
    page.object_list = [by_id[pk] for pk in ids]
    return page


def quote_speakers(filterset: QuoteFilter) -> list[int] | None:
    # Read .qs first: the person filter resolves the speakers as it runs.
    return filterset.resolution.person_ids if filterset.is_valid() and filterset.resolution else None


@require_GET
@role_required(Role.VIEWER)
def quote_search(request):
    filterset = QuoteFilter(request.GET, queryset=quote_list_queryset())
    page = quote_page(request, filterset.qs, speakers=quote_speakers(filterset))
    context = {"filter": filterset, "page": page, "resolution": filterset.resolution}
    return render(request, "search/quotes.html", context)


@require_GET
@role_required(Role.VIEWER)
def article_search(request):
    filterset = ArticleSearchFilter(request.GET, queryset=article_list_queryset())
    page = _page(request, filterset.qs)
    query = filterset.form.cleaned_data.get("q", "") if filterset.is_valid() else ""
    headlines = search_selectors.article_headlines([a.pk for a in page.object_list], query or "")
    hits = [(article, headlines.get(article.pk, "")) for article in page.object_list]
    return render(request, "search/articles.html", {"filter": filterset, "page": page, "hits": hits})


@require_GET
@role_required(Role.VIEWER)
def person_detail(request, person_id: int):
    person = search_selectors.person_get(person_id)
    context = {
        "person": person,
        **search_selectors.person_page(person),
        "can_edit": has_role(request.user, Role.ANALYST),
        "kinds": Person.Kind.choices,
        "edit_form": PersonEditForm(instance=person),
    }
    return render(request, "search/person.html", context)


@require_GET
@role_required(Role.VIEWER)
def country_detail(request, alpha2: str):
    country = search_selectors.country_get(alpha2)
    context = {"country": country, **search_selectors.country_page(country)}
    return render(request, "search/country.html", context)


@require_GET
@role_required(Role.VIEWER)
def quote_export(request, fmt: str):
    filterset = QuoteFilter(request.GET, queryset=quote_list_queryset())
    return exports.quotes_response(filterset.qs, fmt)


@require_GET
@role_required(Role.VIEWER)
def article_export(request, fmt: str):
    filterset = ArticleSearchFilter(request.GET, queryset=article_list_queryset())
    filterset.rank_window = None
    return exports.articles_response(filterset.qs, fmt)


@require_GET
@role_required(Role.VIEWER)
def annotation_export(request):
    filterset = ArticleSearchFilter(request.GET, queryset=article_list_queryset())
    filterset.rank_window = None
    return exports.annotations_response(filterset.qs)

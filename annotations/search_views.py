"""Pages for finding things: quotes by person, full-text article search, person and country pages."""

from __future__ import annotations

from django.core.paginator import InvalidPage, Paginator
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import render
from django.utils.functional import cached_property
from django.views.decorators.http import require_GET

from annotations import exports, search_selectors
from annotations.filters import ArticleSearchFilter, QuoteFilter, article_list_queryset, quote_list_queryset
from newsarchive.roles import Role, role_required

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


def quote_page(request, queryset, per_page: int = PAGE_SIZE):
    """Page over quote ids first, then load that page's quotes with their context.

    The ids come from the (speaker, published, id) index alone even for several spellings
    of a person at once, where sorting whole rows would read every one of their quotes.
    """
    page = _page(request, queryset.values_list("pk", flat=True), per_page)
    ids = list(page.object_list)
    by_id = queryset.in_bulk(ids) if ids else {}
    page.object_list = [by_id[pk] for pk in ids]
    return page


@require_GET
@role_required(Role.VIEWER)
def quote_search(request):
    filterset = QuoteFilter(request.GET, queryset=quote_list_queryset())
    page = quote_page(request, filterset.qs)
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
    context = {"person": person, **search_selectors.person_page(person)}
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

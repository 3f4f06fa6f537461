"""/api/quotes/: quotes by person whatever the spelling, with the quote page's filters."""

from __future__ import annotations

from django.urls import reverse

from annotations.search import views as search_views
from annotations.search.filters import QuoteFilter, quote_list_queryset
from newsarchive.api.base import PAGE_SIZE, _filtered, _require, api
from newsarchive.api.schemas import ERRORS, Message, QuotePage, _person_out, _quote_out
from newsarchive.roles import Role


@api.get("/quotes/", response={200: QuotePage, 400: Message, **ERRORS}, url_name="quote_list")
def quote_list(request):
    """Quotes; `person` is matched whatever the spelling (all spellings of the best match),
    `speaker` picks one candidate; also q, published_after/before, source, country, language,
    direct, reviewed, page."""
    _require(request, Role.VIEWER)
    filterset = _filtered(request, QuoteFilter, quote_list_queryset())
    page = search_views.quote_page(
        request, filterset.qs, per_page=PAGE_SIZE, speakers=search_views.quote_speakers(filterset)
    )
    resolution = filterset.resolution
    results = []
    for quote in page.object_list:
        article = quote.article
        results.append(
            {
                **_quote_out(quote),
                "article_id": article.pk,
                "article_title": article.title,
                "source": article.source.name if article.source_id else (article.source_hint or None),
                "published": article.published,
                "language": article.language,
                "url": reverse("article_detail", args=[article.pk]) + f"#quote-{quote.pk}",
            }
        )
    return {
        "count": page.paginator.count,
        "count_capped": page.paginator.capped,
        "page": page.number,
        "pages": page.paginator.num_pages,
        "persons": [_person_out(m) for m in resolution.selected] if resolution else [],
        "other_candidates": [_person_out(m) for m in resolution.others] if resolution else [],
        "results": results,
    }

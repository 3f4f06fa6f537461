"""Reads for article pages: one place that knows which queries a page needs."""

from __future__ import annotations

from django.db.models import Count, QuerySet
from django.http import Http404

from articles.models import Article, Source, SourceChange


def article_get(article_id: int) -> Article:
    try:
        return Article.objects.with_related().get(pk=article_id)
    except Article.DoesNotExist:
        raise Http404("No such article") from None


def source_list() -> QuerySet[Source]:
    """Every source with its article count, in one query."""
    return (
        Source.objects.select_related("country")
        .only("name", "domains", "language", "active", "country__alpha2", "country__name_en")
        .annotate(article_count=Count("articles"))
        .order_by("name", "pk")
    )


def source_get(source_id: int) -> Source:
    """One source with its article count; 404 when there is none."""
    queryset = Source.objects.select_related("country").annotate(article_count=Count("articles"))
    try:
        return queryset.get(pk=source_id)
    except Source.DoesNotExist:
        raise Http404("No such source") from None


def source_history(source: Source, *, limit: int = 200) -> list[SourceChange]:
    """The source's recorded changes, newest first."""
    return list(SourceChange.objects.filter(source=source).order_by("-at", "-pk")[:limit])

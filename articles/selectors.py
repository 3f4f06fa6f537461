"""Reads for article pages: one place that knows which queries a page needs."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Case, Count, IntegerField, Min, Q, QuerySet, Value, When
from django.db.models.functions import Lower
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


def review_next(*, user, after: str | int | None = None) -> Article | None:
    """The next unreviewed article for `user`: assigned to them first, then unassigned ones.

    `after` is the article just left, skipped so "next" never answers with the same page.
    """
    queue = Article.objects.review_queue().filter(Q(assigned_to=user) | Q(assigned_to__isnull=True))
    if after and str(after).isdigit():
        queue = queue.exclude(pk=int(after))
    mine_first = Case(When(assigned_to=user, then=Value(0)), default=Value(1), output_field=IntegerField())
    return queue.select_related(None).order_by(mine_first, "uploaded_at", "pk").only("pk").first()


def source_names_unrecorded(*, limit: int = 50) -> list[dict]:
    """Outlet names files gave that no Source record matched yet, most articles first:
    [{"name": "Euractiv", "articles": 12}]. Names differing only in case are one outlet."""
    rows = (
        Article.objects.filter(source__isnull=True)
        .exclude(source_hint="")
        .annotate(key=Lower("source_hint"))
        .values("key")
        .annotate(articles=Count("pk"), name=Min("source_hint"))
        .order_by("-articles", "key")[:limit]
    )
    return [{"name": row["name"], "articles": row["articles"]} for row in rows]


def reviewers():
    """Accounts that may review: analysts and admins (the choices of an assignment)."""
    return (
        get_user_model()
        .objects.filter(Q(groups__name__in=["analyst", "admin"]) | Q(is_superuser=True), is_active=True)
        .distinct()
        .order_by("username")
    )

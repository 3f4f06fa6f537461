"""Reads for article pages: one place that knows which queries a page needs."""

from __future__ import annotations

from collections import Counter

from django.db.models import Case, Count, IntegerField, Min, Q, QuerySet, Value, When
from django.db.models.functions import Lower
from django.http import Http404

from annotations.highlight import Layer, segments
from annotations.models import Mention, Quote
from articles.models import Article, Source, SourceChange


def article_get(article_id: int) -> Article:
    try:
        return Article.objects.with_related().get(pk=article_id)
    except Article.DoesNotExist:
        raise Http404("No such article") from None


_SPAN_COLUMNS = ("article_id", "start", "end", "origin", "status", "version")
MENTION_COLUMNS = (*_SPAN_COLUMNS, "label", "text", "person", "country")
QUOTE_COLUMNS = (
    *_SPAN_COLUMNS,
    "text",
    "direct",
    "cue",
    "speaker",
    "speaker_name",
    "speaker_start",
    "speaker_end",
)


def article_annotations(article: Article) -> dict:
    """Everything the article page shows beside the text, in a fixed number of queries."""
    # Only the columns the page shows: a country row carries hundreds of aliases.
    mentions = list(
        Mention.objects.filter(article=article)
        .visible()
        .select_related("person", "country")
        .only(*MENTION_COLUMNS, "person__name", "person__aliases", "country__name_en", "country__alpha2")
        .order_by("start")
    )
    quotes = list(
        Quote.objects.filter(article=article)
        .visible()
        .select_related("speaker")
        .only(*QUOTE_COLUMNS, "speaker__name", "speaker__aliases")
        .order_by("start")
    )
    layers = [Layer(m.start, m.end, f"m-{m.label.lower()}", f"mention-{m.pk}") for m in mentions]
    layers += [
        Layer(q.start, q.end, "q-direct" if q.direct else "q-indirect", f"quote-{q.pk}") for q in quotes
    ]
    layers += [
        Layer(q.speaker_start, q.speaker_end, "q-speaker", f"quote-{q.pk}")
        for q in quotes
        if q.speaker_start is not None and q.speaker_end is not None
    ]
    countries = Counter(m.country for m in mentions if m.label == "COUNTRY" and m.country_id)
    persons = Counter(m.person for m in mentions if m.label == "PERSON" and m.person_id)
    return {
        "segments": segments(article.body, layers),
        "mentions": mentions,
        "quotes": quotes,
        "countries": countries.most_common(),
        "persons": persons.most_common(),
    }


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

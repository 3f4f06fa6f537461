"""Reads for the analyst workspace: the article page and every htmx swap render the same context."""

from __future__ import annotations

import html
from collections import Counter

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.safestring import SafeString, mark_safe

from annotations.highlight import Segment
from annotations.models import Annotation, Correction, Country, ExtractionRun, Mention, Person, Quote, Status
from articles.models import Article
from articles.selectors import article_annotations
from newsarchive.roles import Role, has_role

HISTORY_LENGTH = 50


class _Prefixes:
    """ "/mentions/" and "/quotes/", for templates that append "<pk>/<action>/" in long loops."""

    @cached_property
    def mention(self) -> str:
        return reverse("mention_editor", args=[0])[:-2]

    @cached_property
    def quote(self) -> str:
        return reverse("quote_editor", args=[0])[:-2]


WORKSPACE_URLS = _Prefixes()
SEARCH_LIMIT = 10


def workspace(
    article: Article, *, user, selected: Annotation | None = None, error: str = "", notice: str = ""
) -> dict:
    """The text, its annotations, the side panel and the history, in a fixed number of queries."""
    context = article_annotations(article)
    mentions: list[Mention] = context["mentions"]
    quotes: list[Quote] = context["quotes"]
    persons = {m.person for m in mentions if m.person_id} | {q.speaker for q in quotes if q.speaker_id}
    proposed = Counter(m.label for m in mentions if m.status == Status.PROPOSED)
    proposed["QUOTE"] = sum(q.status == Status.PROPOSED for q in quotes)
    by_label: dict[str, list[Mention]] = {label: [] for label in Mention.Label.values}
    for mention in mentions:
        by_label[mention.label].append(mention)
    context.update(
        body_html=body_html(context["segments"]),
        urls=WORKSPACE_URLS,
        article=article,
        can_edit=has_role(user, Role.ANALYST),
        selected=selected,
        selected_list=[selected] if selected else [],
        error=error,
        notice=notice,
        history=list(Correction.objects.for_article(article.pk)[:HISTORY_LENGTH]),
        merge_persons=sorted(persons, key=lambda p: p.name),
        proposed=[(kind, proposed[kind]) for kind in ("PERSON", "COUNTRY", "ORG", "LOC", "QUOTE")],
        mention_groups=[(Mention.Label(label).label, group) for label, group in by_label.items() if group],
    )
    return context


def body_html(segments: list[Segment]) -> SafeString:
    """The highlighted text as HTML, every piece of article text escaped.

    Built here rather than in a template loop: a 10,000-word article has a thousand segments
    and the template engine spends most of a correction's time on them.
    """
    # html.escape is what django.utils.html.escape calls, without its per-call wrapping.
    parts = [
        f'<span class="{html.escape(seg.css)}" data-refs="{html.escape(seg.refs)}">'
        f"{html.escape(seg.text)}</span>"
        if seg.layers
        else html.escape(seg.text)
        for seg in segments
    ]
    return mark_safe("".join(parts))  # each part was escaped just above


def annotation_target(target: str) -> Mention | Quote | None:
    """The annotation a search box works for, from "mention-12" or "quote-5"."""
    kind, _, pk = target.partition("-")
    model = {"mention": Mention, "quote": Quote}.get(kind)
    if model is None or not pk.isdigit():
        return None
    return model.objects.filter(pk=int(pk)).first()


def persons_search(query: str) -> QuerySet[Person]:
    query = query.strip()
    if not query:
        return Person.objects.none()
    return Person.objects.filter(Q(name__icontains=query) | Q(aliases__contains=[query])).order_by(
        "-confirmed", "name"
    )[:SEARCH_LIMIT]


def countries_search(query: str) -> QuerySet[Country]:
    query = query.strip()
    if not query:
        return Country.objects.none()
    return Country.objects.filter(
        Q(name_en__icontains=query)
        | Q(name_de__icontains=query)
        | Q(name_fr__icontains=query)
        | Q(alpha2__iexact=query)
        | Q(aliases__contains=[query])
    )[:SEARCH_LIMIT]


def correction_pieces(
    article: Article, *, user, selected: Annotation | None = None, notice: str = ""
) -> dict:
    """What a correction that leaves the text unchanged re-renders: toolbar, editor, item, history."""
    return {
        "urls": WORKSPACE_URLS,
        "article": article,
        "can_edit": has_role(user, Role.ANALYST),
        "selected": selected,
        "selected_list": [selected] if selected else [],
        "notice": notice,
        "history": list(Correction.objects.for_article(article.pk)[:HISTORY_LENGTH]),
    }


def workspace_editor(annotation: Annotation, *, user) -> dict:
    """The editor panel alone, for opening an annotation without re-rendering the text."""
    return {
        "selected": annotation,
        "article": annotation.article,
        "can_edit": has_role(user, Role.ANALYST),
        "urls": WORKSPACE_URLS,
    }


# ---- training data for the learned extractor (issue 18) ------------------------------


def training_examples(*, language: str) -> list[tuple[str, str, list[dict]]]:
    """(name, body, gold quotes) of every reviewed article in `language`: its visible
    quotes (accepted, edited, added or left as proposed when the article was marked
    reviewed) with their speakers; rejected quotes are left out, so they count as wrong."""
    articles = Article.objects.filter(review_state=Article.Review.REVIEWED, language=language).order_by("pk")
    quotes = (
        Quote.objects.filter(article__in=articles)
        .visible()
        .select_related("speaker")
        .order_by("article_id", "start")
    )
    by_article: dict[int, list[dict]] = {}
    for quote in quotes:
        speaker = quote.speaker.name if quote.speaker else quote.speaker_name or None
        by_article.setdefault(quote.article_id, []).append(
            {"text": quote.text, "speaker": speaker, "direct": quote.direct}
        )
    return [
        (article.original_name or f"article-{article.pk}", article.body, by_article.get(article.pk, []))
        for article in articles.only("pk", "body", "original_name")
    ]


def article_last_run(article: Article) -> ExtractionRun | None:
    """The article's latest finished extraction run, with the learned version it used."""
    return (
        ExtractionRun.objects.filter(article=article, status=ExtractionRun.RunStatus.DONE)
        .select_related("extractor")
        .first()
    )

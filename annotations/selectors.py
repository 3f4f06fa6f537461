"""Reads for the analyst workspace: the article page and every htmx swap render the same context."""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass

from django.db import connection
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.safestring import SafeString, mark_safe

from annotations.highlight import Segment
from annotations.models import Annotation, Correction, Country, Mention, Person, Quote, Status
from annotations.search import person_search
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


@dataclass(frozen=True, slots=True)
class SpeakerCandidate:
    """A record offered in the speaker picker, with what tells it apart from its namesakes."""

    person: Person
    line: str  # the role an analyst recorded, else where the name last stood in an article

    @property
    def pk(self) -> int:
        return self.person.pk


# Where each record was last named: the words around its latest visible mention.
_LATEST_CONTEXT = """
SELECT DISTINCT ON (m.person_id) m.person_id,
  substr(a.body, greatest(m.start - 40, 0) + 1, least(m.start, 40) + (m."end" - m.start) + 30), a.title
FROM annotations_mention m JOIN articles_article a ON a.id = m.article_id
WHERE m.person_id = ANY(%s) AND NOT (m.status = 'rejected')
ORDER BY m.person_id, m.id DESC
"""


def persons_search(query: str) -> list[SpeakerCandidate]:
    """Records for the speaker picker: any spelling (folded keys, as quote search), then plain
    substring matches, each with its kind and a line that tells namesakes apart. Three queries."""
    query = query.strip()
    if not query:
        return []
    found = [m.person for m in person_search(query, limit=SEARCH_LIMIT, with_counts=False)]
    if len(found) < SEARCH_LIMIT:
        more = Person.objects.filter(Q(name__icontains=query) | Q(aliases__contains=[query]))
        more = more.exclude(pk__in=[p.pk for p in found]).order_by("-confirmed", "name")
        found += list(more.defer("search_keys", "search_text")[: SEARCH_LIMIT - len(found)])
    with connection.cursor() as cursor:
        cursor.execute(_LATEST_CONTEXT, [[p.pk for p in found]])
        context = {pk: (" ".join(snippet.split()), title) for pk, snippet, title in cursor.fetchall()}
    candidates = []
    for person in found:
        if person.description:
            line = person.description
        elif person.pk in context:
            snippet, title = context[person.pk]
            line = f"“…{snippet}…” ({title[:60]})"
        else:
            line = "not named in any article yet"
        candidates.append(SpeakerCandidate(person, line))
    return candidates


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

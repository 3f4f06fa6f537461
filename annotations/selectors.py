"""Reads for the analyst workspace: the article page and every htmx swap render the same context."""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.safestring import SafeString, mark_safe

from annotations.highlight import Layer, Segment, segments
from annotations.models import Annotation, Correction, Country, ExtractionRun, Mention, Person, Quote, Status
from annotations.search.persons import person_search
from articles.models import Article, Source
from newsarchive.roles import Role, has_role

HISTORY_LENGTH = 50
# The kinds of item a review decides on, in the order they are listed.
OPEN_ITEM_KINDS = ("PERSON", "COUNTRY", "ORG", "LOC", "QUOTE")


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
        history=article_history(article),
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
    """What a correction that leaves the text unchanged re-renders: toolbar, accept-all counts,
    editor, item, history."""
    open_items = article_open_items(article)
    return {
        "urls": WORKSPACE_URLS,
        "article": article,
        "can_edit": has_role(user, Role.ANALYST),
        "selected": selected,
        "selected_list": [selected] if selected else [],
        "notice": notice,
        "history": article_history(article),
        "proposed": [(kind, open_items.get(kind, 0)) for kind in OPEN_ITEM_KINDS],
    }


def workspace_editor(annotation: Annotation, *, user) -> dict:
    """The editor panel alone, for opening an annotation without re-rendering the text."""
    return {
        "selected": annotation,
        "article": annotation.article,
        "can_edit": has_role(user, Role.ANALYST),
        "urls": WORKSPACE_URLS,
    }


def article_open_items(article: Article) -> dict[str, int]:
    """How many machine proposals of each kind (a mention label, or QUOTE) await a decision."""
    counts = dict(
        Mention.objects.filter(article=article, status=Status.PROPOSED)
        .values_list("label")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts["QUOTE"] = Quote.objects.filter(article=article, status=Status.PROPOSED).count()
    return {kind: counts[kind] for kind in OPEN_ITEM_KINDS if counts.get(kind)}


_KIND_NAMES = {
    "PERSON": ("person", "persons"),
    "COUNTRY": ("country", "countries"),
    "ORG": ("organisation", "organisations"),
    "LOC": ("place", "places"),
    "QUOTE": ("quote", "quotes"),
}


def open_items_listed(open_items: dict[str, int]) -> list[str]:
    """["3 persons", "1 quote"]: open items as words."""
    return [f"{n} {_KIND_NAMES[kind][n != 1]}" for kind, n in open_items.items()]


def quote_span_warnings(article: Article, start: int, end: int, *, ignore: int | None = None) -> list[str]:
    """What looks wrong with a quote span before it is saved: too long, across paragraphs, overlapping.

    `ignore` is the quote being moved, which may overlap its own old place.
    """
    warnings = []
    limit = settings.QUOTE_WARN_CHARS
    if end - start > limit:
        warnings.append(f"The quote is {end - start} characters long (more than {limit}).")
    if "\n\n" in article.body[start:end].strip():
        warnings.append("It runs across a paragraph break.")
    overlapping = (
        Quote.objects.filter(article=article, start__lt=end, end__gt=start)
        .visible()
        .exclude(pk=ignore)
        .order_by("start")
    )
    texts = [
        f"“{text[:60]}{'…' if len(text) > 60 else ''}”"
        for text in overlapping.values_list("text", flat=True)[:5]
    ]
    if texts:
        warnings.append(
            f"It overlaps {len(texts)} other quote{'s' if len(texts) != 1 else ''}: {', '.join(texts)}"
        )
    return warnings


# Fields of recorded rows that hold ids, and how to name what they point to.
_NAMED_FIELDS = {
    "country_id": ("country", Country, "name_en"),
    "person_id": ("person", Person, "name"),
    "speaker_id": ("speaker", Person, "name"),
    "source_id": ("source", Source, "name"),
    "reviewed_by_id": ("reviewed by", None, "username"),
    "created_by_id": ("created by", None, "username"),
    "assigned_to_id": ("reviewer", None, "username"),
}


def article_history(article: Article, *, limit: int = HISTORY_LENGTH) -> list[Correction]:
    """The article's corrections, newest first, each with `readable`: its changes with names
    instead of raw ids ("country: Russia → Ukraine", not "country_id 190 → 29"), in one
    query per kind of thing named."""
    history = list(Correction.objects.for_article(article.pk)[:limit])
    rows = {c.pk: c.changes() for c in history}
    wanted: dict[tuple[type, str], set] = {}
    for changes in rows.values():
        for _row, field, before, after in changes:
            if field in _NAMED_FIELDS:
                _label, model, attr = _NAMED_FIELDS[field]
                key = (model or get_user_model(), attr)
                wanted.setdefault(key, set()).update(v for v in (before, after) if isinstance(v, int))
    names = {
        key: dict(key[0].objects.filter(pk__in=ids).values_list("pk", key[1]))
        for key, ids in wanted.items()
        if ids
    }

    def named(field: str, value):
        if field not in _NAMED_FIELDS or not isinstance(value, int):
            return value
        _label, model, attr = _NAMED_FIELDS[field]
        return names.get((model or get_user_model(), attr), {}).get(value, f"#{value} (deleted)")

    for correction in history:
        correction.readable = [
            (
                row,
                _NAMED_FIELDS[field][0] if field in _NAMED_FIELDS else field.replace("_", " "),
                named(field, before),
                named(field, after),
            )
            for row, field, before, after in rows[correction.pk]
        ]
    return history


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

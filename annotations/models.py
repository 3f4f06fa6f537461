from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchVector, SearchVectorExact
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import F, Q


class Country(models.Model):
    alpha2 = models.CharField(max_length=2, unique=True)
    alpha3 = models.CharField(max_length=3, unique=True)
    name_en = models.CharField(max_length=200)
    name_de = models.CharField(max_length=200)
    name_fr = models.CharField(max_length=200)
    aliases = ArrayField(
        models.CharField(max_length=200),
        default=list,
        blank=True,
        help_text="Adjectives, inflected forms, capitals and metonyms in every language.",
    )

    class Meta:
        ordering = ["name_en"]
        verbose_name_plural = "countries"

    def __str__(self) -> str:
        return f"{self.name_en} ({self.alpha2})"


class Person(models.Model):
    """A speaker's identity: a person, or an organisation that speaks (a ministry, a press service)."""

    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        ORGANISATION = "organisation", "Organisation"

    name = models.CharField(max_length=300)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.PERSON)
    aliases = ArrayField(models.CharField(max_length=300), default=list, blank=True)
    description = models.CharField(max_length=500, blank=True, help_text="Role, e.g. Kremlin spokesman.")
    wikidata_id = models.CharField(max_length=20, blank=True)
    # Confirmed persons are fed back to the extraction gazetteer.
    confirmed = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    # Folded name keys (annotations.names) for spelling-proof search. NULL means "not yet
    # computed or stale": a trigger nulls them when name or aliases change, and
    # annotations.search.person_keys_refresh fills them.
    search_keys = ArrayField(models.CharField(max_length=300), null=True, blank=True, editable=False)
    search_text = models.TextField(null=True, blank=True, editable=False)  # noqa: DJ001 (NULL: missing)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["name"], name="person_name_unique"),
            models.CheckConstraint(condition=~Q(name=""), name="person_name_not_empty"),
            models.CheckConstraint(
                condition=Q(kind__in=["person", "organisation"]), name="person_kind_valid"
            ),
        ]
        indexes = [
            GinIndex(fields=["search_keys"], name="person_search_keys"),
            GinIndex(fields=["search_text"], opclasses=["gin_trgm_ops"], name="person_search_text_trgm"),
            models.Index(fields=["id"], condition=Q(search_keys__isnull=True), name="person_keys_missing"),
        ]

    def __str__(self) -> str:
        return self.name

    def all_names(self) -> list[str]:
        return [self.name, *self.aliases]


# --- Person identity (issue 15): pairs analysts keep apart ------------------------------


class PersonDistinction(models.Model):
    """Two records an analyst said are different people (a split, or a dismissed suggestion).

    Merge suggestions leave such pairs out, so a human's "not the same" is never asked again.
    The pair is stored smaller id first.
    """

    low = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    high = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["low", "high"], name="person_distinction_unique"),
            models.CheckConstraint(condition=Q(low__lt=F("high")), name="person_distinction_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.low_id} ≠ {self.high_id}"


# --- end of person identity block ----------------------------------------------------------


class Origin(models.TextChoices):
    MACHINE = "machine", "Machine"
    PERSON = "person", "Person"


class Status(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"
    EDITED = "edited", "Edited"


# ---- learned extractor versions (issue 18) -------------------------------------------


class ExtractorVersionQuerySet(models.QuerySet):
    def adopted(self) -> ExtractorVersionQuerySet:
        return self.filter(adopted=True)

    def for_admin(self) -> ExtractorVersionQuerySet:
        return self.select_related("adopted_by").order_by("language", "-created_at", "-pk")


class ExtractorVersion(models.Model):
    """A trained extractor (speaker ranker + quote classifier) written by `train_extractor`.

    At most one version per language is adopted: the workers use it, else the rules."""

    language = models.CharField(max_length=8)
    version = models.CharField(max_length=40)
    path = models.CharField(max_length=500)
    articles = models.PositiveIntegerField(default=0)
    held_out_articles = models.PositiveIntegerField(default=0)
    # {"quotes_f1", "attributed_f1", "speaker_share", ...} on the version's held-out slice
    held_out = models.JSONField(default=dict, blank=True)
    rules_held_out = models.JSONField(default=dict, blank=True)
    # the extractor in use when this one was trained, scored on the same slice
    current_held_out = models.JSONField(default=dict, blank=True)
    learning_curve = models.JSONField(default=list, blank=True)
    # {"folds", "rules": {...}, "model": {...}}: every training article scored once by a
    # model that did not see it (`train_extractor --cross-validate K`); empty without it
    cross_validation = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    adopted = models.BooleanField(default=False)
    adopted_at = models.DateTimeField(null=True, blank=True)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # set when rolled back: a later rollback does not return to it
    retired_at = models.DateTimeField(null=True, blank=True)

    objects = ExtractorVersionQuerySet.as_manager()

    class Meta:
        ordering = ["language", "-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["language", "version"], name="extractor_version_unique"),
            models.UniqueConstraint(
                fields=["language"], condition=Q(adopted=True), name="extractor_one_adopted_per_language"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.language} {self.version}"

    def score(self, key: str = "attributed_f1") -> float | None:
        value = self.held_out.get(key)
        return float(value) if value is not None else None


class ExtractionRun(models.Model):
    class RunStatus(models.TextChoices):
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="runs")
    pipeline = models.CharField(max_length=100)
    version = models.CharField(max_length=40)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=16, choices=RunStatus.choices, default=RunStatus.RUNNING)
    error = models.TextField(blank=True)
    counts = models.JSONField(default=dict, blank=True)
    # the learned extractor that refined the rules' output (None: the rules alone)
    extractor = models.ForeignKey(
        ExtractorVersion, null=True, blank=True, on_delete=models.SET_NULL, related_name="runs"
    )

    class Meta:
        ordering = ["-started_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.pipeline} {self.version} on article {self.article_id}"


class AnnotationQuerySet(models.QuerySet):
    def visible(self):
        return self.exclude(status=Status.REJECTED)

    def machine_untouched(self):
        return self.filter(origin=Origin.MACHINE, status=Status.PROPOSED)

    def touched_by_people(self):
        return self.exclude(origin=Origin.MACHINE, status=Status.PROPOSED)


class Annotation(models.Model):
    """What mentions and quotes share: a span of an article's body, its origin and review status."""

    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="%(class)ss")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    origin = models.CharField(max_length=16, choices=Origin.choices)
    run = models.ForeignKey(ExtractionRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PROPOSED)
    # Bumped on every change; a save names the version it read (optimistic locking).
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AnnotationQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["start", "end"]


def _span_constraints(prefix: str) -> list[models.BaseConstraint]:
    return [
        models.CheckConstraint(condition=Q(start__lt=F("end")), name=f"{prefix}_start_before_end"),
        models.CheckConstraint(
            condition=Q(origin__in=[Origin.MACHINE, Origin.PERSON]), name=f"{prefix}_origin_valid"
        ),
        models.CheckConstraint(condition=Q(status__in=Status.values), name=f"{prefix}_status_valid"),
    ]


class Mention(Annotation):
    class Label(models.TextChoices):
        PERSON = "PERSON", "Person"
        COUNTRY = "COUNTRY", "Country"
        ORG = "ORG", "Organisation"
        LOC = "LOC", "Place"

    label = models.CharField(max_length=16, choices=Label.choices)
    text = models.CharField(max_length=500)
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="mentions"
    )
    country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.PROTECT, related_name="mentions"
    )

    class Meta(Annotation.Meta):
        constraints = [
            *_span_constraints("mention"),
            models.CheckConstraint(
                condition=Q(label__in=["PERSON", "COUNTRY", "ORG", "LOC"]), name="mention_label_valid"
            ),
            models.UniqueConstraint(
                fields=["run", "start", "end", "label"],
                condition=Q(origin="machine"),
                name="mention_one_per_span_and_run",
            ),
        ]
        indexes = [
            models.Index(fields=["article", "start"]),
            # "Articles mentioning country X" from the index alone.
            models.Index(
                fields=["country", "article"],
                condition=~Q(status=Status.REJECTED),
                name="mention_visible_country",
            ),
            # "Countries named inside these quotes" (person page): a range of positions in
            # an article, answered from the index alone, person mentions left out.
            models.Index(
                fields=["article", "start"],
                include=["end", "country"],
                condition=~Q(status=Status.REJECTED) & Q(country__isnull=False),
                name="mention_visible_country_span",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label} {self.text!r} [{self.start}:{self.end}]"


# Quote text is searched in its article's language; one expression index per configuration,
# matched by QuoteQuerySet.text_search (the expressions must stay identical).
QUOTE_TEXT_CONFIGS = {"de": "german", "en": "english", "fr": "french"}


class QuoteQuerySet(AnnotationQuerySet):
    def with_context(self) -> QuoteQuerySet:
        return self.select_related("speaker", "article", "article__source")

    def by_speakers(self, person_ids) -> QuoteQuerySet:
        return self.filter(speaker_id__in=list(person_ids))

    def reviewed(self) -> QuoteQuerySet:
        """Quotes a person accepted or edited, or that belong to a reviewed article."""
        return self.filter(
            Q(status__in=[Status.ACCEPTED, Status.EDITED]) | Q(article__review_state="reviewed")
        )

    def text_search(self, query: str) -> QuoteQuerySet:
        """Web-search syntax over the quote text, stemmed in the article's language."""
        condition = Q()
        for language, config in QUOTE_TEXT_CONFIGS.items():
            match = SearchVectorExact(
                SearchVector("text", config=config),
                SearchQuery(query, config=config, search_type="websearch"),
            )
            condition |= Q(match, article__language=language)
        return self.filter(condition)


class Quote(Annotation):
    text = models.TextField()
    direct = models.BooleanField()
    cue = models.CharField(max_length=100, blank=True)
    speaker = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="quotes"
    )
    # The speaker as resolved from the text when it is no person (an institution or a country).
    speaker_name = models.CharField(max_length=300, blank=True)
    speaker_start = models.PositiveIntegerField(null=True, blank=True)
    speaker_end = models.PositiveIntegerField(null=True, blank=True)
    # The article's publication date, copied by a database trigger (on insert and when the
    # article's date changes), so a person's quotes list newest first from one index.
    published = models.DateField(null=True, blank=True, editable=False)

    objects = QuoteQuerySet.as_manager()

    class Meta(Annotation.Meta):
        constraints = [
            *_span_constraints("quote"),
            models.CheckConstraint(
                condition=Q(speaker_start__isnull=True, speaker_end__isnull=True)
                | Q(speaker_start__lt=F("speaker_end")),
                name="quote_speaker_span_valid",
            ),
            models.UniqueConstraint(
                fields=["run", "start", "end"],
                condition=Q(origin="machine"),
                name="quote_one_per_span_and_run",
            ),
        ]
        indexes = [
            models.Index(fields=["article", "start"]),
            # A person's visible quotes and their articles, from the index alone (counts, pages).
            models.Index(
                fields=["speaker", "article"],
                condition=~Q(status=Status.REJECTED),
                name="quote_visible_speaker",
            ),
            # A person's quotes newest first; the person page's "latest quotes" read their
            # spans from the index alone (a cold cache costs a page per quote otherwise).
            models.Index(
                "speaker",
                F("published").desc(nulls_last=True),
                F("id").desc(),
                include=["article", "start", "end"],
                condition=~Q(status=Status.REJECTED),
                name="quote_visible_speaker_date",
            ),
            # Who else is quoted in these articles (person page), from the index alone.
            models.Index(
                fields=["article"],
                include=["speaker"],
                condition=~Q(status=Status.REJECTED) & Q(speaker__isnull=False),
                name="quote_visible_article_speaker",
            ),
            *(
                GinIndex(SearchVector("text", config=config), name=f"quote_text_{language}")
                for language, config in QUOTE_TEXT_CONFIGS.items()
            ),
        ]

    def __str__(self) -> str:
        return f"{self.text[:60]}"

    @property
    def speaker_display(self) -> str:
        return self.speaker.name if self.speaker_id else self.speaker_name


class PersonQuoteMonth(models.Model):
    """How many visible quotes a person has per month of publication (month NULL: undated).

    Kept by statement-level triggers on annotations_quote (migration 0011), so the person
    page reads at most one row per month, however many quotes a person has.
    """

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    month = models.DateField(null=True)
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person", "month"], nulls_distinct=False, name="person_quote_month_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} {self.month}: {self.count}"


class CorrectionQuerySet(models.QuerySet):
    def for_article(self, article_id: int) -> CorrectionQuerySet:
        return self.filter(article_id=article_id).select_related("user", "undone_by").order_by("-pk")


class Correction(models.Model):
    """One analyst correction: who, when, what, and the rows before and after.

    `before` and `after` map "<kind>:<pk>" (kind: mention, quote, person, article) to the
    fields the correction changed, or to null when the row did not exist on that side, so
    undoing restores `before` whatever the action was.
    """

    class Action(models.TextChoices):
        ACCEPT = "accept", "Accepted"
        REJECT = "reject", "Rejected"
        CREATE = "create", "Added span"
        MOVE = "move", "Moved span"
        LINK = "link", "Linked"
        QUOTE_CREATE = "quote_create", "Added quote"
        QUOTE_DELETE = "quote_delete", "Removed quote"
        SPEAKER_SET = "speaker_set", "Changed speaker"
        PERSON_MERGE = "person_merge", "Merged persons"
        PERSON_SPLIT = "person_split", "Split a spelling out"
        PERSON_APART = "person_apart", "Kept persons apart"
        PERSON_EDIT = "person_edit", "Edited a person record"
        ACCEPT_ALL = "accept_all", "Accepted all"
        REVIEW = "review", "Review state"
        METADATA = "metadata", "Article details"
        RELABEL = "relabel", "Changed type"
        QUOTE_KIND = "quote_kind", "Direct/indirect"

    article = models.ForeignKey(
        "articles.Article", null=True, blank=True, on_delete=models.CASCADE, related_name="corrections"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="corrections"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    action = models.CharField(max_length=20, choices=Action.choices)
    target_type = models.CharField(max_length=20)
    target_id = models.PositiveBigIntegerField(null=True, blank=True)
    summary = models.CharField(max_length=500, blank=True)
    before = models.JSONField(default=dict, encoder=DjangoJSONEncoder)
    after = models.JSONField(default=dict, encoder=DjangoJSONEncoder)
    undone = models.BooleanField(default=False)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    undone_at = models.DateTimeField(null=True, blank=True)

    objects = CorrectionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(undone=False) | Q(undone_at__isnull=False), name="correction_undone_has_time"
            ),
        ]
        indexes = [models.Index(fields=["article", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.target_type} {self.target_id}"

    def changes(self, limit: int = 8) -> list[tuple[str, str, object, object]]:
        """(row, field, before, after) for each field that changed, for the history's before → after."""
        rows: list[tuple[str, str, object, object]] = []
        for key in sorted(set(self.before) | set(self.after)):
            before, after = self.before.get(key), self.after.get(key)
            row = key.replace(":", " ")
            if before is None or after is None:
                rows.append(
                    (row, "", "—" if before is None else "exists", "—" if after is None else "exists")
                )
                continue
            rows.extend(
                (row, field, before.get(field), after.get(field))
                for field in after
                if field != "version" and before.get(field) != after.get(field)
            )
            if len(rows) >= limit:
                break
        return rows[:limit]

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import Case, F, Func, Q, Value, When
from django.db.models.functions import Cast, Coalesce, Extract, Left

# The text search configuration of each article language; others fall back to "simple".
SEARCH_CONFIGS = {"de": "german", "en": "english", "fr": "french"}
# Only the start of very long texts is indexed: a tsvector is limited to 1 MB.
SEARCH_MAX_CHARS = 100_000
LANGUAGE_MARK = "zzlang"
YEAR_MARK = "zzy"


def _search_vector_expression():
    def vector(config: str):
        return SearchVector("title", weight="A", config=config) + SearchVector(
            Left("body", SEARCH_MAX_CHARS), weight="B", config=config
        )

    by_language = Case(
        *(When(language=code, then=vector(config)) for code, config in SEARCH_CONFIGS.items()),
        default=vector("simple"),
        output_field=SearchVectorField(),
    )
    # A lexeme naming the language ("zzlangde"): a query can then pair each language's
    # stemming with its articles inside one tsquery, which the GIN index answers exactly
    # (no per-row recheck of the vector).
    language_mark = Func(
        Value(LANGUAGE_MARK), F("language"), template="CAST((%(expressions)s) AS tsvector)", arg_joiner=" || "
    )
    # And one naming the year of publication ("zzy2025", "zzynone"): a search can then count
    # and take its newest matches year by year from the index alone (annotations.search.filters).
    year = Coalesce(Cast(Extract("published", "year"), models.CharField()), Value("none"))
    year_mark = Func(
        Value(YEAR_MARK), year, template="CAST((%(expressions)s) AS tsvector)", arg_joiner=" || "
    )
    return Func(by_language, language_mark, year_mark, template="(%(expressions)s)", arg_joiner=" || ",
                output_field=SearchVectorField())  # fmt: skip


class Source(models.Model):
    """A news outlet or agency articles come from."""

    name = models.CharField(max_length=200, unique=True)
    domains = ArrayField(models.CharField(max_length=253), default=list, blank=True)
    country = models.ForeignKey(
        "annotations.Country", null=True, blank=True, on_delete=models.SET_NULL, related_name="sources"
    )
    language = models.CharField(max_length=8, blank=True)
    signatures = ArrayField(
        models.CharField(max_length=300),
        default=list,
        blank=True,
        help_text="Lines that identify the outlet in scraped files, e.g. 'Lesen Sie mehr mit Euractiv'.",
    )
    notes = models.TextField(blank=True)
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ArticleQuerySet(models.QuerySet):
    def with_related(self) -> ArticleQuerySet:
        return self.select_related("source", "uploaded_by", "assigned_to")

    def in_progress(self) -> ArticleQuerySet:
        return self.filter(status__in=Article.IN_PROGRESS)

    def failed(self) -> ArticleQuerySet:
        return self.filter(status=Article.Status.FAILED)

    def recent(self) -> ArticleQuerySet:
        return self.order_by("-uploaded_at", "-pk")

    def review_queue(self) -> ArticleQuerySet:
        """Extracted articles nobody has reviewed yet, oldest upload first."""
        return (
            self.filter(status=Article.Status.DONE, review_state=Article.Review.UNREVIEWED)
            .select_related("source", "assigned_to")
            .order_by("uploaded_at", "pk")
        )


class ArticleManager(models.Manager.from_queryset(ArticleQuerySet)):
    def get_queryset(self) -> ArticleQuerySet:
        # The search vector is for the database to match on, never worth fetching.
        return super().get_queryset().defer("search_vector")


class Article(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        PROCESSING = "processing", "Processing"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    class Review(models.TextChoices):
        UNREVIEWED = "unreviewed", "Not reviewed"
        REVIEWED = "reviewed", "Reviewed"

    # Statuses a page keeps polling for: extraction has not finished yet.
    IN_PROGRESS = (Status.QUEUED, Status.PROCESSING)

    title = models.CharField(max_length=1000)
    # The cleaned text every annotation offset refers to: never changed once extracted.
    body = models.TextField()
    language = models.CharField(max_length=8, blank=True)
    source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    source_hint = models.CharField(
        max_length=200, blank=True, help_text="Source name found in the file, when no Source matched."
    )
    published = models.DateField(null=True, blank=True)
    published_inferred = models.BooleanField(
        default=False, help_text="The date was completed from a weekday and day without a year."
    )
    url = models.URLField(max_length=2000, blank=True)
    content_hash = models.CharField(max_length=64, unique=True)
    original_file = models.FileField(upload_to="originals/%Y/%m/", blank=True)
    original_name = models.CharField(max_length=255, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="uploaded_articles"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True, db_index=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED, db_index=True)
    status_changed_at = models.DateTimeField(auto_now_add=True)
    failure_reason = models.TextField(blank=True)
    extraction_attempts = models.PositiveIntegerField(default=0)
    # The Celery task id that holds the claim while processing: a redelivery of the same
    # message may take the article over, another task for it may not.
    extraction_task_id = models.CharField(max_length=64, blank=True)
    review_state = models.CharField(max_length=16, choices=Review.choices, default=Review.UNREVIEWED)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    # Optional: the analyst who is to review it (the review queue's "assigned to me").
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_articles",
    )
    # The ids of the countries its visible (not rejected) mentions name, for the country
    # filters: kept by triggers on annotations_mention (annotations migration 0010), which
    # also stop any other write from changing it (a stale full-row save, say).
    countries = ArrayField(models.BigIntegerField(), default=list, blank=True, editable=False)
    # Title (weight A) and body (B), stemmed in the article's language; kept by PostgreSQL.
    search_vector = models.GeneratedField(
        expression=_search_vector_expression(), output_field=SearchVectorField(), db_persist=True
    )

    objects = ArticleManager()

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["queued", "processing", "done", "failed"]),
                name="article_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(review_state__in=["unreviewed", "reviewed"]), name="article_review_state_valid"
            ),
            models.CheckConstraint(
                condition=~Q(status="failed") | ~Q(failure_reason=""), name="article_failure_has_reason"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "status_changed_at"]),
            GinIndex(fields=["search_vector"], name="article_search_vector"),
            GinIndex(fields=["countries"], name="article_countries"),
            # Lists and searches page newest first: walking this index stops after one page.
            models.Index(F("published").desc(nulls_last=True), F("id").desc(), name="article_published_desc"),
            models.Index(
                "language",
                F("published").desc(nulls_last=True),
                F("id").desc(),
                name="article_lang_published",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Upload(models.Model):
    """One upload action (a browser form post or a command run) and its per-file report."""

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="uploads"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    broker_unavailable = models.BooleanField(default=False)
    # Files of a large upload waiting on the intake queue to be read (see `upload_submit`).
    files_pending = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Upload {self.pk}"


class UploadItem(models.Model):
    class Outcome(models.TextChoices):
        STORED = "stored", "Stored"
        DUPLICATE = "duplicate", "Duplicate"
        REJECTED = "rejected", "Rejected"

    upload = models.ForeignKey(Upload, on_delete=models.CASCADE, related_name="items")
    name = models.CharField(max_length=500)
    outcome = models.CharField(max_length=16, choices=Outcome.choices)
    reason = models.TextField(blank=True)
    article = models.ForeignKey(Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(outcome="rejected") | ~Q(reason=""), name="uploaditem_rejection_has_reason"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}: {self.outcome}"


class SourceChange(models.Model):
    """One recorded change to a source: who, when, and each field's value before → after.

    Kept when its source is merged away (the entries move to the surviving source) and
    when the acting user is deleted (the username stays in `username`).
    """

    class Action(models.TextChoices):
        CREATED = "created", "Created"
        UPDATED = "updated", "Updated"
        MERGED = "merged", "Merged"

    source = models.ForeignKey(Source, null=True, on_delete=models.SET_NULL, related_name="changes")
    source_name = models.CharField(max_length=200, help_text="The source's name when it changed.")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    username = models.CharField(max_length=150, blank=True)
    at = models.DateTimeField(auto_now_add=True)
    action = models.CharField(max_length=16, choices=Action.choices)
    # {field: [before, after]}; values as shown (a country by its code, lists as lists).
    changes = models.JSONField(default=dict, blank=True)
    note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["source", "-at"], name="sourcechange_source_at")]
        constraints = [
            models.CheckConstraint(
                condition=Q(action__in=["created", "updated", "merged"]), name="sourcechange_action_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source_name}: {self.action} by {self.username or 'unknown'}"

"""Invariants the database itself enforces."""

import pytest
from django.db import IntegrityError, transaction

from annotations.models import ExtractionRun, Mention, Origin, Quote
from articles.models import Article


@pytest.fixture
def article(db):
    return Article.objects.create(title="T", body="Peskow sagte etwas.", content_hash="a" * 64)


def _violates(create) -> bool:
    try:
        with transaction.atomic():
            create()
    except IntegrityError:
        return True
    return False


def test_content_hash_is_unique(article):
    assert _violates(lambda: Article.objects.create(title="U", body="x", content_hash=article.content_hash))


def test_failed_article_needs_a_reason(article):
    assert _violates(lambda: Article.objects.filter(pk=article.pk).update(status="failed", failure_reason=""))
    Article.objects.filter(pk=article.pk).update(status="failed", failure_reason="broken")


def test_unknown_status_is_refused(article):
    assert _violates(lambda: Article.objects.filter(pk=article.pk).update(status="lost"))


def test_span_must_have_start_before_end(article):
    assert _violates(
        lambda: Mention.objects.create(
            article=article, start=5, end=5, label="PERSON", text="", origin=Origin.PERSON
        )
    )
    assert _violates(
        lambda: Quote.objects.create(
            article=article, start=9, end=3, text="x", direct=True, origin=Origin.PERSON
        )
    )


def test_one_machine_annotation_per_span_and_run(article):
    run = ExtractionRun.objects.create(article=article, pipeline="p", version="1")
    Mention.objects.create(
        article=article, start=0, end=6, label="PERSON", text="Peskow", origin="machine", run=run
    )
    assert _violates(
        lambda: Mention.objects.create(
            article=article, start=0, end=6, label="PERSON", text="Peskow", origin="machine", run=run
        )
    )
    # People may annotate the same span as the machine.
    Mention.objects.create(article=article, start=0, end=6, label="PERSON", text="Peskow", origin="person")


def test_label_must_be_known(article):
    assert _violates(
        lambda: Mention.objects.create(
            article=article, start=0, end=6, label="THING", text="x", origin="person"
        )
    )


@pytest.mark.django_db
def test_no_missing_migrations():
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()

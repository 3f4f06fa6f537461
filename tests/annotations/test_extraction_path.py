"""Upload → on_commit enqueue → task → annotations, with the task called in-process."""

from pathlib import Path

import pytest
from django.urls import reverse

from annotations.models import ExtractionRun, Mention, Origin, Quote, Status
from annotations.tasks import article_extract
from articles.models import Article, UploadItem

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "dev" / "000_36d443cab702394d.txt"

ARTICLE = (
    "Kreml lobt Gespräche mit Nordkorea\n\n"
    "„Wir bereiten diesen Besuch sorgfältig vor, und er wird stattfinden“, sagte Kremlsprecher "
    "Dmitri Peskow am Mittwoch in Moskau.\n\n"
    "Peskow sagte, Russland sei bereit, die Zusammenarbeit mit Nordkorea auszubauen.\n"
)


@pytest.fixture
def eager_celery():
    from newsarchive.celery import app

    app.conf.task_always_eager = True
    yield app
    app.conf.task_always_eager = False


def _upload(client, text, django_capture_on_commit_callbacks, execute):
    with django_capture_on_commit_callbacks(execute=execute) as callbacks:
        response = client.post(reverse("upload"), {"text": text})
    assert response.status_code == 302
    return response, callbacks


def test_upload_stores_article_and_enqueues_on_commit(client_as, analyst, django_capture_on_commit_callbacks):
    client = client_as(analyst)
    response, callbacks = _upload(client, ARTICLE, django_capture_on_commit_callbacks, execute=False)
    article = Article.objects.get()
    assert article.title == "Kreml lobt Gespräche mit Nordkorea"
    assert article.status == Article.Status.QUEUED
    assert article.uploaded_by == analyst
    assert len(callbacks) == 1  # the enqueue waits for the commit
    item = UploadItem.objects.get()
    assert item.outcome == UploadItem.Outcome.STORED and item.article == article


def test_task_stores_machine_annotations(
    client_as, analyst, django_capture_on_commit_callbacks, eager_celery
):
    client = client_as(analyst)
    _upload(client, ARTICLE, django_capture_on_commit_callbacks, execute=True)
    article = Article.objects.get()
    assert article.status == Article.Status.DONE, article.failure_reason
    run = ExtractionRun.objects.get(article=article)
    assert run.status == ExtractionRun.RunStatus.DONE and run.finished_at
    quotes = list(Quote.objects.filter(article=article))
    assert quotes, "the direct quote was not stored"
    assert all(q.origin == Origin.MACHINE and q.status == Status.PROPOSED and q.run == run for q in quotes)
    for quote in quotes:
        assert article.body[quote.start : quote.end] == quote.text

    from annotations.models import Person

    peskow = Person.objects.get(name="Dmitri Peskow")
    assert peskow.search_keys  # searchable as soon as extraction created it

    page = client.get(reverse("article_detail", args=[article.pk]))
    assert page.status_code == 200
    assert "Wir bereiten diesen Besuch sorgfältig vor" in page.content.decode()


def test_repeated_task_leaves_one_set_of_annotations(
    analyst, client_as, django_capture_on_commit_callbacks, eager_celery
):
    _upload(client_as(analyst), ARTICLE, django_capture_on_commit_callbacks, execute=True)
    article = Article.objects.get()
    counts = (Mention.objects.count(), Quote.objects.count())
    # A re-delivered message for a finished article finds nothing to do.
    assert article_extract.apply(args=[article.pk]).get() == "nothing to do"
    assert (Mention.objects.count(), Quote.objects.count()) == counts


def test_failed_extraction_is_visible_and_retryable(
    analyst, client_as, django_capture_on_commit_callbacks, monkeypatch
):
    import annotations.tasks as tasks

    def broken(*args, **kwargs):
        raise ValueError("model exploded")

    client = client_as(analyst)
    _upload(client, ARTICLE, django_capture_on_commit_callbacks, execute=False)
    article = Article.objects.get()
    monkeypatch.setattr(tasks, "extract", broken)
    assert article_extract.apply(args=[article.pk]).get() == "failed"
    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert "model exploded" in article.failure_reason
    page = client.get(reverse("article_detail", args=[article.pk])).content.decode()
    assert "model exploded" in page and "Retry extraction" in page

    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(reverse("article_retry", args=[article.pk]))
    article.refresh_from_db()
    assert article.status == Article.Status.QUEUED and article.failure_reason == ""
    assert len(callbacks) == 1


def test_seed_file_upload_strips_leftovers(client_as, analyst, django_capture_on_commit_callbacks):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_as(analyst)
    upload = SimpleUploadedFile(SEED.name, SEED.read_bytes(), content_type="text/plain")
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(reverse("upload"), {"files": [upload]})
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.title.startswith("Russland gibt zu")
    assert "Leave a Reply" not in article.body and "source-127" not in article.body
    assert client.get(reverse("article_original", args=[article.pk])).status_code == 200

"""Intake through the browser and the command line: reports, duplicates, bad files, nothing half-stored."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article, Upload, UploadItem

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "dev"

GOOD = "Titel der Meldung\n\nDer Kreml erklärte am Montag, Russland sei zu Gesprächen bereit.\n"
RESCRAPE = GOOD + "\nLeave a Reply\n\nsource-99\n"


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _post(client, files, text=""):
    uploads = [SimpleUploadedFile(name, data) for name, data in files]
    return client.post(reverse("upload"), {"files": uploads, "text": text})


def test_many_files_one_report_line_each(client_as, analyst, django_capture_on_commit_callbacks):
    files = [
        ("good.txt", GOOD.encode()),
        ("rescrape.txt", RESCRAPE.encode()),  # the same text with other leftovers
        ("empty.txt", b""),
        ("junk.txt", bytes(range(256)) * 20),
        ("program.exe", b"MZ\x00\x00"),
        (
            "bundle.zip",
            _zip({"a.txt": b"Erster Titel\n\nErster Text mit Inhalt.", "b.txt": b"Zweiter\n\nZweiter Text."}),
        ),
        ("broken.zip", b"PK\x03\x04 not really a zip"),
    ]
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = _post(client_as(analyst), files)
    assert response.status_code == 302
    upload = Upload.objects.get()
    outcomes = {item.name: (item.outcome, item.reason) for item in upload.items.all()}
    assert outcomes["good.txt"][0] == "stored"
    assert outcomes["rescrape.txt"][0] == "duplicate"
    assert outcomes["empty.txt"][0] == "rejected" and outcomes["empty.txt"][1]
    assert outcomes["junk.txt"][0] == "rejected" and outcomes["junk.txt"][1]
    assert outcomes["program.exe"][0] == "rejected" and outcomes["program.exe"][1]
    assert outcomes["bundle.zip/a.txt"][0] == "stored" and outcomes["bundle.zip/b.txt"][0] == "stored"
    assert outcomes["broken.zip"][0] == "rejected"
    assert Article.objects.count() == 3
    assert len(callbacks) == 1  # one enqueue for the batch, after the commit

    page = client_as(analyst).get(response.url).content.decode()
    assert "3 stored · 1 duplicate · 4 rejected" in page


def test_duplicate_links_to_the_article_already_there(client_as, analyst):
    client = client_as(analyst)
    _post(client, [("first.txt", GOOD.encode())])
    _post(client, [("again.txt", RESCRAPE.encode())])
    item = UploadItem.objects.get(name="again.txt")
    assert item.outcome == "duplicate" and item.article == Article.objects.get()
    page = client.get(reverse("upload_report", args=[item.upload_id])).content.decode()
    assert reverse("article_detail", args=[item.article_id]) in page


def test_original_file_is_kept_and_downloadable(client_as, analyst, viewer):
    data = "Titel\n\nText mit Umlauten: äöü und „Zitat“.\n".encode("cp1252", errors="replace")
    _post(client_as(analyst), [("windows.txt", data)])
    article = Article.objects.get()
    response = client_as(viewer).get(reverse("article_original", args=[article.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == data
    assert 'filename="windows.txt"' in response["Content-Disposition"]
    # The stored name is ours, never the uploaded one.
    assert "windows" not in article.original_file.name


def test_upload_over_the_size_limit_is_rejected_with_a_reason(client_as, analyst, settings):
    settings.UPLOAD_MAX_FILE_BYTES = 1000
    _post(client_as(analyst), [("big.txt", b"Titel\n\n" + b"Wort " * 1000)])
    item = UploadItem.objects.get()
    assert item.outcome == "rejected" and item.reason
    assert not Article.objects.exists()


def test_import_articles_command(tmp_path, db):
    folder = tmp_path / "archive"
    (folder / "sub").mkdir(parents=True)
    (folder / "one.txt").write_text(GOOD)
    (folder / "sub" / "two.txt").write_text(RESCRAPE)
    (folder / "bad.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "more.zip").write_bytes(_zip({"three.txt": b"Dritter Titel\n\nDritter Text hier."}))
    report = tmp_path / "report.csv"
    out = io.StringIO()
    call_command(
        "import_articles",
        str(folder),
        str(tmp_path / "more.zip"),
        "--report",
        str(report),
        "--no-progress",
        stdout=out,
    )
    assert "2 stored, 1 duplicate, 1 rejected" in out.getvalue()
    rows = list(csv.DictReader(report.open()))
    assert {row["outcome"] for row in rows} == {"stored", "duplicate", "rejected"}
    assert all(row["reason"] for row in rows if row["outcome"] == "rejected")
    assert Article.objects.count() == 2


@pytest.mark.parametrize("name", ["000_36d443cab702394d.txt", "de_07.txt", "en_03.txt", "fr_01.txt"])
def test_dev_articles_upload_with_their_metadata(client_as, analyst, name):
    import json

    gold = json.loads((DEV / name.replace(".txt", ".gold.json")).read_text())
    _post(client_as(analyst), [(name, (DEV / name).read_bytes())])
    article = Article.objects.get()
    assert article.title == gold["title"]
    assert article.language == gold["language"]
    assert (article.source_hint or (article.source and article.source.name) or None) == gold["source"]
    published = None if article.published_inferred else article.published
    assert (published.isoformat() if published else None) == gold["published"]


def test_a_large_upload_is_read_on_the_intake_queue_not_in_the_request(
    client_as, analyst, settings, tmp_path, django_capture_on_commit_callbacks
):
    from unittest import mock

    from articles.services import upload_intake_run

    settings.MEDIA_ROOT = tmp_path
    settings.UPLOAD_INLINE_MAX_BYTES = 1000
    archive = _zip(
        {
            f"m{i}.txt": f"Titel {i}\n\nDer Kreml erklärte am Montag, Russland sei bereit ({i}).\n".encode()
            for i in range(5)
        }
    )
    files = [("archiv.zip", archive), ("eins.txt", GOOD.encode() * 20)]
    with (
        mock.patch("articles.services.parse_file", side_effect=AssertionError("parsed in the request")),
        django_capture_on_commit_callbacks(execute=False) as callbacks,
    ):
        response = _post(client_as(analyst), files, text=GOOD.replace("Titel", "Eingefügt"))
    upload = Upload.objects.get()
    assert response.status_code == 302
    assert upload.files_pending == 2
    assert list(upload.items.values_list("name", flat=True)) == ["pasted text"]  # pasted text at once
    html = client_as(analyst).get(reverse("upload_report", args=[upload.pk])).content.decode()
    assert "2 files still being read" in html
    assert len(callbacks) == 2  # the pasted text's extraction, and the intake task

    with django_capture_on_commit_callbacks(execute=False):
        assert upload_intake_run(upload_id=upload.pk) == 2
        assert upload_intake_run(upload_id=upload.pk) == 0  # a redelivery finds nothing left
    upload.refresh_from_db()
    assert upload.files_pending == 0
    assert upload.items.filter(outcome="stored").count() == 7
    assert not any((tmp_path / "intake" / str(upload.pk)).iterdir())  # the stage is cleaned up


def test_a_small_upload_is_still_read_at_once(client_as, analyst, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        _post(client_as(analyst), [("eins.txt", GOOD.encode())])
    upload = Upload.objects.get()
    assert upload.files_pending == 0 and upload.items.get().outcome == "stored"

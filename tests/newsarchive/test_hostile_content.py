"""Hostile text from articles, files, persons, sources and users is shown as text everywhere.

Every page that shows such a field is fetched; each must show the field escaped, carry no
live markup from it, and obey the Content-Security-Policy: no inline script, no event
handler attributes, no style attributes, no `javascript:` links, inline <style> only as
allowed by the policy's hashes. Exports and the API hand the same text back unchanged,
as data (CSV, JSON), never as HTML.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils.html import escape

from annotations.models import Mention, Person, Quote
from annotations.search.persons import person_keys_refresh
from articles import services
from articles.models import Article, Source, Upload, UploadItem
from tests.conftest import PASSWORD

PAYLOAD = '<script>alert(1)</script>"><img src=x onerror=alert(2)>{{ 7|add:1 }}{% now "Y" %}'
JS_LINK = "javascript:alert(3)"
RAW_MARKERS = ["<script>alert(1)", "<img src=x onerror", "onerror=alert(2)>", 'href="javascript:']


def hostile(label: str) -> str:
    return f"{label} {PAYLOAD}"


@pytest.fixture
def hostile_archive(db, admin_user, django_user_model, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    source = Source.objects.create(
        name=hostile("Src"),
        domains=["example.org"],
        signatures=[hostile("Sig")],
        notes=hostile("Notes") + "\n" + JS_LINK,
    )
    # A recorded change whose before → after values are hostile too.
    services.source_update(
        source=source,
        user=admin_user,
        name=source.name,
        domains=["example.org"],
        country=None,
        language="en",
        signatures=[hostile("Sig")],
        notes=hostile("NewNotes"),
        active=True,
    )
    other = Source.objects.create(name="Plain source")
    body = (
        f"{hostile('Body')} Ein Sprecher sagte: „{hostile('Quote')}“ Ende. {JS_LINK} "
        f"Ein anderer sagte: „{hostile('Second')}“"
    )
    article = Article.objects.create(
        title=hostile("Title"),
        body=body,
        language="de",
        source=source,
        source_hint=hostile("Hint"),
        url=JS_LINK,
        content_hash="h" * 64,
        original_name=hostile("File") + ".txt",
        status="done",
    )
    article.original_file.save(services._storage_name(article.original_name), ContentFile(b"x"), save=True)
    hint_only = Article.objects.create(
        title="Second", body="Zweiter Text.", content_hash="i" * 64, source_hint=hostile("Hint")
    )
    person = Person.objects.create(
        name=hostile("Person"), aliases=[hostile("Alias")], description=hostile("Desc")
    )
    person_keys_refresh(person_ids=[person.pk])
    quote_text = hostile("Quote")
    start = body.index(quote_text)
    quote = Quote.objects.create(
        article=article,
        start=start,
        end=start + len(quote_text),
        text=quote_text,
        direct=True,
        speaker=person,
        origin="machine",
        status="accepted",
    )
    co_speaker = Person.objects.create(name=hostile("Co"))
    second = hostile("Second")
    Quote.objects.create(
        article=article,
        start=body.index(second),
        end=body.index(second) + len(second),
        text=second,
        direct=True,
        speaker=co_speaker,
        origin="machine",
        status="accepted",
    )
    mention_start = body.index("Sprecher")
    mention = Mention.objects.create(
        article=article,
        start=mention_start,
        end=mention_start + len("Sprecher"),
        text="Sprecher",
        label="PERSON",
        person=person,
        origin="machine",
        status="accepted",
    )
    upload = Upload.objects.create(uploaded_by=admin_user)
    UploadItem.objects.create(
        upload=upload, name=hostile("Upload") + ".txt", outcome="stored", article=article
    )
    UploadItem.objects.create(
        upload=upload, name=hostile("Rejected") + ".pdf", outcome="rejected", reason=hostile("Reason")
    )
    # Usernames are validated on every path the app offers; this one comes straight from the database.
    user = django_user_model.objects.create_user(username="u", password=PASSWORD, email="e@example.org")
    django_user_model.objects.filter(pk=user.pk).update(
        username=hostile("User")[:150], first_name=hostile("F")[:150]
    )
    root = django_user_model.objects.create_superuser("root", password=PASSWORD)
    return SimpleNamespace(
        source=source,
        other=other,
        article=article,
        hint_only=hint_only,
        person=person,
        quote=quote,
        mention=mention,
        upload=upload,
        user=user,
        root=root,
    )


# (page name, url factory, the labels of hostile fields the page must show)
PAGES = [
    ("home", lambda h: reverse("home"), ["Title"]),
    ("article list", lambda h: reverse("article_list"), ["Title", "Src", "Hint"]),
    (
        "article page",
        lambda h: reverse("article_detail", args=[h.article.pk]),
        ["Title", "Body", "Quote", "Src", "File"],
    ),
    ("article status", lambda h: reverse("article_status", args=[h.article.pk]), []),
    (
        "upload report",
        lambda h: reverse("upload_report", args=[h.upload.pk]),
        ["Upload", "Rejected", "Reason"],
    ),
    ("source list", lambda h: reverse("source_list"), ["Src"]),
    (
        "source page",
        lambda h: reverse("source_detail", args=[h.source.pk]),
        ["Src", "Sig", "NewNotes", "Notes"],
    ),
    ("source edit", lambda h: reverse("source_edit", args=[h.source.pk]), ["Src", "Sig", "NewNotes"]),
    ("source merge", lambda h: reverse("source_merge", args=[h.other.pk]), ["Src"]),
    ("account list", lambda h: reverse("account_list"), ["User"]),
    ("account page", lambda h: reverse("account_edit", args=[h.user.pk]), ["User"]),
    ("quote search", lambda h: reverse("quote_search") + "?q=alert", ["Quote", "Person", "Title"]),
    ("article search", lambda h: reverse("article_search") + "?q=alert", ["Title"]),
    ("person page", lambda h: reverse("person_detail", args=[h.person.pk]), ["Person", "Co"]),
    ("admin articles", lambda h: reverse("admin:articles_article_changelist"), ["Title", "Src"]),
    (
        "admin article",
        lambda h: reverse("admin:articles_article_change", args=[h.article.pk]),
        ["Title", "Body"],
    ),
    ("admin sources", lambda h: reverse("admin:articles_source_changelist"), ["Src"]),
    ("admin source", lambda h: reverse("admin:articles_source_change", args=[h.source.pk]), ["Src", "Sig"]),
    ("admin source changes", lambda h: reverse("admin:articles_sourcechange_changelist"), ["Src"]),
    (
        "admin upload",
        lambda h: reverse("admin:articles_upload_change", args=[h.upload.pk]),
        ["Upload", "Reason"],
    ),
    ("admin persons", lambda h: reverse("admin:annotations_person_changelist"), ["Person", "Desc"]),
    ("admin quotes", lambda h: reverse("admin:annotations_quote_changelist"), ["Quote", "Person"]),
    ("admin mentions", lambda h: reverse("admin:annotations_mention_changelist"), ["Title"]),
    ("admin users", lambda h: reverse("admin:auth_user_changelist"), ["User"]),
    ("admin user", lambda h: reverse("admin:auth_user_change", args=[h.user.pk]), ["User", "F"]),
]


class _PageAudit(HTMLParser):
    """Collects what the Content-Security-Policy would block or what hostile text could become."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…> event handler")
            if name == "style":
                self.problems.append(f"<{tag} style=…> attribute")
            if name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.problems.append(f"<{tag} {name}={value!r}> javascript: link")
        if tag == "script" and not attrs.get("src") and attrs.get("type") not in ("application/json",):
            self.problems.append("inline <script>")
        if tag == "style":
            self._in_style = True
            self.styles.append("")

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles[-1] += data


def _style_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def _audit(response) -> str:
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    for marker in RAW_MARKERS:
        assert marker not in html, f"live markup from hostile text: {marker!r}"
    policy = response["Content-Security-Policy"]
    directives = {d.split()[0]: d.split()[1:] for d in policy.split(";") if d.strip()}
    assert directives["script-src"] == ["'self'"]
    audit = _PageAudit()
    audit.feed(html)
    assert audit.problems == []
    for style in audit.styles:
        assert _style_hash(style) in directives.get("style-src", []), "inline <style> the policy blocks"
    return html


@pytest.mark.parametrize(("page", "url", "labels"), PAGES, ids=[p[0] for p in PAGES])
def test_hostile_text_is_shown_as_text(client_as, hostile_archive, page, url, labels):
    client = client_as(hostile_archive.root)
    html = _audit(client.get(url(hostile_archive)))
    for label in labels:
        assert escape(label) in html
        # The field's whole text, escaped, somewhere on the page (template syntax left as is).
        shown = escape(hostile(label))
        assert shown in html or escape(hostile(label)[:40]) in html, f"{label} not shown as text"


@pytest.mark.parametrize("user_fixture", ["viewer", "analyst", "admin_user"])
def test_pages_obey_the_policy_for_every_role(client_as, request, hostile_archive, user_fixture):
    client = client_as(request.getfixturevalue(user_fixture))
    for url in (
        reverse("home"),
        reverse("article_detail", args=[hostile_archive.article.pk]),
        reverse("source_list"),
    ):
        _audit(client.get(url))


def test_login_pages_obey_the_policy(client, db):
    _audit(client.get(reverse("login")))
    _audit(client.get(reverse("admin:login")))
    _audit(client.get(reverse("invitation_accept", args=["MQ", "bad-token"])))


def test_original_file_download_keeps_the_name_out_of_the_headers(
    client_as, viewer, hostile_archive, settings
):
    article = hostile_archive.article
    response = client_as(viewer).get(reverse("article_original", args=[article.pk]))
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;") and "\n" not in disposition and "\r" not in disposition
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    "name",
    [
        "../../../etc/passwd",
        "..\\..\\windows\\win.ini",
        "/abs/path/evil.html",
        "dir/<script>.html",
        "evil.php\x00.txt",
        "a" * 300 + ".txt",
        ".htaccess",
        "report.<img onerror=x>",
        'x".txt',
    ],
)
def test_uploaded_names_never_become_paths(name):
    stored = services._storage_name(name)
    stem, _, suffix = stored.partition(".")
    assert len(stem) == 32 and all(c in "0123456789abcdef" for c in stem)
    assert suffix.isalnum() and len(suffix) <= 5
    assert "/" not in stored and "\\" not in stored and ".." not in stored


def test_a_hostile_upload_is_stored_under_our_name_and_reported_as_text(
    client_as, analyst, settings, tmp_path, monkeypatch
):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(services, "article_enqueue", lambda *, article_id: True)
    from django.core.files.uploadedfile import SimpleUploadedFile

    evil = SimpleUploadedFile(
        '../../"><img src=x onerror=alert(2)>{{ 7|add:1 }}.txt',
        "Ein Titel\n\nEin ganz gewöhnlicher Text über die Lage, lang genug für einen Artikel.".encode(),
    )
    client = client_as(analyst)
    response = client.post(reverse("upload"), {"files": [evil], "text": ""})
    assert response.status_code == 302
    html = _audit(client.get(response.url))
    assert escape('"><img src=x onerror=alert(2)>{{ 7|add:1 }}.txt') in html
    article = Article.objects.get()
    stored = article.original_file.name
    assert stored.startswith("originals/") and ".." not in stored and "<" not in stored
    assert (tmp_path / stored).is_file()
    assert article.original_name == '"><img src=x onerror=alert(2)>{{ 7|add:1 }}.txt'


def _files(n: int, size: int = 100):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return [SimpleUploadedFile(f"f{i}.txt", b"x" * size) for i in range(n)]


def test_too_many_files_in_one_request_are_refused(client_as, analyst, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 2
    response = client_as(analyst).post(reverse("upload"), {"files": _files(3), "text": ""})
    assert response.status_code == 400
    assert not Upload.objects.exists() and not list(tmp_path.iterdir())


def test_an_oversized_upload_request_is_refused_before_it_is_stored(client_as, analyst, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.UPLOAD_MAX_REQUEST_BYTES = 10_000
    response = client_as(analyst).post(reverse("upload"), {"files": _files(2, size=6_000), "text": ""})
    assert response.status_code == 400
    assert not Upload.objects.exists()


def test_a_false_content_length_does_not_get_past_the_limit(rf, settings):
    from django.core.exceptions import RequestDataTooBig
    from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

    from newsarchive.security import RequestSizeLimitHandler

    settings.UPLOAD_MAX_REQUEST_BYTES = 10_000
    body = encode_multipart(BOUNDARY, {"files": _files(1, size=20_000)})
    request = rf.generic("POST", "/", body, content_type=MULTIPART_CONTENT)
    request.META["CONTENT_LENGTH"] = "500"  # a lie: the parser reads what comes
    request.upload_handlers = [RequestSizeLimitHandler(request)]
    with pytest.raises(RequestDataTooBig):
        request.FILES  # noqa: B018


def test_a_file_over_the_per_file_limit_is_rejected_with_a_reason(client_as, analyst, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.UPLOAD_MAX_FILE_BYTES = 1_000
    response = client_as(analyst).post(reverse("upload"), {"files": _files(1, size=2_000), "text": ""})
    assert response.status_code == 302
    (item,) = UploadItem.objects.all()
    assert item.outcome == "rejected" and item.reason
    assert not Article.objects.exists()


TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


@pytest.mark.parametrize(
    "template", sorted(TEMPLATES.rglob("*.html")), ids=lambda p: str(p.relative_to(TEMPLATES))
)
def test_templates_carry_no_inline_script(template):
    """Partials too, not only the pages above: the policy would block these in the browser."""
    text = template.read_text(encoding="utf-8")
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), "inline <script>"
    assert not re.search(r"\son[a-z]+\s*=", text), "event handler attribute"
    assert not re.search(r"\sstyle\s*=", text), "style attribute"
    assert "javascript:" not in text.lower()
    assert "hx-on" not in text, "hx-on needs eval, which the policy and htmx-config forbid"
    assert "|safe" not in text and "autoescape off" not in text, "unescaped output"


# --- exports and API: data, never HTML --------------------------------------------------------


def _streamed(response) -> str:
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode()


def test_csv_and_jsonl_exports_return_the_text_unchanged(client_as, viewer, hostile_archive):
    client = client_as(viewer)
    response = client.get(reverse("quote_export", args=["csv"]))
    assert response["Content-Type"].startswith("text/csv") and response["Content-Disposition"].startswith(
        "attachment"
    )
    rows = {r["text"]: r for r in csv.DictReader(io.StringIO(_streamed(response)))}
    row = rows[hostile("Quote")]
    assert row["speaker"] == hostile("Person")
    assert row["article_title"] == hostile("Title") and row["source"] == hostile("Src")
    response = client.get(reverse("article_export", args=["jsonl"]))
    assert response["Content-Type"].startswith("application/x-ndjson")
    titles = {json.loads(line)["title"] for line in _streamed(response).splitlines()}
    assert hostile("Title") in titles


def test_csv_export_neutralises_spreadsheet_formulas(client_as, viewer, db):
    Article.objects.create(title='=HYPERLINK("http://evil.example","x")', body="b", content_hash="f" * 64)
    body = _streamed(client_as(viewer).get(reverse("article_export", args=["csv"])))
    (row,) = list(csv.DictReader(io.StringIO(body)))
    assert not row["title"].startswith("=")


def test_api_returns_the_text_as_json_data(client_as, viewer, hostile_archive):
    client = client_as(viewer)
    response = client.get(reverse("api:article_get", args=[hostile_archive.article.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["X-Content-Type-Options"] == "nosniff"
    data = response.json()
    assert data["title"] == hostile("Title") and data["source"] == hostile("Src")
    assert [(q["text"], q["speaker"]) for q in data["quotes"]] == [
        (hostile("Quote"), hostile("Person")),
        (hostile("Second"), hostile("Co")),
    ]
    listing = client.get(reverse("api:article_list")).json()
    assert {a["source"] for a in listing["results"]} == {hostile("Src"), hostile("Hint")}

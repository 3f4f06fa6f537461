"""Correction views: permission matrix, htmx partials, conflicts (409), invalid input, query counts."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from annotations import services
from annotations.models import Correction, Mention, Origin, Person, Quote, Status
from articles.models import Article

BODY = "Dmitri Peskow sagte in Moskau: „Wir sind bereit.“ Peskow lobte Nordkorea."
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def article(db):
    return Article.objects.create(title="Kreml", body=BODY, content_hash="d" * 64, status="done")


@pytest.fixture
def person(db):
    return Person.objects.create(name="Dmitri Peskow")


@pytest.fixture
def mention(article, person):
    start = BODY.index("Moskau")
    return Mention.objects.create(
        article=article, start=start, end=start + 6, label="LOC", text="Moskau", origin=Origin.MACHINE
    )


@pytest.fixture
def quote(article, person):
    start = BODY.index("Wir sind bereit.")
    return Quote.objects.create(
        article=article,
        start=start,
        end=start + 16,
        text="Wir sind bereit.",
        direct=True,
        speaker=person,
        speaker_start=0,
        speaker_end=13,
        origin=Origin.MACHINE,
    )


@pytest.fixture
def correction(db, article, mention, analyst):
    services.mention_reject(user=analyst, mention=mention, version=1)
    return Correction.objects.get()


def _ids(request, kind):
    return {"pk": request.getfixturevalue(kind).pk}


READ, WRITE = "read", "write"
# (url name, object fixture, url kwarg, method, access, POST data or GET params)
VIEWS = [
    ("mention_editor", "mention", "pk", "get", READ, {}),
    ("quote_editor", "quote", "pk", "get", READ, {}),
    ("mention_accept", "mention", "pk", "post", WRITE, {"version": 1}),
    ("mention_reject", "mention", "pk", "post", WRITE, {"version": 1}),
    ("mention_move", "mention", "pk", "post", WRITE, {"version": 1, "start": 23, "end": 28}),
    ("mention_link", "mention", "pk", "post", WRITE, {"version": 1, "person": "@person"}),
    ("mention_label", "mention", "pk", "post", WRITE, {"version": 1, "label": "COUNTRY"}),
    ("quote_accept", "quote", "pk", "post", WRITE, {"version": 1}),
    ("quote_delete", "quote", "pk", "post", WRITE, {"version": 1}),
    ("quote_move", "quote", "pk", "post", WRITE, {"version": 1, "start": 33, "end": 48}),
    ("quote_speaker", "quote", "pk", "post", WRITE, {"version": 1, "new_name": "Maria Sacharowa"}),
    ("quote_direct", "quote", "pk", "post", WRITE, {"version": 1, "direct": "0"}),
    ("annotation_create", "article", "article_id", "post", WRITE, {"start": 0, "end": 13, "kind": "PERSON"}),
    ("annotations_accept_all", "article", "article_id", "post", WRITE, {"kind": "LOC"}),
    ("correction_undo", "correction", "correction_id", "post", WRITE, {}),
    ("person_search", None, None, "get", WRITE, {"q": "Pes", "for": "@mention"}),
    ("country_search", None, None, "get", WRITE, {"q": "Rus", "for": "@mention"}),
]


def _call(client, request, name, fixture, kwarg, method, data, *, pk=None, **extra):
    request.getfixturevalue("mention")  # every article has something to correct
    request.getfixturevalue("quote")
    kwargs = {}
    if fixture:
        kwargs[kwarg] = pk if pk is not None else request.getfixturevalue(fixture).pk
    resolved = {}
    for key, value in data.items():
        if isinstance(value, str) and value.startswith("@"):
            obj = request.getfixturevalue(value[1:])
            value = f"mention-{obj.pk}" if key == "for" else obj.pk
        resolved[key] = value
    return getattr(client, method)(reverse(name, kwargs=kwargs), resolved, **extra)


@pytest.mark.parametrize(("name", "fixture", "kwarg", "method", "access", "data"), VIEWS)
def test_anonymous_is_sent_to_login(client, request, name, fixture, kwarg, method, access, data):
    response = _call(client, request, name, fixture, kwarg, method, data)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


@pytest.mark.parametrize(("name", "fixture", "kwarg", "method", "access", "data"), VIEWS)
def test_user_without_role_is_forbidden(
    client_as, stranger, request, name, fixture, kwarg, method, access, data
):
    assert _call(client_as(stranger), request, name, fixture, kwarg, method, data).status_code == 403


@pytest.mark.parametrize(("name", "fixture", "kwarg", "method", "access", "data"), VIEWS)
def test_viewer_reads_but_does_not_write(
    client_as, viewer, request, name, fixture, kwarg, method, access, data
):
    response = _call(client_as(viewer), request, name, fixture, kwarg, method, data)
    assert response.status_code == (200 if access == READ else 403)
    assert not Correction.objects.exclude(user__username="ann-analyst").exists()


@pytest.mark.parametrize("user_fixture", ["analyst", "admin_user"])
@pytest.mark.parametrize(("name", "fixture", "kwarg", "method", "access", "data"), VIEWS)
def test_analyst_and_admin_are_allowed(
    client_as, request, user_fixture, name, fixture, kwarg, method, access, data
):
    user = request.getfixturevalue(user_fixture)
    response = _call(client_as(user), request, name, fixture, kwarg, method, data, **HTMX)
    assert response.status_code == 200, response.content.decode()[:2000]
    if method == "post":
        assert b"<html" not in response.content
        if name.endswith(("_accept", "_reject", "_move", "_link", "_speaker", "_label", "_direct")):
            # No list entry appears or goes: only the changed pieces come back, out of band.
            assert response["HX-Reswap"] == "none" and b'id="history" hx-swap-oob' in response.content
            assert f'id="{fixture}-{request.getfixturevalue(fixture).pk}"'.encode() in response.content
            text_changed = not name.endswith("_accept")
            assert (
                bool(re.search(rb'id="article-body"[^>]*hx-swap-oob="true"', response.content))
                == text_changed
            )
        else:
            assert b'id="workspace"' in response.content
        assert Correction.objects.filter(Q(user=user) | Q(undone_by=user)).exists()


@pytest.mark.parametrize(("name", "fixture", "kwarg", "method", "access", "data"), VIEWS)
def test_without_htmx_a_write_redirects_to_the_article(
    client_as, analyst, request, name, fixture, kwarg, method, access, data
):
    response = _call(client_as(analyst), request, name, fixture, kwarg, method, data)
    if method == "post":
        assert response.status_code == 302 and "/articles/" in response.url
    else:
        assert response.status_code == 200


@pytest.mark.parametrize(("name", "fixture", "kwarg", "method", "access", "data"), VIEWS)
def test_wrong_method_is_405(client_as, analyst, request, name, fixture, kwarg, method, access, data):
    wrong = "get" if method == "post" else "post"
    assert _call(client_as(analyst), request, name, fixture, kwarg, wrong, data).status_code == 405


@pytest.mark.parametrize(("name", "fixture", "kwarg", "method", "access", "data"), VIEWS)
def test_unknown_id_is_404(client_as, analyst, request, name, fixture, kwarg, method, access, data):
    if fixture is None:
        data = {**data, "for": "mention-999999"}
    response = _call(client_as(analyst), request, name, fixture, kwarg, method, data, pk=999999)
    assert response.status_code == 404


def test_second_analyst_gets_409_with_the_current_state(client_as, analyst, admin_user, mention):
    first = client_as(analyst)
    assert first.post(reverse("mention_accept", args=[mention.pk]), {"version": 1}, **HTMX).status_code == 200
    # The second analyst's page still carries version 1.
    second = client_as(admin_user)
    response = second.post(reverse("mention_reject", args=[mention.pk]), {"version": 1}, **HTMX)
    assert response.status_code == 409
    html = response.content.decode()
    assert "changed this mention meanwhile" in html
    assert 'id="workspace"' in html and "version 2" in html and "Accepted" in html
    mention.refresh_from_db()
    assert (mention.status, mention.version) == (Status.ACCEPTED, 2)
    assert Correction.objects.count() == 1


def test_conflict_without_htmx_renders_the_page(client_as, analyst, mention):
    client = client_as(analyst)
    client.post(reverse("mention_accept", args=[mention.pk]), {"version": 1})
    response = client.post(reverse("mention_move", args=[mention.pk]), {"version": 1, "start": 0, "end": 5})
    assert response.status_code == 409 and b"<html" in response.content


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("mention_move", {"version": 1, "start": 10, "end": 5}),
        ("mention_move", {"version": 1, "start": 0, "end": len(BODY) + 1}),
        ("mention_move", {"version": "x", "start": 0, "end": 4}),
        ("mention_link", {"version": 1}),
    ],
)
def test_invalid_input_is_400_and_changes_nothing(client_as, analyst, mention, name, data):
    response = client_as(analyst).post(reverse(name, args=[mention.pk]), data, **HTMX)
    assert response.status_code == 400 and b'class="error"' in response.content
    mention.refresh_from_db()
    assert mention.version == 1 and not Correction.objects.exists()


def test_new_span_must_match_the_selected_text(client_as, analyst, article):
    url = reverse("annotation_create", args=[article.pk])
    client = client_as(analyst)
    bad = client.post(url, {"start": 1, "end": 14, "kind": "PERSON", "text": "Dmitri Peskow"}, **HTMX)
    assert bad.status_code == 400 and not Mention.objects.exists()
    good = client.post(url, {"start": 0, "end": 13, "kind": "PERSON", "text": "Dmitri Peskow"}, **HTMX)
    assert good.status_code == 200
    added = Mention.objects.get()
    assert (added.text, added.origin, added.created_by) == ("Dmitri Peskow", Origin.PERSON, analyst)
    quote = client.post(url, {"start": 31, "end": 47, "kind": "QUOTE_INDIRECT"}, **HTMX)
    assert quote.status_code == 200 and Quote.objects.get().direct is False


def test_review_by_htmx_answers_with_the_workspace_and_records(client_as, analyst, article):
    response = client_as(analyst).post(
        reverse("article_review", args=[article.pk]), {"reviewed": "1"}, **HTMX
    )
    assert response.status_code == 200 and b'id="toolbar" hx-swap-oob="true"' in response.content
    assert b"Mark not reviewed" in response.content and b"Marked reviewed" in response.content
    assert Correction.objects.get().action == Correction.Action.REVIEW


def test_accepting_one_item_updates_the_accept_all_counts(client_as, analyst, article, mention, quote):
    """A single accept answers with pieces only; the "Accept N proposed …" buttons are one of them."""
    client = client_as(analyst)
    page = client.get(reverse("article_detail", args=[article.pk])).content.decode()
    assert "Accept 1 proposed quote<" in page and "Accept 1 proposed loc<" in page
    response = client.post(reverse("quote_accept", args=[quote.pk]), {"version": 1}, **HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="accept-all" class="accept-all" hx-swap-oob="true"' in html
    assert "Accept 1 proposed loc<" in html and "proposed quote" not in html


def test_article_page_shows_annotations_history_and_tie_to_speaker(
    client_as, viewer, analyst, quote, mention
):
    services.mention_accept(user=analyst, mention=mention, version=1)
    html = client_as(viewer).get(reverse("article_detail", args=[quote.article_id])).content.decode()
    assert 'id="workspace"' in html and 'id="history"' in html
    assert f'data-refs="quote-{quote.pk}"' in html  # the quote's speaker span carries the quote's ref
    assert "q-speaker" in html and "q-direct" in html and "m-loc" in html
    assert "ann-analyst" in html and "Accepted Place" in html
    assert "js/article.js" in html and "<script>" not in html  # no inline script
    assert "Undo" not in html and "Mark reviewed" not in html  # a viewer reads only


def test_hostile_names_are_escaped(client_as, analyst, article):
    evil = Person.objects.create(name="<img src=x onerror=alert(1)>")
    quote = services.quote_create(user=analyst, article=article, start=0, end=6, direct=True, speaker=evil)
    services.quote_speaker_set(user=analyst, quote=quote, version=1, new_speaker_name="<script>x()</script>")
    html = client_as(analyst).get(reverse("article_detail", args=[article.pk])).content.decode()
    assert "<img src=x" not in html and "<script>x()" not in html
    assert "&lt;script&gt;x()&lt;/script&gt;" in html


def test_article_page_query_count_is_bounded(
    client_as, analyst, article, person, django_assert_max_num_queries
):
    for i in range(0, 60, 2):
        Mention.objects.create(
            article=article,
            start=i,
            end=i + 1,
            label="PERSON",
            text="x",
            origin=Origin.MACHINE,
            person=person,
        )
    for i in range(5):
        Quote.objects.create(
            article=article,
            start=i * 10,
            end=i * 10 + 5,
            text="q",
            direct=True,
            speaker=person,
            origin="machine",
        )
    services.annotations_accept_all(user=analyst, article=article, kind="PERSON")
    client = client_as(analyst)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("article_detail", args=[article.pk])).status_code == 200


def test_speaker_search_offers_persons_and_a_new_one(client_as, analyst, quote, person):
    response = client_as(analyst).get(reverse("person_search"), {"q": "Peskow", "for": f"quote-{quote.pk}"})
    html = response.content.decode()
    assert "Dmitri Peskow" in html and reverse("quote_speaker", args=[quote.pk]) in html
    assert "New person “Peskow” as speaker" in html and "New organisation “Peskow” as speaker" in html


def test_speaker_picker_tells_namesakes_apart(client_as, analyst, article, quote, person):
    from annotations.search.persons import person_keys_refresh

    Person.objects.filter(pk=person.pk).update(aliases=["Dmitry Peskov"])
    Mention.objects.create(
        article=article,
        start=0,
        end=13,
        label="PERSON",
        text="Dmitri Peskow",
        person=person,
        origin="machine",
    )
    Person.objects.create(name="Nikolai Peskow", description="Sohn des Kremlsprechers")
    Person.objects.create(name="Außenministerium", kind=Person.Kind.ORGANISATION)
    person_keys_refresh()
    client = client_as(analyst)
    html = client.get(reverse("person_search"), {"q": "Песков", "for": f"quote-{quote.pk}"}).content.decode()
    assert "Dmitri Peskow" in html and "Nikolai Peskow" in html
    assert "Sohn des Kremlsprechers" in html  # the recorded role
    assert "sagte in Moskau" in html  # where the other one was last named
    assert html.count('class="kind">person<') == 2
    html = client.get(
        reverse("person_search"), {"q": "Außenmin", "for": f"quote-{quote.pk}"}
    ).content.decode()
    assert 'class="kind">organisation<' in html


def test_new_speaker_can_be_an_organisation(client_as, analyst, quote):
    client_as(analyst).post(
        reverse("quote_speaker", args=[quote.pk]),
        {"version": 1, "new_name": "the State Department", "new_kind": "organisation"},
    )
    quote.refresh_from_db()
    assert (quote.speaker.name, quote.speaker.kind) == ("the State Department", "organisation")


def test_history_shows_before_and_after(client_as, viewer, analyst, mention):
    services.mention_reject(user=analyst, mention=mention, version=1)
    html = client_as(viewer).get(reverse("article_detail", args=[mention.article_id])).content.decode()
    assert "before → after" in html
    assert f"<td>mention {mention.pk}</td><td>status</td><td>proposed</td><td>→ rejected</td>" in html


def test_undo_of_a_row_changed_since_is_409(client_as, analyst, admin_user, mention):
    services.mention_reject(user=analyst, mention=mention, version=1)
    first = Correction.objects.get()
    services.mention_accept(user=admin_user, mention=mention, version=2)
    response = client_as(analyst).post(reverse("correction_undo", args=[first.pk]), **HTMX)
    assert response.status_code == 409 and b"undo the later ones first" in response.content
    first.refresh_from_db()
    assert not first.undone
    assert Mention.objects.get(pk=mention.pk).status == Status.ACCEPTED


def test_undo_twice_is_400(client_as, analyst, correction):
    client = client_as(analyst)
    assert client.post(reverse("correction_undo", args=[correction.pk]), **HTMX).status_code == 200
    response = client.post(reverse("correction_undo", args=[correction.pk]), **HTMX)
    assert response.status_code == 400 and b"already undone" in response.content


def _queries_for_a_correction(client, name, person, size: int) -> int:
    article = Article.objects.create(title="T", body="x " * 100, content_hash=f"{size:064d}", status="done")
    mentions = [
        Mention.objects.create(
            article=article,
            start=i,
            end=i + 1,
            label="PERSON",
            text="x",
            origin=Origin.MACHINE,
            person=person,
        )
        for i in range(0, 2 * size, 2)
    ]
    Quote.objects.bulk_create(
        Quote(article=article, start=i, end=i + 1, text="x", direct=True, speaker=person, origin="machine")
        for i in range(0, size, 2)
    )
    with CaptureQueriesContext(connection) as queries:
        response = client.post(
            reverse(name, args=[mentions[0].pk]), {"version": 1, "start": 0, "end": 3}, **HTMX
        )
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", ["mention_accept", "mention_reject", "mention_move"])
def test_correction_query_count_does_not_grow_with_the_article(client_as, analyst, person, name):
    client = client_as(analyst)
    small = _queries_for_a_correction(client, name, person, size=5)
    large = _queries_for_a_correction(client, name, person, size=80)
    assert small == large
    # Moving validates every constraint of the row (a query and a savepoint each); the rest is fixed.
    assert large <= (35 if name == "mention_move" else 20)

"""Sources in the app: permission matrix, services, history, merge, the list's query count."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from annotations.models import Country
from articles import services
from articles.models import Article, Source, SourceChange

READ = "read"
ADMIN = "admin"


@pytest.fixture
def source(db, admin_user):
    return services.source_create(user=admin_user, name="Reuters", domains=["reuters.com"], language="en")


@pytest.fixture
def other(db, admin_user):
    return services.source_create(user=admin_user, name="Reuters UK", domains=["uk.reuters.com"])


# (url name, needs a source id, allowed methods, who may)
VIEWS = [
    ("source_list", False, "get", READ),
    ("source_detail", True, "get", READ),
    ("source_create", False, "get", ADMIN),
    ("source_create", False, "post", ADMIN),
    ("source_edit", True, "get", ADMIN),
    ("source_edit", True, "post", ADMIN),
    ("source_merge", True, "get", ADMIN),
    ("source_merge", True, "post", ADMIN),
]


def _url(name, needs_id, source, pk=None):
    return reverse(name, kwargs={"source_id": pk or source.pk}) if needs_id else reverse(name)


@pytest.mark.parametrize(("name", "needs_id", "method", "access"), VIEWS)
def test_anonymous_is_sent_to_login(client, source, name, needs_id, method, access):
    response = getattr(client, method)(_url(name, needs_id, source))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(("name", "needs_id", "method", "access"), VIEWS)
def test_user_without_role_is_forbidden(client_as, stranger, source, name, needs_id, method, access):
    assert getattr(client_as(stranger), method)(_url(name, needs_id, source)).status_code == 403


@pytest.mark.parametrize("user_fixture", ["viewer", "analyst"])
@pytest.mark.parametrize(("name", "needs_id", "method", "access"), VIEWS)
def test_viewer_and_analyst_read_but_do_not_manage(
    client_as, request, source, user_fixture, name, needs_id, method, access
):
    user = request.getfixturevalue(user_fixture)
    response = getattr(client_as(user), method)(_url(name, needs_id, source))
    assert response.status_code == (200 if access == READ else 403)
    assert Source.objects.count() == 1


@pytest.mark.parametrize(("name", "needs_id", "method", "access"), VIEWS)
def test_admin_is_allowed(client_as, admin_user, source, name, needs_id, method, access):
    response = getattr(client_as(admin_user), method)(_url(name, needs_id, source))
    # An empty form post answers 400 with the form's errors: allowed, but invalid.
    assert response.status_code == (400 if method == "post" else 200)


def test_superuser_is_admin(client_as, django_user_model, source):
    root = django_user_model.objects.create_superuser("root", password="x-very-long-9")
    assert client_as(root).get(reverse("source_edit", args=[source.pk])).status_code == 200


@pytest.mark.parametrize(("name", "needs_id", "method", "access"), VIEWS)
def test_wrong_method_is_405(client_as, admin_user, source, name, needs_id, method, access):
    wrong = "delete" if method == "get" else "put"
    assert getattr(client_as(admin_user), wrong)(_url(name, needs_id, source)).status_code == 405


@pytest.mark.parametrize(("name", "needs_id", "method", "access"), [v for v in VIEWS if v[1]])
def test_unknown_id_is_404(client_as, admin_user, source, name, needs_id, method, access):
    response = getattr(client_as(admin_user), method)(_url(name, needs_id, source, pk=999999))
    assert response.status_code == 404


def test_bad_page_number_is_404(client_as, viewer, source):
    assert client_as(viewer).get(reverse("source_list"), {"page": "x"}).status_code == 404
    assert client_as(viewer).get(reverse("source_list"), {"page": "9"}).status_code == 404


def test_list_counts_articles_in_one_query(client_as, viewer, source, other, django_assert_max_num_queries):
    for i in range(3):
        Article.objects.create(title=f"a{i}", body="x", content_hash=f"{i}" * 64, source=source)
    client = client_as(viewer)
    # session, user, the user's groups, count, page of sources, names found without a record.
    with django_assert_max_num_queries(6):
        response = client.get(reverse("source_list"))
    counts = {s.name: s.article_count for s in response.context["page"].object_list}
    assert counts == {"Reuters": 3, "Reuters UK": 0}


def test_viewer_sees_no_manage_links(client_as, viewer, source):
    html = client_as(viewer).get(reverse("source_detail", args=[source.pk])).content.decode()
    assert reverse("source_edit", args=[source.pk]) not in html


# --- create, edit, history ------------------------------------------------------------------


def test_admin_creates_a_source_through_the_form(client_as, admin_user, countries):
    response = client_as(admin_user).post(
        reverse("source_create"),
        {
            "name": "  Der   Spiegel ",
            "domains": "https://www.Spiegel.de/politik\nspiegel.de\nmanager-magazin.de",
            "country": "DE",
            "language": "DE",
            "signatures": "Lesen Sie mehr im SPIEGEL\n\nlesen sie mehr im spiegel\n",
            "notes": "Weekly.",
            "active": "on",
        },
    )
    source = Source.objects.get()
    assert response.status_code == 302 and response.url == reverse("source_detail", args=[source.pk])
    assert source.name == "Der Spiegel"
    assert source.domains == ["spiegel.de", "manager-magazin.de"]
    assert source.country.alpha2 == "DE" and source.language == "de"
    assert source.signatures == ["Lesen Sie mehr im SPIEGEL"]
    change = source.changes.get()
    assert change.action == "created" and change.user == admin_user and change.username == "ada-admin"
    assert change.changes["name"] == [None, "Der Spiegel"]
    assert change.changes["country"] == [None, "DE"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("domains", "not a domain", "is not a domain name"),
        ("domains", "javascript:alert(1)", "is not a domain name"),
        ("language", "deutsch", "language code"),
        ("name", "", "required"),
    ],
)
def test_bad_input_is_a_form_error(client_as, admin_user, field, value, message):
    data = {"name": "X", "domains": "", "language": "", "signatures": "", "notes": "", field: value}
    response = client_as(admin_user).post(reverse("source_create"), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Source.objects.exists()


@pytest.mark.parametrize("name", ["Reuters", "REUTERS", " reuters "])
def test_duplicate_name_is_a_form_error_whatever_its_case(client_as, admin_user, source, name):
    response = client_as(admin_user).post(reverse("source_create"), {"name": name})
    assert response.status_code == 400
    assert "exists already" in response.content.decode()
    assert Source.objects.count() == 1


def test_renaming_onto_another_name_is_refused(admin_user, source, other):
    with pytest.raises(ValidationError):
        services.source_update(
            source=other,
            user=admin_user,
            name="reuters",
            domains=[],
            country=None,
            language="",
            signatures=[],
            notes="",
            active=True,
        )
    other.refresh_from_db()
    assert other.name == "Reuters UK"


def test_a_source_merged_away_meanwhile_is_404_not_500(client_as, admin_user, source, other, monkeypatch):
    def merged_meanwhile(**kwargs):
        raise Source.DoesNotExist

    monkeypatch.setattr(services, "source_update", merged_meanwhile)
    monkeypatch.setattr(services, "source_merge", merged_meanwhile)
    client = client_as(admin_user)
    response = client.post(reverse("source_edit", args=[source.pk]), {"name": "Reuters"})
    assert response.status_code == 404
    response = client.post(reverse("source_merge", args=[source.pk]), {"into": other.pk})
    assert response.status_code == 404


def test_edit_records_before_and_after_and_shows_them(client_as, admin_user, source, countries):
    client = client_as(admin_user)
    response = client.post(
        reverse("source_edit", args=[source.pk]),
        {
            "name": "Reuters",
            "domains": "reuters.com\nreuters.co.uk",
            "country": "GB",
            "language": "en",
            "signatures": "",
            "notes": "Agency",
        },
    )
    assert response.status_code == 302
    source.refresh_from_db()
    assert source.active is False  # an unchecked box
    change = source.changes.filter(action="updated").get()
    assert change.changes == {
        "domains": [["reuters.com"], ["reuters.com", "reuters.co.uk"]],
        "country": [None, "GB"],
        "notes": ["", "Agency"],
        "active": [True, False],
    }
    html = client.get(reverse("source_detail", args=[source.pk])).content.decode()
    assert "ada-admin" in html and "reuters.co.uk" in html and "Agency" in html


def test_an_edit_that_changes_nothing_records_nothing(admin_user, source):
    fields = {
        "name": "Reuters",
        "domains": ["reuters.com"],
        "country": None,
        "language": "en",
        "signatures": [],
        "notes": "",
        "active": True,
    }
    services.source_update(source=source, user=admin_user, **fields)
    assert list(source.changes.values_list("action", flat=True)) == ["created"]


def test_update_compares_with_the_stored_row_not_a_stale_object(admin_user, analyst, source):
    stale = Source.objects.get(pk=source.pk)
    Source.objects.filter(pk=source.pk).update(notes="changed meanwhile")
    services.source_update(
        source=stale,
        user=admin_user,
        name="Reuters",
        domains=["reuters.com"],
        country=None,
        language="en",
        signatures=[],
        notes="mine",
        active=True,
    )
    assert source.changes.get(action="updated").changes == {"notes": ["changed meanwhile", "mine"]}


def test_service_validates(admin_user):
    with pytest.raises(ValidationError):
        services.source_create(user=admin_user, name="x" * 201)
    assert not Source.objects.exists()


# --- merge ----------------------------------------------------------------------------------


def test_merge_moves_articles_and_history_and_deletes_the_merged_source(
    client_as, admin_user, source, other, countries
):
    Source.objects.filter(pk=other.pk).update(
        country=Country.objects.get(alpha2="GB"), signatures=["Reporting by Reuters UK"]
    )
    moved = [
        Article.objects.create(title=f"a{i}", body="x", content_hash=f"m{i}".ljust(64, "0"), source=other)
        for i in range(2)
    ]
    stays = Article.objects.create(title="b", body="y", content_hash="s".ljust(64, "0"), source=source)
    client = client_as(admin_user)
    response = client.post(reverse("source_merge", args=[other.pk]), {"into": source.pk})
    assert response.status_code == 302 and response.url == reverse("source_detail", args=[source.pk])
    assert not Source.objects.filter(pk=other.pk).exists()
    assert set(Article.objects.filter(source=source)) == {*moved, stays}
    source.refresh_from_db()
    assert source.domains == ["reuters.com", "uk.reuters.com"]
    assert source.signatures == ["Reporting by Reuters UK"]
    assert source.country.alpha2 == "GB"
    merge = source.changes.get(action="merged")
    assert merge.user == admin_user and "2 articles moved" in merge.note
    assert merge.changes["domains"] == [["reuters.com"], ["reuters.com", "uk.reuters.com"]]
    # The merged source's own history stays visible on the source that remains.
    assert SourceChange.objects.filter(source=source, source_name="Reuters UK", action="created").exists()
    html = client.get(reverse("source_detail", args=[source.pk])).content.decode()
    assert "Reuters UK" in html and "2 articles moved" in html


def test_merge_into_itself_is_refused(client_as, admin_user, source, other):
    response = client_as(admin_user).post(reverse("source_merge", args=[source.pk]), {"into": source.pk})
    assert response.status_code == 400
    with pytest.raises(ValidationError):
        services.source_merge(source=source, into=source, user=admin_user)
    assert Source.objects.count() == 2


def test_merge_into_an_unknown_source_is_a_form_error(client_as, admin_user, source):
    response = client_as(admin_user).post(reverse("source_merge", args=[source.pk]), {"into": 999999})
    assert response.status_code == 400
    assert Source.objects.filter(pk=source.pk).exists()


def test_source_page_query_count(client_as, viewer, source, admin_user, django_assert_max_num_queries):
    for i in range(5):
        services.source_update(
            source=source,
            user=admin_user,
            name="Reuters",
            domains=["reuters.com"],
            country=None,
            language="en",
            signatures=[],
            notes=f"v{i}",
            active=True,
        )
    client = client_as(viewer)
    # session, user, groups, the source with its count, its history.
    with django_assert_max_num_queries(5):
        response = client.get(reverse("source_detail", args=[source.pk]))
    assert response.content.decode().count("<strong>Updated</strong>") == 5


def test_two_admins_editing_a_source_from_stale_forms_get_a_409(
    client_as, admin_user, django_user_model, source
):
    import re

    from tests.conftest import _make_user

    url = reverse("source_edit", args=[source.pk])
    mine = client_as(admin_user)
    other = client_as(_make_user(django_user_model, "otto-admin", "admin", is_staff=True))

    def seen(client):
        return re.search(r'name="seen" value="([^"]+)"', client.get(url).content.decode()).group(1)

    seen_mine, seen_other = seen(mine), seen(other)
    form = {"name": "Reuters", "domains": "reuters.com", "language": "en", "signatures": "", "active": "on"}
    assert other.post(url, {**form, "notes": "Agency since 1851", "seen": seen_other}).status_code == 302
    response = mine.post(url, {**form, "notes": "", "language": "de", "seen": seen_mine})
    assert response.status_code == 409
    assert "notes: (empty) → “Agency since 1851”" in response.content.decode()
    source.refresh_from_db()
    assert (source.notes, source.language) == ("Agency since 1851", "en")

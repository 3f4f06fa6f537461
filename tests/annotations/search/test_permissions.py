"""Permission matrix of every search view: anonymous, no role, viewer, analyst; method; unknown id."""

from __future__ import annotations

import pytest
from django.urls import reverse

# (url name, args; None args means "needs the archive fixture's ids")
VIEWS = [
    ("quote_search", []),
    ("article_search", []),
    ("quote_export", ["csv"]),
    ("quote_export", ["jsonl"]),
    ("article_export", ["csv"]),
    ("article_export", ["jsonl"]),
    ("annotation_export", []),
    ("person_detail", "person"),
    ("country_detail", ["RU"]),
]


def _url(archive, name, args):
    if args == "person":
        args = [archive.peskow.pk]
    return reverse(name, args=args)


@pytest.mark.parametrize(("name", "args"), VIEWS)
def test_anonymous_is_sent_to_login(client, archive, name, args):
    response = client.get(_url(archive, name, args))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(("name", "args"), VIEWS)
def test_user_without_role_is_forbidden(client_as, stranger, archive, name, args):
    assert client_as(stranger).get(_url(archive, name, args)).status_code == 403


@pytest.mark.parametrize("user_fixture", ["viewer", "analyst", "admin_user"])
@pytest.mark.parametrize(("name", "args"), VIEWS)
def test_every_role_may_search_and_export(client_as, request, archive, user_fixture, name, args):
    user = request.getfixturevalue(user_fixture)
    assert client_as(user).get(_url(archive, name, args)).status_code == 200


@pytest.mark.parametrize(("name", "args"), VIEWS)
def test_wrong_method_is_405(client_as, viewer, archive, name, args):
    assert client_as(viewer).post(_url(archive, name, args)).status_code == 405


@pytest.mark.parametrize(("name", "args"), [("person_detail", [999999]), ("country_detail", ["XX"])])
def test_unknown_id_is_404(client_as, viewer, archive, name, args):
    assert client_as(viewer).get(reverse(name, args=args)).status_code == 404

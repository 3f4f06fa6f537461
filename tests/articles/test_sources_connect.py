"""Sources that connect: names found in files become records in one click, and a new or edited
source takes the existing articles that name it (by name or URL domain), counted and recorded."""

from __future__ import annotations

import pytest
from django.urls import reverse

from articles import services
from articles.models import Article, Source, SourceChange


def _article(n: int, **fields) -> Article:
    return Article.objects.create(title=f"Article {n}", body="Text.", content_hash=f"{n:064d}", **fields)


@pytest.fixture
def hinted(db):
    return [
        _article(1, source_hint="Euractiv"),
        _article(2, source_hint="euractiv"),
        _article(3, source_hint="dpa"),
        _article(4, url="https://www.euractiv.de/section/politik/news/x/"),
        _article(5, url="https://noteuractiv.de/x"),
    ]


def test_creating_a_source_links_the_articles_that_name_it(client_as, admin_user, hinted):
    response = client_as(admin_user).post(
        reverse("source_create"), {"name": "Euractiv", "domains": "euractiv.de", "active": "on"}, follow=True
    )
    source = Source.objects.get(name="Euractiv")
    linked = set(Article.objects.filter(source=source).values_list("title", flat=True))
    assert linked == {"Article 1", "Article 2", "Article 4"}
    assert Article.objects.get(title="Article 1").source_hint == ""
    assert "3 existing articles linked to it." in response.content.decode()
    entry = SourceChange.objects.get(source=source, note__startswith="Linked")
    assert entry.note.startswith("Linked 3 existing articles") and entry.username == admin_user.username
    page = client_as(admin_user).get(reverse("source_detail", args=[source.pk])).content.decode()
    assert "Linked 3 existing articles" in page


def test_editing_a_source_links_articles_on_a_new_domain(admin_user, hinted):
    source = services.source_create(user=admin_user, name="Euractiv DE")
    assert source.linked_count == 0
    updated = services.source_update(
        source=source,
        user=admin_user,
        name="Euractiv DE",
        domains=["euractiv.de"],
        country=None,
        language="de",
        signatures=[],
        notes="",
        active=True,
    )
    assert updated.linked_count == 1
    assert Article.objects.get(title="Article 4").source == source
    # An article that already has a source keeps it.
    other = services.source_create(user=admin_user, name="Euractiv")
    assert other.linked_count == 2 and Article.objects.get(title="Article 4").source == source


def test_inactive_source_links_nothing(admin_user, hinted):
    source = services.source_create(user=admin_user, name="dpa", active=False)
    assert source.linked_count == 0 and Article.objects.get(title="Article 3").source is None


def test_source_list_offers_names_found_in_articles(client_as, admin_user, viewer, hinted):
    html = client_as(admin_user).get(reverse("source_list")).content.decode()
    assert "Outlets named in articles" in html
    assert "Create source “Euractiv”" in html and "Create source “dpa”" in html
    viewer_html = client_as(viewer).get(reverse("source_list")).content.decode()
    assert "dpa" in viewer_html and "Create source" not in viewer_html

    response = client_as(admin_user).post(
        reverse("source_create_from_name"), {"name": "Euractiv"}, follow=True
    )
    source = Source.objects.get(name="Euractiv")
    assert response.redirect_chain[-1][0] == reverse("source_detail", args=[source.pk])
    assert Article.objects.filter(source=source).count() == 2
    html = client_as(admin_user).get(reverse("source_list")).content.decode()
    assert "Create source “Euractiv”" not in html and "Create source “dpa”" in html
    # The Source dropdowns now list it.
    assert (
        f'<option value="{source.pk}">Euractiv</option>'
        in client_as(viewer).get(reverse("article_list")).content.decode()
    )


def test_one_click_create_of_an_existing_name_says_so(client_as, admin_user, hinted):
    services.source_create(user=admin_user, name="DPA", active=False)
    response = client_as(admin_user).post(reverse("source_create_from_name"), {"name": "dpa"}, follow=True)
    assert "exists already" in response.content.decode()
    assert Source.objects.count() == 1


def test_one_click_create_permissions(client, client_as, viewer, analyst, stranger, hinted):
    url = reverse("source_create_from_name")
    assert client.post(url, {"name": "dpa"}).url.startswith(reverse("login"))
    for user in (stranger, viewer, analyst):
        assert client_as(user).post(url, {"name": "dpa"}).status_code == 403
    assert not Source.objects.exists()


def test_one_click_create_get_is_405(client_as, admin_user):
    assert client_as(admin_user).get(reverse("source_create_from_name")).status_code == 405


def test_source_list_query_count(client_as, viewer, hinted, django_assert_max_num_queries):
    for n in range(10, 40):
        _article(n, source_hint=f"Outlet {n}")
    client = client_as(viewer)
    client.get(reverse("source_list"))
    with django_assert_max_num_queries(7):
        client.get(reverse("source_list"))

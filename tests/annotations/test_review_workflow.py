"""The review workflow: "reviewed" means every item was seen; a queue, "next unreviewed", assignment."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from annotations import services
from annotations.models import Correction, Mention, Origin, Quote, Status
from articles.models import Article, Source

BODY = "Dmitri Peskow sagte in Moskau: „Wir sind bereit.“ Peskow lobte Nordkorea."
HTMX = {"HTTP_HX_REQUEST": "true"}


def _article(n: int, **fields) -> Article:
    fields.setdefault("status", "done")
    return Article.objects.create(title=f"Article {n}", body=BODY, content_hash=f"{n:064d}", **fields)


@pytest.fixture
def proposed(db):
    """An article with two machine proposals (a place and a quote) nobody decided on."""
    article = _article(1)
    start = BODY.index("Moskau")
    Mention.objects.create(
        article=article, start=start, end=start + 6, label="LOC", text="Moskau", origin=Origin.MACHINE
    )
    start = BODY.index("Wir sind bereit.")
    Quote.objects.create(
        article=article,
        start=start,
        end=start + 16,
        text="Wir sind bereit.",
        direct=True,
        origin=Origin.MACHINE,
    )
    return article


def test_mark_reviewed_with_open_proposals_lists_them_and_changes_nothing(client_as, analyst, proposed):
    response = client_as(analyst).post(
        reverse("article_review", args=[proposed.pk]), {"reviewed": "1"}, **HTMX
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "1 place, 1 quote" in html and 'id="review-accept-open"' in html and "Accept 2 open items" in html
    proposed.refresh_from_db()
    assert proposed.review_state == "unreviewed"
    assert not Correction.objects.exists()


def test_accepting_the_open_proposals_marks_reviewed(client_as, analyst, proposed):
    response = client_as(analyst).post(
        reverse("article_review", args=[proposed.pk]), {"reviewed": "1", "accept_open": "1"}, **HTMX
    )
    assert response.status_code == 200
    proposed.refresh_from_db()
    assert proposed.review_state == "reviewed" and proposed.reviewed_by == analyst
    assert not Mention.objects.filter(status=Status.PROPOSED).exists()
    assert not Quote.objects.filter(status=Status.PROPOSED).exists()
    actions = sorted(Correction.objects.values_list("action", flat=True))
    assert actions == ["accept_all", "accept_all", "review"]


def test_accepting_the_open_proposals_refreshes_the_lists_on_the_page(client_as, analyst, proposed):
    """The page swaps in what the click changed: the accepted items, not only the review state."""
    quote = Quote.objects.get()
    response = client_as(analyst).post(
        reverse("article_review", args=[proposed.pk]), {"reviewed": "1", "accept_open": "1"}, **HTMX
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="quote-{quote.pk}" class="quote status-accepted"' in html
    assert "status-proposed" not in html
    assert reverse("annotations_accept_all", args=[proposed.pk]) not in html
    assert "Reviewed by" in html


def test_service_refuses_reviewed_with_open_items(analyst, proposed):
    with pytest.raises(services.ReviewIncomplete) as raised:
        services.article_review_set(user=analyst, article=proposed, reviewed=True)
    assert raised.value.open_items == {"LOC": 1, "QUOTE": 1}
    # Rejected items count as seen.
    for mention in Mention.objects.all():
        services.mention_reject(user=analyst, mention=mention, version=mention.version)
    for quote in Quote.objects.all():
        services.quote_accept(user=analyst, quote=quote, version=quote.version)
    services.article_review_set(user=analyst, article=proposed, reviewed=True)
    proposed.refresh_from_db()
    assert proposed.review_state == "reviewed"


def test_next_unreviewed_prefers_my_articles_then_unassigned(client_as, analyst, admin_user):
    oldest_other = _article(1, assigned_to=admin_user)
    unassigned = _article(2)
    mine = _article(3, assigned_to=analyst)
    _article(4, review_state="reviewed")
    _article(5, status="processing")
    client = client_as(analyst)
    response = client.get(reverse("review_next"))
    assert response.url == reverse("article_detail", args=[mine.pk])
    response = client.get(reverse("review_next"), {"after": mine.pk})
    assert response.url == reverse("article_detail", args=[unassigned.pk])
    response = client.get(reverse("review_next"), {"after": unassigned.pk})
    assert response.url == reverse("article_detail", args=[mine.pk])
    Article.objects.exclude(pk=oldest_other.pk).update(review_state="reviewed")
    response = client.get(reverse("review_next"))
    assert response.url == reverse("review_queue")


def test_review_queue_filters(client_as, analyst, admin_user):
    euractiv = Source.objects.create(name="Euractiv")
    _article(1, language="de", source=euractiv, published=datetime.date(2025, 3, 1), assigned_to=analyst)
    _article(2, language="en", published=datetime.date(2024, 1, 1))
    _article(3, language="de", assigned_to=admin_user)
    _article(4, language="de", review_state="reviewed")
    client = client_as(analyst)

    def titles(**params):
        html = client.get(reverse("review_queue"), params).content.decode()
        return sorted(t for t in ("Article 1", "Article 2", "Article 3", "Article 4") if t in html)

    assert titles() == ["Article 1", "Article 2", "Article 3"]
    assert titles(language="de") == ["Article 1", "Article 3"]
    assert titles(source=euractiv.pk) == ["Article 1"]
    assert titles(published_min="2025-01-01") == ["Article 1"]
    assert titles(assigned="me") == ["Article 1"]
    assert titles(assigned="unassigned") == ["Article 2"]
    assert titles(assigned="others") == ["Article 3"]
    assert client.get(reverse("review_queue"), {"page": "9"}).status_code == 404


def test_review_queue_query_count(client_as, analyst, django_assert_max_num_queries):
    source = Source.objects.create(name="dpa")
    for n in range(40):
        _article(n, source=source, assigned_to=analyst if n % 2 else None)
    client = client_as(analyst)
    client.get(reverse("review_queue"))
    with django_assert_max_num_queries(8):
        assert client.get(reverse("review_queue"), {"assigned": "me"}).status_code == 200


def test_assign_to_an_analyst_and_back_to_nobody(client_as, analyst, viewer, proposed):
    client = client_as(analyst)
    response = client.post(reverse("article_assign", args=[proposed.pk]), {"assignee": analyst.pk})
    assert response.url == reverse("article_detail", args=[proposed.pk])
    proposed.refresh_from_db()
    assert proposed.assigned_to == analyst
    # A viewer does not review: not a choice.
    client.post(reverse("article_assign", args=[proposed.pk]), {"assignee": viewer.pk})
    proposed.refresh_from_db()
    assert proposed.assigned_to == analyst
    client.post(reverse("article_assign", args=[proposed.pk]), {"assignee": ""})
    proposed.refresh_from_db()
    assert proposed.assigned_to is None
    # An outside "next" is ignored.
    response = client.post(
        reverse("article_assign", args=[proposed.pk]), {"assignee": "", "next": "https://evil.example/"}
    )
    assert response.url == reverse("article_detail", args=[proposed.pk])


@pytest.mark.parametrize(
    ("name", "method", "needs_article"),
    [("review_queue", "get", False), ("review_next", "get", False), ("article_assign", "post", True)],
)
def test_permission_matrix(
    client, client_as, viewer, stranger, analyst, proposed, name, method, needs_article
):
    url = reverse(name, args=[proposed.pk] if needs_article else [])
    response = getattr(client, method)(url)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert getattr(client_as(stranger), method)(url).status_code == 403
    assert getattr(client_as(viewer), method)(url).status_code == 403
    assert client_as(analyst).put(url).status_code == 405
    assert getattr(client_as(analyst), method)(url).status_code in (200, 302)
    if needs_article:
        assert client_as(analyst).post(reverse(name, args=[999999])).status_code == 404


def test_review_refusal_without_htmx_keeps_the_assignment_safe(client_as, analyst, proposed):
    proposed.assigned_to = analyst
    proposed.save(update_fields=["assigned_to"])
    response = client_as(analyst).post(reverse("article_review", args=[proposed.pk]), {"reviewed": "1"})
    assert response.status_code == 409
    html = response.content.decode()
    assert "Still open:" in html
    # No reviewer list here, so no form that would post "Nobody" by accident.
    assert 'action="{}"'.format(reverse("article_assign", args=[proposed.pk])) not in html
    page = client_as(analyst).get(reverse("article_detail", args=[proposed.pk])).content.decode()
    assert f'<option value="{analyst.pk}" selected>' in page

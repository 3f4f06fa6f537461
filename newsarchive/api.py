"""The JSON API (django-ninja): the same filters and name matching as the pages.

Session (browser, CSRF-checked on writes) or bearer token (`manage.py api_token USER`)
authentication; the roles of the pages apply (viewer reads, analyst uploads). Every error
is JSON with a `message`. The OpenAPI document is at /api/openapi.json.
"""

from __future__ import annotations

import datetime as dt
from functools import wraps

from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import URLResolver, reverse
from django.utils.crypto import salted_hmac
from ninja import File, Form, NinjaAPI, Schema, Status
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.files import UploadedFile
from ninja.security import HttpBearer, django_auth

from annotations import search_views
from annotations.filters import ArticleSearchFilter, QuoteFilter, article_list_queryset, quote_list_queryset
from annotations.models import Mention, Quote
from annotations.search import person_search
from articles import services as article_services
from articles.models import Article
from newsarchive.roles import Role, has_role

PAGE_SIZE = 50
TOKEN_SALT = "newsarchive.api.token"
TOKEN_MAX_AGE = 365 * 24 * 3600


def _password_fingerprint(user) -> str:
    # Tokens die with the password: changing it (or disabling the account) revokes them.
    return salted_hmac(TOKEN_SALT, user.password).hexdigest()[:20]


def api_token_issue(user) -> str:
    """A signed bearer token for `user`, valid a year or until the password changes."""
    return signing.dumps({"u": user.pk, "p": _password_fingerprint(user)}, salt=TOKEN_SALT)


def api_token_user(token: str):
    try:
        data = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:
        return None
    user = get_user_model().objects.filter(pk=data.get("u"), is_active=True).first()
    if user is None or data.get("p") != _password_fingerprint(user):
        return None
    return user


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str):
        user = api_token_user(token)
        if user is not None:
            request.user = user
        return user


api = NinjaAPI(
    title="newsarchive",
    version="1",
    description="Articles, quotes and persons of the news archive.",
    auth=[django_auth, TokenAuth()],  # the browser session (CSRF-checked on writes), or a token
    urls_namespace="api",
    docs_url=None,  # the Swagger page loads scripts from a CDN; the document itself is enough
)


def _error(request, message: str, status: int, **extra) -> JsonResponse:
    return JsonResponse({"message": message, **extra}, status=status)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc):
    return _error(request, "Authentication required: log in or send 'Authorization: Bearer <token>'.", 401)


@api.exception_handler(PermissionDenied)
def _forbidden(request, exc):
    return _error(request, str(exc) or "Your role does not allow this.", 403)


@api.exception_handler(Http404)
def _not_found(request, exc):
    return _error(request, str(exc) or "Not found.", 404)


@api.exception_handler(ValidationError)
def _invalid(request, exc):
    return _error(request, "Invalid request.", 422, errors=exc.errors)


@api.exception_handler(HttpError)
def _http_error(request, exc):
    return _error(request, str(exc), exc.status_code)


def _require(request, role: Role) -> None:
    if not has_role(request.user, role):
        raise PermissionDenied(f"This needs the {role.value} role.")


def _page(request, queryset):
    return search_views._page(request, queryset, per_page=PAGE_SIZE)


def _filtered(request, filterset_class, queryset):
    filterset = filterset_class(request.GET, queryset=queryset)
    if not filterset.is_valid():
        raise HttpError(
            400, "Invalid filter: " + "; ".join(f"{k}: {' '.join(v)}" for k, v in filterset.errors.items())
        )
    return filterset


# --- schemas ---------------------------------------------------------------------------


class ArticleOut(Schema):
    id: int
    title: str
    language: str
    source: str | None
    published: dt.date | None
    status: str
    review_state: str
    url: str
    api_url: str


class MentionOut(Schema):
    id: int
    start: int
    end: int
    label: str
    text: str
    status: str
    person_id: int | None
    country: str | None


class QuoteOut(Schema):
    id: int
    start: int
    end: int
    text: str
    direct: bool
    status: str
    speaker_id: int | None
    speaker: str
    speaker_wikidata_id: str | None = None


class ArticleDetailOut(ArticleOut):
    failure_reason: str
    mentions: list[MentionOut]
    quotes: list[QuoteOut]


class ArticlePage(Schema):
    count: int
    count_capped: bool  # true: at least `count` hits (lists count up to 500)
    page: int
    pages: int
    results: list[ArticleOut]


class QuoteHitOut(QuoteOut):
    article_id: int
    article_title: str
    source: str | None
    published: dt.date | None
    language: str
    url: str


class PersonOut(Schema):
    id: int
    name: str
    kind: str  # person or organisation
    aliases: list[str]  # every other spelling of this identity
    description: str
    wikidata_id: str | None  # a Wikidata QID (Q123) an analyst attached
    score: float
    quote_count: int
    quote_count_capped: bool  # true: more than `quote_count` (counts stop at 1000)
    url: str


class QuotePage(Schema):
    count: int
    count_capped: bool  # true: at least `count` hits (lists count up to 500)
    page: int
    pages: int
    persons: list[PersonOut]
    other_candidates: list[PersonOut]
    results: list[QuoteHitOut]


class UploadItemOut(Schema):
    name: str
    outcome: str
    reason: str
    article_id: int | None
    status_url: str | None


class UploadOut(Schema):
    upload_id: int
    article_id: int | None
    status_url: str | None
    items: list[UploadItemOut]


class Message(Schema):
    message: str


def _article_out(article: Article) -> dict:
    return {
        "id": article.pk,
        "title": article.title,
        "language": article.language,
        "source": article.source.name if article.source_id else (article.source_hint or None),
        "published": article.published,
        "status": article.status,
        "review_state": article.review_state,
        "url": reverse("article_detail", args=[article.pk]),
        "api_url": reverse("api:article_get", args=[article.pk]),
    }


def _quote_out(quote: Quote) -> dict:
    return {
        "id": quote.pk,
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
        "direct": quote.direct,
        "status": quote.status,
        "speaker_id": quote.speaker_id,
        "speaker": quote.speaker_display,
        "speaker_wikidata_id": (quote.speaker.wikidata_id or None) if quote.speaker_id else None,
    }


def _person_out(match) -> dict:
    person = match.person
    return {
        "id": person.pk,
        "name": person.name,
        "kind": person.kind,
        "aliases": person.aliases,
        "description": person.description,
        "wikidata_id": person.wikidata_id or None,
        "score": match.score,
        "quote_count": match.quote_count,
        "quote_count_capped": match.quote_count_capped,
        "url": reverse("person_detail", args=[person.pk]),
    }


# --- endpoints ---------------------------------------------------------------------------

ERRORS = {401: Message, 403: Message, 404: Message}


@api.get("/articles/", response={200: ArticlePage, 400: Message, **ERRORS}, url_name="article_list")
def article_list(request):
    """Articles, with the filters of the search page: q (web-search syntax), person (any
    spelling: the same identity as quote search), published_after, published_before, source,
    country (repeatable), language, reviewed, status, page."""
    _require(request, Role.VIEWER)
    page = _page(request, _filtered(request, ArticleSearchFilter, article_list_queryset()).qs)
    return {
        "count": page.paginator.count,
        "count_capped": page.paginator.capped,
        "page": page.number,
        "pages": page.paginator.num_pages,
        "results": [_article_out(a) for a in page.object_list],
    }


@api.get("/articles/{article_id}/", response={200: ArticleDetailOut, **ERRORS}, url_name="article_get")
def article_get(request, article_id: int):
    """One article: status (poll it after an upload), its visible mentions and quotes."""
    _require(request, Role.VIEWER)
    article = get_object_or_404(Article.objects.with_related().defer("body"), pk=article_id)
    mentions = Mention.objects.visible().filter(article=article).select_related("country").order_by("start")
    quotes = Quote.objects.visible().filter(article=article).select_related("speaker").order_by("start")
    return {
        **_article_out(article),
        "failure_reason": article.failure_reason,
        "mentions": [
            {
                "id": m.pk,
                "start": m.start,
                "end": m.end,
                "label": m.label,
                "text": m.text,
                "status": m.status,
                "person_id": m.person_id,
                "country": m.country.alpha2 if m.country_id else None,
            }
            for m in mentions
        ],
        "quotes": [_quote_out(q) for q in quotes],
    }


@api.post("/articles/", response={202: UploadOut, 400: Message, **ERRORS}, url_name="article_upload")
def article_upload(request, files: File[list[UploadedFile]] = None, text: Form[str] = ""):
    """Upload files (multipart `files`, zips expanded) and/or pasted `text`; extraction runs later.

    202 with the upload's report; `article_id`/`status_url` name the first stored article.
    """
    _require(request, Role.ANALYST)
    files = files or []
    if not files and not text.strip():
        raise HttpError(400, "Send at least one file (field 'files') or some text (field 'text').")
    upload = article_services.upload_process(
        user=request.user, files=[(f.name, f.read()) for f in files], pasted_text=text
    )
    items = [
        {
            "name": item.name,
            "outcome": item.outcome,
            "reason": item.reason,
            "article_id": item.article_id,
            "status_url": reverse("api:article_get", args=[item.article_id]) if item.article_id else None,
        }
        for item in upload.items.all()
    ]
    first = next((i for i in items if i["article_id"]), None)
    return Status(
        202,
        {
            "upload_id": upload.pk,
            "article_id": first["article_id"] if first else None,
            "status_url": first["status_url"] if first else None,
            "items": items,
        },
    )


@api.get("/quotes/", response={200: QuotePage, 400: Message, **ERRORS}, url_name="quote_list")
def quote_list(request):
    """Quotes; `person` is matched whatever the spelling (all spellings of the best match),
    `speaker` picks one candidate; also q, published_after/before, source, country, language,
    direct, reviewed, page."""
    _require(request, Role.VIEWER)
    filterset = _filtered(request, QuoteFilter, quote_list_queryset())
    page = search_views.quote_page(
        request, filterset.qs, per_page=PAGE_SIZE, speakers=search_views.quote_speakers(filterset)
    )
    resolution = filterset.resolution
    results = []
    for quote in page.object_list:
        article = quote.article
        results.append(
            {
                **_quote_out(quote),
                "article_id": article.pk,
                "article_title": article.title,
                "source": article.source.name if article.source_id else (article.source_hint or None),
                "published": article.published,
                "language": article.language,
                "url": reverse("article_detail", args=[article.pk]) + f"#quote-{quote.pk}",
            }
        )
    return {
        "count": page.paginator.count,
        "count_capped": page.paginator.capped,
        "page": page.number,
        "pages": page.paginator.num_pages,
        "persons": [_person_out(m) for m in resolution.selected] if resolution else [],
        "other_candidates": [_person_out(m) for m in resolution.others] if resolution else [],
        "results": results,
    }


@api.get("/persons/", response={200: list[PersonOut], **ERRORS}, url_name="person_list")
def person_list(request, q: str):
    """Persons matching a name in any spelling, best first, with their quote counts."""
    _require(request, Role.VIEWER)
    return [_person_out(m) for m in person_search(q, limit=20)]


def _json_errors(view):
    """Mark API views as handling their own authentication, and answer 405 in JSON too."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code == 405 and not response.get("Content-Type", "").startswith(
            "application/json"
        ):
            allowed = response.get("Allow", "")
            response = JsonResponse({"message": f"Method not allowed; use {allowed}."}, status=405)
            response["Allow"] = allowed
        return response

    wrapped.login_required = False  # LoginRequiredMiddleware would redirect; the API answers 401
    return wrapped


def api_urls():
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        if not isinstance(pattern, URLResolver):
            pattern.callback = _json_errors(pattern.callback)
    return patterns, app_name, namespace

"""/api/articles/: list with the search page's filters, one article, upload."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import File, Form, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile

from annotations.models import Mention, Quote
from annotations.search.filters import ArticleSearchFilter, article_list_queryset
from articles import services as article_services
from articles.models import Article
from newsarchive.api.base import _filtered, _page, _require, api
from newsarchive.api.schemas import (
    ERRORS,
    ArticleDetailOut,
    ArticlePage,
    Message,
    UploadOut,
    _article_out,
    _quote_out,
)
from newsarchive.roles import Role


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
    Large uploads are read in the background: `files_pending` counts the files not read yet.
    """
    _require(request, Role.ANALYST)
    files = files or []
    if not files and not text.strip():
        raise HttpError(400, "Send at least one file (field 'files') or some text (field 'text').")
    upload = article_services.upload_submit(
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
            "files_pending": upload.files_pending,
        },
    )

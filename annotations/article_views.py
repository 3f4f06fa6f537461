"""Article pages that show annotations: the filtered article list and the article workspace
(the page, its review switch and its details form). They sit above both apps: articles knows
nothing of annotations."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from annotations import selectors as annotation_selectors
from annotations import services as annotation_services
from annotations.search.article_filters import ArticleFilter
from annotations.views import PIECES, workspace_response
from articles import selectors
from articles.forms import ArticleMetadataForm, form_errors_from
from articles.models import Article
from newsarchive.roles import Role, role_required

PAGE_SIZE = 50


@require_GET
@role_required(Role.VIEWER)
def article_list(request):
    filterset = ArticleFilter(request.GET, queryset=Article.objects.with_related().defer("body"))
    page = _page(request, filterset.qs)
    return render(request, "articles/list.html", {"filter": filterset, "page": page})


def _page(request, queryset):
    paginator = Paginator(queryset, PAGE_SIZE)
    number = request.GET.get("page") or 1
    try:
        return paginator.page(number)
    except Exception:
        raise Http404("No such page") from None


@require_GET
@role_required(Role.VIEWER)
def article_detail(request, article_id: int):
    article = selectors.article_get(article_id)
    context = annotation_selectors.workspace(article, user=request.user)
    return render(request, "articles/detail.html", context)


@require_POST
@role_required(Role.ANALYST)
def article_review(request, article_id: int):
    article = selectors.article_get(article_id)
    reviewed = request.POST.get("reviewed", "1") == "1"
    article = annotation_services.article_review_set(user=request.user, article=article, reviewed=reviewed)
    notice = "Marked as reviewed." if reviewed else "Marked as not reviewed."
    return workspace_response(request, article, notice=notice, refresh=PIECES)


@require_http_methods(["GET", "POST"])
@role_required(Role.ANALYST)
def article_metadata(request, article_id: int):
    article = selectors.article_get(article_id)
    form = ArticleMetadataForm(
        request.POST if request.method == "POST" else None, initial=ArticleMetadataForm.initial_for(article)
    )
    if request.method == "POST" and form.is_valid():
        try:
            annotation_services.article_metadata_set(user=request.user, article=article, **form.cleaned_data)
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            messages.success(request, "Article details saved.")
            return redirect("article_detail", article_id=article.pk)
    status = 400 if form.errors else 200
    return render(request, "articles/metadata_form.html", {"form": form, "article": article}, status=status)

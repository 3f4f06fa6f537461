"""Article pages that show annotations: the filtered article list and the article workspace
(the page, its review switch and its details form). They sit above both apps: articles knows
nothing of annotations."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from annotations import selectors as annotation_selectors
from annotations import services as annotation_services
from annotations.search.article_filters import ArticleFilter, ReviewQueueFilter
from annotations.views import ALL, PIECES, workspace_response
from articles import selectors
from articles import services as article_services
from articles.forms import ArticleAssignForm, ArticleMetadataForm, conflict_form, form_errors_from
from articles.models import Article
from articles.selectors import reviewers
from newsarchive.conflicts import EditConflict, seen_token
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
    context["last_run"] = annotation_selectors.article_last_run(article)
    if context["can_edit"]:
        context["reviewers"] = list(reviewers().only("pk", "username"))
    return render(request, "articles/detail.html", context)


@require_POST
@role_required(Role.ANALYST)
def article_review(request, article_id: int):
    article = selectors.article_get(article_id)
    reviewed = request.POST.get("reviewed", "1") == "1"
    accept_open = request.POST.get("accept_open") == "1"
    try:
        article = annotation_services.article_review_set(
            user=request.user, article=article, reviewed=reviewed, accept_open=accept_open
        )
    except annotation_services.ReviewIncomplete as exc:
        # Nothing changed: show what is still open and offer to accept it all.
        context = annotation_selectors.workspace(article, user=request.user, error=exc.messages[0])
        context["review_open"] = annotation_selectors.open_items_listed(exc.open_items)
        context["review_open_total"] = sum(exc.open_items.values())
        template = "annotations/_workspace.html" if request.htmx else "articles/detail.html"
        return render(request, template, context, status=409)
    notice = "Marked as reviewed." if reviewed else "Marked as not reviewed."
    # Accepting the open proposals changes every list and the text's marks, not only the toolbar.
    return workspace_response(request, article, notice=notice, refresh=ALL if accept_open else PIECES)


@require_POST
@role_required(Role.ANALYST)
def article_assign(request, article_id: int):
    article = selectors.article_get(article_id)
    form = ArticleAssignForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose an analyst from the list.")
    else:
        assignee = form.cleaned_data["assignee"]
        article_services.article_assign(article=article, assignee=assignee)
        messages.success(request, f"Assigned to {assignee}." if assignee else "Assigned to nobody.")
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect("article_detail", article_id=article.pk)


@require_GET
@role_required(Role.ANALYST)
def review_queue(request):
    filterset = ReviewQueueFilter(
        request.GET, queryset=Article.objects.review_queue().defer("body"), request=request
    )
    page = _page(request, filterset.qs)
    return render(request, "articles/review_queue.html", {"filter": filterset, "page": page})


@require_GET
@role_required(Role.ANALYST)
def review_next(request):
    """The next article to review: one assigned to me first, then one nobody took; oldest first."""
    article = selectors.review_next(user=request.user, after=request.GET.get("after"))
    if article is None:
        messages.info(request, "No unreviewed article is waiting for you.")
        return redirect("review_queue")
    return redirect("article_detail", article_id=article.pk)


@require_http_methods(["GET", "POST"])
@role_required(Role.ANALYST)
def article_metadata(request, article_id: int):
    article = selectors.article_get(article_id)
    snapshot = annotation_services.article_metadata_snapshot(article)
    initial = {**ArticleMetadataForm.initial_for(article), "seen": seen_token(snapshot)}
    form = ArticleMetadataForm(request.POST if request.method == "POST" else None, initial=initial)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            annotation_services.article_metadata_set(user=request.user, article=article, **form.cleaned_data)
        except ValidationError as exc:
            form_errors_from(form, exc)
        except EditConflict as exc:
            article = selectors.article_get(article_id)
            current = annotation_services.article_metadata_snapshot(article)
            form, status = conflict_form(ArticleMetadataForm, request, exc, current), 409
        else:
            messages.success(request, "Article details saved.")
            return redirect("article_detail", article_id=article.pk)
    status = 400 if form.errors and status == 200 else status
    return render(request, "articles/metadata_form.html", {"form": form, "article": article}, status=status)

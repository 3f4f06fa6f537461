from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from annotations import selectors as annotation_selectors
from annotations import services as annotation_services
from annotations.views import PIECES, workspace_response
from articles import selectors, services
from articles.filters import ArticleFilter, ReviewQueueFilter, reviewers
from articles.forms import (
    ArticleAssignForm,
    ArticleMetadataForm,
    SourceEditForm,
    SourceForm,
    SourceFromNameForm,
    SourceMergeForm,
    UploadForm,
)
from articles.models import Article, Source, Upload, UploadItem
from newsarchive.conflicts import EditConflict, seen_token
from newsarchive.roles import Role, role_required

PAGE_SIZE = 50


def _home_context() -> dict:
    articles = Article.objects.with_related()
    in_progress = list(articles.in_progress().order_by("status_changed_at")[:20])
    return {
        "in_progress": in_progress,
        "failed": articles.failed().order_by("-status_changed_at")[:20],
        "recent": articles.recent()[:20],
        "live": bool(in_progress),
    }


@require_GET
@role_required(Role.VIEWER)
def home(request):
    return render(request, "articles/home.html", _home_context())


@require_GET
@role_required(Role.VIEWER)
def home_live(request):
    """The home page's lists alone, polled by htmx while articles are queued or processing."""
    return render(request, "articles/_home_lists.html", _home_context())


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


@require_http_methods(["GET", "POST"])
@role_required(Role.ANALYST)
def upload(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        files = [(f.name, f.read()) for f in form.cleaned_data["files"]]
        result = services.upload_submit(user=request.user, files=files, pasted_text=form.cleaned_data["text"])
        return redirect("upload_report", upload_id=result.pk)
    return render(request, "articles/upload.html", {"form": form}, status=400 if form.errors else 200)


def _upload_report_context(upload_id: int) -> dict:
    report = get_object_or_404(Upload, pk=upload_id)
    items = list(report.items.select_related("article").defer("article__body"))
    counts = {
        outcome: sum(item.outcome == outcome for item in items) for outcome in UploadItem.Outcome.values
    }
    live = report.files_pending > 0 or any(
        item.article and item.article.status in Article.IN_PROGRESS for item in items
    )
    return {"upload": report, "items": items, "counts": counts, "live": live}


@require_GET
@role_required(Role.ANALYST)
def upload_report(request, upload_id: int):
    return render(request, "articles/upload_report.html", _upload_report_context(upload_id))


@require_GET
@role_required(Role.ANALYST)
def upload_report_live(request, upload_id: int):
    """The report's table alone, polled by htmx until every article is done or failed."""
    return render(request, "articles/_upload_items.html", _upload_report_context(upload_id))


@require_GET
@role_required(Role.VIEWER)
def article_detail(request, article_id: int):
    article = selectors.article_get(article_id)
    context = annotation_selectors.workspace(article, user=request.user)
    if context["can_edit"]:
        context["reviewers"] = list(reviewers().only("pk", "username"))
    return render(request, "articles/detail.html", context)


@require_GET
@role_required(Role.VIEWER)
def article_status(request, article_id: int):
    article = selectors.article_get(article_id)
    response = render(request, "articles/_status.html", {"article": article})
    if request.htmx and article.status in (Article.Status.DONE, Article.Status.FAILED):
        # The annotations arrived: reload the whole page to show them.
        response["HX-Refresh"] = "true"
    return response


@require_GET
@role_required(Role.VIEWER)
def article_original(request, article_id: int):
    article = selectors.article_get(article_id)
    if not article.original_file:
        raise Http404("No original file")
    return FileResponse(
        article.original_file.open("rb"), as_attachment=True, filename=article.original_name or "original"
    )


@require_POST
@role_required(Role.ANALYST)
def article_retry(request, article_id: int):
    article = selectors.article_get(article_id)
    services.article_request_extraction(article=article)
    messages.info(request, "Extraction queued again.")
    return redirect("article_detail", article_id=article.pk)


@require_POST
@role_required(Role.ANALYST)
def article_review(request, article_id: int):
    article = selectors.article_get(article_id)
    reviewed = request.POST.get("reviewed", "1") == "1"
    try:
        article = annotation_services.article_review_set(
            user=request.user,
            article=article,
            reviewed=reviewed,
            accept_open=request.POST.get("accept_open") == "1",
        )
    except annotation_services.ReviewIncomplete as exc:
        # Nothing changed: show what is still open and offer to accept it all.
        context = annotation_selectors.workspace(article, user=request.user, error=exc.messages[0])
        context["review_open"] = annotation_selectors.open_items_listed(exc.open_items)
        context["review_open_total"] = sum(exc.open_items.values())
        template = "annotations/_workspace.html" if request.htmx else "articles/detail.html"
        return render(request, template, context, status=409)
    notice = "Marked as reviewed." if reviewed else "Marked as not reviewed."
    return workspace_response(request, article, notice=notice, refresh=PIECES)


@require_POST
@role_required(Role.ANALYST)
def article_assign(request, article_id: int):
    article = selectors.article_get(article_id)
    form = ArticleAssignForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose an analyst from the list.")
    else:
        assignee = form.cleaned_data["assignee"]
        services.article_assign(article=article, assignee=assignee)
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


# --- sources ----------------------------------------------------------------------------

SOURCE_PAGE_SIZE = 100


def _conflict_form(form_class, request, exc: EditConflict, current: dict):
    """409: the editor's values stay in the form, the error names what someone else changed,
    and the form now carries the current values, so saving again is a deliberate choice."""
    form = form_class(form_class.with_seen(request.POST, current))
    form.is_valid()
    form.add_error(None, str(exc))
    return form


def _form_errors_from(form, exc: ValidationError) -> None:
    """Put a service's validation errors on the form (unknown fields go to the top)."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


@require_GET
@role_required(Role.VIEWER)
def source_list(request):
    paginator = Paginator(selectors.source_list(), SOURCE_PAGE_SIZE)
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except (EmptyPage, PageNotAnInteger):
        raise Http404("No such page") from None
    context = {"page": page, "unrecorded": selectors.source_names_unrecorded()}
    return render(request, "articles/source_list.html", context)


@require_POST
@role_required(Role.ADMIN)
def source_create_from_name(request):
    """One click on a name found in articles: the source record, with those articles linked."""
    form = SourceFromNameForm(request.POST)
    if not form.is_valid():
        messages.error(request, "No source name given.")
        return redirect("source_list")
    try:
        source = services.source_create(user=request.user, name=form.cleaned_data["name"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("source_list")
    messages.success(request, _linked_message(f"Source “{source.name}” created.", source.linked_count))
    return redirect("source_detail", source_id=source.pk)


def _linked_message(text: str, linked: int) -> str:
    if not linked:
        return text
    return f"{text} {linked} existing article{'s' if linked != 1 else ''} linked to it."


@require_GET
@role_required(Role.VIEWER)
def source_detail(request, source_id: int):
    source = selectors.source_get(source_id)
    history = selectors.source_history(source)
    return render(request, "articles/source_detail.html", {"source": source, "history": history})


@require_http_methods(["GET", "POST"])
@role_required(Role.ADMIN)
def source_create(request):
    form = SourceForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            source = services.source_create(user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _form_errors_from(form, exc)
        else:
            messages.success(
                request, _linked_message(f"Source “{source.name}” created.", source.linked_count)
            )
            return redirect("source_detail", source_id=source.pk)
    status = 400 if form.errors else 200
    return render(request, "articles/source_form.html", {"form": form, "source": None}, status=status)


@require_http_methods(["GET", "POST"])
@role_required(Role.ADMIN)
def source_edit(request, source_id: int):
    source = selectors.source_get(source_id)
    initial = {**SourceEditForm.initial_for(source), "seen": seen_token(services.source_snapshot(source))}
    form = SourceEditForm(request.POST if request.method == "POST" else None, initial=initial)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            source = services.source_update(source=source, user=request.user, **form.cleaned_data)
        except Source.DoesNotExist:
            raise Http404("The source was merged or deleted meanwhile.") from None
        except ValidationError as exc:
            _form_errors_from(form, exc)
        except EditConflict as exc:
            source = selectors.source_get(source_id)
            form, status = _conflict_form(SourceEditForm, request, exc, services.source_snapshot(source)), 409
        else:
            messages.success(request, _linked_message("Source saved.", source.linked_count))
            return redirect("source_detail", source_id=source.pk)
    status = 400 if form.errors and status == 200 else status
    return render(request, "articles/source_form.html", {"form": form, "source": source}, status=status)


@require_http_methods(["GET", "POST"])
@role_required(Role.ADMIN)
def source_merge(request, source_id: int):
    source = selectors.source_get(source_id)
    form = SourceMergeForm(request.POST if request.method == "POST" else None, source=source)
    if request.method == "POST" and form.is_valid():
        into = form.cleaned_data["into"]
        try:
            moved = services.source_merge(source=source, into=into, user=request.user)
        except Source.DoesNotExist:
            raise Http404("A source was merged or deleted meanwhile.") from None
        messages.success(request, f"“{source.name}” merged into “{into.name}”: {moved} article(s) moved.")
        return redirect("source_detail", source_id=into.pk)
    status = 400 if form.errors else 200
    return render(request, "articles/source_merge.html", {"form": form, "source": source}, status=status)


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
            _form_errors_from(form, exc)
        except EditConflict as exc:
            article = selectors.article_get(article_id)
            current = annotation_services.article_metadata_snapshot(article)
            form, status = _conflict_form(ArticleMetadataForm, request, exc, current), 409
        else:
            messages.success(request, "Article details saved.")
            return redirect("article_detail", article_id=article.pk)
    status = 400 if form.errors and status == 200 else status
    return render(request, "articles/metadata_form.html", {"form": form, "article": article}, status=status)

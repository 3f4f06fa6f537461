from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from annotations import selectors as annotation_selectors
from annotations import services as annotation_services
from annotations.views import PIECES, workspace_response
from articles import selectors, services
from articles.filters import ArticleFilter
from articles.forms import ArticleMetadataForm, SourceForm, SourceMergeForm, UploadForm
from articles.models import Article, Source, Upload, UploadItem
from newsarchive.roles import Role, role_required

PAGE_SIZE = 50


@require_GET
@role_required(Role.VIEWER)
def home(request):
    articles = Article.objects.with_related()
    return render(
        request,
        "articles/home.html",
        {
            "in_progress": articles.in_progress().order_by("status_changed_at")[:20],
            "failed": articles.failed().order_by("-status_changed_at")[:20],
            "recent": articles.recent()[:20],
        },
    )


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
        result = services.upload_process(
            user=request.user, files=files, pasted_text=form.cleaned_data["text"]
        )
        return redirect("upload_report", upload_id=result.pk)
    return render(request, "articles/upload.html", {"form": form}, status=400 if form.errors else 200)


@require_GET
@role_required(Role.ANALYST)
def upload_report(request, upload_id: int):
    report = get_object_or_404(Upload, pk=upload_id)
    items = list(report.items.select_related("article"))
    counts = {
        outcome: sum(item.outcome == outcome for item in items) for outcome in UploadItem.Outcome.values
    }
    return render(
        request, "articles/upload_report.html", {"upload": report, "items": items, "counts": counts}
    )


@require_GET
@role_required(Role.VIEWER)
def article_detail(request, article_id: int):
    article = selectors.article_get(article_id)
    context = annotation_selectors.workspace(article, user=request.user)
    context["last_run"] = annotation_selectors.article_last_run(article)
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
    article = annotation_services.article_review_set(user=request.user, article=article, reviewed=reviewed)
    notice = "Marked as reviewed." if reviewed else "Marked as not reviewed."
    return workspace_response(request, article, notice=notice, refresh=PIECES)


# --- sources ----------------------------------------------------------------------------

SOURCE_PAGE_SIZE = 100


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
    return render(request, "articles/source_list.html", {"page": page})


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
            messages.success(request, f"Source “{source.name}” created.")
            return redirect("source_detail", source_id=source.pk)
    status = 400 if form.errors else 200
    return render(request, "articles/source_form.html", {"form": form, "source": None}, status=status)


@require_http_methods(["GET", "POST"])
@role_required(Role.ADMIN)
def source_edit(request, source_id: int):
    source = selectors.source_get(source_id)
    form = SourceForm(
        request.POST if request.method == "POST" else None, initial=SourceForm.initial_for(source)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.source_update(source=source, user=request.user, **form.cleaned_data)
        except Source.DoesNotExist:
            raise Http404("The source was merged or deleted meanwhile.") from None
        except ValidationError as exc:
            _form_errors_from(form, exc)
        else:
            messages.success(request, "Source saved.")
            return redirect("source_detail", source_id=source.pk)
    status = 400 if form.errors else 200
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
    form = ArticleMetadataForm(
        request.POST if request.method == "POST" else None, initial=ArticleMetadataForm.initial_for(article)
    )
    if request.method == "POST" and form.is_valid():
        try:
            annotation_services.article_metadata_set(user=request.user, article=article, **form.cleaned_data)
        except ValidationError as exc:
            _form_errors_from(form, exc)
        else:
            messages.success(request, "Article details saved.")
            return redirect("article_detail", article_id=article.pk)
    status = 400 if form.errors else 200
    return render(request, "articles/metadata_form.html", {"form": form, "article": article}, status=status)

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from articles import selectors, services
from articles.forms import (
    SourceEditForm,
    SourceForm,
    SourceFromNameForm,
    SourceMergeForm,
    UploadForm,
    conflict_form,
    form_errors_from,
)
from articles.models import Article, Source, Upload, UploadItem
from newsarchive.conflicts import EditConflict, seen_token
from newsarchive.roles import Role, role_required


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


# --- sources ----------------------------------------------------------------------------

SOURCE_PAGE_SIZE = 100


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
            form_errors_from(form, exc)
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
            form_errors_from(form, exc)
        except EditConflict as exc:
            source = selectors.source_get(source_id)
            form, status = conflict_form(SourceEditForm, request, exc, services.source_snapshot(source)), 409
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

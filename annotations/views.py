"""The analyst's corrections: each POST runs one service and answers with the workspace partial.

htmx swaps the partial in place: 200 after a correction, 400 for invalid input, 409 when the
annotation changed meanwhile (the partial then shows its current state). Without htmx a
successful POST redirects to the article page and a failed one renders that page.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from annotations import forms, selectors, services
from annotations.models import Annotation, Correction, Mention, Person, Quote
from articles.models import Article
from newsarchive.roles import Role, role_required

# What a successful correction re-renders: everything, the pieces it changed without the text,
# or those pieces with the text and the counts (no list entry appears or disappears).
ALL, PIECES, TEXT = "all", "pieces", "text"
REFRESH = {
    "accept": PIECES,
    "reject": TEXT,
    "move": TEXT,
    "link": TEXT,
    "delete": ALL,
    "speaker": TEXT,
    "direct": TEXT,
    "label": TEXT,
}


def workspace_response(
    request: HttpRequest,
    article: Article,
    *,
    selected: Annotation | None = None,
    error: str = "",
    notice: str = "",
    status: int = 200,
    refresh: str = ALL,
    confirm: dict | None = None,
) -> HttpResponse:
    if not request.htmx and status == 200:
        if notice:
            messages.success(request, notice)
        return redirect("article_detail", article_id=article.pk)
    if status == 200 and refresh != ALL:
        # Long articles: re-render only what changed, as out-of-band swaps.
        if refresh == TEXT:
            context = selectors.workspace(article, user=request.user, selected=selected, notice=notice)
            context["text_changed"] = True
        else:
            context = selectors.correction_pieces(
                article, user=request.user, selected=selected, notice=notice
            )
        response = render(request, "annotations/_correction_oob.html", context)
        response["HX-Reswap"] = "none"
        return response
    context = selectors.workspace(article, user=request.user, selected=selected, error=error, notice=notice)
    context["confirm"] = confirm
    template = "annotations/_workspace.html" if request.htmx else "articles/detail.html"
    return render(request, template, context, status=status)


def _correct(
    request: HttpRequest,
    article: Article,
    form,
    run: Callable,
    *,
    selected: Annotation | None = None,
    refresh: str = ALL,
) -> HttpResponse:
    """Validate `form`, call `run(cleaned_data)` and answer with the workspace."""
    if not form.is_valid():
        return workspace_response(
            request, article, selected=selected, error=forms.errors_text(form), status=400
        )
    try:
        result = run(form.cleaned_data)
    except services.AnnotationConflict as exc:
        current = exc.annotation or _reloaded(selected)
        return workspace_response(request, article, selected=current, error=str(exc), status=409)
    except services.SpanNeedsConfirmation as exc:
        # Nothing saved: show why, with a button that posts the same fields again, confirmed.
        fields = [(k, v) for k, v in request.POST.items() if k not in ("csrfmiddlewaretoken", "confirmed")]
        confirm = {"url": request.path, "fields": fields, "warnings": exc.warnings}
        return workspace_response(request, article, selected=selected, confirm=confirm, status=409)
    except ValidationError as exc:
        return workspace_response(
            request, article, selected=selected, error=" ".join(exc.messages), status=400
        )
    if isinstance(result, Mention | Quote):
        selected = result
    elif selected is not None:
        selected = _reloaded(selected)
    return workspace_response(request, article, selected=selected, notice="Saved.", refresh=refresh)


def _reloaded(annotation: Annotation | None) -> Annotation | None:
    if annotation is None:
        return None
    return type(annotation).objects.filter(pk=annotation.pk).first()


def _annotation(model: type[Mention] | type[Quote], pk: int) -> Mention | Quote:
    related = (
        ("article", "person", "country", "created_by")
        if model is Mention
        else ("article", "speaker", "created_by")
    )
    return get_object_or_404(model.objects.select_related(*related), pk=pk)


@require_GET
@role_required(Role.VIEWER)
def annotation_editor(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    annotation = _annotation(Mention if kind == "mention" else Quote, pk)
    context = selectors.workspace_editor(annotation, user=request.user)
    return render(request, "annotations/_editor.html", context)


@require_POST
@role_required(Role.ANALYST)
def mention_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    mention = _annotation(Mention, pk)
    user = request.user
    runs = {
        "accept": (forms.VersionForm, lambda d: services.mention_accept(user=user, mention=mention, **d)),
        "reject": (forms.VersionForm, lambda d: services.mention_reject(user=user, mention=mention, **d)),
        "move": (forms.MoveForm, lambda d: services.mention_move(user=user, mention=mention, **d)),
        "link": (forms.LinkForm, lambda d: services.mention_link(user=user, mention=mention, **d)),
        "label": (forms.RelabelForm, lambda d: services.mention_relabel(user=user, mention=mention, **d)),
    }
    form_class, run = runs[action]
    return _correct(
        request,
        mention.article,
        form_class(request.POST),
        run,
        selected=mention,
        refresh=REFRESH[action],
    )


@require_POST
@role_required(Role.ANALYST)
def quote_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    quote = _annotation(Quote, pk)
    user = request.user

    def speaker(d):
        return services.quote_speaker_set(
            user=user,
            quote=quote,
            version=d["version"],
            speaker=d["person"],
            new_speaker_name=d["new_name"],
            new_speaker_kind=d["new_kind"] or Person.Kind.PERSON,
        )

    runs = {
        "accept": (forms.VersionForm, lambda d: services.quote_accept(user=user, quote=quote, **d)),
        "delete": (forms.VersionForm, lambda d: services.quote_delete(user=user, quote=quote, **d)),
        "move": (forms.QuoteMoveForm, lambda d: services.quote_move(user=user, quote=quote, **d)),
        "speaker": (forms.SpeakerForm, speaker),
        "direct": (forms.DirectForm, lambda d: services.quote_direct_set(user=user, quote=quote, **d)),
    }
    form_class, run = runs[action]
    return _correct(
        request,
        quote.article,
        form_class(request.POST),
        run,
        selected=quote,
        refresh=REFRESH[action],
    )


@require_POST
@role_required(Role.ANALYST)
def annotation_create(request: HttpRequest, article_id: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=article_id)
    form = forms.NewAnnotationForm(request.POST, body=article.body)

    def create(d):
        span = {"user": request.user, "article": article, "start": d["start"], "end": d["end"]}
        if d["kind"].startswith("QUOTE_"):
            return services.quote_create(**span, direct=d["kind"] == "QUOTE_DIRECT", confirmed=d["confirmed"])
        return services.mention_create(**span, label=d["kind"])

    return _correct(request, article, form, create)


@require_POST
@role_required(Role.ANALYST)
def annotations_accept_all(request: HttpRequest, article_id: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=article_id)
    form = forms.AcceptAllForm(request.POST)
    return _correct(
        request,
        article,
        form,
        lambda d: services.annotations_accept_all(user=request.user, article=article, kind=d["kind"]),
    )


@require_POST
@role_required(Role.ANALYST)
def correction_undo(request: HttpRequest, correction_id: int) -> HttpResponse:
    # Corrections made outside an article page have no workspace to show them in.
    correction = get_object_or_404(
        Correction.objects.select_related("article"), pk=correction_id, article__isnull=False
    )
    return _correct(
        request,
        correction.article,
        forms.UndoForm(request.POST),
        lambda d: services.correction_undo(user=request.user, correction=correction),
    )


@require_GET
@role_required(Role.ANALYST)
def entity_search(request: HttpRequest, what: str) -> HttpResponse:
    annotation = selectors.annotation_target(request.GET.get("for", ""))
    if annotation is None:
        return render(request, "annotations/_search_results.html", {"results": []}, status=404)
    query = request.GET.get("q", "")
    search = selectors.countries_search if what == "countries" else selectors.persons_search
    context = {
        "annotation": annotation,
        "query": query.strip(),
        "results": search(query),
        "what": what,
        "speaker_kinds": Person.Kind.choices,
    }
    return render(request, "annotations/_search_results.html", context)

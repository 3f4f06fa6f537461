"""Archive-wide person management: the persons list, suggestions, merge with confirmation,
split, keep apart, edit (kind, role, Wikidata QID) and the history with undo."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from annotations import forms, services
from annotations.models import Correction, Person
from annotations.persons import selectors as person_selectors
from annotations.persons import services as person_services
from annotations.services import AnnotationConflict
from newsarchive.roles import Role, has_role, role_required

PAGE_SIZE = 50
# Keeping two records apart only hides a suggestion: nothing to undo there.
UNDOABLE = [Correction.Action.PERSON_MERGE, Correction.Action.PERSON_SPLIT, Correction.Action.PERSON_EDIT]


def _person(person_id) -> Person:
    try:
        pk = int(person_id)
    except (TypeError, ValueError):
        raise Http404("No such record") from None
    return get_object_or_404(Person.objects.defer("search_keys", "search_text"), pk=pk)


@require_GET
@role_required(Role.VIEWER)
def persons_list(request: HttpRequest) -> HttpResponse:
    query, kind = request.GET.get("q", ""), request.GET.get("kind", "")
    kind = kind if kind in Person.Kind.values else ""
    try:
        page = Paginator(person_selectors.persons_list_queryset(query, kind), PAGE_SIZE).page(
            request.GET.get("page") or 1
        )
    except InvalidPage:
        raise Http404("No such page") from None
    counts = person_selectors.quote_counts([p.pk for p in page.object_list])
    rows = [(p, counts.get(p.pk, 0)) for p in page.object_list]
    context = {"page": page, "rows": rows, "query": query, "kind": kind, "kinds": Person.Kind.choices}
    return render(request, "persons/list.html", context)


@require_GET
@role_required(Role.ANALYST)
def merge_suggestions(request: HttpRequest) -> HttpResponse:
    context = {"suggestions": person_selectors.merge_suggestions()}
    return render(request, "persons/suggestions.html", context)


@require_GET
@role_required(Role.ANALYST)
def merge_start(request: HttpRequest, person_id: int) -> HttpResponse:
    """Step one: the analyst picks the record to keep; none is picked for them."""
    person = _person(person_id)
    query = request.GET.get("q", "")
    candidates = person_selectors.merge_candidates(person, query)
    context = {"person": person, "candidates": candidates, "query": query}
    return render(request, "persons/merge_start.html", context)


@require_GET
@role_required(Role.ANALYST)
def merge_confirm(request: HttpRequest) -> HttpResponse:
    """Step two: both records, what moves, and an explicit confirmation."""
    source, target = _person(request.GET.get("source")), _person(request.GET.get("target"))
    if source.pk == target.pk:
        raise Http404("Choose two different records")
    preview = person_selectors.merge_preview(source, target)
    return render(request, "persons/merge_confirm.html", {"preview": preview, "form": None})


@require_POST
@role_required(Role.ANALYST)
def person_merge(request: HttpRequest) -> HttpResponse:
    form = forms.MergeConfirmForm(request.POST)
    if not form.is_valid():
        source, target = form.cleaned_data.get("source"), form.cleaned_data.get("target")
        if source is None or target is None or source == target:
            return HttpResponse(forms.errors_text(form), status=400, content_type="text/plain")
        preview = person_selectors.merge_preview(source, target)
        return render(request, "persons/merge_confirm.html", {"preview": preview, "form": form}, status=400)
    source, target = form.cleaned_data["source"], form.cleaned_data["target"]
    name = source.name
    services.person_merge(user=request.user, source=source, target=target)
    messages.success(request, f"Merged {name} into {target.name}. Undo it from the history.")
    return redirect("person_detail", person_id=target.pk)


@require_POST
@role_required(Role.ANALYST)
def person_split(request: HttpRequest, person_id: int) -> HttpResponse:
    person = _person(person_id)
    form = forms.SplitForm(request.POST)
    if not form.is_valid():
        return HttpResponse(forms.errors_text(form), status=400, content_type="text/plain")
    try:
        new = person_services.person_split(
            user=request.user, person=person, alias=form.cleaned_data["alias"], kind=form.cleaned_data["kind"]
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("person_detail", person_id=person.pk)
    messages.success(request, f"“{new.name}” is a record of its own now.")
    return redirect("person_detail", person_id=new.pk)


@require_POST
@role_required(Role.ANALYST)
def persons_keep_apart(request: HttpRequest) -> HttpResponse:
    form = forms.KeepApartForm(request.POST)
    if not form.is_valid():
        return HttpResponse(forms.errors_text(form), status=400, content_type="text/plain")
    try:
        person_services.persons_keep_apart(user=request.user, **form.cleaned_data)
    except ValidationError as exc:
        return HttpResponse(" ".join(exc.messages), status=400, content_type="text/plain")
    messages.success(request, "Kept apart: this pair is no longer suggested.")
    return redirect("person_merge_suggestions")


@require_POST
@role_required(Role.ANALYST)
def person_edit(request: HttpRequest, person_id: int) -> HttpResponse:
    person = _person(person_id)
    form = forms.PersonEditForm(request.POST, instance=person)
    if not form.is_valid():
        messages.error(request, forms.errors_text(form))
        return redirect("person_detail", person_id=person.pk)
    person_services.person_edit(user=request.user, person=person, **form.cleaned_data)
    messages.success(request, "Saved.")
    return redirect("person_detail", person_id=person.pk)


@require_GET
@role_required(Role.VIEWER)
def persons_history(request: HttpRequest) -> HttpResponse:
    context = {
        "corrections": person_selectors.person_history(),
        "can_edit": has_role(request.user, Role.ANALYST),
    }
    return render(request, "persons/history.html", context)


@require_POST
@role_required(Role.ANALYST)
def person_correction_undo(request: HttpRequest, correction_id: int) -> HttpResponse:
    correction = get_object_or_404(
        Correction,
        pk=correction_id,
        action__in=[
            Correction.Action.PERSON_MERGE,
            Correction.Action.PERSON_SPLIT,
            Correction.Action.PERSON_EDIT,
        ],
    )
    try:
        services.correction_undo(user=request.user, correction=correction)
    except (ValidationError, AnnotationConflict) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    else:
        messages.success(request, f"Undone: {correction.summary}")
    return redirect("persons_history")

"""Admin page for learned extractor versions: scores and dates, adopt, roll back."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from annotations import services
from annotations.models import ExtractorVersion
from newsarchive.roles import Role, role_required

PAGE_SIZE = 50


@require_GET
@role_required(Role.ADMIN)
def extractor_list(request: HttpRequest) -> HttpResponse:
    paginator = Paginator(ExtractorVersion.objects.for_admin(), PAGE_SIZE)
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except (EmptyPage, PageNotAnInteger):
        raise Http404("No such page") from None
    adopted = set(ExtractorVersion.objects.adopted().values_list("language", flat=True))
    return render(
        request, "annotations/extractor_list.html", {"page": page, "adopted_languages": sorted(adopted)}
    )


@require_POST
@role_required(Role.ADMIN)
def extractor_adopt(request: HttpRequest, pk: int) -> HttpResponse:
    extractor = get_object_or_404(ExtractorVersion, pk=pk)
    services.extractor_adopt(user=request.user, extractor=extractor)
    messages.success(request, f"The workers now use {extractor} for {extractor.language} articles.")
    return redirect("extractor_list")


@require_POST
@role_required(Role.ADMIN)
def extractor_rollback(request: HttpRequest, language: str) -> HttpResponse:
    if not ExtractorVersion.objects.filter(language=language).exists():
        raise Http404("No extractor for this language")
    now = services.extractor_rollback(user=request.user, language=language)
    messages.success(request, f"The workers now use {now or 'the rules alone'} for {language} articles.")
    return redirect("extractor_list")

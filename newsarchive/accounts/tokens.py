"""API tokens in the browser: every user makes and revokes their own (the JSON API's bearer tokens)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from newsarchive.api.auth import api_token_issue
from newsarchive.models import ApiToken
from newsarchive.roles import Role, role_required

# --- services ---------------------------------------------------------------------------


@transaction.atomic
def api_token_create(*, user, name: str) -> str:
    """A new token for `user` named `name`; the token string, to show once."""
    return api_token_issue(user, name=name)


def api_token_revoke(*, user, token: ApiToken) -> bool:
    """Revoke one of `user`'s tokens; False when it was revoked already."""
    return bool(
        ApiToken.objects.filter(pk=token.pk, user=user, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
    )


# --- views ------------------------------------------------------------------------------


class TokenForm(forms.Form):
    name = forms.CharField(
        max_length=100,
        label="What is it for?",
        widget=forms.TextInput(attrs={"size": 30, "placeholder": "export script"}),
    )


@require_http_methods(["GET", "POST"])
@role_required(Role.VIEWER)
def token_list(request):
    form = TokenForm(request.POST if request.method == "POST" else None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        new_token = api_token_create(user=request.user, name=form.cleaned_data["name"])
        form = TokenForm()
    tokens = ApiToken.objects.filter(user=request.user).order_by("-created_at", "-pk")
    status = 400 if form.errors else 200
    context = {"form": form, "tokens": tokens, "new_token": new_token}
    response = render(request, "accounts/tokens.html", context, status=status)
    response["Cache-Control"] = "no-store"  # the new token is shown once
    return response


@require_POST
@role_required(Role.VIEWER)
def token_revoke(request, token_id: int):
    token = get_object_or_404(ApiToken, pk=token_id, user=request.user)
    if api_token_revoke(user=request.user, token=token):
        messages.success(request, f"Token “{token.name}” revoked: it no longer works.")
    return redirect("token_list")


urlpatterns = [
    path("", token_list, name="token_list"),
    path("<int:token_id>/revoke/", token_revoke, name="token_revoke"),
]

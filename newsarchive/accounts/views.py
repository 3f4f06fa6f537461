"""Accounts in the app: admins invite users, change their role, deactivate them.

An invitation is a user with an unusable password and a role, and a link built with
Django's password-reset token machinery: the invitee sets their own password, and the
link dies with the first use (the token hashes the password hash), when a new link is
made (a new unusable password), or after PASSWORD_RESET_TIMEOUT.
"""

from __future__ import annotations

from axes.models import AccessAttempt
from axes.utils import reset as axes_reset
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.contrib.auth.views import PasswordResetConfirmView
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import transaction
from django.db.models import Prefetch, Sum
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse, reverse_lazy
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from newsarchive.roles import Role, role_required, user_role

User = get_user_model()
PAGE_SIZE = 100
ROLE_CHOICES = [(Role.VIEWER.value, "Viewer"), (Role.ANALYST.value, "Analyst"), (Role.ADMIN.value, "Admin")]


# --- services ---------------------------------------------------------------------------


def invitation_path(user) -> str:
    """The path of a fresh invitation link for `user` (valid until used or PASSWORD_RESET_TIMEOUT)."""
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    return reverse("invitation_accept", args=[uidb64, default_token_generator.make_token(user)])


def _role_set(user, role: Role) -> None:
    user.groups.remove(*Group.objects.filter(name__in=[r.value for r in Role]))
    user.groups.add(Group.objects.get_or_create(name=role.value)[0])
    # Admins are everything, the Django admin included; a lower role takes that away.
    user.is_staff = user.is_superuser = role == Role.ADMIN
    user.save(update_fields=["is_staff", "is_superuser"])
    user._newsarchive_role = False  # drop roles.user_role's cache


def _account_log(*, by, user, flag: int, message: str) -> None:
    # Django's admin log: the account page and the Django admin's user history both show it.
    LogEntry.objects.log_actions(
        user_id=by.pk, queryset=[user], action_flag=flag, change_message=message, single_object=True
    )


def account_history(user, *, limit: int = 50) -> list[LogEntry]:
    """Who changed this account, when and how, newest first."""
    return list(
        LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk))
        .select_related("user")
        .order_by("-action_time", "-pk")[:limit]
    )


@transaction.atomic
def account_invite(*, by, username: str, email: str, role: Role):
    """Create an active user with `role` and no password; the caller hands out invitation_path(user)."""
    user = User(username=username, email=email)
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    _role_set(user, role)
    _account_log(by=by, user=user, flag=ADDITION, message=f"Invited as {role.value}.")
    return user


@transaction.atomic
def account_invitation_renew(*, by, user) -> str:
    """A new link with which the user chooses a password; earlier links stop working.

    For an invitee it replaces the invitation; for a user who forgot their password it
    also ends the current one, and with it every session they have (Django ties sessions
    to the password hash).
    """
    user = User.objects.select_for_update().get(pk=user.pk)
    if not user.is_active:
        raise ValidationError("The account is deactivated: activate it first.")
    had_password = user.has_usable_password()
    user.set_unusable_password()  # a new hash: tokens made from the old one no longer match
    user.save(update_fields=["password"])
    message = (
        "Password link; the old password and sessions ended."
        if had_password
        else "New invitation link; earlier ones cancelled."
    )
    _account_log(by=by, user=user, flag=CHANGE, message=message)
    return invitation_path(user)


@transaction.atomic
def account_update(*, by, user, role: Role, active: bool) -> None:
    """Set a user's role and whether they may log in.

    Admins cannot demote or deactivate themselves, so the archive never loses its last admin
    by accident.
    """
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.pk == by.pk and (role != Role.ADMIN or not active):
        raise ValidationError("You cannot take your own admin role away or deactivate yourself.")
    changes = []
    if user.is_active != active:
        user.is_active = active
        user.save(update_fields=["is_active"])
        changes.append("Activated." if active else "Deactivated.")
    held = set(user.groups.filter(name__in=[r.value for r in Role]).values_list("name", flat=True))
    if held != {role.value} or user.is_superuser != (role == Role.ADMIN):
        before = "admin" if user.is_superuser else ", ".join(sorted(held)) or "no role"
        _role_set(user, role)
        changes.append(f"Role: {before} → {role.value}.")
    if changes:
        _account_log(by=by, user=user, flag=CHANGE, message=" ".join(changes))


def account_failed_logins(user) -> int:
    """Failed login attempts on record for this username (django-axes), within the cool-off."""
    total = AccessAttempt.objects.filter(username=user.get_username()).aggregate(
        n=Sum("failures_since_start")
    )
    return total["n"] or 0


@transaction.atomic
def account_unlock(*, by, user) -> int:
    """Clear the failed login attempts of this username, lifting a lockout; how many were cleared."""
    count = account_failed_logins(user)
    axes_reset(username=user.get_username())
    _account_log(by=by, user=user, flag=CHANGE, message=f"Cleared {count} failed login attempt(s).")
    return count


# --- forms ------------------------------------------------------------------------------


class InviteForm(forms.Form):
    username = forms.CharField(max_length=150, help_text="Letters, digits and @ . + - _ only.")
    email = forms.EmailField(required=False)
    role = forms.ChoiceField(choices=ROLE_CHOICES, initial=Role.VIEWER.value)

    def clean_username(self) -> str:
        username = User.normalize_username(self.cleaned_data["username"].strip())
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError("A user with this name exists already.")
        return username


class AccountForm(forms.Form):
    role = forms.ChoiceField(choices=ROLE_CHOICES)
    active = forms.BooleanField(required=False, help_text="Inactive users cannot log in.")


def _add_errors(form: forms.Form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


# --- views ------------------------------------------------------------------------------


def _user_get(user_id: int):
    try:
        return User.objects.prefetch_related("groups").get(pk=user_id)
    except User.DoesNotExist:
        raise Http404("No such user") from None


@require_GET
@role_required(Role.ADMIN)
def account_list(request):
    users = User.objects.order_by("username").prefetch_related(
        Prefetch("groups", queryset=Group.objects.filter(name__in=[r.value for r in Role]))
    )
    try:
        page = Paginator(users, PAGE_SIZE).page(request.GET.get("page") or 1)
    except (EmptyPage, PageNotAnInteger):
        raise Http404("No such page") from None
    return render(request, "accounts/list.html", {"page": page})


@require_http_methods(["GET", "POST"])
@role_required(Role.ADMIN)
def account_invite_view(request):
    form = InviteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            data = form.cleaned_data
            user = account_invite(
                by=request.user, username=data["username"], email=data["email"], role=Role(data["role"])
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            return _invitation_page(request, user, invitation_path(user))
    return render(request, "accounts/invite.html", {"form": form}, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@role_required(Role.ADMIN)
def account_edit(request, user_id: int):
    account = _user_get(user_id)
    initial = {"role": (user_role(account) or Role.VIEWER).value, "active": account.is_active}
    form = AccountForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            data = form.cleaned_data
            account_update(by=request.user, user=account, role=Role(data["role"]), active=data["active"])
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, f"Account “{account.get_username()}” saved.")
            return redirect("account_list")
    context = {
        "form": form,
        "account": account,
        "history": account_history(account),
        "failed_logins": account_failed_logins(account),
    }
    return render(request, "accounts/edit.html", context, status=400 if form.errors else 200)


@require_POST
@role_required(Role.ADMIN)
def account_unlock_view(request, user_id: int):
    account = _user_get(user_id)
    cleared = account_unlock(by=request.user, user=account)
    messages.success(request, f"Cleared {cleared} failed login attempt(s) of “{account.get_username()}”.")
    return redirect("account_edit", user_id=account.pk)


@require_POST
@role_required(Role.ADMIN)
def account_invitation(request, user_id: int):
    account = _user_get(user_id)
    try:
        link_path = account_invitation_renew(by=request.user, user=account)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("account_edit", user_id=account.pk)
    return _invitation_page(request, account, link_path)


def _invitation_page(request, account, link_path: str):
    context = {
        "account": account,
        "link": request.build_absolute_uri(link_path),
        "valid_days": settings.PASSWORD_RESET_TIMEOUT // (24 * 3600),
    }
    # Never cached: the link is as good as a password until it is used.
    response = render(request, "accounts/invitation.html", context)
    response["Cache-Control"] = "no-store"
    return response


@login_not_required
@require_GET
def password_forgotten(request):
    """No e-mail reset: an admin makes a password link from the account page instead."""
    return render(request, "accounts/password_forgotten.html")


class InvitationAcceptView(PasswordResetConfirmView):
    """The invitee chooses a password (with the validators) and is logged in."""

    template_name = "accounts/invitation_accept.html"
    post_reset_login = True
    post_reset_login_backend = "django.contrib.auth.backends.ModelBackend"
    success_url = reverse_lazy("home")
    reset_url_token = "set-password"

    def get_user(self, uidb64):
        user = super().get_user(uidb64)
        # A deactivated user's link is dead, however fresh.
        return user if user is not None and user.is_active else None

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, "Welcome: your password is set.")
        return response


urlpatterns = [
    path("", account_list, name="account_list"),
    path("invite/", account_invite_view, name="account_invite"),
    path("<int:user_id>/", account_edit, name="account_edit"),
    path("<int:user_id>/invitation/", account_invitation, name="account_invitation"),
    path("<int:user_id>/unlock/", account_unlock_view, name="account_unlock"),
]

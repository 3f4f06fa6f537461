"""Accounts in the app: permission matrix, invitations, role changes, deactivation, login limits."""

from __future__ import annotations

import importlib
import re

import pytest
from django.test import override_settings
from django.urls import reverse

from newsarchive import security
from newsarchive.accounts import views as accounts
from newsarchive.roles import Role, user_role
from tests.conftest import PASSWORD

# (url name, needs a user id, method)
VIEWS = [
    ("account_list", False, "get"),
    ("account_invite", False, "get"),
    ("account_invite", False, "post"),
    ("account_edit", True, "get"),
    ("account_edit", True, "post"),
    ("account_invitation", True, "post"),
    ("account_unlock", True, "post"),
]


def _url(name, needs_id, user_id):
    return reverse(name, kwargs={"user_id": user_id}) if needs_id else reverse(name)


@pytest.mark.parametrize(("name", "needs_id", "method"), VIEWS)
def test_anonymous_is_sent_to_login(client, viewer, name, needs_id, method):
    response = getattr(client, method)(_url(name, needs_id, viewer.pk))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("user_fixture", ["stranger", "viewer", "analyst"])
@pytest.mark.parametrize(("name", "needs_id", "method"), VIEWS)
def test_only_admins_manage_accounts(client_as, request, viewer, user_fixture, name, needs_id, method):
    user = request.getfixturevalue(user_fixture)
    response = getattr(client_as(user), method)(_url(name, needs_id, viewer.pk))
    assert response.status_code == 403
    viewer.refresh_from_db()
    assert viewer.is_active and user_role(viewer) == Role.VIEWER


@pytest.mark.parametrize(("name", "needs_id", "method"), VIEWS)
def test_admin_is_allowed(client_as, admin_user, viewer, name, needs_id, method):
    response = getattr(client_as(admin_user), method)(_url(name, needs_id, viewer.pk))
    # An empty form post is allowed but invalid (400); a password link is a page (200); an
    # unlock goes back to the account (302).
    expected = {"get": 200, "post": 400}[method]
    expected = {"account_invitation": 200, "account_unlock": 302}.get(name, expected)
    assert response.status_code == expected


@pytest.mark.parametrize(("name", "needs_id", "method"), VIEWS)
def test_wrong_method_is_405(client_as, admin_user, viewer, name, needs_id, method):
    wrong = "delete" if method == "get" else "put"
    assert getattr(client_as(admin_user), wrong)(_url(name, needs_id, viewer.pk)).status_code == 405


@pytest.mark.parametrize(("name", "needs_id", "method"), [v for v in VIEWS if v[1]])
def test_unknown_id_is_404(client_as, admin_user, name, needs_id, method):
    assert getattr(client_as(admin_user), method)(_url(name, needs_id, 999999)).status_code == 404


def test_bad_page_number_is_404(client_as, admin_user):
    assert client_as(admin_user).get(reverse("account_list"), {"page": "x"}).status_code == 404


def test_nav_links_to_sources_and_accounts_for_admins_only(client_as, admin_user, viewer):
    html = client_as(admin_user).get(reverse("home")).content.decode()
    assert reverse("account_list") in html and reverse("source_list") in html
    html = client_as(viewer).get(reverse("home")).content.decode()
    assert reverse("account_list") not in html


def test_account_list_query_count(client_as, admin_user, viewer, analyst, django_assert_max_num_queries):
    client = client_as(admin_user)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("account_list"))
    html = response.content.decode()
    assert "vic-viewer" in html and "ann-analyst" in html


# --- invitations ----------------------------------------------------------------------------


def _invite(client, **data):
    response = client.post(
        reverse("account_invite"), {"username": "nina", "email": "", "role": "analyst", **data}
    )
    assert response.status_code == 200, response.content.decode()[:2000]
    assert response["Cache-Control"] == "no-store"
    return re.search(r'value="(http://testserver/accounts/welcome/[^"]+)"', response.content.decode()).group(
        1
    )


def test_invitee_sets_their_own_password_and_the_link_dies(client_as, admin_user, client, django_user_model):
    link = _invite(client_as(admin_user), email="nina@example.org")
    nina = django_user_model.objects.get(username="nina")
    assert nina.is_active and not nina.has_usable_password() and user_role(nina) == Role.ANALYST
    assert not nina.is_staff
    assert [e.get_change_message() for e in accounts.account_history(nina)] == ["Invited as analyst."]
    client.logout()

    # The token moves into the session; the form lives at a URL without it (no Referer leak).
    response = client.get(link)
    assert response.status_code == 302 and response.url.endswith("/set-password/")
    form_url = response.url
    assert "Choose a password" in client.get(form_url).content.decode()
    # The validators apply: a common password is refused.
    response = client.post(form_url, {"new_password1": "password", "new_password2": "password"})
    assert response.status_code == 200 and "too common" in response.content.decode()

    response = client.post(form_url, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert response.status_code == 302 and response.url == reverse("home")
    assert client.get(reverse("upload")).status_code == 200  # logged in, as an analyst
    nina.refresh_from_db()
    assert nina.check_password(PASSWORD)

    client.logout()
    response = client.get(link)
    assert response.status_code == 200 and "does not work" in response.content.decode()


def test_a_new_link_cancels_the_old_one(client_as, admin_user, client, django_user_model):
    admin_client = client_as(admin_user)
    old = _invite(admin_client)
    nina = django_user_model.objects.get(username="nina")
    response = admin_client.post(reverse("account_invitation", args=[nina.pk]))
    assert response.status_code == 200
    new = re.search(r'value="(http://[^"]+)"', response.content.decode()).group(1)
    assert new != old
    client.logout()
    assert "does not work" in client.get(old).content.decode()
    assert client.get(new).status_code == 302


def test_a_deactivated_invitees_link_is_dead(client_as, admin_user, client, django_user_model):
    link = _invite(client_as(admin_user))
    django_user_model.objects.filter(username="nina").update(is_active=False)
    client.logout()
    assert "does not work" in client.get(link).content.decode()


def test_a_deactivated_invitees_token_is_dead_at_djangos_reset_url_too(
    client_as, admin_user, client, django_user_model
):
    link = _invite(client_as(admin_user))
    reset = link.replace("/accounts/welcome/", "/accounts/reset/")
    django_user_model.objects.filter(username="nina").update(is_active=False)
    client.logout()
    response = client.get(reset, follow=True)
    assert "does not work" in response.content.decode()
    form_url = reset.rsplit("/", 2)[0] + "/set-password/"
    response = client.post(form_url, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert not django_user_model.objects.get(username="nina").has_usable_password()


@pytest.mark.parametrize("bad", ["../", "x/y", "nina", "NINA"])
def test_invite_refuses_bad_or_taken_names(client_as, admin_user, django_user_model, bad):
    client = client_as(admin_user)
    _invite(client)
    response = client.post(reverse("account_invite"), {"username": bad, "role": "viewer"})
    assert response.status_code == 400
    assert django_user_model.objects.count() == 2


def test_invite_refuses_unknown_roles(client_as, admin_user, django_user_model):
    response = client_as(admin_user).post(reverse("account_invite"), {"username": "x", "role": "root"})
    assert response.status_code == 400
    assert not django_user_model.objects.filter(username="x").exists()


def test_invited_admin_gets_the_django_admin(client_as, admin_user, django_user_model):
    _invite(client_as(admin_user), role="admin")
    nina = django_user_model.objects.get(username="nina")
    assert nina.is_staff and nina.is_superuser and user_role(nina) == Role.ADMIN


# --- roles and deactivation -------------------------------------------------------------------


def test_admin_changes_a_role_and_the_change_is_recorded(client_as, admin_user, viewer):
    client = client_as(admin_user)
    response = client.post(reverse("account_edit", args=[viewer.pk]), {"role": "analyst", "active": "on"})
    assert response.status_code == 302
    viewer.refresh_from_db()
    assert list(viewer.groups.values_list("name", flat=True)) == ["analyst"]
    client.post(reverse("account_edit", args=[viewer.pk]), {"role": "analyst"})
    (deactivated, changed) = accounts.account_history(viewer)
    assert changed.user == admin_user and changed.get_change_message() == "Role: viewer → analyst."
    assert deactivated.get_change_message() == "Deactivated."
    html = client.get(reverse("account_edit", args=[viewer.pk])).content.decode()
    assert "Role: viewer → analyst." in html and "Deactivated." in html and "ada-admin" in html


def test_saving_unchanged_values_records_nothing(admin_user, viewer):
    accounts.account_update(by=admin_user, user=viewer, role=Role.VIEWER, active=True)
    assert accounts.account_history(viewer) == []


def test_demoting_a_superuser_takes_everything_away(admin_user, django_user_model):
    root = django_user_model.objects.create_superuser("root", password=PASSWORD)
    accounts.account_update(by=admin_user, user=root, role=Role.VIEWER, active=True)
    root.refresh_from_db()
    assert not root.is_superuser and not root.is_staff and user_role(root) == Role.VIEWER


def test_deactivated_user_is_logged_out_and_cannot_log_in(client_as, admin_user, analyst, client):
    client_as(admin_user).post(reverse("account_edit", args=[analyst.pk]), {"role": "analyst"})
    analyst.refresh_from_db()
    assert not analyst.is_active
    client.force_login(analyst)  # a session from before the deactivation
    assert client.get(reverse("home")).status_code == 302
    client.logout()
    response = client.post(reverse("login"), {"username": analyst.username, "password": PASSWORD})
    assert response.status_code == 200 and "_auth_user_id" not in client.session


def test_admin_cannot_demote_or_deactivate_themselves(client_as, admin_user):
    client = client_as(admin_user)
    for data in ({"role": "viewer", "active": "on"}, {"role": "admin"}):
        response = client.post(reverse("account_edit", args=[admin_user.pk]), data)
        assert response.status_code == 400
        assert "your own admin role" in response.content.decode()
    admin_user.refresh_from_db()
    assert admin_user.is_active and admin_user.groups.filter(name="admin").exists()


def test_the_roles_migration_creates_every_role():
    # Checked on the migration itself: transactional tests flush the groups it made.
    roles_migration = importlib.import_module("articles.migrations.0002_roles")
    assert set(roles_migration.ROLES) == {r.value for r in Role}


# --- login rate limit -------------------------------------------------------------------------


def _login(client, username, password, ip="203.0.113.7"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=ip)


@override_settings(AXES_FAILURE_LIMIT=3)
def test_login_attempts_are_rate_limited(client, viewer):
    for _ in range(2):
        assert _login(client, viewer.username, "wrong").status_code == 200
    # The third failure locks the address and the username out: 429, even with the right password.
    assert _login(client, viewer.username, "wrong").status_code == 429
    response = _login(client, viewer.username, PASSWORD)
    assert response.status_code == 429
    assert "Too many login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # Another address guessing the same username is locked out too.
    assert _login(client, viewer.username, PASSWORD, ip="198.51.100.9").status_code == 429


def test_a_good_login_still_works_and_resets_the_count(client, viewer):
    assert _login(client, viewer.username, "wrong").status_code == 200
    response = _login(client, viewer.username, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(viewer.pk)


@override_settings(SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"))
def test_behind_a_proxy_the_proxys_forwarded_address_counts(rf):
    request = rf.get("/", HTTP_X_FORWARDED_FOR="1.2.3.4, 10.0.0.5", REMOTE_ADDR="10.0.0.1")
    assert security.client_ip(request) == "10.0.0.5"


def test_without_a_proxy_the_peer_address_counts(rf):
    request = rf.get("/", HTTP_X_FORWARDED_FOR="1.2.3.4", REMOTE_ADDR="10.0.0.1")
    assert security.client_ip(request) == "10.0.0.1"


@override_settings(AXES_FAILURE_LIMIT=3)
def test_admin_unlocks_a_locked_out_user(client_as, admin_user, viewer):
    from django.test import Client

    guesser = Client()
    for _ in range(3):
        _login(guesser, viewer.username, "wrong")
    assert _login(guesser, viewer.username, PASSWORD).status_code == 429
    admin_client = client_as(admin_user)
    html = admin_client.get(reverse("account_edit", args=[viewer.pk])).content.decode()
    assert "4 failed login attempts" in html  # the attempt during the lockout counts too
    response = admin_client.post(reverse("account_unlock", args=[viewer.pk]))
    assert response.status_code == 302
    assert accounts.account_history(viewer)[0].get_change_message() == "Cleared 4 failed login attempt(s)."
    assert _login(Client(), viewer.username, PASSWORD).status_code == 302


def test_a_password_link_ends_the_old_password_and_sessions(
    client_as, admin_user, analyst, django_user_model
):
    from django.test import Client

    analyst_client = Client()
    analyst_client.force_login(analyst)
    assert analyst_client.get(reverse("home")).status_code == 200
    response = client_as(admin_user).post(reverse("account_invitation", args=[analyst.pk]))
    assert response.status_code == 200
    link = re.search(r'value="(http://[^"]+)"', response.content.decode()).group(1)
    analyst.refresh_from_db()
    assert not analyst.has_usable_password()
    assert analyst_client.get(reverse("home")).status_code == 302  # logged out
    assert accounts.account_history(analyst)[0].get_change_message().startswith("Password link")
    newcomer = Client()
    form_url = newcomer.get(link).url
    new_password = "another-horse-battery-7"
    newcomer.post(form_url, {"new_password1": new_password, "new_password2": new_password})
    analyst.refresh_from_db()
    assert analyst.check_password(new_password)


def test_no_link_for_a_deactivated_account(client_as, admin_user, analyst):
    analyst.is_active = False
    analyst.save()
    response = client_as(admin_user).post(reverse("account_invitation", args=[analyst.pk]))
    assert response.status_code == 302
    analyst.refresh_from_db()
    assert analyst.has_usable_password()


def test_password_reset_by_mail_is_replaced_by_a_note(client, db, mailoutbox):
    assert client.get(reverse("password_reset")).status_code == 200
    assert client.post(reverse("password_reset"), {"email": "x@example.org"}).status_code == 405
    assert mailoutbox == []

from django.contrib import admin
from django.urls import include, path

from newsarchive.accounts import tokens
from newsarchive.accounts import views as accounts
from newsarchive.api.urls import api_urls

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/manage/", include(accounts.urlpatterns)),
    path("accounts/tokens/", include(tokens.urlpatterns)),
    path(
        "accounts/welcome/<uidb64>/<token>/",
        accounts.InvitationAcceptView.as_view(),
        name="invitation_accept",
    ),
    # Before django.contrib.auth's: no e-mail reset (no mail is set up, and it would mail
    # anyone's address on request); admins make password links instead.
    path("accounts/password_reset/", accounts.password_forgotten, name="password_reset"),
    # Django's own reset link takes the same tokens: it must refuse deactivated users too.
    path(
        "accounts/reset/<uidb64>/<token>/",
        accounts.InvitationAcceptView.as_view(),
        name="password_reset_confirm",
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("articles.urls")),
    path("", include("annotations.urls")),
    path("", include("annotations.search.urls")),
    path("", include("annotations.persons.urls")),
    path("api/", api_urls()),
]

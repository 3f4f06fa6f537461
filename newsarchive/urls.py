from django.contrib import admin
from django.urls import include, path

from newsarchive import accounts
from newsarchive.api import api_urls

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/manage/", include(accounts.urlpatterns)),
    path(
        "accounts/welcome/<uidb64>/<token>/",
        accounts.InvitationAcceptView.as_view(),
        name="invitation_accept",
    ),
    # Before django.contrib.auth's: no e-mail reset (no mail is set up, and it would mail
    # anyone's address on request); admins make password links instead.
    path("accounts/password_reset/", accounts.password_forgotten, name="password_reset"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("articles.urls")),
    path("", include("annotations.urls")),
    path("", include("annotations.search_urls")),
    path("", include("annotations.person_urls")),
    path("api/", api_urls()),
]

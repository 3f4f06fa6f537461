from django.urls import path

from articles import views

urlpatterns = [
    path("", views.home, name="home"),
    path("live/", views.home_live, name="home_live"),
    path("articles/upload/", views.upload, name="upload"),
    path("uploads/<int:upload_id>/", views.upload_report, name="upload_report"),
    path("uploads/<int:upload_id>/live/", views.upload_report_live, name="upload_report_live"),
    path("articles/<int:article_id>/status/", views.article_status, name="article_status"),
    path("articles/<int:article_id>/original/", views.article_original, name="article_original"),
    path("articles/<int:article_id>/retry/", views.article_retry, name="article_retry"),
    path("sources/", views.source_list, name="source_list"),
    path("sources/new/", views.source_create, name="source_create"),
    path("sources/new-from-name/", views.source_create_from_name, name="source_create_from_name"),
    path("sources/<int:source_id>/", views.source_detail, name="source_detail"),
    path("sources/<int:source_id>/edit/", views.source_edit, name="source_edit"),
    path("sources/<int:source_id>/merge/", views.source_merge, name="source_merge"),
]

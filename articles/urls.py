from django.urls import path

from articles import views

urlpatterns = [
    path("", views.home, name="home"),
    path("live/", views.home_live, name="home_live"),
    path("articles/", views.article_list, name="article_list"),
    path("articles/upload/", views.upload, name="upload"),
    path("uploads/<int:upload_id>/", views.upload_report, name="upload_report"),
    path("uploads/<int:upload_id>/live/", views.upload_report_live, name="upload_report_live"),
    path("articles/<int:article_id>/", views.article_detail, name="article_detail"),
    path("articles/<int:article_id>/status/", views.article_status, name="article_status"),
    path("articles/<int:article_id>/original/", views.article_original, name="article_original"),
    path("articles/<int:article_id>/retry/", views.article_retry, name="article_retry"),
    path("articles/<int:article_id>/review/", views.article_review, name="article_review"),
    path("articles/<int:article_id>/assign/", views.article_assign, name="article_assign"),
    path("review/", views.review_queue, name="review_queue"),
    path("review/next/", views.review_next, name="review_next"),
    path("articles/<int:article_id>/details/", views.article_metadata, name="article_metadata"),
    path("sources/", views.source_list, name="source_list"),
    path("sources/new/", views.source_create, name="source_create"),
    path("sources/new-from-name/", views.source_create_from_name, name="source_create_from_name"),
    path("sources/<int:source_id>/", views.source_detail, name="source_detail"),
    path("sources/<int:source_id>/edit/", views.source_edit, name="source_edit"),
    path("sources/<int:source_id>/merge/", views.source_merge, name="source_merge"),
]

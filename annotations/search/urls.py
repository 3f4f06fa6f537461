from django.urls import path, re_path

from annotations.search import views

urlpatterns = [
    path("quotes/", views.quote_search, name="quote_search"),
    re_path(r"^quotes/export\.(?P<fmt>csv|jsonl)$", views.quote_export, name="quote_export"),
    path("search/", views.article_search, name="article_search"),
    re_path(r"^search/export\.(?P<fmt>csv|jsonl)$", views.article_export, name="article_export"),
    path("search/annotations.jsonl", views.annotation_export, name="annotation_export"),
    path("persons/<int:person_id>/", views.person_detail, name="person_detail"),
    path("countries/<str:alpha2>/", views.country_detail, name="country_detail"),
]

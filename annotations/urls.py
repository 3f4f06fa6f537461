from django.urls import path

from annotations import article_views, views
from annotations.learning import views as extractor_views

urlpatterns = [
    path("articles/", article_views.article_list, name="article_list"),
    path("articles/<int:article_id>/", article_views.article_detail, name="article_detail"),
    path("articles/<int:article_id>/review/", article_views.article_review, name="article_review"),
    path("articles/<int:article_id>/details/", article_views.article_metadata, name="article_metadata"),
    path("articles/<int:article_id>/assign/", article_views.article_assign, name="article_assign"),
    path("review/", article_views.review_queue, name="review_queue"),
    path("review/next/", article_views.review_next, name="review_next"),
    path("mentions/<int:pk>/", views.annotation_editor, {"kind": "mention"}, name="mention_editor"),
    path("quotes/<int:pk>/", views.annotation_editor, {"kind": "quote"}, name="quote_editor"),
    *(
        path(
            f"mentions/<int:pk>/{action}/", views.mention_action, {"action": action}, name=f"mention_{action}"
        )
        for action in ("accept", "reject", "move", "link", "label")
    ),
    *(
        path(f"quotes/<int:pk>/{action}/", views.quote_action, {"action": action}, name=f"quote_{action}")
        for action in ("accept", "delete", "move", "speaker", "direct")
    ),
    path("articles/<int:article_id>/annotations/new/", views.annotation_create, name="annotation_create"),
    path(
        "articles/<int:article_id>/annotations/accept-all/",
        views.annotations_accept_all,
        name="annotations_accept_all",
    ),
    path("corrections/<int:correction_id>/undo/", views.correction_undo, name="correction_undo"),
    path("search/persons/", views.entity_search, {"what": "persons"}, name="person_search"),
    path("search/countries/", views.entity_search, {"what": "countries"}, name="country_search"),
    path("extractors/", extractor_views.extractor_list, name="extractor_list"),
    path("extractors/<int:pk>/adopt/", extractor_views.extractor_adopt, name="extractor_adopt"),
    path(
        "extractors/<str:language>/rollback/", extractor_views.extractor_rollback, name="extractor_rollback"
    ),
]

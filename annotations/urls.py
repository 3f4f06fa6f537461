from django.urls import path

from annotations import extractor_views, views

urlpatterns = [
    path("mentions/<int:pk>/", views.annotation_editor, {"kind": "mention"}, name="mention_editor"),
    path("quotes/<int:pk>/", views.annotation_editor, {"kind": "quote"}, name="quote_editor"),
    *(
        path(
            f"mentions/<int:pk>/{action}/", views.mention_action, {"action": action}, name=f"mention_{action}"
        )
        for action in ("accept", "reject", "move", "link")
    ),
    *(
        path(f"quotes/<int:pk>/{action}/", views.quote_action, {"action": action}, name=f"quote_{action}")
        for action in ("accept", "delete", "move", "speaker")
    ),
    path("articles/<int:article_id>/annotations/new/", views.annotation_create, name="annotation_create"),
    path(
        "articles/<int:article_id>/annotations/accept-all/",
        views.annotations_accept_all,
        name="annotations_accept_all",
    ),
    path("articles/<int:article_id>/persons/merge/", views.person_merge, name="person_merge"),
    path("corrections/<int:correction_id>/undo/", views.correction_undo, name="correction_undo"),
    path("search/persons/", views.entity_search, {"what": "persons"}, name="person_search"),
    path("search/countries/", views.entity_search, {"what": "countries"}, name="country_search"),
    path("extractors/", extractor_views.extractor_list, name="extractor_list"),
    path("extractors/<int:pk>/adopt/", extractor_views.extractor_adopt, name="extractor_adopt"),
    path(
        "extractors/<str:language>/rollback/", extractor_views.extractor_rollback, name="extractor_rollback"
    ),
]

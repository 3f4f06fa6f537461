from django.urls import path

from annotations.persons import views

urlpatterns = [
    path("persons/", views.persons_list, name="persons_list"),
    path("persons/suggestions/", views.merge_suggestions, name="person_merge_suggestions"),
    path("persons/merge/confirm/", views.merge_confirm, name="person_merge_confirm"),
    path("persons/merge/", views.person_merge, name="person_merge"),
    path("persons/keep-apart/", views.persons_keep_apart, name="persons_keep_apart"),
    path("persons/history/", views.persons_history, name="persons_history"),
    path(
        "persons/history/<int:correction_id>/undo/",
        views.person_correction_undo,
        name="person_correction_undo",
    ),
    path("persons/<int:person_id>/merge/", views.merge_start, name="person_merge_start"),
    path("persons/<int:person_id>/split/", views.person_split, name="person_split"),
    path("persons/<int:person_id>/edit/", views.person_edit, name="person_edit"),
]

"""Every model has an admin page, and the correction history there is read-only."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from annotations.models import Correction


def test_every_model_of_ours_is_in_the_admin():
    ours = [m for app in ("articles", "annotations") for m in apps.get_app_config(app).get_models()]
    missing = [m.__name__ for m in ours if m not in admin.site._registry and m.__name__ != "UploadItem"]
    assert missing == []


@pytest.mark.django_db
def test_correction_history_is_read_only_in_the_admin(client_as, django_user_model, analyst):
    superuser = django_user_model.objects.create_superuser("root-admin", password="x-very-long-pass-9")
    correction = Correction.objects.create(user=analyst, action="accept", target_type="mention", summary="x")
    client = client_as(superuser)
    assert client.get(reverse("admin:annotations_correction_changelist")).status_code == 200
    assert client.get(reverse("admin:annotations_correction_add")).status_code == 403
    response = client.post(
        reverse("admin:annotations_correction_delete", args=[correction.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert Correction.objects.filter(pk=correction.pk).exists()

from __future__ import annotations

from django import forms
from django.conf import settings


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"multiple": True}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class UploadForm(forms.Form):
    files = MultipleFileField(
        required=False,
        help_text="Text, HTML, PDF or DOCX files, or a zip holding them. Several at once.",
    )
    text = forms.CharField(
        required=False,
        widget=forms.Textarea(
            attrs={"rows": 8, "placeholder": "…or paste an article: title on the first line"}
        ),
        label="Pasted text",
        max_length=2_000_000,
    )

    def clean(self):
        cleaned = super().clean()
        files = cleaned.get("files") or []
        if not files and not (cleaned.get("text") or "").strip():
            raise forms.ValidationError("Choose at least one file or paste an article.")
        if len(files) > settings.UPLOAD_MAX_FILES:
            raise forms.ValidationError(f"At most {settings.UPLOAD_MAX_FILES} files per upload.")
        return cleaned

from __future__ import annotations

import re
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

from articles.models import Source
from newsarchive.conflicts import seen_token, seen_values


def form_errors_from(form, exc: ValidationError) -> None:
    """Put a service's validation errors on the form (unknown fields go to the top)."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def conflict_form(form_class, request, exc, current: dict):
    """409: the editor's values stay in the form, the error names what someone else changed,
    and the form now carries the current values, so saving again is a deliberate choice."""
    form = form_class(form_class.with_seen(request.POST, current))
    form.is_valid()
    form.add_error(None, str(exc))
    return form


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"multiple": True}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        """The uploaded files as they are: an empty or odd file is judged by intake and
        gets its own line in the upload report, so it never blocks the others."""
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [f for f in files if f is not None]


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


_HOST = re.compile(r"(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}")


def _lines(text: str) -> list[str]:
    seen: set[str] = set()
    lines = []
    for line in text.splitlines():
        line = " ".join(line.split())
        if line and line.casefold() not in seen:
            seen.add(line.casefold())
            lines.append(line)
    return lines


def _domain(entry: str) -> str:
    """'https://www.Example.org/path' → 'example.org', as the intake matches domains."""
    host = entry.strip().lower()
    host = urlsplit(host if "//" in host else f"//{host}").hostname or ""
    host = host.removeprefix("www.")
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        raise forms.ValidationError(f"“{entry}” is not a domain name.") from None
    if not _HOST.fullmatch(host):
        raise forms.ValidationError(f"“{entry}” is not a domain name.")
    return host


# The country table is annotations' reference data: reached through Source's own foreign key,
# so that articles imports nothing from annotations.
_COUNTRIES = Source._meta.get_field("country").related_model


class SourceForm(forms.Form):
    name = forms.CharField(max_length=200)
    domains = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One per line, e.g. reuters.com; subdomains match too.",
    )
    country = forms.ModelChoiceField(
        queryset=_COUNTRIES.objects.only("alpha2", "name_en").order_by("name_en"),
        required=False,
        to_field_name="alpha2",
    )
    language = forms.RegexField(
        regex=r"(?i)^[a-z]{2,3}$",
        required=False,
        max_length=3,
        help_text="Language code, e.g. de, en, fr.",
        error_messages={"invalid": "A language code such as de, en or fr."},
    )
    signatures = forms.CharField(
        required=False,
        label="Signature lines",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="One per line: lines that identify the outlet in scraped files.",
    )
    notes = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 4}), max_length=10_000)
    active = forms.BooleanField(
        required=False, initial=True, help_text="Inactive sources are not matched on intake."
    )

    @classmethod
    def initial_for(cls, source: Source) -> dict:
        return {
            "name": source.name,
            "domains": "\n".join(source.domains),
            "country": source.country.alpha2 if source.country_id else None,
            "language": source.language,
            "signatures": "\n".join(source.signatures),
            "notes": source.notes,
            "active": source.active,
        }

    def clean_name(self) -> str:
        return " ".join(self.cleaned_data["name"].split())

    def clean_language(self) -> str:
        return self.cleaned_data["language"].lower()

    def clean_domains(self) -> list[str]:
        domains = [_domain(line) for line in _lines(self.cleaned_data["domains"])]
        return list(dict.fromkeys(domains))

    def clean_signatures(self) -> list[str]:
        lines = _lines(self.cleaned_data["signatures"])
        if any(len(line) > 300 for line in lines):
            raise forms.ValidationError("A signature line may have at most 300 characters.")
        return lines


class SeenValuesMixin(forms.Form):
    """A hidden, signed copy of the values the form was rendered with (lost-update check)."""

    seen = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean_seen(self) -> dict | None:
        token = self.cleaned_data["seen"]
        values = seen_values(token)
        if token and values is None:
            raise forms.ValidationError("The form was altered; reload the page and try again.")
        return values

    @staticmethod
    def with_seen(data, values: dict):
        """The posted data with `seen` now the current values: saving again is a deliberate choice."""
        data = data.copy()
        data["seen"] = seen_token(values)
        return data


class SourceEditForm(SeenValuesMixin, SourceForm):
    pass


class SourceMergeForm(forms.Form):
    into = forms.ModelChoiceField(
        queryset=Source.objects.none(), label="Merge into", help_text="The source that stays."
    )

    def __init__(self, *args, source: Source, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = Source.objects.exclude(pk=source.pk).only("name").order_by("name")


class ArticleMetadataForm(SeenValuesMixin, forms.Form):
    """What an analyst may correct about an article; the text itself never changes."""

    title = forms.CharField(max_length=1000)
    source = forms.ModelChoiceField(queryset=Source.objects.filter(active=True), required=False)
    language = forms.ChoiceField(
        choices=[("", "unknown"), ("de", "German"), ("en", "English"), ("fr", "French")], required=False
    )
    published = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    url = forms.URLField(max_length=2000, required=False, assume_scheme="https")

    @classmethod
    def initial_for(cls, article) -> dict:
        return {name: getattr(article, name) for name in ("title", "source", "language", "published", "url")}


class ArticleAssignForm(forms.Form):
    """Who is to review an article: an analyst or admin, or nobody."""

    assignee = forms.ModelChoiceField(queryset=None, required=False, empty_label="Nobody", label="Reviewer")

    def __init__(self, *args, **kwargs) -> None:
        from articles.selectors import reviewers

        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = reviewers()


class SourceFromNameForm(forms.Form):
    """A source name found in articles, to become a record in one click."""

    name = forms.CharField(max_length=200)

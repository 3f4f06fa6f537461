"""Input of the correction views: each form checks types and ranges, the services check the rest."""

from __future__ import annotations

from django import forms

from annotations.models import Country, Mention, Person
from annotations.services import ACCEPT_ALL_KINDS


class VersionForm(forms.Form):
    # The version of the annotation the analyst saw; a stale one is a conflict, never an overwrite.
    version = forms.IntegerField(min_value=1)


class MoveForm(VersionForm):
    start = forms.IntegerField(min_value=0)
    end = forms.IntegerField(min_value=1)


class QuoteMoveForm(MoveForm):
    # Set by "Save anyway" after the span warnings were shown.
    confirmed = forms.BooleanField(required=False)


class DirectForm(VersionForm):
    direct = forms.TypedChoiceField(choices=[("1", "direct"), ("0", "indirect")], coerce=lambda v: v == "1")


class RelabelForm(VersionForm):
    label = forms.ChoiceField(choices=Mention.Label.choices)


class NewAnnotationForm(forms.Form):
    KINDS = [*Mention.Label.choices, ("QUOTE_DIRECT", "Direct quote"), ("QUOTE_INDIRECT", "Indirect quote")]

    start = forms.IntegerField(min_value=0)
    end = forms.IntegerField(min_value=1)
    kind = forms.ChoiceField(choices=KINDS)
    # The selected text as the browser saw it: a mismatch means the offsets are off.
    text = forms.CharField(required=False, strip=False)
    confirmed = forms.BooleanField(required=False)

    def __init__(self, *args, body: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.body = body

    def clean(self):
        data = super().clean()
        start, end, text = data.get("start"), data.get("end"), data.get("text")
        if start is not None and end is not None and text and self.body[start:end] != text:
            raise forms.ValidationError("The selection does not match the text; select it again.")
        return data


class LinkForm(VersionForm):
    person = forms.ModelChoiceField(queryset=Person.objects.all(), required=False)
    country = forms.ModelChoiceField(queryset=Country.objects.all(), required=False)


class SpeakerForm(VersionForm):
    person = forms.ModelChoiceField(queryset=Person.objects.all(), required=False)
    new_name = forms.CharField(required=False, max_length=300)
    new_kind = forms.ChoiceField(choices=Person.Kind.choices, required=False)


class AcceptAllForm(forms.Form):
    kind = forms.ChoiceField(choices=[(kind, kind) for kind in ACCEPT_ALL_KINDS])


def errors_text(form: forms.Form) -> str:
    return " ".join(
        f"{'' if field == '__all__' else field + ': '}{' '.join(msgs)}" for field, msgs in form.errors.items()
    )


class UndoForm(forms.Form):
    """Nothing to enter: the correction is in the URL."""


# --- archive-wide person management ---------------------------------------------------------


class MergeConfirmForm(forms.Form):
    """Both records named by the analyst, and an explicit yes: nothing is chosen for them."""

    source = forms.ModelChoiceField(queryset=Person.objects.all())
    target = forms.ModelChoiceField(queryset=Person.objects.all())
    confirm = forms.BooleanField(
        required=True, error_messages={"required": "Tick the box to confirm the merge."}
    )

    def clean(self):
        data = super().clean()
        if data.get("source") and data.get("source") == data.get("target"):
            raise forms.ValidationError("Choose two different records.")
        return data


class SplitForm(forms.Form):
    alias = forms.CharField(max_length=300)
    kind = forms.ChoiceField(choices=Person.Kind.choices, initial=Person.Kind.PERSON)


class KeepApartForm(forms.Form):
    first = forms.ModelChoiceField(queryset=Person.objects.all())
    second = forms.ModelChoiceField(queryset=Person.objects.all())


class PersonEditForm(forms.ModelForm):
    """What an analyst may set on a record: its kind, role line and Wikidata QID."""

    class Meta:
        model = Person
        fields = ["kind", "description", "wikidata_id"]
        labels = {"wikidata_id": "Wikidata QID", "description": "Role or description"}

    def clean_wikidata_id(self) -> str:
        value = self.cleaned_data["wikidata_id"].strip().upper()
        if value and not (value.startswith("Q") and value[1:].isdigit() and len(value) <= 20):
            raise forms.ValidationError("A Wikidata QID is Q followed by digits, e.g. Q4157033.")
        return value

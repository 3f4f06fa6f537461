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


class MergeForm(forms.Form):
    source = forms.ModelChoiceField(queryset=Person.objects.all())
    target = forms.ModelChoiceField(queryset=Person.objects.all())


class AcceptAllForm(forms.Form):
    kind = forms.ChoiceField(choices=[(kind, kind) for kind in ACCEPT_ALL_KINDS])


def errors_text(form: forms.Form) -> str:
    return " ".join(
        f"{'' if field == '__all__' else field + ': '}{' '.join(msgs)}" for field, msgs in form.errors.items()
    )


class UndoForm(forms.Form):
    """Nothing to enter: the correction is in the URL."""

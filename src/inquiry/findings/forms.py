"""Forms parse input; the services decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from inquiry.findings.crime_titles import crime_title
from inquiry.findings.evaluate import profile
from inquiry.findings.models import Finding
from inquiry.web.forms import DATE_HELP, PlaceCodeField


def pattern_label(code: str) -> str:
    item = profile().patterns.get(code)
    if item is None:
        return code
    lang = (get_language() or "en")[:2]
    return item.label.get(lang) or item.label.get("en") or code


def pattern_choices() -> list[tuple[str, str]]:
    return [(code, pattern_label(code)) for code, _p in sorted(profile().patterns.items(), key=lambda i: i[1].order)]


def crime_choices() -> list[tuple[str, str]]:
    fw = profile().framework
    return [(code, f"{code} {crime_title(code, fw.crime(code).title)}") for code in fw.crime_codes]


class FindingForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    patterns = forms.MultipleChoiceField(label=_("Patterns of the mandate"), required=False,
                                         widget=forms.CheckboxSelectMultiple)
    crimes = forms.MultipleChoiceField(label=_("Candidate crimes (article 7)"), widget=forms.CheckboxSelectMultiple)
    place = PlaceCodeField(label=_("Place (acts inside it count too)"), required=False, max_length=200)
    period = forms.CharField(label=_("Period"), required=False, max_length=64, help_text=DATE_HELP)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["patterns"].choices = pattern_choices()
        self.fields["crimes"].choices = crime_choices()

    @staticmethod
    def initial_for(finding: Finding) -> dict:
        return {"title": finding.title, "description": finding.description, "patterns": finding.patterns,
                "crimes": finding.crimes, "place": finding.place.code if finding.place else "",
                "period": finding.date_edtf}


class ActsForm(forms.Form):
    add = forms.CharField(label=_("Add acts: event codes or act numbers, separated by commas"), required=False,
                          max_length=2000, help_text=_("An event code adds all its acts: E-000012, A-45."))
    remove = forms.MultipleChoiceField(label=_("Remove these acts"), required=False,
                                       widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, acts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["remove"].choices = [(str(a.pk), f"A-{a.pk} · {a.event.code} · {a.act_type}") for a in acts]

    def add_tokens(self) -> list[str]:
        return [t.strip() for t in self.cleaned_data.get("add", "").replace(";", ",").split(",") if t.strip()]


class ApproveForm(forms.Form):
    override_reason = forms.CharField(
        label=_("If the standard of proof is not met, why approve anyway?"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}))
    fingerprint = forms.CharField(required=False, widget=forms.HiddenInput, max_length=64)


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Reason for withdrawal"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 2}))

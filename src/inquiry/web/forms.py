"""Forms parse and validate input; services decide. Field errors are translated sentences."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from inquiry.cases.models import Consent, InformationLink, Perpetration, Source
from inquiry.people.models import Person
from inquiry.places.models import Place
from inquiry.vault.models import RiskLevel

LANGUAGES = [("", _("Unknown")), ("ko", _("Korean")), ("ja", _("Japanese")), ("en", _("English")),
             ("zh", _("Chinese")), ("ru", _("Russian"))]
DATE_HELP = _("As the witness said it: 1997, 1997-05, spring 1997, before 2004, 1990s, 1997/1999.")


class PlaceCodeField(forms.CharField):
    """A gazetteer place typed by code or name; resolved by the view through the selector."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        place = Place.objects.filter(code__iexact=value.strip()).first() or \
            Place.objects.filter(names__folded=value.strip().lower()).first()
        if place is None:
            raise forms.ValidationError(_("No place in the gazetteer is called “%(value)s”."),
                                        params={"value": value})
        return place


class SourceForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Source.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=300)
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGES, required=False)
    date = forms.CharField(label=_("Date"), required=False, max_length=64, help_text=DATE_HELP)
    place = PlaceCodeField(label=_("Place"), required=False, max_length=200)
    interpreter = forms.CharField(label=_("Interpreter (staff code)"), required=False, max_length=100)
    hearing_session = forms.CharField(label=_("Hearing session"), required=False, max_length=200)
    video_timecode = forms.RegexField(label=_("Video timecode"), required=False, regex=r"^\d{1,2}:\d{2}:\d{2}$",
                                      error_messages={"invalid": _("Write the timecode as HH:MM:SS.")})
    url = forms.URLField(label=_("Address"), required=False, max_length=500, assume_scheme="https")
    text = forms.CharField(label=_("Text or summary"), required=False, widget=forms.Textarea(attrs={"rows": 8}))
    confidential = forms.BooleanField(label=_("Confidential"), required=False, initial=True)
    reliability = forms.ChoiceField(label=_("Reliability"), choices=InformationLink.Reliability.choices,
                                    initial="unknown")


class ConsentForm(forms.Form):
    internal_use = forms.BooleanField(label=_("Internal use"), required=False)
    anonymous_quotation = forms.BooleanField(label=_("Anonymous quotation"), required=False)
    share_un = forms.BooleanField(label=_("Sharing with UN bodies"), required=False)
    share_prosecutors = forms.BooleanField(label=_("Sharing with prosecutors"), required=False)
    public_hearing = forms.BooleanField(label=_("Public hearing"), required=False)

    def scopes(self) -> dict:
        return {scope: self.cleaned_data.get(scope, False) for scope in Consent.SCOPES}


class IdentityForm(forms.Form):
    """Identity goes straight to the vault; afterwards only the pseudonymous code is shown."""

    real_name = forms.CharField(label=_("Full name"), required=False, max_length=200)
    contacts = forms.CharField(label=_("Contacts, one per line"), required=False,
                               widget=forms.Textarea(attrs={"rows": 2}))
    date_of_birth = forms.CharField(label=_("Date of birth"), required=False, max_length=64)
    relatives = forms.CharField(label=_("Relatives inside the country, one per line: name | relation | place"),
                                required=False, widget=forms.Textarea(attrs={"rows": 2}))
    identity_notes = forms.CharField(label=_("Protection notes"), required=False,
                                     widget=forms.Textarea(attrs={"rows": 2}))
    risk_level = forms.ChoiceField(label=_("Retaliation risk"), choices=RiskLevel.choices, initial=RiskLevel.HIGH)
    relatives_inside = forms.BooleanField(label=_("Relatives still inside the country"), required=False)

    def identity(self) -> dict | None:
        data = self.cleaned_data
        relatives = []
        for line in data["relatives"].splitlines():
            parts = [p.strip() for p in line.split("|")] + ["", ""]
            if parts[0]:
                relatives.append({"name": parts[0], "relation": parts[1], "place": parts[2]})
        contacts = [line.strip() for line in data["contacts"].splitlines() if line.strip()]
        identity = {"real_name": data["real_name"], "contacts": contacts,
                    "date_of_birth": data["date_of_birth"], "relatives_inside": relatives,
                    "notes": data["identity_notes"]}
        if not any(identity.values()):
            return None
        return {k: v for k, v in identity.items() if v}


class PersonForm(forms.Form):
    names = forms.CharField(label=_("Names, one per line, as written"), widget=forms.Textarea(attrs={"rows": 3}))
    sex = forms.ChoiceField(label=_("Sex"), choices=Person.Sex.choices, initial="unknown")
    birth_date = forms.CharField(label=_("Birth date"), required=False, max_length=64, help_text=DATE_HELP)
    nationality = forms.RegexField(label=_("Nationality (two-letter code)"), required=False, regex=r"^[A-Za-z]{2}$",
                                   error_messages={"invalid": _("Use a two-letter country code such as KP, KR or JP.")})
    status = forms.ChoiceField(label=_("Status"), choices=Person.Status.choices, initial="unknown")
    birth_place = PlaceCodeField(label=_("Birth place"), required=False, max_length=200)
    last_seen_place = PlaceCodeField(label=_("Last seen at"), required=False, max_length=200)
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def name_list(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["names"].splitlines() if line.strip()]


class EventForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    date = forms.CharField(label=_("Date"), required=False, max_length=64, help_text=DATE_HELP)
    place = PlaceCodeField(label=_("Place"), required=False, max_length=200)


class ActForm(forms.Form):
    act_type = forms.ChoiceField(label=_("Act type"), choices=())
    date = forms.CharField(label=_("Date"), required=False, max_length=64, help_text=DATE_HELP)
    place = PlaceCodeField(label=_("Place"), required=False, max_length=200)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    victims = forms.CharField(label=_("Victims (person codes, separated by commas)"), required=False)
    perpetrator_org = forms.CharField(label=_("Perpetrator organisation (code)"), required=False, max_length=40)
    involvement = forms.ChoiceField(label=_("Involvement"), choices=Perpetration.Involvement.choices,
                                    initial="unknown")

    def __init__(self, *args, act_types=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["act_type"].choices = act_types

    def victim_codes(self) -> list[str]:
        return [c.strip() for c in self.cleaned_data.get("victims", "").split(",") if c.strip()]


class LinkForm(forms.Form):
    source = forms.CharField(label=_("Source code"), max_length=30)
    mode = forms.ChoiceField(label=_("Kind of information"), choices=InformationLink.Mode.choices)
    reliability = forms.ChoiceField(label=_("Reliability"), choices=InformationLink.Reliability.choices,
                                    initial="unknown")
    passage = forms.CharField(label=_("Supporting passage"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    informant = forms.CharField(label=_("Original informant (code)"), required=False, max_length=40)
    elements = forms.CharField(label=_("Elements of crimes this passage supports"), required=False, max_length=300,
                               help_text=_("Separate with commas, for example: 7(1)(e):2, 7(1)(e):3"))

    def element_refs(self) -> list[str]:
        return [e.strip() for e in self.cleaned_data.get("elements", "").split(",") if e.strip()]


class MergeForm(forms.Form):
    other = forms.CharField(label=_("Code of the person to merge into this one"), max_length=20)
    reason = forms.CharField(label=_("Reason"), required=False, max_length=200)


class PlaceForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=40)
    kind = forms.ChoiceField(label=_("Kind"), choices=Place.Kind.choices)
    parent = PlaceCodeField(label=_("Part of"), required=False, max_length=200)
    name = forms.CharField(label=_("Name (McCune–Reischauer)"), max_length=200)
    name_ko = forms.CharField(label=_("Korean name"), required=False, max_length=200)
    name_ko_rok = forms.CharField(label=_("Korean name (ROK spelling)"), required=False, max_length=200)
    name_rr = forms.CharField(label=_("Revised Romanization"), required=False, max_length=200)
    facility_type = forms.CharField(label=_("Facility type"), required=False, max_length=40)
    status = forms.CharField(label=_("Status"), required=False, max_length=200)
    lat = forms.FloatField(label=_("Latitude"), required=False)
    lon = forms.FloatField(label=_("Longitude"), required=False)
    precision_km = forms.FloatField(label=_("Precision (km)"), required=False, min_value=0)
    source = forms.CharField(label=_("Source"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class OrganisationForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=40)
    kind = forms.ChoiceField(label=_("Kind"), choices=())
    names = forms.CharField(label=_("Names over time, one per line: name | language | period"),
                            widget=forms.Textarea(attrs={"rows": 4}),
                            help_text=_("For example: State Security Department | en | 1973/2016-06"))
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    source = forms.CharField(label=_("Source"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        from inquiry.people.models import Organisation

        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = Organisation.Kind.choices

    def name_lines(self) -> list[str]:
        return self.cleaned_data["names"].splitlines()

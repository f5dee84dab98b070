"""Forms of the interview intake (four steps) and of coding acts from a source.

Forms parse and validate the shape of the input; the services decide. Every field has a label, so
the templates can render ``<label for>`` and a message that names the field.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from inquiry.cases.models import InformationLink, InterviewRecord, Perpetration
from inquiry.vault.models import RiskLevel
from inquiry.web.forms import DATE_HELP, LANGUAGES, ConsentForm, PlaceCodeField

YES_NO = [("yes", _("Yes")), ("no", _("No"))]
NO_NAMES_HELP = _("Testimony is kept under the witness's code, not encrypted: write no names, addresses or "
                  "contacts of the witness here.")


class ConsentRiskForm(ConsentForm):
    """Step 1: nothing is saved before these answers are given."""

    consent_explained = forms.BooleanField(
        label=_("I explained each use to the witness, who understood and answered freely."),
        error_messages={"required": _("Confirm that you explained each use to the witness.")})
    risk_level = forms.ChoiceField(label=_("Retaliation risk"), choices=[("", _("Choose a risk level"))]
                                   + list(RiskLevel.choices),
                                   error_messages={"required": _("Assess the retaliation risk.")})
    relatives_inside = forms.ChoiceField(
        label=_("Relatives still inside the country"), choices=YES_NO, widget=forms.RadioSelect,
        error_messages={"required": _("Say whether the witness has relatives still inside the country.")})


class GazetteerPlaceField(PlaceCodeField):
    """A place typed by code or by any spelling; one clear match is taken, several are listed."""

    def clean(self, value):
        text = forms.CharField.clean(self, value)
        if not text:
            return None
        try:
            return super().clean(text)
        except forms.ValidationError:
            pass
        from inquiry.cases.selectors import place_suggestions_for_user

        user = getattr(self, "user", None)
        found = place_suggestions_for_user(user, text, limit=4) if user is not None else []
        if len(found) == 1:
            return found[0]
        if found:
            raise forms.ValidationError(
                _("Several places match “%(value)s”: %(places)s. Choose one from the list."),
                params={"value": text, "places": ", ".join(f"{p.code} ({p.name})" for p in found)})
        raise forms.ValidationError(_("No place in the gazetteer is called “%(value)s”."), params={"value": text})


class _UserAware:
    """Forms with gazetteer type-ahead and a live date preview (htmx; plain fields without JavaScript)."""

    def clean_date(self):
        """Check the date here too, so that every error of the form shows at once."""
        from inquiry.dates import parse_uncertain_date
        from inquiry.errors import InvalidInput
        from inquiry.web.messages import translate_error

        value = self.cleaned_data.get("date", "")
        try:
            parse_uncertain_date(value)
        except InvalidInput as exc:
            raise forms.ValidationError(translate_error(exc)) from None
        return value

    def bind_user(self, user) -> None:
        from django.urls import reverse

        for name, field in self.fields.items():
            if isinstance(field, GazetteerPlaceField):
                field.user = user
                field.widget.attrs.update({
                    "list": f"{name}-options", "autocomplete": "off", "hx-get": reverse("coding_place_suggest"),
                    "hx-trigger": "input changed delay:250ms", "hx-target": f"#{name}-options",
                    "hx-swap": "innerHTML", "hx-sync": "this:replace", "hx-params": name})
            elif name == "date":
                field.widget.attrs.update({
                    "hx-get": reverse("coding_date_preview"), "hx-trigger": "input changed delay:300ms, load",
                    "hx-target": "#date-preview", "hx-swap": "innerHTML", "hx-sync": "this:replace", "hx-params": name,
                    "aria-describedby": f"id_{name}_helptext date-preview"})
            elif name == "perpetrator_org":
                field.widget.attrs.update({
                    "list": f"{name}-options", "autocomplete": "off",
                    "hx-get": reverse("coding_organisation_suggest"), "hx-trigger": "input changed delay:250ms",
                    "hx-target": f"#{name}-options", "hx-swap": "innerHTML", "hx-sync": "this:replace",
                    "hx-params": name})
            elif name == "event":
                field.widget.attrs.update({"list": "event-options", "autocomplete": "off"})


class IdentityInterviewForm(_UserAware, forms.Form):
    """Step 2: the identity goes to the vault; the interview's metadata goes to the source."""

    real_name = forms.CharField(label=_("Full name"), max_length=200,
                                error_messages={"required": _("Write the witness's name; it goes to the vault.")})
    other_names = forms.CharField(label=_("Other names, one per line"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 2}))
    date_of_birth = forms.CharField(label=_("Date of birth"), required=False, max_length=64)
    place_of_origin = forms.CharField(label=_("Place of origin"), required=False, max_length=300)
    contacts = forms.CharField(label=_("Contacts, one per line"), required=False,
                               widget=forms.Textarea(attrs={"rows": 2}))
    relatives = forms.CharField(label=_("Relatives inside the country, one per line: name | relation | place"),
                                required=False, widget=forms.Textarea(attrs={"rows": 2}))
    identity_notes = forms.CharField(label=_("Protection notes"), required=False,
                                     widget=forms.Textarea(attrs={"rows": 2}))
    title = forms.CharField(label=_("Title of the interview"), max_length=300, help_text=NO_NAMES_HELP)
    date = forms.CharField(label=_("Date of the interview"), required=False, max_length=64, help_text=DATE_HELP)
    place = GazetteerPlaceField(label=_("Place of the interview"), required=False, max_length=200,
                                help_text=_("Type a few letters in hangul or in latin letters and pick a place."))
    language = forms.ChoiceField(label=_("Language of the interview"), choices=LANGUAGES, required=False)
    interpreter = forms.CharField(label=_("Interpreter (staff code)"), required=False, max_length=100)
    interpreter_language = forms.ChoiceField(label=_("Interpreter's language"), choices=LANGUAGES, required=False)
    interviewer = forms.ChoiceField(label=_("Interviewer"), choices=())

    IDENTITY_FIELDS = ("real_name", "other_names", "date_of_birth", "place_of_origin", "contacts", "relatives",
                       "identity_notes")

    def __init__(self, *args, interviewers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["interviewer"].choices = list(interviewers)
        for name in self.IDENTITY_FIELDS:  # no copy of the identity in the browser's form history
            self.fields[name].widget.attrs.update({"autocomplete": "off", "spellcheck": "false"})

    def identity(self) -> dict:
        data = self.cleaned_data
        relatives = []
        for line in data["relatives"].splitlines():
            parts = [p.strip() for p in line.split("|")] + ["", ""]
            if parts[0]:
                relatives.append({"name": parts[0], "relation": parts[1], "place": parts[2]})
        lines = lambda text: [t.strip() for t in text.splitlines() if t.strip()]  # noqa: E731
        identity = {"real_name": data["real_name"], "other_names": lines(data["other_names"]),
                    "contacts": lines(data["contacts"]), "date_of_birth": data["date_of_birth"],
                    "place_of_origin": data["place_of_origin"], "relatives_inside": relatives,
                    "notes": data["identity_notes"]}
        return {k: v for k, v in identity.items() if v}


def _section(label, help_text=""):
    return forms.CharField(label=label, required=False, help_text=help_text,
                           widget=forms.Textarea(attrs={"rows": 4}))


class InterviewRecordForm(forms.Form):
    """Step 3: the Istanbul Protocol sections, and the account in the witness's own words."""

    arrest = _section(_("Circumstances of the arrest"),
                      _("When, where and how; who was present; what the witness was told."))
    detention_places = _section(_("Places and dates of detention"),
                                _("Each place of detention, with dates as the witness gave them."))
    detention_conditions = _section(_("Conditions and routine of detention"),
                                    _("Cell, food, water, sanitation, work, contact with others, daily routine."))
    methods = _section(_("Methods of torture or ill-treatment"),
                       _("What was done, how often, for how long, with what objects; any sexual violence."))
    injuries = _section(_("Injuries and after-effects"),
                        _("Physical and psychological injuries, then and now; treatment received."))
    perpetrators = _section(_("Perpetrators described"),
                            _("Units, ranks, uniforms, functions; no guesswork about names."))
    other_witnesses = _section(_("Other witnesses"),
                               _("Others who saw or suffered the same, by code or description."))
    account = forms.CharField(label=_("The account in the witness's words"), required=False,
                              widget=forms.Textarea(attrs={"rows": 12}), help_text=NO_NAMES_HELP)
    consistency = forms.ChoiceField(label=_("Degree of consistency with the alleged ill-treatment (clinician)"),
                                    choices=InterviewRecord.Consistency.choices, required=False)

    def sections(self) -> dict:
        return {name: self.cleaned_data.get(name, "") for name in InterviewRecord.SECTIONS}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            data = [d for d in data if d]
            if not data:
                single(None, initial)  # the "required" error when nothing was chosen
                return []
            return [single(d, initial) for d in data]
        return [single(data, initial)] if data else single(data, initial)


class AttachmentForm(forms.Form):
    """Step 4: audio recordings and documents, hashed as they arrive."""

    files = MultipleFileField(label=_("Audio recordings or documents"),
                              error_messages={"required": _("Choose at least one file to attach.")})
    label = forms.CharField(label=_("What these files are"), required=False, max_length=200,
                            help_text=_("For example: audio of the interview, part 1. No names."))


class CodingForm(_UserAware, forms.Form):
    """One act coded from a source, linked to the passage that supports it."""

    event = forms.CharField(label=_("Event (code)"), required=False, max_length=30,
                            help_text=_("Choose an existing event, or leave this empty and give a title for a "
                                        "new one."))
    new_event_title = forms.CharField(label=_("Title of a new event"), required=False, max_length=300)
    act_type = forms.ChoiceField(label=_("Act type"), choices=())
    date = forms.CharField(label=_("Date of the act"), required=False, max_length=64, help_text=DATE_HELP)
    place = GazetteerPlaceField(label=_("Place of the act"), required=False, max_length=200,
                                help_text=_("Type a few letters in hangul or in latin letters and pick a place."))
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    victims = forms.CharField(label=_("Victims (person codes, separated by commas)"), required=False,
                              max_length=2000)
    new_victims = forms.CharField(label=_("New victims: names as written in the source, one per line"),
                                  required=False, widget=forms.Textarea(attrs={"rows": 2}))
    perpetrator_persons = forms.CharField(label=_("Perpetrators: person codes, separated by commas"),
                                          required=False, max_length=2000)
    perpetrator_org = forms.CharField(label=_("Perpetrator organisation (code)"), required=False, max_length=40)
    involvement = forms.ChoiceField(label=_("Involvement"), choices=Perpetration.Involvement.choices,
                                    initial="unknown")
    mode = forms.ChoiceField(label=_("Kind of information"), choices=InformationLink.Mode.choices,
                             initial=InformationLink.Mode.DIRECT)
    reliability = forms.ChoiceField(label=_("Reliability"), choices=InformationLink.Reliability.choices,
                                    initial="unknown")
    passage = forms.CharField(label=_("Supporting passage"), widget=forms.Textarea(attrs={"rows": 3}),
                              help_text=_("Select the words in the text above and press “Use the selected "
                                          "text”, or paste them."),
                              error_messages={"required": _("Quote the passage of the source that supports "
                                                            "this act.")})
    informant = forms.CharField(label=_("Original informant (code)"), required=False, max_length=40)

    def __init__(self, *args, act_types=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["act_type"].choices = [("", _("Choose an act type"))] + list(act_types)

    @staticmethod
    def _codes(text: str) -> list[str]:
        return list(dict.fromkeys(c.strip() for c in (text or "").replace("\n", ",").split(",") if c.strip()))

    def victim_codes(self) -> list[str]:
        return self._codes(self.cleaned_data.get("victims", ""))

    def perpetrator_codes(self) -> list[str]:
        return self._codes(self.cleaned_data.get("perpetrator_persons", ""))

    def new_victim_names(self) -> list[str]:
        return [n.strip() for n in self.cleaned_data.get("new_victims", "").splitlines() if n.strip()]

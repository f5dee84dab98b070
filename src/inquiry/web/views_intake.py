"""Interview intake in four steps, and coding acts from a source.

Step 1 (consent and risk) saves nothing: its answers travel to step 2 in a signed, time-limited
token bound to the user. Step 2 sends the identity to the vault and creates the source, its consent
and its interview record in one transaction; from then on only the pseudonymous code is shown.
Steps 3 and 4 complete the record (Istanbul Protocol sections, attachments hashed on upload).
"""

from __future__ import annotations

from datetime import UTC, datetime

from django.contrib import messages
from django.core import signing
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from inquiry.accounts.guard import require
from inquiry.accounts.roles import Cap
from inquiry.cases import selectors, services
from inquiry.errors import InquiryError, InvalidInput, NotFound, PermissionDenied
from inquiry.people import selectors as people_selectors
from inquiry.web.boundary import login_required_or_404
from inquiry.web.forms_intake import (
    AttachmentForm,
    CodingForm,
    ConsentRiskForm,
    IdentityInterviewForm,
    InterviewRecordForm,
)
from inquiry.web.labels import act_type_choices, act_type_label
from inquiry.web.messages import translate_error

CONSENT_SALT = "inquiry.web.intake.consent"
CONSENT_MAX_AGE = 12 * 3600  # an interview day; afterwards consent is asked again
SUGGESTIONS = 10
# Fields the vault names in its errors, and the intake form field that holds them.
IDENTITY_FIELD_MAP = {"notes": "identity_notes", "relatives_inside": "relatives", "consent": None,
                      "internal_use": None, "risk_level": None}


def _require_intake(user) -> None:
    for cap in services.INTAKE_CAPS:
        require(user, cap)


def _call(form, service, /, field_map=None, **kwargs):
    """Like ``boundary.call_service``, mapping a service's field name onto the form's (``x[0].y`` → ``x``)."""
    try:
        return service(**kwargs)
    except (PermissionDenied, NotFound):
        raise
    except InquiryError as exc:
        field = (exc.field or "").split("[")[0].split(".")[0]
        field = (field_map or {}).get(field, field)
        form.add_error(field if field in form.fields else None, translate_error(exc))
        return None


def _steps(current: int, source=None) -> dict:
    return {"step": current, "source": source}


# --- Step 1: consent and risk ------------------------------------------------------------------

@login_required_or_404
def intake_start(request):
    _require_intake(request.user)
    form = ConsentRiskForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        checked = _call(form, services.intake_consent_check, actor=request.user, consent=form.scopes(),
                        risk_level=data["risk_level"], relatives_inside=data["relatives_inside"] == "yes")
        if checked:
            token = signing.dumps({"u": request.user.pk, "consent": checked["consent"],
                                   "risk": checked["risk_level"], "rel": checked["relatives_inside"],
                                   "at": datetime.now(UTC).isoformat()}, salt=CONSENT_SALT)
            return _identity_page(request, _identity_form(request), token, checked)
    return render(request, "web/intake/step_consent.html", {"form": form, **_steps(1)})


# --- Step 2: identity to the vault, interview metadata -----------------------------------------

def _identity_form(request, data=None):
    form = IdentityInterviewForm(data, interviewers=selectors.interviewer_choices_for_user(request.user),
                                 initial={"interviewer": str(request.user.pk)})
    form.bind_user(request.user)
    return form


def _identity_page(request, form, token, checked):
    from inquiry.vault.models import RiskLevel

    checked = {**checked, "risk_label": RiskLevel(checked["risk_level"]).label}
    return render(request, "web/intake/step_identity.html", {"form": form, "token": token, "checked": checked,
                                                             **_steps(2)})


def _consent_from_token(request, token: str) -> dict | None:
    try:
        data = signing.loads(token or "", salt=CONSENT_SALT, max_age=CONSENT_MAX_AGE)
    except signing.BadSignature:  # also SignatureExpired
        return None
    if data.get("u") != request.user.pk:
        return None
    return {"consent": data["consent"], "risk_level": data["risk"], "relatives_inside": data["rel"],
            "given_at": datetime.fromisoformat(data["at"])}


@login_required_or_404
def intake_identity(request):
    _require_intake(request.user)
    if request.method != "POST":
        return redirect("intake_start")
    token = request.POST.get("step1", "")
    checked = _consent_from_token(request, token)
    if checked is None:
        messages.warning(request, _("The consent step has expired or was altered. Record the witness's consent "
                                    "and the risk again; nothing was saved."))
        return redirect("intake_start")
    form = _identity_form(request, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        interviewer = selectors.interviewer_get_for_user(request.user, data["interviewer"])
        source = _call(form, services.interview_intake_open, field_map=IDENTITY_FIELD_MAP, actor=request.user,
                       consent=checked["consent"], risk_level=checked["risk_level"],
                       relatives_inside=checked["relatives_inside"], consent_given_at=checked["given_at"],
                       identity=form.identity(), title=data["title"], language=data["language"],
                       date=data["date"], place=data["place"], interpreter=data["interpreter"],
                       interpreter_language=data["interpreter_language"], interviewer=interviewer)
        if source:
            messages.success(request, _("The identity is in the vault. The witness is now known as %(witness)s; "
                                        "the interview is source %(source)s.")
                             % {"witness": source.witness.code, "source": source.code})
            return redirect("intake_account", pk=source.pk)
    return _identity_page(request, form, token, checked)


# --- Step 3: the Istanbul Protocol sections ----------------------------------------------------

@login_required_or_404
def intake_account(request, pk):
    _require_intake(request.user)
    source = selectors.interview_get_for_user(request.user, pk)
    record = source.interview_record
    initial = {**(record.sections if record else {}), "account": source.text,
               "consistency": record.consistency if record else ""}
    form = InterviewRecordForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = _call(form, services.interview_record_update, actor=request.user, source=source,
                      sections=form.sections(), account=form.cleaned_data["account"],
                      consistency=form.cleaned_data["consistency"])
        if saved:
            messages.success(request, _("The interview record of %(source)s is saved.") % {"source": source.code})
            if request.POST.get("next") == "attachments":
                return redirect("intake_attachments", pk=source.pk)
            return redirect("intake_account", pk=source.pk)
    return render(request, "web/intake/step_account.html", {"form": form, "record": record, **_steps(3, source)})


# --- Step 4: attachments, hashed on upload, with their chain of custody ----------------------

@login_required_or_404
def intake_attachments(request, pk):
    _require_intake(request.user)
    require(request.user, Cap.EVIDENCE_WRITE)
    source = selectors.interview_get_for_user(request.user, pk)
    form = AttachmentForm(request.POST or None, request.FILES if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        uploads = form.cleaned_data["files"]
        stored = _call(form, services.interview_attachments_add, field_map={"filename": "files", "source": "files"},
                       actor=request.user, source=source, label=form.cleaned_data["label"],
                       files=[(u, u.name, u.content_type or "") for u in uploads]) or []
        if stored:
            messages.success(request, _("%(count)s file(s) stored; the SHA-256 of each was computed on receipt.")
                             % {"count": len(stored)})
        if not form.errors:
            return redirect("intake_attachments", pk=source.pk)
    files = selectors.interview_attachments_for_user(request.user, source)
    return render(request, "web/intake/step_attachments.html", {"form": form, "files": files,
                                                                **_steps(4, source)})


# --- Coding acts from a source -----------------------------------------------------------------

def _resolve_codes(form, queryset, codes, field, error):
    found = {obj.code.upper(): obj for obj in queryset.filter(code__in=[c.upper() for c in codes])}
    for code in codes:
        if code.upper() not in found:
            form.add_error(field, translate_error(error(code)))
    return [found[c.upper()] for c in codes if c.upper() in found]


@login_required_or_404
def source_code_acts(request, pk):
    require(request.user, Cap.CASES_WRITE)
    source = selectors.source_coding_context_for_user(request.user, pk)
    initial = {"event": request.GET.get("event", "")[:30],
               "mode": "documentary" if source.kind == "document" else "direct"}
    form = CodingForm(request.POST or None, act_types=act_type_choices(), initial=initial)
    form.bind_user(request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        event = None
        if data["event"].strip():
            event = selectors.event_by_code_for_user(request.user, data["event"])
            if event is None:
                form.add_error("event", translate_error(InvalidInput("No event has the code {value}.",
                                                                     value=data["event"].strip())))
        persons = people_selectors.person_list_for_user(request.user)
        no_person = lambda code: InvalidInput("No person has the code {value}.", value=code)  # noqa: E731
        victims = _resolve_codes(form, persons, form.victim_codes(), "victims", no_person)
        culprits = _resolve_codes(form, persons, form.perpetrator_codes(), "perpetrator_persons", no_person)
        orgs = _resolve_codes(form, people_selectors.organisation_list_for_user(request.user),
                              [data["perpetrator_org"].strip()] if data["perpetrator_org"].strip() else [],
                              "perpetrator_org",
                              lambda code: InvalidInput("No organisation has the code {value}.", value=code))
        if not form.errors:
            perpetrators = [(p, None, data["involvement"]) for p in culprits]
            perpetrators += [(None, o, data["involvement"]) for o in orgs]
            act = _call(form, services.act_code_from_source, actor=request.user, source=source, event=event,
                        new_event_title=data["new_event_title"], act_type=data["act_type"], date=data["date"],
                        place=data["place"], description=data["description"], victims=victims,
                        new_victims=form.new_victim_names(), perpetrators=perpetrators, mode=data["mode"],
                        reliability=data["reliability"], passage=data["passage"], informant=data["informant"])
            if act:
                messages.success(request, _("Act saved: %(act_type)s in event %(event)s, linked to the passage.")
                                 % {"act_type": act_type_label(act.act_type), "event": act.event.code})
                return redirect(f"{reverse('source_code_acts', kwargs={'pk': source.pk})}?event={act.event.code}")
    return render(request, "web/coding/source_code.html", {
        "form": form, "source": source, "events": selectors.event_choices_for_user(request.user, source=source)})


# --- Type-ahead and preview endpoints (htmx fragments) ----------------------------------------

def _query(request, *names: str) -> str:
    for name in names:
        value = request.GET.get(name, "")
        if value.strip():
            return " ".join(value.split())[:100]
    return ""


@login_required_or_404
def coding_place_suggest(request):
    """Gazetteer matches for a type-ahead, as <option>s for a <datalist>: hangul, MR and RR spellings."""
    require(request.user, Cap.CASES_WRITE)
    q = _query(request, "q", "place")
    places = selectors.place_suggestions_for_user(request.user, q, limit=SUGGESTIONS) if q else []
    return render(request, "web/coding/_place_options.html", {"places": places, "q": q})


@login_required_or_404
def coding_person_suggest(request):
    require(request.user, Cap.CASES_WRITE)
    q = _query(request, "q", "person_q")
    persons = list(people_selectors.person_list_for_user(request.user, q=q)[:SUGGESTIONS]) if q else []
    return render(request, "web/coding/_person_options.html", {"persons": persons, "q": q})


@login_required_or_404
def coding_organisation_suggest(request):
    require(request.user, Cap.CASES_WRITE)
    q = _query(request, "q", "perpetrator_org")
    orgs = list(people_selectors.organisation_list_for_user(request.user, q=q)[:SUGGESTIONS]) if q else []
    return render(request, "web/coding/_organisation_options.html", {"organisations": orgs, "q": q})


def date_understood(text: str) -> tuple[str, bool]:
    """How a typed date was understood, as one sentence in the active language; (sentence, is_error)."""
    from inquiry.dates import OPEN_MAX, OPEN_MIN, parse_uncertain_date

    try:
        parsed = parse_uncertain_date(text)
    except InvalidInput as exc:
        return translate_error(exc), True
    if parsed is None:
        return "", False
    fmt = lambda d: date_format(d, "DATE_FORMAT")  # noqa: E731
    values = {"edtf": parsed.edtf, "earliest": fmt(parsed.earliest), "latest": fmt(parsed.latest)}
    if parsed.earliest == OPEN_MIN and parsed.edtf.startswith(".."):
        sentence = _("Understood as %(edtf)s: on or before %(latest)s.") % values
    elif parsed.latest == OPEN_MAX and parsed.edtf.endswith(".."):
        sentence = _("Understood as %(edtf)s: on or after %(earliest)s.") % values
    elif parsed.earliest == parsed.latest:
        sentence = _("Understood as %(edtf)s: %(earliest)s.") % values
    else:
        sentence = _("Understood as %(edtf)s: between %(earliest)s and %(latest)s.") % values
    if "~" in parsed.edtf or "%" in parsed.edtf:
        sentence += " " + _("The date is approximate, so the range is wider than the year given.")
    elif "?" in parsed.edtf:
        sentence += " " + _("The witness was not sure of this date.")
    return sentence, False


@login_required_or_404
def coding_date_preview(request):
    """Live preview: 'spring 1997' → 'Understood as 1997-21: between 1 March 1997 and 31 May 1997.'"""
    require(request.user, Cap.CASES_WRITE)
    sentence, is_error = date_understood(_query(request, "q", "date"))
    return render(request, "web/coding/_date_preview.html", {"sentence": sentence, "is_error": is_error})

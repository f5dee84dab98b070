from django.core.paginator import Paginator
from django.shortcuts import redirect, render

from inquiry.accounts.guard import require
from inquiry.accounts.roles import Cap, Role, can
from inquiry.cases import selectors, services
from inquiry.cases.models import Consent, InterviewRecord, Source
from inquiry.web.boundary import call_service, login_required_or_404, post_only
from inquiry.web.forms import LANGUAGES, ConsentForm, IdentityForm, SourceForm

PAGE_SIZE = 50


def _require_source_write(user) -> None:
    require(user, Cap.PARTNER_SUBMIT if getattr(user, "role", "") == Role.PARTNER else Cap.CASES_WRITE)


@login_required_or_404
def source_list(request):
    g = request.GET
    if not (can(request.user, Cap.CASES_READ) or can(request.user, Cap.PARTNER_SUBMIT)):
        require(request.user, Cap.CASES_READ)
    qs = selectors.source_list_for_user(request.user, kind=g.get("kind", ""), language=g.get("language", ""),
                                        q=g.get("q", "").strip(), period=g.get("period", ""))
    page = Paginator(qs, PAGE_SIZE).get_page(g.get("page"))
    return render(request, "web/source_list.html", {"page": page, "kinds": Source.Kind.choices,
                                                    "languages": LANGUAGES, "filters": g})


@login_required_or_404
def source_detail(request, pk):
    source = selectors.source_get_for_user(request.user, pk)
    consent = Consent.objects.filter(source=source).first()
    interview_record = InterviewRecord.objects.filter(source=source).first()
    return render(request, "web/source_detail.html", {"source": source, "consent": consent,
                                                      "interview_record": interview_record})


@login_required_or_404
def source_create(request):
    _require_source_write(request.user)
    form = SourceForm(request.POST or None)
    consent_form = ConsentForm(request.POST or None, prefix="consent")
    identity_form = IdentityForm(request.POST or None, prefix="identity")
    if request.method == "POST" and form.is_valid() and consent_form.is_valid() and identity_form.is_valid():
        data = form.cleaned_data
        needs_consent = data["kind"] in services.NEEDS_CONSENT
        identity = identity_form.identity() if can(request.user, Cap.IDENTITY_WRITE) else None
        source = call_service(
            form, services.source_record, actor=request.user, kind=data["kind"], title=data["title"],
            language=data["language"], date=data["date"], place=data["place"], text=data["text"],
            confidential=data["confidential"], interpreter=data["interpreter"],
            hearing_session=data["hearing_session"], video_timecode=data["video_timecode"], url=data["url"],
            reliability=data["reliability"],
            consent=consent_form.scopes() if needs_consent or any(consent_form.scopes().values()) else None,
            witness_identity=identity, risk_level=identity_form.cleaned_data["risk_level"],
            relatives_inside=identity_form.cleaned_data["relatives_inside"],
        )
        if source:
            return redirect("source_detail", pk=source.pk)
    return render(request, "web/source_form.html", {"form": form, "consent_form": consent_form,
                                                    "identity_form": identity_form, "creating": True})


@login_required_or_404
def source_edit(request, pk):
    source = selectors.source_get_for_user(request.user, pk)
    _require_source_write(request.user)
    initial = {"kind": source.kind, "title": source.title, "language": source.language, "date": source.date_edtf,
               "place": source.place.code if source.place else "", "interpreter": source.interpreter,
               "hearing_session": source.hearing_session, "video_timecode": source.video_timecode,
               "url": source.url, "text": source.text, "confidential": source.confidential,
               "reliability": source.reliability}
    form = SourceForm(request.POST or None, initial=initial)
    form.fields["kind"].disabled = True
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "kind"}
        if call_service(form, services.source_update, actor=request.user, source=source, **data):
            return redirect("source_detail", pk=source.pk)
    return render(request, "web/source_form.html", {"form": form, "source": source, "creating": False})


@login_required_or_404
def source_consent(request, pk):
    source = selectors.source_get_for_user(request.user, pk)
    require(request.user, Cap.CONSENT_MANAGE)
    consent = Consent.objects.filter(source=source).first()
    initial = {s: getattr(consent, s) for s in Consent.SCOPES} if consent else {}
    form = ConsentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if call_service(form, services.consent_record, actor=request.user, source=source, scopes=form.scopes()):
            return redirect("source_detail", pk=source.pk)
    return render(request, "web/consent_form.html", {"form": form, "source": source, "consent": consent})


@login_required_or_404
@post_only
def source_consent_withdraw(request, pk):
    source = selectors.source_get_for_user(request.user, pk)
    services.consent_withdraw(actor=request.user, source=source)
    return redirect("source_detail", pk=source.pk)

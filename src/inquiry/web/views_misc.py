import json

from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render

from inquiry.accounts.guard import not_found, require
from inquiry.accounts.roles import Cap, can
from inquiry.audit.models import AuditEntry
from inquiry.cases import exports
from inquiry.cases import selectors as case_selectors
from inquiry.cases.models import Act, Event, Source
from inquiry.errors import InvalidInput
from inquiry.people.models import Person
from inquiry.places import selectors as place_selectors
from inquiry.places.models import Place
from inquiry.web.boundary import login_required_or_404, post_only
from inquiry.web.labels import act_type_label


def home(request):
    if not request.user.is_authenticated:
        # Visitors meet the commission through its public site; staff sign in from there.
        return redirect("public_about")
    stats = None
    if can(request.user, Cap.CASES_READ):
        by_type = (Act.objects.values("act_type").annotate(n=Count("id")).order_by("-n")[:12])
        stats = {"sources": Source.objects.count(), "persons": Person.objects.filter(merged_into__isnull=True).count(),
                 "events": Event.objects.count(), "acts": Act.objects.count(),
                 "by_type": [(act_type_label(r["act_type"]), r["n"]) for r in by_type]}
    return render(request, "web/home.html", {"stats": stats})


@login_required_or_404
def place_list(request):
    g = request.GET
    qs = place_selectors.place_list_for_user(request.user, q=g.get("q", "").strip(), kind=g.get("kind", ""),
                                             facility_type=g.get("facility_type", ""))
    page = Paginator(qs, 100).get_page(g.get("page"))
    return render(request, "web/place_list.html", {"page": page, "kinds": Place.Kind.choices, "filters": g,
                                                   "attribution": _attribution()})


@login_required_or_404
def place_detail(request, pk):
    return render(request, "web/place_detail.html", {"place": place_selectors.place_get_for_user(request.user, pk),
                                                     "attribution": _attribution()})


def _attribution() -> str:
    from django.conf import settings

    from inquiry.profiles import load_profile

    return load_profile(settings.INQUIRY_PROFILE).attribution


@login_required_or_404
def audit_log(request):
    require(request.user, Cap.AUDIT_READ)
    page = Paginator(AuditEntry.objects.order_by("-seq"), 100).get_page(request.GET.get("page"))
    return render(request, "web/audit_list.html", {"page": page})


@login_required_or_404
def export_sources(request):
    require(request.user, Cap.EXPORT)
    scope = request.GET.get("scope", "")
    if not scope:
        return render(request, "web/export.html", {"scopes": exports.Consent.SCOPES})
    data = exports.sources_export(actor=request.user, scope=scope)
    response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=1), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="sources-{scope}.json"'
    return response


@login_required_or_404
def witness_list(request):
    from inquiry.vault.models import Witness

    require(request.user, Cap.IDENTITY_READ)
    page = Paginator(Witness.objects.annotate(n_sources=Count("sources")).order_by("code"), 100).get_page(
        request.GET.get("page"))
    return render(request, "web/witness_list.html", {"page": page})


def _witness(user, pk):
    from inquiry.vault.models import Witness

    require(user, Cap.IDENTITY_READ)
    witness = Witness.objects.filter(pk=pk).first()
    if witness is None:
        raise not_found()
    return witness


@login_required_or_404
def witness_detail(request, pk):
    """Decrypts the identity; the vault service writes the read to the audit log."""
    from inquiry.vault.services import identity_reveal

    witness = _witness(request.user, pk)
    identity = None if witness.is_shredded else identity_reveal(actor=request.user, witness=witness)
    return render(request, "web/witness_detail.html", {"witness": witness, "identity": identity,
                                                       "sources": witness.sources.all()})


@login_required_or_404
@post_only
def witness_erase(request, pk):
    from django.contrib import messages
    from django.utils.translation import gettext as _

    from inquiry.vault.services import witness_erase as erase

    witness = _witness(request.user, pk)
    erase(actor=request.user, witness=witness, reason=request.POST.get("reason", ""))
    messages.warning(request, _("The identity was erased and the vault master key rotated. Backups made before "
                                "now can no longer decrypt any identity or evidence: make a fresh backup now."))
    return redirect("witness_detail", pk=witness.pk)


@login_required_or_404
@post_only
def evidence_upload(request, pk):
    from inquiry.evidence.services import evidence_add

    source = case_selectors.source_get_for_user(request.user, pk)
    require(request.user, Cap.EVIDENCE_WRITE)
    upload = request.FILES.get("file")
    if upload is None:
        raise InvalidInput("Choose a file to attach.", field="file")
    evidence_add(actor=request.user, fileobj=upload, filename=upload.name,
                 media_type=upload.content_type or "", source=source, label=request.POST.get("label", "")[:200])
    return redirect("source_detail", pk=source.pk)


@login_required_or_404
def evidence_download(request, pk):
    from inquiry.evidence.selectors import evidence_get_for_user
    from inquiry.evidence.services import evidence_read

    require(request.user, Cap.EVIDENCE_READ)
    evidence = evidence_get_for_user(user=request.user, evidence_id=pk)
    response = StreamingHttpResponse(evidence_read(actor=request.user, evidence=evidence),
                                     content_type=evidence.media_type or "application/octet-stream")
    response["Content-Disposition"] = f'attachment; filename="{evidence.sha256[:16]}"'
    return response

"""Writes to findings. Atomic, permission-checked and audited; views only call these."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from django.db import transaction
from django.db.models import Q

from inquiry.accounts.guard import require
from inquiry.accounts.roles import Cap, can
from inquiry.audit.services import audit_record
from inquiry.cases.dates import set_uncertain_date
from inquiry.cases.models import Act
from inquiry.codes import next_code
from inquiry.dates import parse_uncertain_date
from inquiry.errors import Conflict, InvalidInput, PermissionDenied
from inquiry.findings.evaluate import evaluate_finding, profile
from inquiry.findings.models import Finding, join_codes
from inquiry.places.models import Place


def _validate(*, title: str, patterns: Iterable[str], crimes: Iterable[str]) -> tuple[str, list[str], list[str]]:
    prof = profile()
    if not title.strip():
        raise InvalidInput("Give the finding a title.", field="title")
    patterns, crimes = list(dict.fromkeys(patterns)), list(dict.fromkeys(crimes))
    for code in patterns:
        if code not in prof.patterns:
            raise InvalidInput("“{value}” is not a pattern of the mandate.", field="patterns", value=code)
    known = set(prof.framework.crime_codes)
    for code in crimes:
        if code not in known:
            raise InvalidInput("“{value}” is not a crime under article 7.", field="crimes", value=code)
    if not crimes:
        raise InvalidInput("Choose at least one candidate crime.", field="crimes")
    return title.strip(), patterns, crimes


def _require_draft(finding: Finding) -> None:
    if finding.status != Finding.Status.DRAFT:
        raise Conflict("Only a draft finding can be changed.")


@transaction.atomic
def finding_create(*, actor, title: str, description: str = "", patterns: Iterable[str] = (),
                   crimes: Iterable[str] = (), place: Place | None = None, period: str | None = None) -> Finding:
    require(actor, Cap.CASES_WRITE)
    title, patterns, crimes = _validate(title=title, patterns=patterns, crimes=crimes)
    finding = Finding(title=title, description=description, pattern_codes=join_codes(patterns),
                      crime_codes=join_codes(crimes), place=place, created_by=actor)
    set_uncertain_date(finding, period, field="period")
    finding.code = next_code(Finding, "F-")
    finding.save()
    audit_record(actor=actor, action="finding.create", object_type="finding", object_id=finding.pk,
                 detail={"code": finding.code, "patterns": patterns, "crimes": crimes,
                         "place": place.code if place else None, "period": finding.date_edtf})
    return finding


@transaction.atomic
def finding_update(*, actor, finding: Finding, title: str, description: str = "", patterns: Iterable[str] = (),
                   crimes: Iterable[str] = (), place: Place | None = None, period: str | None = None) -> Finding:
    require(actor, Cap.CASES_WRITE)
    finding = Finding.objects.select_for_update().get(pk=finding.pk)
    _require_draft(finding)
    title, patterns, crimes = _validate(title=title, patterns=patterns, crimes=crimes)
    finding.title, finding.description, finding.place = title, description, place
    finding.pattern_codes, finding.crime_codes = join_codes(patterns), join_codes(crimes)
    set_uncertain_date(finding, period, field="period")
    finding.save()
    audit_record(actor=actor, action="finding.update", object_type="finding", object_id=finding.pk,
                 detail={"code": finding.code, "patterns": patterns, "crimes": crimes,
                         "place": place.code if place else None, "period": finding.date_edtf})
    return finding


@transaction.atomic
def finding_acts_set(*, actor, finding: Finding, add: Iterable[Act] = (), remove: Iterable[Act] = ()) -> Finding:
    """Add and remove acts by hand."""
    require(actor, Cap.CASES_WRITE)
    finding = Finding.objects.select_for_update().get(pk=finding.pk)
    _require_draft(finding)
    add, remove = list(add), list(remove)
    if add:
        finding.acts.add(*add)
    if remove:
        finding.acts.remove(*remove)
    audit_record(actor=actor, action="finding.acts", object_type="finding", object_id=finding.pk,
                 detail={"code": finding.code, "added": sorted(a.pk for a in add),
                         "removed": sorted(a.pk for a in remove)})
    return finding


def _place_and_inside(place: Place) -> set[int]:
    """The place and everything inside it (counties, facilities), one query per level."""
    ids, frontier = {place.pk}, {place.pk}
    while frontier:
        frontier = set(Place.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)) - ids
        ids |= frontier
    return ids


def matching_act_types(patterns: Iterable[str], crimes: Iterable[str]) -> list[str]:
    """Act types of the chosen patterns that may constitute one of the chosen crimes (either may be empty)."""
    patterns, crimes = set(patterns), set(crimes)
    return sorted(code for code, t in profile().act_types.items()
                  if (not patterns or patterns & set(t.patterns)) and (not crimes or crimes & set(t.crimes)))


def matching_acts(finding: Finding):
    """Acts of matching types at the finding's place (or inside it) whose date can fall in its period."""
    qs = Act.objects.filter(act_type__in=matching_act_types(finding.patterns, finding.crimes))
    if finding.place_id:
        inside = _place_and_inside(finding.place)
        qs = qs.filter(Q(place_id__in=inside) | Q(place__isnull=True, event__place_id__in=inside))
    if finding.date_edtf:
        period = parse_uncertain_date(finding.date_edtf, field="period")
        qs = qs.filter(date_earliest__lte=period.latest, date_latest__gte=period.earliest)
    return qs


@transaction.atomic
def finding_collect_acts(*, actor, finding: Finding) -> int:
    """Add every act matching the finding's patterns, crimes, place and period. Returns how many were added."""
    require(actor, Cap.CASES_WRITE)
    finding = Finding.objects.select_for_update().get(pk=finding.pk)
    _require_draft(finding)
    already = set(finding.acts.values_list("pk", flat=True))
    new = sorted(set(matching_acts(finding).values_list("pk", flat=True)) - already)
    finding.acts.add(*new)
    audit_record(actor=actor, action="finding.collect", object_type="finding", object_id=finding.pk,
                 detail={"code": finding.code, "added": new})
    return len(new)


@transaction.atomic
def finding_approve(*, actor, finding: Finding, override_reason: str = "",
                    seen_fingerprint: str | None = None) -> Finding:
    """Approve a draft. Below the standard of proof only with a written reason; records what was seen.

    ``seen_fingerprint`` is the evaluation the commissioner had on screen; if the evidence changed
    since, the approval is refused so that nobody approves something they did not see.
    """
    require(actor, Cap.FINDINGS_APPROVE)
    finding = Finding.objects.select_for_update().get(pk=finding.pk)
    _require_draft(finding)
    if not finding.acts.exists():
        raise InvalidInput("A finding without acts cannot be approved.", field="acts")
    evaluation = evaluate_finding(finding)
    if seen_fingerprint and seen_fingerprint != evaluation.fingerprint():
        raise Conflict("The evidence changed since you opened this finding; review it again before approving.")
    override_reason = override_reason.strip()
    if not evaluation.met and not override_reason:
        raise InvalidInput("The standard of proof is not met. To approve anyway, write down why.",
                           field="override_reason")
    snapshot = evaluation.snapshot()
    finding.status = Finding.Status.APPROVED
    finding.approved_by, finding.approved_at = actor, datetime.now(UTC)
    finding.override_reason = override_reason if not evaluation.met else ""
    finding.approval = {**snapshot, "fingerprint": evaluation.fingerprint(),
                        "override_reason": finding.override_reason}
    finding.save()
    audit_record(actor=actor, action="finding.approve", object_type="finding", object_id=finding.pk,
                 detail={**snapshot, "fingerprint": evaluation.fingerprint(),
                         "override": bool(finding.override_reason), "override_reason": finding.override_reason,
                         "acts": sorted(finding.acts.values_list("pk", flat=True))})
    return finding


@transaction.atomic
def finding_withdraw(*, actor, finding: Finding, reason: str) -> Finding:
    """Withdraw a finding. An approved one only by a commissioner; a draft also by its drafters."""
    finding = Finding.objects.select_for_update().get(pk=finding.pk)
    if finding.status == Finding.Status.APPROVED:
        require(actor, Cap.FINDINGS_APPROVE)
    elif not (can(actor, Cap.CASES_WRITE) or can(actor, Cap.FINDINGS_APPROVE)):
        raise PermissionDenied("Your role does not allow this action.", capability=Cap.CASES_WRITE)
    if finding.status == Finding.Status.WITHDRAWN:
        raise Conflict("This finding is already withdrawn.")
    if not reason.strip():
        raise InvalidInput("Say why the finding is withdrawn.", field="reason")
    previous = finding.status
    finding.status, finding.withdrawn_reason = Finding.Status.WITHDRAWN, reason.strip()
    finding.save()
    audit_record(actor=actor, action="finding.withdraw", object_type="finding", object_id=finding.pk,
                 detail={"code": finding.code, "previous_status": previous, "reason": finding.withdrawn_reason})
    return finding

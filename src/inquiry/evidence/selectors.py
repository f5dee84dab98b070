"""Permission-checking reads of evidence records."""

from __future__ import annotations

from django.db.models import QuerySet

from inquiry.accounts.roles import Cap, can
from inquiry.errors import NotFound
from inquiry.evidence.models import CustodyEvent, EvidenceFile

__all__ = ["evidence_list_for_user", "evidence_get_for_user", "custody_for_user"]


def evidence_list_for_user(*, user, source=None) -> QuerySet[EvidenceFile]:
    if not can(user, Cap.EVIDENCE_READ):
        return EvidenceFile.objects.none()
    qs = EvidenceFile.objects.defer("wrapped_key")
    return qs.filter(source=source) if source is not None else qs


def evidence_get_for_user(*, user, evidence_id: int) -> EvidenceFile:
    """One evidence record, or NotFound (404) when the user may not read evidence or it does not exist."""
    found = evidence_list_for_user(user=user).filter(pk=evidence_id).first()
    if found is None:
        raise NotFound()
    return found


def custody_for_user(*, user, evidence: EvidenceFile) -> QuerySet[CustodyEvent]:
    if not can(user, Cap.EVIDENCE_READ):
        raise NotFound()
    return CustodyEvent.objects.filter(evidence_id=evidence.pk)

"""Exports that enforce consent scopes and retaliation risk mechanically.

A source tied to a witness leaves the system only when that witness's consent covers the scope
and has not been withdrawn. Severe risk keeps a source inside the commission whatever the
consent says. Identities are never decrypted for an export: witnesses appear by code or not at all.
"""

from __future__ import annotations

from django.db import transaction

from inquiry.accounts.guard import require
from inquiry.accounts.roles import Cap
from inquiry.audit.services import audit_record
from inquiry.cases.models import Consent, Source
from inquiry.errors import InvalidInput

EXTERNAL_SCOPES = {"share_un", "share_prosecutors", "anonymous_quotation", "public_hearing"}
# Audiences that may know a witness's pseudonymous code; quotation and hearings must not link quotes.
CODE_VISIBLE = {"internal_use", "share_un", "share_prosecutors"}


def source_allowed(source: Source, scope: str) -> bool:
    witness = source.witness
    if witness is None:
        return not source.confidential or scope in CODE_VISIBLE
    if witness.risk_level == "severe" and scope in EXTERNAL_SCOPES:
        return False
    consent = getattr(source, "consent", None)
    return consent is not None and consent.allows(scope)


def _row(source: Source, scope: str) -> dict:
    return {
        "code": source.code,
        "kind": source.kind,
        "title": source.title,
        "language": source.language,
        "date": source.date_edtf,
        "text": source.text,
        "witness": source.witness.code if source.witness and scope in CODE_VISIBLE else None,
        "acts": [{"act_type": link.act.act_type, "mode": link.mode, "event": link.act.event.code}
                 for link in source.links.all()],
    }


@transaction.atomic
def sources_export(*, actor, scope: str) -> dict:
    require(actor, Cap.EXPORT)
    if scope not in Consent.SCOPES:
        raise InvalidInput("“{value}” is not a consent scope.", field="scope", value=scope)
    qs = (Source.objects.select_related("witness", "consent")
          .prefetch_related("links__act__event").order_by("id"))
    rows, withheld = [], 0
    for source in qs.iterator(chunk_size=500):
        if source_allowed(source, scope):
            rows.append(_row(source, scope))
        else:
            withheld += 1
    audit_record(actor=actor, action="export.sources", object_type="export", object_id=scope,
                 detail={"scope": scope, "exported": len(rows), "withheld": withheld})
    return {"scope": scope, "sources": rows, "withheld": withheld}

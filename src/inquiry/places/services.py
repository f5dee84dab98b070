"""Loading the profile's reference data (gazetteer and organisations) into the case store."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction

from inquiry.audit.services import audit_record


@transaction.atomic
def reference_data_load(*, actor, profile: str | None = None) -> dict[str, int]:
    """Insert the profile's places and organisations that are not there yet. Idempotent."""
    try:
        from inquiry.places.gazetteer_sync import sync_organisations, sync_places
    except ImportError:
        return {}
    name = profile or settings.INQUIRY_PROFILE
    counts = {"places": sync_places(name), "organisations": sync_organisations(name)}
    if any(counts.values()):
        audit_record(actor=actor, action="reference.load", object_type="profile", object_id=name, detail=counts)
    return {k: v for k, v in counts.items() if v}

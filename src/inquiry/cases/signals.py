"""Move the store version whenever something the facet counts depend on is written.

Signals rather than calls in each service: acts also change through cascades (deleting an event
deletes its acts) and through other apps (places), and a missed call would leave counts stale.
Bulk writes send no signals; code that bulk-writes acts, links, sources or places must call
``store_version_bump`` itself.
"""

from __future__ import annotations

import uuid

from django.db.models.signals import m2m_changed, post_delete, post_save

from inquiry.cases.models import Act, InformationLink, Source, StoreVersion

_VERSION_ID = 1


def store_version_bump() -> None:
    """Give the store a new version token (inside the caller's transaction, if any)."""
    token = uuid.uuid4().hex
    if not StoreVersion.objects.filter(pk=_VERSION_ID).update(token=token):
        StoreVersion.objects.update_or_create(pk=_VERSION_ID, defaults={"token": token})


def store_version_token() -> str:
    """The token, with the highest act and link ids: new rows written in bulk, which send no
    signal, still change it (two index look-ups more)."""
    token = StoreVersion.objects.filter(pk=_VERSION_ID).values_list("token", flat=True).first() or ""
    last_act = Act.objects.order_by("-id").values_list("id", flat=True).first()
    last_link = InformationLink.objects.order_by("-id").values_list("id", flat=True).first()
    return f"{token}:{last_act}:{last_link}"


def _bump(sender, **kwargs) -> None:
    store_version_bump()


def connect() -> None:
    from inquiry.places.models import Place

    for model in (Act, InformationLink, Source, Place):
        post_save.connect(_bump, sender=model, dispatch_uid=f"store-version-save-{model.__name__}")
        post_delete.connect(_bump, sender=model, dispatch_uid=f"store-version-delete-{model.__name__}")
    # Victims of an existing act, added or removed later, change the persons the search lists.
    m2m_changed.connect(_bump, sender=Act.victims.through, dispatch_uid="store-version-victims")

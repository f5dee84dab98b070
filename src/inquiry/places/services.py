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


PLACE_FIELDS = ("kind", "parent", "name", "name_ko", "name_ko_rok", "name_rr", "facility_type", "status",
                "lat", "lon", "precision_km", "source")


def _check_place(fields: dict) -> None:
    from inquiry.errors import InvalidInput
    from inquiry.places.models import Place

    if not str(fields.get("name", "")).strip():
        raise InvalidInput("Give the place a name.", field="name")
    if fields.get("kind") not in Place.Kind.values:
        raise InvalidInput("“{value}” is not a kind of place.", field="kind", value=fields.get("kind"))
    lat, lon = fields.get("lat"), fields.get("lon")
    if (lat is None) != (lon is None):
        raise InvalidInput("Give both latitude and longitude, or neither.", field="lat")
    if lat is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise InvalidInput("These coordinates are not on Earth.", field="lat")
    if lat is not None and not fields.get("source"):
        raise InvalidInput("Say where the coordinates come from.", field="source")


def _names_refresh(place) -> None:
    from inquiry.people.naming import fold
    from inquiry.places.models import PlaceName

    place.names.all().delete()
    spellings = dict.fromkeys(n for n in (place.name, place.name_ko, place.name_ko_rok, place.name_rr, place.code) if n)
    PlaceName.objects.bulk_create([PlaceName(place=place, name=n, folded=fold(n)[:200]) for n in spellings],
                                  ignore_conflicts=True)


@transaction.atomic
def place_create(*, actor, code: str, **fields):
    from inquiry.accounts.guard import require
    from inquiry.accounts.roles import Cap
    from inquiry.errors import Conflict
    from inquiry.places.models import Place

    require(actor, Cap.PLACES_WRITE)
    _check_place(fields)
    if Place.objects.filter(code=code).exists():
        raise Conflict("A place with the code {code} already exists.", code=code)
    place = Place.objects.create(code=code, **{k: v for k, v in fields.items() if k in PLACE_FIELDS})
    _names_refresh(place)
    audit_record(actor=actor, action="place.create", object_type="place", object_id=place.pk, detail={"code": code})
    return place


@transaction.atomic
def place_update(*, actor, place, **fields):
    from inquiry.accounts.guard import require
    from inquiry.accounts.roles import Cap

    require(actor, Cap.PLACES_WRITE)
    _check_place(fields)
    for key, value in fields.items():
        if key in PLACE_FIELDS:
            setattr(place, key, value)
    place.save()
    _names_refresh(place)
    audit_record(actor=actor, action="place.update", object_type="place", object_id=place.pk)
    return place

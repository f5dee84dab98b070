"""Copy the profile's gazetteer and organisations into the case store, once, keeping sources."""

from __future__ import annotations

from inquiry.dates import parse_uncertain_date
from inquiry.people.models import Organisation, OrganisationName
from inquiry.people.naming import fold
from inquiry.places.models import Place, PlaceName

_KINDS = {"province": "province", "directly governed city": "province", "special city": "province",
          "city": "city", "county": "county", "district": "district", "area": "district"}
_ORG_KINDS = {"party": "party", "military_security": "military"}


def _place_names(place: Place, aliases) -> list[PlaceName]:
    seen, out = set(), []
    for alias in aliases:
        key = fold(alias)
        if key and key not in seen:
            seen.add(key)
            out.append(PlaceName(place=place, name=alias, folded=key[:200]))
    return out


def sync_places(profile_name: str) -> int:
    from inquiry.profiles import aliases_for, load_profile

    gazetteer = load_profile(profile_name).gazetteer
    existing = set(Place.objects.values_list("code", flat=True))
    created: dict[str, Place] = {}
    names: list[PlaceName] = []
    # Provinces before counties so that parents exist; facilities last.
    for item in sorted(gazetteer.places.values(), key=lambda p: p.level):
        code = item.code or item.key
        if code in existing:
            continue
        parent = created.get(item.parent_code) or Place.objects.filter(code=item.parent_code).first() \
            if item.parent_code else None
        place = Place.objects.create(
            code=code, kind=_KINDS.get(item.type or "", "other"), parent=parent,
            name=item.name_mr or item.name_rr or item.name_ko_dprk or code,
            name_ko=item.name_ko_dprk or "", name_ko_rok=item.name_ko_rok if item.name_ko_rok != item.name_ko_dprk else "",
            name_rr=item.name_rr or "", lat=item.lat, lon=item.lon, precision_km=None,
            source=item.source, profile=profile_name,
        )
        created[code] = place
        names += _place_names(place, aliases_for(item))
    for fac in gazetteer.facilities.values():
        if fac.id in existing:
            continue
        parent_code = fac.adm2_code or fac.province
        parent = created.get(parent_code) or Place.objects.filter(code=parent_code).first()
        history = "; ".join(f"{s.status} ({s.as_of or '?'})" for s in fac.status_history) or fac.status
        place = Place.objects.create(
            code=fac.id, kind="facility", parent=parent, name=fac.name_en, name_ko=fac.name_ko or "",
            facility_type=fac.type, operator_code=fac.operator or "", status=history[:200],
            lat=fac.lat, lon=fac.lon, precision_km=fac.precision_km, source=fac.source, profile=profile_name,
        )
        created[fac.id] = place
        names += _place_names(place, aliases_for(fac))
    PlaceName.objects.bulk_create(names, ignore_conflicts=True)
    return len(created)


def sync_organisations(profile_name: str) -> int:
    from inquiry.profiles import load_profile

    count = 0
    for org in load_profile(profile_name).organisations.values():
        if Organisation.objects.filter(code=org.id).exists():
            continue
        record = Organisation.objects.create(code=org.id, kind=_ORG_KINDS.get(org.kind, "state"),
                                             notes=org.summary.get("en", ""), source="; ".join(
                                                 s for n in org.names for s in n.sources)[:2000])
        for name in org.names:
            period = parse_uncertain_date(name.when.replace("~", ""), field="when")
            for lang, label in name.label.items():
                OrganisationName.objects.create(
                    organisation=record, name=label, lang=lang, date_edtf=name.when,
                    date_earliest=period.earliest if period else None, date_latest=period.latest if period else None)
        count += 1
    return count

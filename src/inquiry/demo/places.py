"""Places for the demo: the gazetteer already in the database, or the public gazetteer rows it needs.

Camp and province names are public facts (the profile's gazetteer, with its cited sources); only
the events placed there are fictional.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from inquiry.places.models import Place

GAZETTEER = Path(__file__).resolve().parents[1] / "profiles" / "dprk" / "gazetteer"


@dataclass(frozen=True)
class DemoPlace:
    place: Place
    ko: str
    ja: str
    en: str


def _short_facility_names(place: Place) -> tuple[str, str, str]:
    number = "".join(ch for ch in place.code.split("-")[-1] if ch.isdigit())
    ko = place.name_ko or (f"제{number}호 관리소" if number else place.name)
    ja = f"第{number}号管理所" if number else place.name
    en = f"Camp {number}" if number else place.name
    return ko, ja, en


def _read(name: str) -> list[dict]:
    with (GAZETTEER / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _create_from_gazetteer() -> None:
    """The six kwanliso and the first-level divisions, keyed by the gazetteer's own codes."""
    country, _ = Place.objects.get_or_create(
        code="KP", defaults={"kind": Place.Kind.COUNTRY, "name": "Democratic People's Republic of Korea",
                             "name_ko": "조선민주주의인민공화국", "profile": "dprk"})
    for row in _read("adm1.csv"):
        kind = Place.Kind.PROVINCE if row["type"] == "province" else Place.Kind.CITY
        Place.objects.get_or_create(code=row["code"], defaults={
            "kind": kind, "parent": country, "name": row["name_mr"], "name_ko": row["name_ko_dprk"],
            "name_ko_rok": row["name_ko_rok"], "name_rr": row["name_rr"],
            "lat": float(row["lat"]) if row["lat"] else None, "lon": float(row["lon"]) if row["lon"] else None,
            "source": row["source"], "profile": "dprk"})
    provinces = {p.code: p for p in Place.objects.filter(parent=country)}
    for row in _read("facilities.csv"):
        if row["type"] != "kwanliso":
            continue
        Place.objects.get_or_create(code=row["id"], defaults={
            "kind": Place.Kind.FACILITY, "parent": provinces.get(row["province"]), "name": row["name_en"],
            "name_ko": row["name_ko"], "facility_type": "kwanliso", "status": row["status"][:200],
            "lat": float(row["lat"]) if row["lat"] else None, "lon": float(row["lon"]) if row["lon"] else None,
            "precision_km": float(row["coord_precision_km"]) if row["coord_precision_km"] else None,
            "source": row["source"], "profile": "dprk"})


def demo_places() -> tuple[list[DemoPlace], list[DemoPlace]]:
    """(camps, provinces) with short names in ko/ja/en; creates the gazetteer rows when missing."""
    if not Place.objects.filter(facility_type="kwanliso").exists():
        _create_from_gazetteer()
    camps = []
    for place in Place.objects.filter(facility_type="kwanliso").order_by("code"):
        ko, ja, en = _short_facility_names(place)
        camps.append(DemoPlace(place, ko, ja, en))
    provinces = [DemoPlace(p, p.name_ko or p.name, p.name, p.name)
                 for p in Place.objects.filter(kind__in=[Place.Kind.PROVINCE, Place.Kind.CITY],
                                               code__startswith="KP-").order_by("code")]
    if not provinces:  # a gazetteer without first-level divisions: the camps stand in
        provinces = camps
    return camps, provinces

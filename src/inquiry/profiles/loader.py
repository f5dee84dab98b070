"""Load and validate a deployment profile (package data under ``inquiry/profiles/<name>/``).

Every file is checked on load. A problem raises ``InvalidInput`` whose message names the file, the
row (1-based: list position in YAML, data row after the header in CSV) and the field; ``row`` and
``field`` are also set on the error. Nothing is returned or cached unless every file is valid.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from inquiry.errors import InquiryError, InvalidInput, NotFound
from inquiry.law.corroboration import Weights
from inquiry.law.elements import LegalFramework, load_framework
from inquiry.profiles.dates import date_bounds
from inquiry.profiles.gazetteer import Facility, FacilityStatus, Gazetteer, Place, PlaceMatch
from inquiry.profiles.model import ActType, Chapter, FacilityType, Organisation, OrgName, Pattern
from inquiry.profiles.text import fold_latin, hangul_key, is_hangul

__all__ = ["Profile", "list_profiles", "load_profile", "place_lookup"]

VERIFICATION = ("verified", "unverified")
FACILITY_STATUSES = ("operational", "expanded", "reported_closed", "partly_demolished", "suspected")
PLACE_TYPES = ("province", "directly governed city", "special city", "city", "county", "district", "area")
ADM_COLUMNS = (
    "code",
    "parent_code",
    "name_ko_dprk",
    "name_ko_rok",
    "name_mr",
    "name_rr",
    "type",
    "lat",
    "lon",
    "source",
    "geonames_id",
    "ocha_pcode",
    "ocha_name",
    "wof_id",
    "wikidata_qid",
    "type_ko",
    "name_ko_variants",
    "notes",
)
FACILITY_COLUMNS = (
    "id",
    "name_ko",
    "name_en",
    "type",
    "number",
    "province",
    "lat",
    "lon",
    "coord_precision_km",
    "status",
    "source",
    "adm2_code",
    "notes",
)
CROSSWALK_COLUMNS = (
    "ocha_pcode",
    "ocha_admin_level",
    "ocha_name",
    "ocha_parent_pcode",
    "valid_from",
    "geonames_ids",
)
_CODE = re.compile(r"^[A-Z][A-Z0-9_]*$")
_WORLD = {"lat": (-90.0, 90.0), "lon": (-180.0, 180.0)}


@dataclass(frozen=True)
class Profile:
    name: str
    path: Path
    title: Mapping[str, str]
    languages: tuple[str, ...]
    default_language: str
    mandate: Mapping[str, Any]
    name_rules: Mapping[str, Any]
    attribution: str
    patterns: Mapping[str, Pattern]
    chapters: Mapping[str, Chapter]
    act_types: Mapping[str, ActType]
    organisations: Mapping[str, Organisation]
    facility_types: Mapping[str, FacilityType]
    gazetteer: Gazetteer
    framework: LegalFramework
    standard_of_proof: Mapping[str, Any]

    def place_lookup(
        self, text: str, *, limit: int = 10, kinds: tuple[str, ...] = ("place", "facility")
    ) -> list[PlaceMatch]:
        return self.gazetteer.lookup(text, limit=limit, kinds=kinds)

    def organisation_lookup(self, text: str) -> tuple[Organisation, ...]:
        """Organisations any of whose names (at any date) or aliases match ``text``."""
        key = _name_key(text)
        return tuple(o for o in self.organisations.values() if key in {_name_key(n) for n in o.all_names()})

    def act_type_children(self, code: str) -> tuple[ActType, ...]:
        return tuple(a for a in self.act_types.values() if a.parent == code)

    def facility_operator(
        self, facility_id: str, when: str | None = None
    ) -> tuple[Organisation, OrgName] | None:
        """The operating organisation of a facility and its name at ``when`` (EDTF; default: current)."""
        facility = self.gazetteer.facilities.get(facility_id)
        if facility is None or facility.operator is None:
            return None
        org = self.organisations[facility.operator]
        name = org.name_on(when) if when else org.current_name
        return (org, name) if name else None


def _name_key(text: str) -> str:
    return hangul_key(text) if is_hangul(text) else fold_latin(text)


# --- validation helpers ---------------------------------------------------------------------
class _Check:
    def __init__(self, file: str) -> None:
        self.file = file

    def fail(self, problem: str, *, row: int | None = None, field: str | None = None, **params: Any) -> None:
        where = (
            f"In {self.file}"
            + (f", row {row}" if row is not None else "")
            + (f", field {field}" if field else "")
        )
        params = {k: v for k, v in params.items() if k not in ("file", "where")}
        raise InvalidInput(
            where.replace("{", "{{").replace("}", "}}") + ": " + problem,
            row=row,
            field=field,
            code="invalid_profile",
            file=self.file,
            **params,
        )

    def need(
        self,
        data: Any,
        key: str,
        *,
        row: int | None = None,
        kind: type | tuple[type, ...] = str,
        allow_empty: bool = False,
    ) -> Any:
        if not isinstance(data, Mapping):
            self.fail("expected a mapping of fields.", row=row)
        value = data.get(key)
        if value is None or (not allow_empty and value in ("", [], {})):
            self.fail("the field {key} is missing or empty.", row=row, field=key, key=key)
        if not isinstance(value, kind):
            self.fail("the field {key} has the wrong type.", row=row, field=key, key=key)
        return value

    def labels(self, data: Any, key: str, languages: tuple[str, ...], *, row: int | None) -> dict[str, str]:
        raw = self.need(data, key, row=row, kind=dict)
        for lang in languages:
            if not isinstance(raw.get(lang), str) or not raw[lang].strip():
                self.fail("the label has no {lang} text.", row=row, field=f"{key}.{lang}", lang=lang)
        return {str(k): str(v) for k, v in raw.items()}

    def choice(self, value: Any, allowed: tuple[str, ...], *, row: int | None, field: str) -> str:
        if value not in allowed:
            self.fail(
                "{value!r} is not one of {allowed}.",
                row=row,
                field=field,
                value=value,
                allowed=", ".join(allowed),
            )
        return value

    def edtf(self, value: Any, *, row: int | None, field: str) -> tuple:
        try:
            return date_bounds(str(value))
        except InvalidInput:
            self.fail("{value!r} is not an EDTF date or interval.", row=row, field=field, value=value)
            raise  # unreachable; keeps type checkers calm

    def unique(self, seen: set[str], value: str, *, row: int, field: str) -> None:
        if value in seen:
            self.fail("{value} appears more than once.", row=row, field=field, value=value)
        seen.add(value)


def _read_yaml(path: Path) -> Any:
    if not path.is_file():
        raise InvalidInput(
            "The profile file {file} is missing.", code="invalid_profile", file=path.name, field="files"
        )
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InvalidInput(
            "{file} is not valid YAML (line {line}).",
            code="invalid_profile",
            file=path.name,
            row=(mark.line + 1) if mark else None,
            line=(mark.line + 1) if mark else "?",
        ) from exc


def _read_csv(path: Path, columns: tuple[str, ...], name: str) -> list[dict[str, str]]:
    check = _Check(name)
    if not path.is_file():
        check.fail("the file is missing.", field="files")
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        header = reader.fieldnames or []
        for col in columns:
            if col not in header:
                check.fail("the header has no column {column}.", row=0, field=col, column=col)
        rows = []
        for i, row in enumerate(reader, start=1):
            if None in row or any(v is None for v in row.values()):
                check.fail(
                    "the row has {count} fields; the header has {expected}.",
                    row=i,
                    field="(row)",
                    count=len([v for v in row.values() if v is not None]) + len(row.get(None) or ()),
                    expected=len(header),
                )
            rows.append({k: (v or "").strip() for k, v in row.items()})
    return rows


# --- sections -------------------------------------------------------------------------------
def _patterns(data: Any, langs: tuple[str, ...], file: str) -> tuple[dict[str, Pattern], dict[str, Chapter]]:
    check = _Check(file)
    chapters_raw = check.need(data, "chapters", kind=list)
    chapters: dict[str, dict[str, Any]] = {}
    for row, raw in enumerate(chapters_raw, start=1):
        code = check.need(raw, "code", row=row)
        check.unique(set(chapters), code, row=row, field="code")
        chapters[code] = {
            "code": code,
            "label": check.labels(raw, "label", langs, row=row),
            "source": check.need(raw, "source", row=row),
            "scope": raw.get("scope"),
        }
    patterns: dict[str, Pattern] = {}
    for row, raw in enumerate(check.need(data, "patterns", kind=list), start=1):
        code = check.need(raw, "code", row=row)
        if not _CODE.match(code):
            check.fail(
                "pattern code {value!r} must be upper-case letters, digits and _.",
                row=row,
                field="code",
                value=code,
            )
        check.unique(set(patterns), code, row=row, field="code")
        refs = check.need(raw, "chapters", row=row, kind=list)
        for ref in refs:
            if ref not in chapters:
                check.fail("unknown chapter {value}.", row=row, field="chapters", value=ref)
        patterns[code] = Pattern(
            code=code,
            order=int(check.need(raw, "order", row=row, kind=int)),
            label=check.labels(raw, "label", langs, row=row),
            chapters=tuple(refs),
            source=check.need(raw, "source", row=row),
        )
    built = {
        c: Chapter(**v, patterns=tuple(p.code for p in patterns.values() if c in p.chapters))
        for c, v in chapters.items()
    }
    return patterns, built


def _act_types(
    data: Any, langs: tuple[str, ...], patterns: Mapping[str, Pattern], framework: LegalFramework, file: str
) -> dict[str, ActType]:
    check = _Check(file)
    raws = check.need(data, "act_types", kind=list)
    codes: dict[str, int] = {}
    for row, raw in enumerate(raws, start=1):
        code = check.need(raw, "code", row=row)
        if not _CODE.match(code):
            check.fail(
                "act type code {value!r} must be upper-case letters, digits and _.",
                row=row,
                field="code",
                value=code,
            )
        check.unique(set(codes), code, row=row, field="code")
        codes[code] = row
    known_crimes = set(framework.crime_codes)
    out: dict[str, ActType] = {}
    for row, raw in enumerate(raws, start=1):
        code = raw["code"]
        pats = check.need(raw, "patterns", row=row, kind=list)
        for p in pats:
            if p not in patterns:
                check.fail(
                    "act type {act_type} refers to unknown pattern {value}.",
                    row=row,
                    field="patterns",
                    act_type=code,
                    value=p,
                )
        crimes = check.need(raw, "crimes", row=row, kind=list, allow_empty=True)
        for c in crimes:
            if c not in known_crimes:
                check.fail(
                    "act type {act_type} refers to unknown crime {value}.",
                    row=row,
                    field="crimes",
                    act_type=code,
                    value=c,
                )
        elements: dict[str, tuple[int, ...]] = {}
        for crime, numbers in (raw.get("elements") or {}).items():
            if crime not in crimes:
                check.fail(
                    "elements names crime {value}, which is not in crimes.",
                    row=row,
                    field="elements",
                    value=crime,
                )
            specific = {e.number for e in framework.crime(crime).specific_elements}
            for n in numbers:
                if n not in specific:
                    check.fail(
                        "crime {crime} has no non-contextual element {value}.",
                        row=row,
                        field="elements",
                        crime=crime,
                        value=n,
                    )
            elements[crime] = tuple(int(n) for n in numbers)
        parent = raw.get("parent")
        if parent is not None and parent not in codes:
            check.fail("unknown parent act type {value}.", row=row, field="parent", value=parent)
        out[code] = ActType(
            code=code,
            label=check.labels(raw, "label", langs, row=row),
            patterns=tuple(pats),
            crimes=tuple(crimes),
            elements=MappingProxyType(elements),
            parent=parent,
            label_status=raw.get("label_status", "glossary"),
            source=check.need(raw, "source", row=row),
            note=raw.get("note"),
        )
    for code, at in out.items():  # a parent chain must end
        seen, current = {code}, at.parent
        while current is not None:
            if current in seen:
                check.fail("the parent chain of {value} loops.", row=codes[code], field="parent", value=code)
            seen.add(current)
            current = out[current].parent
    return out


def _organisations(data: Any, langs: tuple[str, ...], file: str) -> dict[str, Organisation]:
    check = _Check(file)
    out: dict[str, Organisation] = {}
    for row, raw in enumerate(check.need(data, "organisations", kind=list), start=1):
        org_id = check.need(raw, "id", row=row)
        check.unique(set(out), org_id, row=row, field="id")
        names = []
        for j, n in enumerate(check.need(raw, "names", row=row, kind=list), start=1):
            field = f"names[{j}]"
            when = str(check.need(n, "when", row=row))
            start, end = check.edtf(when, row=row, field=f"{field}.when")
            sources = check.need(n, "sources", row=row, kind=list)
            names.append(
                OrgName(
                    when=when,
                    start=start,
                    end=end,
                    label=MappingProxyType(check.labels(n, "name", langs, row=row)),
                    aliases=tuple(str(a) for a in n.get("aliases") or ()),
                    verification=check.choice(
                        n.get("verification"), VERIFICATION, row=row, field=f"{field}.verification"
                    ),
                    sources=tuple(str(s) for s in sources),
                    note=n.get("note"),
                    label_status=n.get("label_status", "glossary"),
                )
            )
        out[org_id] = Organisation(
            id=org_id,
            kind=check.need(raw, "kind", row=row),
            summary=MappingProxyType(check.labels(raw, "summary", langs, row=row)),
            names=tuple(names),
            aliases=tuple(str(a) for a in raw.get("aliases") or ()),
            note=raw.get("note"),
        )
    return out


def _facility_types(
    data: Any, langs: tuple[str, ...], organisations: Mapping[str, Organisation], file: str
) -> dict[str, FacilityType]:
    check = _Check(file)
    out: dict[str, FacilityType] = {}
    for row, raw in enumerate(check.need(data, "facility_types", kind=list), start=1):
        code = check.need(raw, "code", row=row)
        check.unique(set(out), code, row=row, field="code")
        operator = raw.get("operator")
        if operator is not None and operator not in organisations:
            check.fail("unknown operator organisation {value}.", row=row, field="operator", value=operator)
        out[code] = FacilityType(
            code=code,
            label=MappingProxyType(check.labels(raw, "label", langs, row=row)),
            operator=operator,
            verification=check.choice(raw.get("verification"), VERIFICATION, row=row, field="verification"),
            source=check.need(raw, "source", row=row),
            romanizations=tuple(str(r) for r in raw.get("romanizations") or ()),
            note=raw.get("note"),
            label_status=raw.get("label_status", "glossary"),
        )
    return out


def _float(
    check: _Check, value: str, *, row: int, field: str, bounds: tuple[float, float] | None = None
) -> float | None:
    if value == "":
        return None
    try:
        number = float(value)
    except ValueError:
        check.fail("{value!r} is not a number.", row=row, field=field, value=value)
    if bounds and not bounds[0] <= number <= bounds[1]:
        check.fail(
            "{value} is outside {low}..{high}.",
            row=row,
            field=field,
            value=number,
            low=bounds[0],
            high=bounds[1],
        )
    return number


def _coords(
    check: _Check, row_data: dict[str, str], row: int, bbox: Mapping[str, tuple[float, float]]
) -> tuple[float | None, float | None]:
    lat = _float(check, row_data["lat"], row=row, field="lat", bounds=bbox["lat"])
    lon = _float(check, row_data["lon"], row=row, field="lon", bounds=bbox["lon"])
    if (lat is None) != (lon is None):
        check.fail(
            "lat and lon must both be given or both be empty.", row=row, field="lat" if lat is None else "lon"
        )
    return lat, lon


def _bbox(check: _Check, raw: Any) -> dict[str, tuple[float, float]]:
    if raw is None:
        return dict(_WORLD)
    out = {}
    for axis in ("lat", "lon"):
        pair = raw.get(axis) if isinstance(raw, Mapping) else None
        if not (
            isinstance(pair, list)
            and len(pair) == 2
            and all(isinstance(v, int | float) for v in pair)
            and pair[0] < pair[1]
        ):
            check.fail("bbox.{axis} must be [minimum, maximum].", field=f"bbox.{axis}", axis=axis)
        out[axis] = (float(pair[0]), float(pair[1]))
    return out


def _coord_source(source: str) -> str | None:
    for part in source.split(";"):
        if part.strip().startswith("coords:"):
            return part.strip()[len("coords:") :].strip()
    return None


def _places(
    rows: list[dict[str, str]],
    level: int,
    parents: set[str],
    bbox: Mapping[str, tuple[float, float]],
    file: str,
) -> list[Place]:
    check = _Check(file)
    out: list[Place] = []
    seen: set[str] = set()
    for row, r in enumerate(rows, start=1):
        code = r["code"] or None
        if level == 1 and not (code and re.fullmatch(r"[A-Z]{2}-\w+", code)):
            check.fail("a province-level ISO 3166-2 code such as KP-01 is required.", row=row, field="code")
        if r["parent_code"] not in parents:
            check.fail("unknown parent code {value}.", row=row, field="parent_code", value=r["parent_code"])
        if r["type"]:  # empty where the sources give no unit type (e.g. Tŭkchang)
            check.choice(r["type"], PLACE_TYPES, row=row, field="type")
        if not (r["name_ko_dprk"] or r["name_mr"] or r["ocha_name"]):
            check.fail(
                "a place needs a hangul, McCune–Reischauer or OCHA name.", row=row, field="name_ko_dprk"
            )
        if not r["source"]:
            check.fail("the source is missing.", row=row, field="source")
        lat, lon = _coords(check, r, row, bbox)
        key = (
            code or f"WP:{r['parent_code']}:{fold_latin(r['name_mr'] or r['ocha_name']) or r['name_ko_dprk']}"
        )
        check.unique(seen, key, row=row, field="code")
        variants = tuple(v for v in r["name_ko_variants"].split("|") if v)
        out.append(
            Place(
                key=key,
                code=code,
                level=level,
                parent_code=r["parent_code"] or None,
                type=r["type"] or None,
                type_ko=r["type_ko"] or None,
                name_ko_dprk=r["name_ko_dprk"] or None,
                name_ko_rok=r["name_ko_rok"] or r["name_ko_dprk"] or None,
                name_mr=r["name_mr"] or None,
                name_rr=r["name_rr"] or None,
                name_ko_variants=variants,
                ocha_pcode=r["ocha_pcode"] or None,
                ocha_name=r["ocha_name"] or None,
                geonames_id=r["geonames_id"] or None,
                wof_id=r["wof_id"] or None,
                wikidata_qid=r["wikidata_qid"] or None,
                lat=lat,
                lon=lon,
                coord_precision="centroid" if lat is not None else None,
                coord_source=_coord_source(r["source"]),
                source=r["source"],
                notes=r["notes"] or None,
            )
        )
    return out


def _facilities(
    rows: list[dict[str, str]],
    adm1: set[str],
    adm2: set[str],
    types: Mapping[str, FacilityType],
    history: Mapping[str, list[FacilityStatus]],
    bbox: Mapping[str, tuple[float, float]],
    file: str,
) -> list[Facility]:
    check = _Check(file)
    out: list[Facility] = []
    seen: set[str] = set()
    for row, r in enumerate(rows, start=1):
        fid = r["id"]
        if not fid:
            check.fail("the id is missing.", row=row, field="id")
        check.unique(seen, fid, row=row, field="id")
        ftype = check.choice(r["type"], tuple(types), row=row, field="type")
        if r["province"] not in adm1:
            check.fail("unknown province {value}.", row=row, field="province", value=r["province"])
        if r["adm2_code"] and r["adm2_code"] not in adm2:
            check.fail("unknown adm2 code {value}.", row=row, field="adm2_code", value=r["adm2_code"])
        lat, lon = _coords(check, r, row, bbox)
        precision = _float(
            check, r["coord_precision_km"], row=row, field="coord_precision_km", bounds=(0.0, 500.0)
        )
        if lat is not None and precision is None:
            check.fail("coordinates need a precision.", row=row, field="coord_precision_km")
        if not r["source"]:
            check.fail("the source is missing.", row=row, field="source")
        out.append(
            Facility(
                id=fid,
                name_ko=r["name_ko"] or None,
                name_en=r["name_en"],
                type=ftype,
                number=r["number"] or None,
                province=r["province"],
                adm2_code=r["adm2_code"] or None,
                lat=lat,
                lon=lon,
                precision_km=precision,
                status=r["status"],
                status_history=tuple(history.get(fid, ())),
                operator=types[ftype].operator,
                source=r["source"],
                notes=r["notes"] or None,
            )
        )
    return out


def _facility_status(data: Any, facility_ids: set[str], file: str) -> dict[str, list[FacilityStatus]]:
    check = _Check(file)
    out: dict[str, list[FacilityStatus]] = {}
    for row, raw in enumerate(check.need(data, "facility_status", kind=list), start=1):
        fid = check.need(raw, "facility", row=row)
        if fid not in facility_ids:
            check.fail("unknown facility {value}.", row=row, field="facility", value=fid)
        as_of = raw.get("as_of")
        if as_of is not None:
            check.edtf(as_of, row=row, field="as_of")
        out.setdefault(fid, []).append(
            FacilityStatus(
                status=check.choice(raw.get("status"), FACILITY_STATUSES, row=row, field="status"),
                as_of=None if as_of is None else str(as_of),
                verification=check.choice(
                    raw.get("verification"), VERIFICATION, row=row, field="verification"
                ),
                source=check.need(raw, "source", row=row),
                note=raw.get("note"),
            )
        )
    return out


def _crosswalk(rows: list[dict[str, str]], file: str) -> list[dict[str, str]]:
    check = _Check(file)
    seen: set[str] = set()
    for row, r in enumerate(rows, start=1):
        check.unique(seen, r["ocha_pcode"], row=row, field="ocha_pcode")
        check.choice(r["ocha_admin_level"], ("1", "2"), row=row, field="ocha_admin_level")
    return rows


def _standard(data: Any, file: str) -> dict[str, Any]:
    from inquiry.law.proof import StandardOfProof

    if not isinstance(data, Mapping) or not isinstance(data.get("standards"), Mapping):
        _Check(file).fail("a 'standards' mapping is required.", field="standards")
    for name in data["standards"]:
        try:
            StandardOfProof.from_mapping(data, name=name)
            Weights.from_mapping(data.get("weights"))
        except InquiryError as exc:
            _Check(file).fail("standard {name}: {detail}", field=exc.field, name=name, detail=exc.render())
    return dict(data)


# --- entry points ---------------------------------------------------------------------------
def _profiles_root() -> Path:
    return Path(str(resources.files("inquiry.profiles")))


def list_profiles() -> tuple[str, ...]:
    """Names of the profiles shipped as package data (folders holding a profile.yaml)."""
    root = _profiles_root()
    return tuple(sorted(p.name for p in root.iterdir() if (p / "profile.yaml").is_file()))


def load_profile(name: str = "dprk", *, path: str | Path | None = None) -> Profile:
    """Load, validate and cache a profile. ``path`` loads a profile folder from elsewhere (tests, drafts)."""
    folder = Path(path) if path is not None else _profiles_root() / name
    return _load_cached(str(folder.resolve()))


@functools.cache
def _load_cached(folder_text: str) -> Profile:
    folder = Path(folder_text)
    if not (folder / "profile.yaml").is_file():
        raise NotFound("No profile in {folder}.", code="profile_not_found", folder=folder.name)
    manifest = _read_yaml(folder / "profile.yaml")
    check = _Check("profile.yaml")
    name = check.need(manifest, "name")
    langs = tuple(check.need(manifest, "languages", kind=list))
    country = check.need(manifest, "country")
    bbox = _bbox(check, manifest.get("bbox"))
    files = check.need(manifest, "files", kind=dict)
    gaz_files = check.need(files, "gazetteer", kind=dict)
    for key in (
        "patterns",
        "act_types",
        "organisations",
        "facility_types",
        "facility_status",
        "standard_of_proof",
    ):
        check.need(files, key)
    for key in ("adm1", "adm2", "facilities", "ocha_pcode_crosswalk"):
        check.need(gaz_files, key)
    for listing, field in ((files, "files.sources"), (gaz_files, "files.gazetteer.sources")):
        if listing.get("sources") and not (folder / listing["sources"]).is_file():
            check.fail("the sources file {value} is missing.", field=field, value=listing["sources"])

    def yaml_file(key: str) -> tuple[Any, str]:
        return _read_yaml(folder / files[key]), Path(files[key]).name

    def csv_file(key: str, columns: tuple[str, ...]) -> tuple[list[dict[str, str]], str]:
        rel = gaz_files[key]
        return _read_csv(folder / rel, columns, rel), rel

    try:
        framework = load_framework(check.need(manifest, "legal_framework"))
    except NotFound:
        check.fail(
            "unknown legal framework {value}.", field="legal_framework", value=manifest["legal_framework"]
        )

    data, file = yaml_file("patterns")
    patterns, chapters = _patterns(data, langs, file)
    data, file = yaml_file("act_types")
    act_types = _act_types(data, langs, patterns, framework, file)
    data, file = yaml_file("organisations")
    organisations = _organisations(data, langs, file)
    data, file = yaml_file("facility_types")
    facility_types = _facility_types(data, langs, organisations, file)
    standard = _standard(*yaml_file("standard_of_proof"))

    adm1_rows, adm1_file = csv_file("adm1", ADM_COLUMNS)
    adm1 = _places(adm1_rows, 1, {country}, bbox, adm1_file)
    adm2_rows, adm2_file = csv_file("adm2", ADM_COLUMNS)
    adm2 = _places(adm2_rows, 2, {p.key for p in adm1}, bbox, adm2_file)
    fac_rows, fac_file = csv_file("facilities", FACILITY_COLUMNS)
    status_data, status_file = yaml_file("facility_status")
    history = _facility_status(status_data, {r["id"] for r in fac_rows}, status_file)
    facilities = _facilities(
        fac_rows, {p.key for p in adm1}, {p.key for p in adm2}, facility_types, history, bbox, fac_file
    )
    cw_rows, cw_file = csv_file("ocha_pcode_crosswalk", CROSSWALK_COLUMNS)
    crosswalk = _crosswalk(cw_rows, cw_file)

    attribution = " ".join(str(check.need(manifest, "attribution")).split())
    gazetteer = Gazetteer(
        [*adm1, *adm2],
        facilities,
        crosswalk,
        facility_romanizations={c: t.romanizations for c, t in facility_types.items()},
        attribution=attribution,
    )
    return Profile(
        name=name,
        path=folder,
        title=MappingProxyType(check.labels(manifest, "title", langs, row=None)),
        languages=langs,
        default_language=str(manifest.get("default_language", langs[0])),
        mandate=MappingProxyType(dict(manifest.get("mandate") or {})),
        name_rules=MappingProxyType(dict(manifest.get("name_rules") or {})),
        attribution=attribution,
        patterns=MappingProxyType(patterns),
        chapters=MappingProxyType(chapters),
        act_types=MappingProxyType(act_types),
        organisations=MappingProxyType(organisations),
        facility_types=MappingProxyType(facility_types),
        gazetteer=gazetteer,
        framework=framework,
        standard_of_proof=MappingProxyType(standard),
    )


def place_lookup(
    text: str, *, profile: str = "dprk", limit: int = 10, kinds: tuple[str, ...] = ("place", "facility")
) -> list[PlaceMatch]:
    """Look a place or facility up in any spelling (see ``Gazetteer.lookup``)."""
    return load_profile(profile).place_lookup(text, limit=limit, kinds=kinds)

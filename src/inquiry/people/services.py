"""Writes to persons and organisations. Atomic, permission-checked and audited."""

from __future__ import annotations

from django.db import transaction

from inquiry.accounts.guard import require
from inquiry.accounts.roles import Cap, Role
from inquiry.audit.services import audit_record
from inquiry.cases.dates import set_uncertain_date
from inquiry.codes import next_code
from inquiry.errors import Conflict, InvalidInput, PermissionDenied
from inquiry.people.models import Person, PersonName
from inquiry.people.naming import detect_script, search_text

PERSON_FIELDS = ("sex", "nationality", "status", "birth_place", "last_seen_place", "notes")


def _require_person_write(actor, person: Person | None = None) -> None:
    if getattr(actor, "role", "") == Role.PARTNER:
        require(actor, Cap.PARTNER_SUBMIT)
        if person is not None and person.partner_id != actor.partner_id:
            raise PermissionDenied()
    else:
        require(actor, Cap.CASES_WRITE)


def _clean_names(names) -> list[tuple[str, str]]:
    cleaned = []
    for item in names:
        text, lang = (item, "") if isinstance(item, str) else (item[0], item[1] if len(item) > 1 else "")
        text = " ".join(str(text).split())
        if text:
            cleaned.append((text, lang))
    if not cleaned:
        raise InvalidInput("Give at least one name, as it is written in the source.", field="names")
    for text, _ in cleaned:
        if len(text) > 200:
            raise InvalidInput("A name may have at most 200 characters.", field="names")
    return cleaned


def _choice(value: str, choices, field: str) -> str:
    if value not in choices:
        raise InvalidInput("“{value}” is not one of the allowed values.", field=field, value=value)
    return value


def person_names_set(person: Person, names) -> None:
    person.names.all().delete()
    PersonName.objects.bulk_create([
        PersonName(person=person, original=text, lang=lang, script=detect_script(text),
                   search_text=search_text(text, lang))
        for text, lang in _clean_names(names)
    ])


@transaction.atomic
def person_create(*, actor, names, sex: str = "unknown", birth_date: str | None = None, nationality: str = "",
                  status: str = "unknown", birth_place=None, last_seen_place=None, notes: str = "") -> Person:
    """Create a person. ``names`` are strings or (string, language) pairs, kept as written."""
    _require_person_write(actor)
    cleaned = _clean_names(names)
    person = Person(sex=_choice(sex, Person.Sex.values, "sex"), status=_choice(status, Person.Status.values, "status"),
                    nationality=nationality.upper()[:2], birth_place=birth_place, last_seen_place=last_seen_place,
                    notes=notes, created_by=actor,
                    partner=actor.partner if getattr(actor, "role", "") == Role.PARTNER else None)
    set_uncertain_date(person, birth_date, field="birth_date")
    person.code = next_code(Person, "P-")
    person.save()
    person_names_set(person, cleaned)
    audit_record(actor=actor, action="person.create", object_type="person", object_id=person.pk,
                 detail={"code": person.code})
    return person


@transaction.atomic
def person_update(*, actor, person: Person, names=None, birth_date: str | None = None, **changes) -> Person:
    _require_person_write(actor, person)
    for name, value in changes.items():
        if name not in PERSON_FIELDS:
            raise InvalidInput("“{value}” cannot be changed here.", field=name, value=name)
        if name == "sex":
            value = _choice(value, Person.Sex.values, "sex")
        if name == "status":
            value = _choice(value, Person.Status.values, "status")
        setattr(person, name, value)
    set_uncertain_date(person, birth_date, field="birth_date")
    person.save()
    if names is not None:
        person_names_set(person, names)
    audit_record(actor=actor, action="person.update", object_type="person", object_id=person.pk,
                 detail={"fields": sorted(changes) + (["names"] if names is not None else [])})
    return person


@transaction.atomic
def person_merge(*, actor, survivor: Person, merged: Person, reason: str = "") -> Person:
    """Point ``merged`` at ``survivor``. Nothing is deleted, so the merge can be undone."""
    require(actor, Cap.PERSONS_LINK)
    if survivor.pk == merged.pk:
        raise InvalidInput("A person cannot be merged into itself.", field="merged")
    if survivor.merged_into_id is not None:
        raise Conflict("{code} was itself merged into another person; merge into that one.", code=survivor.code)
    if merged.merged_into_id is not None:
        raise Conflict("{code} is already merged.", code=merged.code)
    Person.objects.filter(merged_into=merged).update(merged_into=survivor)
    merged.merged_into = survivor
    merged.save(update_fields=["merged_into", "updated_at"])
    audit_record(actor=actor, action="person.merge", object_type="person", object_id=survivor.pk,
                 detail={"survivor": survivor.code, "merged": merged.code, "reason": reason[:200]})
    return survivor


@transaction.atomic
def person_unmerge(*, actor, person: Person, reason: str = "") -> Person:
    require(actor, Cap.PERSONS_LINK)
    if person.merged_into_id is None:
        raise Conflict("{code} is not merged into another person.", code=person.code)
    survivor = person.merged_into
    person.merged_into = None
    person.save(update_fields=["merged_into", "updated_at"])
    audit_record(actor=actor, action="person.unmerge", object_type="person", object_id=person.pk,
                 detail={"survivor": survivor.code, "restored": person.code, "reason": reason[:200]})
    return person


def _org_names(lines) -> list[tuple[str, str, str]]:
    """Lines "name | language | EDTF period" -> (name, lang, period)."""
    out = []
    for number, line in enumerate(lines, start=1):
        parts = [p.strip() for p in line.split("|")]
        if not parts[0]:
            continue
        if len(parts) > 3:
            raise InvalidInput("Line {number}: write “name | language | period”.", field="names", number=number)
        out.append((parts[0], parts[1] if len(parts) > 1 else "", parts[2] if len(parts) > 2 else ""))
    if not out:
        raise InvalidInput("Give the organisation at least one name.", field="names")
    return out


def _org_names_set(org, lines) -> None:
    from inquiry.dates import parse_uncertain_date
    from inquiry.people.models import OrganisationName

    org.names.all().delete()
    for name, lang, period in _org_names(lines):
        parsed = parse_uncertain_date(period, field="names")
        OrganisationName.objects.create(organisation=org, name=name, lang=lang,
                                        date_edtf=parsed.edtf if parsed else "",
                                        date_earliest=parsed.earliest if parsed else None,
                                        date_latest=parsed.latest if parsed else None)


@transaction.atomic
def organisation_create(*, actor, code: str, kind: str, names, notes: str = "", source: str = ""):
    """A renamed body is one organisation: give each name with its period."""
    from inquiry.people.models import Organisation

    require(actor, Cap.CASES_WRITE)
    code = code.strip()
    if not code:
        raise InvalidInput("Give the organisation a code.", field="code")
    if Organisation.objects.filter(code=code).exists():
        raise Conflict("An organisation with the code {code} already exists.", code=code)
    org = Organisation.objects.create(code=code, kind=_choice(kind, Organisation.Kind.values, "kind"),
                                      notes=notes, source=source)
    _org_names_set(org, names)
    audit_record(actor=actor, action="organisation.create", object_type="organisation", object_id=org.pk,
                 detail={"code": code})
    return org


@transaction.atomic
def organisation_update(*, actor, organisation, kind: str, names, notes: str = "", source: str = ""):
    from inquiry.people.models import Organisation

    require(actor, Cap.CASES_WRITE)
    organisation.kind = _choice(kind, Organisation.Kind.values, "kind")
    organisation.notes, organisation.source = notes, source
    organisation.save()
    _org_names_set(organisation, names)
    audit_record(actor=actor, action="organisation.update", object_type="organisation", object_id=organisation.pk)
    return organisation

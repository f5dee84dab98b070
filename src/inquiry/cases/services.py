"""Writes to sources, consent, events, acts and information links. Atomic, checked, audited."""

from __future__ import annotations

from datetime import UTC, datetime

from django.db import transaction

from inquiry.accounts.guard import require
from inquiry.accounts.roles import Cap, Role
from inquiry.audit.services import audit_record
from inquiry.cases.dates import set_uncertain_date
from inquiry.cases.models import Act, Consent, Event, InformationLink, Perpetration, Source
from inquiry.codes import next_code
from inquiry.errors import InvalidInput, PermissionDenied

NEEDS_CONSENT = {Source.Kind.INTERVIEW, Source.Kind.PUBLIC_HEARING}
SOURCE_FIELDS = ("title", "language", "interpreter", "hearing_session", "video_timecode", "url", "text",
                 "confidential", "place", "reliability")


def _check_kind(kind: str) -> None:
    if kind not in Source.Kind.values:
        raise InvalidInput("“{value}” is not a kind of source.", field="kind", value=kind)


def _validate_act_type(act_type: str) -> None:
    from inquiry.cases.vocabulary import known_act_types

    if not act_type:
        raise InvalidInput("Choose an act type.", field="act_type")
    if act_type not in known_act_types():
        raise InvalidInput("“{value}” is not an act type of this profile.", field="act_type", value=act_type)


@transaction.atomic
def source_record(*, actor, kind: str, title: str, language: str = "", date: str | None = None,
                  place=None, text: str = "", confidential: bool = True, interpreter: str = "",
                  hearing_session: str = "", video_timecode: str = "", url: str = "",
                  reliability: str = "unknown", consent: dict | None = None,
                  witness_identity: dict | None = None, risk_level: str = "high",
                  relatives_inside: bool = False, witness=None) -> Source:
    """Record a source. For interviews and hearings, consent comes first or nothing is saved."""
    is_partner = getattr(actor, "role", "") == Role.PARTNER
    if is_partner:
        require(actor, Cap.PARTNER_SUBMIT)
        kind = Source.Kind.PARTNER
        if witness_identity:
            raise PermissionDenied("Partner organisations send identities in a sealed package, not here.")
    else:
        require(actor, Cap.CASES_WRITE)
    _check_kind(kind)
    if not title.strip():
        raise InvalidInput("Give the source a title.", field="title")
    if kind in NEEDS_CONSENT and consent is None:
        raise InvalidInput("Record the witness's consent before saving an interview or hearing.", field="consent")
    source = Source(kind=kind, title=title.strip(), language=language, place=place, text=text,
                    confidential=confidential, interpreter=interpreter, hearing_session=hearing_session,
                    video_timecode=video_timecode, url=url, reliability=reliability, created_by=actor,
                    interviewer=actor if kind == Source.Kind.INTERVIEW else None,
                    partner=actor.partner if is_partner else None)
    set_uncertain_date(source, date)
    if witness_identity:
        from inquiry.vault.services import witness_create

        witness = witness_create(actor=actor, identity=witness_identity, risk_level=risk_level,
                                 relatives_inside=relatives_inside)
    source.witness = witness
    source.code = next_code(Source, "S-")
    source.save()
    if consent is not None:
        _consent_save(actor=actor, source=source, scopes=consent)
    audit_record(actor=actor, action="source.create", object_type="source", object_id=source.pk,
                 detail={"code": source.code, "kind": kind, "witness": witness.code if witness else None})
    return source


@transaction.atomic
def source_update(*, actor, source: Source, **changes) -> Source:
    if getattr(actor, "role", "") == Role.PARTNER:
        require(actor, Cap.PARTNER_SUBMIT)
        if source.partner_id != actor.partner_id:
            raise PermissionDenied()
    else:
        require(actor, Cap.CASES_WRITE)
    changed = []
    for name, value in changes.items():
        if name == "date":
            set_uncertain_date(source, value)
            changed.append("date")
        elif name in SOURCE_FIELDS:
            if name == "title" and not str(value).strip():
                raise InvalidInput("Give the source a title.", field="title")
            setattr(source, name, value)
            changed.append(name)
        else:
            raise InvalidInput("“{value}” cannot be changed here.", field=name, value=name)
    source.save()
    audit_record(actor=actor, action="source.update", object_type="source", object_id=source.pk,
                 detail={"fields": sorted(changed)})
    return source


def _consent_save(*, actor, source: Source, scopes: dict) -> Consent:
    unknown = set(scopes) - set(Consent.SCOPES)
    if unknown:
        raise InvalidInput("“{value}” is not a consent scope.", field="consent", value=sorted(unknown)[0])
    consent, _ = Consent.objects.get_or_create(source=source, defaults={"given_at": datetime.now(UTC),
                                                                       "recorded_by": actor})
    for scope in Consent.SCOPES:
        setattr(consent, scope, bool(scopes.get(scope, False)))
    consent.withdrawn_at = None
    consent.recorded_by = actor
    consent.save()
    return consent


@transaction.atomic
def consent_record(*, actor, source: Source, scopes: dict) -> Consent:
    require(actor, Cap.CONSENT_MANAGE)
    consent = _consent_save(actor=actor, source=source, scopes=scopes)
    audit_record(actor=actor, action="consent.record", object_type="source", object_id=source.pk,
                 detail={"scopes": sorted(s for s in Consent.SCOPES if getattr(consent, s))})
    return consent


@transaction.atomic
def consent_withdraw(*, actor, source: Source) -> Consent:
    require(actor, Cap.CONSENT_MANAGE)
    consent = Consent.objects.select_for_update().filter(source=source).first()
    if consent is None:
        raise InvalidInput("This source has no consent on record to withdraw.", field="consent")
    consent.withdrawn_at = datetime.now(UTC)
    consent.save(update_fields=["withdrawn_at"])
    audit_record(actor=actor, action="consent.withdraw", object_type="source", object_id=source.pk)
    return consent


@transaction.atomic
def event_create(*, actor, title: str, description: str = "", date: str | None = None, place=None) -> Event:
    require(actor, Cap.CASES_WRITE)
    if not title.strip():
        raise InvalidInput("Give the event a title.", field="title")
    event = Event(title=title.strip(), description=description, place=place, created_by=actor)
    set_uncertain_date(event, date)
    event.code = next_code(Event, "E-")
    event.save()
    audit_record(actor=actor, action="event.create", object_type="event", object_id=event.pk,
                 detail={"code": event.code})
    return event


@transaction.atomic
def event_update(*, actor, event: Event, title: str, description: str = "", date: str | None = None,
                 place=None) -> Event:
    require(actor, Cap.CASES_WRITE)
    if not title.strip():
        raise InvalidInput("Give the event a title.", field="title")
    event.title, event.description, event.place = title.strip(), description, place
    set_uncertain_date(event, date)
    event.save()
    audit_record(actor=actor, action="event.update", object_type="event", object_id=event.pk)
    return event


@transaction.atomic
def act_add(*, actor, event: Event, act_type: str, date: str | None = None, place=None, description: str = "",
            victims=(), perpetrators=()) -> Act:
    """Add an act. ``perpetrators`` holds (person or None, organisation or None, involvement) triples."""
    require(actor, Cap.CASES_WRITE)
    _validate_act_type(act_type)
    act = Act(event=event, act_type=act_type, place=place, description=description)
    set_uncertain_date(act, date)
    act.save()
    act.victims.set(victims)
    for person, organisation, involvement in perpetrators:
        if person is None and organisation is None:
            raise InvalidInput("Name a person or an organisation as perpetrator.", field="perpetrators")
        Perpetration.objects.create(act=act, person=person, organisation=organisation, involvement=involvement)
    audit_record(actor=actor, action="act.create", object_type="act", object_id=act.pk,
                 detail={"event": event.code, "act_type": act_type})
    return act


def _check_elements(elements) -> list[str]:
    from inquiry.law import load_framework

    framework = load_framework()
    cleaned = []
    for ref in elements:
        ref = str(ref).strip()
        if not ref:
            continue
        try:
            framework.element(ref)
        except Exception:  # the framework raises its own typed error; the user needs this sentence
            raise InvalidInput("“{value}” is not an element of a crime; write it like 7(1)(e):3.",
                               field="elements", value=ref) from None
        cleaned.append(ref)
    return sorted(set(cleaned))


@transaction.atomic
def act_link_source(*, actor, act: Act, source: Source, mode: str, reliability: str = "unknown",
                    passage: str = "", informant: str = "", elements=()) -> InformationLink:
    require(actor, Cap.CASES_WRITE)
    elements = _check_elements(elements)
    if mode not in InformationLink.Mode.values:
        raise InvalidInput("“{value}” is not a kind of information.", field="mode", value=mode)
    if reliability not in InformationLink.Reliability.values:
        raise InvalidInput("“{value}” is not a reliability grade.", field="reliability", value=reliability)
    link, _ = InformationLink.objects.update_or_create(
        source=source, act=act,
        defaults={"mode": mode, "reliability": reliability, "passage": passage, "informant": informant,
                  "elements": elements},
    )
    audit_record(actor=actor, action="act.link", object_type="act", object_id=act.pk,
                 detail={"source": source.code, "mode": mode, "elements": elements})
    return link

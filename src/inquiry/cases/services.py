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


# --- Interview intake and coding (workbench, issue #6) -------------------------------------------

INTAKE_CAPS = (Cap.CASES_WRITE, Cap.CONSENT_MANAGE, Cap.IDENTITY_WRITE)
_SECTION_LIMIT = 100_000
_CONSENT_MAX_AGE_HOURS = 24


def intake_allowed(actor) -> bool:
    """Whether ``actor`` may record an interview: consent, identity and source all at once."""
    from inquiry.accounts.roles import can

    return all(can(actor, cap) for cap in INTAKE_CAPS)


def _require_intake(actor) -> None:
    for cap in INTAKE_CAPS:
        require(actor, cap)


def intake_consent_check(*, actor, consent: dict, risk_level: str, relatives_inside) -> dict:
    """Step 1 of an intake: check consent and risk. Saves nothing; returns the cleaned values."""
    from inquiry.vault.models import RiskLevel

    _require_intake(actor)
    unknown = set(consent) - set(Consent.SCOPES)
    if unknown:
        raise InvalidInput("“{value}” is not a consent scope.", field="consent", value=sorted(unknown)[0])
    scopes = {scope: bool(consent.get(scope, False)) for scope in Consent.SCOPES}
    if not scopes["internal_use"]:
        raise InvalidInput("Without consent to internal use the interview cannot be recorded.",
                           field="internal_use")
    if not risk_level:
        raise InvalidInput("Assess the retaliation risk before anything is recorded.", field="risk_level")
    if risk_level not in RiskLevel.values:
        raise InvalidInput("“{value}” is not a risk level.", field="risk_level", value=risk_level)
    if relatives_inside not in (True, False):
        raise InvalidInput("Say whether the witness has relatives still inside the country.",
                           field="relatives_inside")
    return {"consent": scopes, "risk_level": risk_level, "relatives_inside": relatives_inside}


@transaction.atomic
def interview_intake_open(*, actor, consent: dict, risk_level: str, relatives_inside: bool,
                          consent_given_at: datetime | None = None, identity: dict | None, title: str,
                          language: str = "", date: str | None = None, place=None, interpreter: str = "",
                          interpreter_language: str = "", interviewer=None):
    """Record an interview: the identity into the vault, the source with its consent, an empty interview record.

    Consent and risk were captured first (step 1; ``consent_given_at`` is when): nothing exists before this
    call, and everything it writes is one transaction.
    """
    from inquiry.accounts.roles import can
    from inquiry.cases.models import InterviewRecord

    checked = intake_consent_check(actor=actor, consent=consent, risk_level=risk_level,
                                   relatives_inside=relatives_inside)
    if not identity:
        raise InvalidInput("Write the witness's name; it goes to the vault and is never shown again.",
                           field="real_name")
    if interviewer is not None and not can(interviewer, Cap.CASES_WRITE):
        raise InvalidInput("{user} does not record interviews.", field="interviewer",
                           user=interviewer.get_username())
    now = datetime.now(UTC)
    if consent_given_at is not None:
        age = (now - consent_given_at).total_seconds()
        if age < -60 or age > _CONSENT_MAX_AGE_HOURS * 3600:
            raise InvalidInput("The consent was recorded too long ago; record it again.", field="consent")
    source = source_record(actor=actor, kind=Source.Kind.INTERVIEW, title=title, language=language, date=date,
                           place=place, confidential=True, interpreter=interpreter,
                           consent=checked["consent"], witness_identity=identity,
                           risk_level=checked["risk_level"], relatives_inside=checked["relatives_inside"])
    if interviewer is not None and interviewer.pk != actor.pk:
        source.interviewer = interviewer
        source.save(update_fields=["interviewer", "updated_at"])
    if consent_given_at is not None:
        Consent.objects.filter(source=source).update(given_at=consent_given_at)
    InterviewRecord.objects.create(source=source, interpreter_language=interpreter_language[:8],
                                   updated_by=actor)
    audit_record(actor=actor, action="interview.open", object_type="source", object_id=source.pk,
                 detail={"code": source.code, "witness": source.witness.code,
                         "scopes": sorted(s for s, v in checked["consent"].items() if v),
                         "risk_level": checked["risk_level"]})
    return source


@transaction.atomic
def interview_record_update(*, actor, source: Source, sections: dict, account: str = "",
                            consistency: str = ""):
    """Save the Istanbul Protocol sections of an interview and the account in the witness's words."""
    from inquiry.cases.models import InterviewRecord

    require(actor, Cap.CASES_WRITE)
    if source.kind != Source.Kind.INTERVIEW:
        raise InvalidInput("Only an interview has an interview record.", field="source")
    unknown = sorted(set(sections) - set(InterviewRecord.SECTIONS))
    if unknown:
        raise InvalidInput("“{value}” is not a section of the interview record.", field=unknown[0],
                           value=unknown[0])
    for name, text in [*sections.items(), ("account", account)]:
        if len(text or "") > _SECTION_LIMIT:
            raise InvalidInput("{field} is longer than {limit} characters.", field=name, limit=_SECTION_LIMIT)
    if consistency not in InterviewRecord.Consistency.values:
        raise InvalidInput("“{value}” is not a degree of consistency.", field="consistency", value=consistency)
    record = InterviewRecord.objects.select_for_update().filter(source=source).first() \
        or InterviewRecord(source=source)
    cleaned = {k: str(v).strip() for k, v in sections.items() if str(v or "").strip()}
    changed = sorted(k for k in set(cleaned) | set(record.sections) if cleaned.get(k) != record.sections.get(k))
    if consistency != record.consistency:
        changed.append("consistency")
    if (account or "").strip() != source.text.strip():
        changed.append("account")
        source.text = (account or "").strip()
        source.save(update_fields=["text", "updated_at"])
    record.sections, record.consistency, record.updated_by = cleaned, consistency, actor
    record.save()
    audit_record(actor=actor, action="interview.update", object_type="source", object_id=source.pk,
                 detail={"code": source.code, "changed": changed})
    return record


def _neutral_filename(source: Source, filename: str, number: int) -> str:
    """File names are kept in custody notes in the clear, so a name like 'kim_interview.m4a' must not be."""
    import re
    from pathlib import PurePath

    suffix = PurePath(filename or "").suffix.lower()
    if not re.fullmatch(r"\.[a-z0-9]{1,8}", suffix):
        suffix = ""
    return f"{source.code}-{number:02d}{suffix}"


def interview_attachment_add(*, actor, source: Source, fileobj, filename: str, media_type: str = "",
                             label: str = ""):
    """Attach audio or a document: hashed while it streams in, encrypted, with received and hashed custody
    events (``evidence_add``, atomic and audited). The stored name is neutral: ``S-000123-01.m4a``."""
    from inquiry.evidence.models import EvidenceFile
    from inquiry.evidence.services import evidence_add

    require(actor, Cap.EVIDENCE_WRITE)
    if not filename or not filename.strip():
        raise InvalidInput("Choose a file to attach.", field="files")
    number = EvidenceFile.objects.filter(source=source).count() + 1
    return evidence_add(actor=actor, fileobj=fileobj, filename=_neutral_filename(source, filename, number),
                        media_type=media_type, source=source, label=label[:200])


@transaction.atomic
def interview_attachments_add(*, actor, source: Source, files, label: str = "") -> list:
    """Attach several files at once, all or none: ``files`` holds (fileobj, filename, media_type).

    A failure on any file rolls back the records of the files before it. Their encrypted blobs
    may stay in the content-addressed store, unreferenced; nothing points at them."""
    if not files:
        raise InvalidInput("Choose a file to attach.", field="files")
    return [interview_attachment_add(actor=actor, source=source, fileobj=fileobj, filename=filename,
                                     media_type=media_type, label=label)
            for fileobj, filename, media_type in files]


def _plain(text: str) -> str:
    return " ".join(str(text or "").split()).casefold()


def source_passage_check(source: Source, passage: str) -> str:
    """The passage, tidied; refused when the source has text and the passage is not in it."""
    from inquiry.cases.models import InterviewRecord

    passage = "\n".join(line.rstrip() for line in str(passage or "").strip().splitlines())
    if not passage:
        raise InvalidInput("Quote the passage of the source that supports this act.", field="passage")
    record = InterviewRecord.objects.filter(source=source).first()
    texts = [source.text] + (list(record.sections.values()) if record else [])
    haystack = "\n".join(_plain(t) for t in texts if t)
    if haystack and _plain(passage) not in haystack:
        raise InvalidInput("The passage is not in the text of source {source}; select it in the text or "
                           "paste it exactly.", field="passage", source=source.code)
    return passage


@transaction.atomic
def act_code_from_source(*, actor, source: Source, event: Event | None = None, new_event_title: str = "",
                         act_type: str, date: str | None = None, place=None, description: str = "",
                         victims=(), new_victims=(), perpetrators=(), mode: str = InformationLink.Mode.DIRECT,
                         reliability: str = "unknown", passage: str, informant: str = "") -> Act:
    """Code one act from a source: in an existing event or a new one, with its victims and perpetrators,
    linked to the passage of the source that supports it. One transaction; each step audited."""
    require(actor, Cap.CASES_WRITE)
    passage = source_passage_check(source, passage)
    _validate_act_type(act_type)
    if mode not in InformationLink.Mode.values:
        raise InvalidInput("“{value}” is not a kind of information.", field="mode", value=mode)
    for _person, _org, involvement in perpetrators:
        if involvement not in Perpetration.Involvement.values:
            raise InvalidInput("“{value}” is not a kind of involvement.", field="involvement", value=involvement)
    if event is None:
        if not new_event_title.strip():
            raise InvalidInput("Choose an event, or give a title for a new one.", field="event")
        event = event_create(actor=actor, title=new_event_title, date=date, place=place)
    persons = list(victims)
    if new_victims:
        from inquiry.people.services import person_create

        for name in new_victims:
            try:
                persons.append(person_create(actor=actor, names=[name]))
            except InvalidInput as exc:
                raise InvalidInput(exc.message, field="new_victims", **exc.params) from None
    act = act_add(actor=actor, event=event, act_type=act_type, date=date, place=place, description=description,
                  victims=persons, perpetrators=perpetrators)
    act_link_source(actor=actor, act=act, source=source, mode=mode, reliability=reliability, passage=passage,
                    informant=informant)
    return act

"""Intake and coding services: permission-checked, atomic, audited, consent and risk first."""

from __future__ import annotations

import io
import json

import pytest

from inquiry.audit.models import AuditEntry
from inquiry.cases import services
from inquiry.cases.models import Act, Consent, Event, InformationLink, InterviewRecord, Source
from inquiry.errors import InvalidInput, PermissionDenied
from inquiry.evidence.models import CustodyEvent
from inquiry.people.models import Person
from inquiry.vault.models import Witness

pytestmark = pytest.mark.django_db

NAME = "한가상 허구"


def _open(actor, **changes):
    kwargs = {"actor": actor, "consent": {"internal_use": True, "share_prosecutors": True}, "risk_level": "high",
              "relatives_inside": True, "identity": {"real_name": NAME}, "title": "Fictional interview",
              "language": "ko", "date": "2012"}
    kwargs.update(changes)
    return services.interview_intake_open(**kwargs)


def _nothing_saved() -> bool:
    return not (Source.objects.exists() or Witness.objects.exists() or Consent.objects.exists()
                or InterviewRecord.objects.exists())


@pytest.mark.parametrize("role", ["analyst", "protection", "commissioner", "partner", "admin", "public"])
def test_only_a_role_that_records_consent_and_identities_and_sources_may_open_an_interview(users, role):
    with pytest.raises(PermissionDenied):
        _open(users[role])
    assert _nothing_saved()


@pytest.mark.parametrize("risk", ["", "extreme"])
def test_an_interview_without_a_valid_risk_level_is_refused_naming_the_field(users, risk):
    with pytest.raises(InvalidInput) as caught:
        _open(users["investigator"], risk_level=risk)
    assert caught.value.field == "risk_level"
    assert _nothing_saved()


def test_an_interview_without_consent_to_internal_use_is_refused(users):
    with pytest.raises(InvalidInput) as caught:
        _open(users["investigator"], consent={"share_un": True})
    assert caught.value.field == "internal_use" and _nothing_saved()


def test_the_relatives_question_must_be_answered(users):
    with pytest.raises(InvalidInput) as caught:
        services.intake_consent_check(actor=users["investigator"], consent={"internal_use": True},
                                      risk_level="low", relatives_inside=None)
    assert caught.value.field == "relatives_inside"


def test_opening_is_atomic_a_bad_date_leaves_no_witness_in_the_vault(users):
    with pytest.raises(InvalidInput) as caught:
        _open(users["investigator"], date="the year of the flood")
    assert caught.value.field == "date"
    assert _nothing_saved() and not AuditEntry.objects.filter(action="witness.created").exists()


def test_consent_keeps_the_time_it_was_given_at_the_first_step(users):
    from datetime import UTC, datetime, timedelta

    given = datetime.now(UTC) - timedelta(minutes=40)
    source = _open(users["investigator"], consent_given_at=given)
    assert Consent.objects.get(source=source).given_at == given
    with pytest.raises(InvalidInput):
        _open(users["investigator"], consent_given_at=datetime.now(UTC) - timedelta(days=3))


def test_every_write_of_an_intake_is_audited_with_codes_only(users):
    source = _open(users["investigator"])
    services.interview_record_update(actor=users["investigator"], source=source,
                                     sections={"injuries": "Fictional scar."}, account="Fictional account.")
    actions = list(AuditEntry.objects.order_by("seq").values_list("action", flat=True))
    assert actions[-4:] == ["witness.created", "source.create", "interview.open", "interview.update"]
    details = " ".join(AuditEntry.objects.values_list("detail", flat=True))
    assert NAME not in details and "Fictional" not in details
    opened = json.loads(AuditEntry.objects.get(action="interview.open").detail)
    assert opened["witness"] == source.witness.code and opened["scopes"] == ["internal_use", "share_prosecutors"]


def test_an_interview_record_refuses_unknown_sections_and_non_interviews(users):
    source = _open(users["investigator"])
    with pytest.raises(InvalidInput) as caught:
        services.interview_record_update(actor=users["investigator"], source=source, sections={"gossip": "x"})
    assert caught.value.field == "gossip"
    document = services.source_record(actor=users["analyst"], kind="document", title="Fictional document")
    with pytest.raises(InvalidInput):
        services.interview_record_update(actor=users["analyst"], source=document, sections={})
    with pytest.raises(PermissionDenied):
        services.interview_record_update(actor=users["commissioner"], source=source, sections={})


def test_an_attachment_is_stored_under_a_neutral_name_with_received_and_hashed_custody(users):
    source = _open(users["investigator"])
    evidence = services.interview_attachment_add(actor=users["investigator"], source=source,
                                                 fileobj=io.BytesIO(b"fictional audio"),
                                                 filename=f"{NAME} 면담.M4A", media_type="audio/mp4")
    notes = list(CustodyEvent.objects.filter(evidence=evidence).values_list("action", "note"))
    assert [a for a, _ in notes] == ["received", "hashed"]
    assert f"{source.code}-01.m4a" in notes[0][1] and NAME not in notes[0][1]
    with pytest.raises(PermissionDenied):
        services.interview_attachment_add(actor=users["analyst"], source=source, fileobj=io.BytesIO(b"x"),
                                          filename="x.txt")


def test_several_attachments_are_stored_all_or_none(users):
    from inquiry.evidence.models import EvidenceFile

    source = _open(users["investigator"])
    with pytest.raises(InvalidInput) as refused:
        services.interview_attachments_add(actor=users["investigator"], source=source, files=[
            (io.BytesIO(b"fictional audio"), "one.m4a", "audio/mp4"), (io.BytesIO(b"x"), " ", "text/plain")])
    assert refused.value.field == "files"
    assert EvidenceFile.objects.filter(source=source).count() == 0
    stored = services.interview_attachments_add(actor=users["investigator"], source=source, files=[
        (io.BytesIO(b"fictional audio"), "one.m4a", "audio/mp4"), (io.BytesIO(b"fictional note"), "two.txt", "")])
    notes = [CustodyEvent.objects.filter(evidence=e, action="received").get().note for e in stored]
    assert f"{source.code}-01.m4a" in notes[0] and f"{source.code}-02.txt" in notes[1]


def _coded(users, source, **changes):
    kwargs = {"actor": users["investigator"], "source": source, "new_event_title": "Fictional event",
              "act_type": "ARBITRARY_ARREST", "passage": "taken at night"}
    kwargs.update(changes)
    return services.act_code_from_source(**kwargs)


def test_coding_an_act_creates_the_event_and_victims_and_links_the_passage(users):
    source = _open(users["investigator"])
    source.text = "Fictional: I was taken at night by two agents."
    source.save()
    act = _coded(users, source, new_victims=["최가상"], date="about 1995")
    assert act.event.title == "Fictional event" and act.date_edtf == "1995~"
    assert [p.names.first().original for p in act.victims.all()] == ["최가상"]
    link = InformationLink.objects.get(act=act, source=source)
    assert link.passage == "taken at night" and link.mode == "direct"
    assert {"event.create", "person.create", "act.create", "act.link"} <= set(
        AuditEntry.objects.values_list("action", flat=True))


def test_coding_is_atomic_a_bad_act_type_creates_no_event_and_no_person(users):
    source = _open(users["investigator"])
    with pytest.raises(InvalidInput) as caught:
        _coded(users, source, act_type="NOT_A_TYPE", new_victims=["최가상"])
    assert caught.value.field == "act_type"
    assert not Event.objects.exists() and not Person.objects.exists() and not Act.objects.exists()


def test_coding_checks_the_passage_against_the_text_and_the_sections(users):
    source = _open(users["investigator"])
    services.interview_record_update(actor=users["investigator"], source=source,
                                     sections={"methods": "Fictional: made to kneel for hours."}, account="")
    assert _coded(users, source, passage="made  to KNEEL\nfor hours").pk
    with pytest.raises(InvalidInput) as caught:
        _coded(users, source, passage="something else entirely")
    assert caught.value.field == "passage"
    with pytest.raises(InvalidInput) as caught:
        _coded(users, source, passage="   ")
    assert caught.value.field == "passage"


def test_coding_refuses_an_unknown_involvement_and_a_missing_event(users):
    source = _open(users["investigator"])
    source.text = "taken at night"
    source.save()
    with pytest.raises(InvalidInput) as caught:
        _coded(users, source, perpetrators=[(None, None, "rumoured")])
    assert caught.value.field == "involvement"
    with pytest.raises(InvalidInput) as caught:
        _coded(users, source, new_event_title="")
    assert caught.value.field == "event"
    with pytest.raises(PermissionDenied):
        _coded(users, source, actor=users["commissioner"])

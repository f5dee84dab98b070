"""Sources, consent, events and acts: what the services allow, refuse and record."""

from __future__ import annotations

import pytest

from inquiry.audit.models import AuditEntry
from inquiry.cases import services
from inquiry.cases.models import Consent, Source
from inquiry.errors import InvalidInput, NotFound, PermissionDenied
from inquiry.vault.models import Witness

pytestmark = pytest.mark.django_db


def test_interview_without_consent_is_refused_and_nothing_is_saved(users):
    with pytest.raises(InvalidInput) as err:
        services.source_record(actor=users["investigator"], kind="interview", title="Fictional interview",
                               witness_identity={"real_name": "허구 증인"})
    assert err.value.field == "consent"
    assert Source.objects.count() == 0
    assert Witness.objects.count() == 0, "the identity must not reach the vault when the source is refused"


def test_failing_identity_write_leaves_no_source_behind(users, monkeypatch):
    import inquiry.vault.services as vault

    def broken(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(vault, "witness_create", broken)
    with pytest.raises(RuntimeError):
        services.source_record(actor=users["investigator"], kind="interview", title="t", consent={},
                               witness_identity={"real_name": "허구"})
    assert Source.objects.count() == 0


def test_interview_records_consent_witness_code_and_an_audit_entry(users):
    source = services.source_record(actor=users["investigator"], kind="interview", title="Fictional",
                                    date="spring 1997", consent={"internal_use": True, "share_un": True},
                                    witness_identity={"real_name": "가상 인물"}, risk_level="high")
    assert source.code.startswith("S-")
    assert source.witness.code.startswith("W-")
    assert source.date_edtf == "1997-21" and source.date_earliest.month == 3 and source.date_latest.month == 5
    consent = Consent.objects.get(source=source)
    assert consent.allows("share_un") and not consent.allows("share_prosecutors")
    entry = AuditEntry.objects.filter(action="source.create").get()
    assert entry.object_id == str(source.pk) and "가상" not in entry.detail


@pytest.mark.parametrize("role", ["commissioner", "protection", "public", "admin"])
def test_roles_that_do_not_record_sources_are_refused(users, role):
    with pytest.raises(PermissionDenied):
        services.source_record(actor=users[role], kind="document", title="x")


def test_partner_submission_is_owned_by_the_partner_and_may_not_carry_an_identity(users):
    source = services.source_record(actor=users["partner"], kind="interview", title="Partner row")
    assert source.kind == "partner_submission" and source.partner == users["partner"].partner
    with pytest.raises(PermissionDenied):
        services.source_record(actor=users["partner"], kind="document", title="x",
                               witness_identity={"real_name": "허구"})


def test_outsider_cannot_edit_another_partners_submission(users):
    source = services.source_record(actor=users["partner"], kind="document", title="Partner row")
    with pytest.raises(PermissionDenied):
        services.source_update(actor=users["outsider"], source=source, title="changed")


def test_malformed_date_names_the_field(users):
    with pytest.raises(InvalidInput) as err:
        services.source_record(actor=users["investigator"], kind="document", title="x", date="the day after")
    assert err.value.field == "date" and "the day after" in err.value.render()


def test_consent_withdrawal_is_recorded_and_audited(users):
    source = services.source_record(actor=users["investigator"], kind="interview", title="t",
                                    consent={"share_un": True})
    services.consent_withdraw(actor=users["protection"], source=source)
    consent = Consent.objects.get(source=source)
    assert consent.withdrawn_at is not None and not consent.allows("share_un")
    assert AuditEntry.objects.filter(action="consent.withdraw", object_id=str(source.pk)).exists()


def test_act_type_outside_the_profile_vocabulary_is_refused(users):
    event = services.event_create(actor=users["investigator"], title="e")
    with pytest.raises(InvalidInput) as err:
        services.act_add(actor=users["investigator"], event=event, act_type="NOT_A_TYPE")
    assert err.value.field == "act_type"


def test_act_and_link_are_recorded_with_mode_and_audited(users):
    inv = users["investigator"]
    source = services.source_record(actor=inv, kind="document", title="Fictional document")
    event = services.event_create(actor=inv, title="Fictional arrest", date="before 2004")
    act = services.act_add(actor=inv, event=event, act_type="ARBITRARY_ARREST", date="2003")
    link = services.act_link_source(actor=inv, act=act, source=source, mode="documentary", reliability="high")
    assert link.mode == "documentary"
    assert event.date_earliest.year == 1900 and event.date_latest.year == 2004
    actions = list(AuditEntry.objects.values_list("action", flat=True))
    assert actions[-3:] == ["event.create", "act.create", "act.link"]


def test_confidential_source_read_is_audited_and_outsider_gets_not_found(users):
    from inquiry.cases.selectors import source_get_for_user

    source = services.source_record(actor=users["partner"], kind="document", title="Partner row")
    source_get_for_user(users["analyst"], source.pk)
    assert AuditEntry.objects.filter(action="source.read", actor="analyst").exists()
    with pytest.raises(NotFound):
        source_get_for_user(users["outsider"], source.pk)
    with pytest.raises(NotFound):
        source_get_for_user(users["admin"], source.pk)


def test_period_filter_keeps_records_whose_uncertain_dates_overlap(users):
    from inquiry.cases.selectors import source_list_for_user

    inv = users["investigator"]
    services.source_record(actor=inv, kind="document", title="nineties", date="199X")
    services.source_record(actor=inv, kind="document", title="spring 1997", date="spring 1997")
    services.source_record(actor=inv, kind="document", title="2005", date="2005")
    titles = set(source_list_for_user(inv, period="1997").values_list("title", flat=True))
    assert titles == {"nineties", "spring 1997"}


def test_reading_an_event_that_quotes_a_confidential_source_is_audited(users):
    from inquiry.cases.selectors import event_get_for_user

    inv = users["investigator"]
    source = services.source_record(actor=inv, kind="document", title="Confidential document")
    event = services.event_create(actor=inv, title="Fictional arrest")
    act = services.act_add(actor=inv, event=event, act_type="ARBITRARY_ARREST")
    services.act_link_source(actor=inv, act=act, source=source, mode="documentary", passage="…")
    event_get_for_user(users["commissioner"], event.pk)
    entry = AuditEntry.objects.filter(action="event.read", actor="commissioner").get()
    assert source.code in entry.detail


@pytest.mark.parametrize("query", ["공개처형", "처형", "Public Execution", "E-000001"])
def test_event_filter_finds_titles_in_any_script_through_the_index(users, query):
    from inquiry.cases.selectors import event_list_for_user

    inv = users["investigator"]
    event = services.event_create(actor=inv, title="회령 공개처형 (public execution, fictional)")
    services.event_create(actor=inv, title="Unrelated fictional event")
    assert list(event_list_for_user(users["analyst"], q=query)) == [event]

"""Finding services: who may do what, what they refuse, and what they write to the audit log."""

from __future__ import annotations

import json

import pytest

from inquiry.audit.models import AuditEntry
from inquiry.errors import Conflict, InvalidInput, PermissionDenied
from inquiry.findings import services
from inquiry.findings.models import Finding

pytestmark = pytest.mark.django_db


def _last(action):
    entry = AuditEntry.objects.filter(action=action).order_by("-seq").first()
    return entry, json.loads(entry.detail) if entry and entry.detail else {}


@pytest.mark.parametrize("role", ["analyst", "investigator"])
def test_analysts_and_investigators_create_draft_findings_with_an_audit_entry(users, role):
    finding = services.finding_create(actor=users[role], title="Fictional finding", patterns=["CAMPS"],
                                      crimes=["7(1)(e)"], period="1990s")

    assert finding.code.startswith("F-") and finding.status == Finding.Status.DRAFT
    assert (finding.date_edtf, finding.date_earliest.year, finding.date_latest.year) == ("199X", 1990, 1999)
    entry, detail = _last("finding.create")
    assert entry.actor == role and detail["code"] == finding.code and detail["crimes"] == ["7(1)(e)"]


@pytest.mark.parametrize("role", ["commissioner", "protection", "partner", "public", "admin"])
def test_other_roles_cannot_create_findings(users, role):
    with pytest.raises(PermissionDenied):
        services.finding_create(actor=users[role], title="x", crimes=["7(1)(e)"])
    assert not Finding.objects.exists()


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"title": " ", "crimes": ["7(1)(e)"]}, "title"),
    ({"title": "x", "crimes": ["7(1)(z)"]}, "crimes"),
    ({"title": "x", "crimes": []}, "crimes"),
    ({"title": "x", "crimes": ["7(1)(e)"], "patterns": ["NOT_A_PATTERN"]}, "patterns"),
    ({"title": "x", "crimes": ["7(1)(e)"], "period": "sometime"}, "period"),
])
def test_bad_input_is_refused_naming_the_field(users, kwargs, field):
    with pytest.raises(InvalidInput) as err:
        services.finding_create(actor=users["analyst"], **kwargs)
    assert err.value.field == field


def test_collect_adds_matching_acts_inside_the_place_within_the_period_only(met_finding, case_file):
    acts = set(met_finding.acts.values_list("pk", flat=True))

    assert case_file["imprisonment"].pk in acts  # at a facility inside the chosen county
    assert case_file["outside"].pk not in acts  # 2015, outside 1990/2000
    assert case_file["hearsay"].pk not in acts  # another province
    _entry, detail = _last("finding.collect")
    assert detail["added"] == [case_file["imprisonment"].pk]


def test_collect_twice_adds_nothing_new(users, met_finding):
    assert services.finding_collect_acts(actor=users["analyst"], finding=met_finding) == 0


def test_acts_can_be_added_and_removed_by_hand(users, met_finding, case_file):
    services.finding_acts_set(actor=users["analyst"], finding=met_finding, add=[case_file["hearsay"]],
                              remove=[case_file["imprisonment"]])

    assert list(met_finding.acts.values_list("pk", flat=True)) == [case_file["hearsay"].pk]
    _entry, detail = _last("finding.acts")
    assert detail["added"] == [case_file["hearsay"].pk] and detail["removed"] == [case_file["imprisonment"].pk]


@pytest.mark.parametrize("role", ["analyst", "investigator", "protection", "admin", "partner"])
def test_only_a_commissioner_approves(users, met_finding, role):
    with pytest.raises(PermissionDenied):
        services.finding_approve(actor=users[role], finding=met_finding)
    met_finding.refresh_from_db()
    assert met_finding.status == Finding.Status.DRAFT


def test_commissioner_approval_records_what_was_seen(users, met_finding):
    from inquiry.findings.evaluate import evaluate_finding

    seen = evaluate_finding(met_finding).fingerprint()
    services.finding_approve(actor=users["commissioner"], finding=met_finding, seen_fingerprint=seen)

    met_finding.refresh_from_db()
    assert met_finding.status == Finding.Status.APPROVED and met_finding.approved_by == users["commissioner"]
    assert met_finding.approved_at is not None and met_finding.override_reason == ""
    entry, detail = _last("finding.approve")
    assert entry.actor == "commissioner" and entry.actor_role == "commissioner"
    assert detail["verdict"] == "met" and detail["fingerprint"] == seen and detail["override"] is False
    assert any(r["code"] == "standard_met" for r in detail["reasons"])
    assert detail["incidents"][0]["independent_origins"] == 2
    assert met_finding.approval["fingerprint"] == seen


def test_approval_below_the_standard_needs_a_written_reason(users, hearsay_finding):
    with pytest.raises(InvalidInput) as err:
        services.finding_approve(actor=users["commissioner"], finding=hearsay_finding)
    assert err.value.field == "override_reason"
    assert not AuditEntry.objects.filter(action="finding.approve").exists()

    services.finding_approve(actor=users["commissioner"], finding=hearsay_finding,
                             override_reason="Consistent with the commission's public hearing record.")

    hearsay_finding.refresh_from_db()
    assert hearsay_finding.status == Finding.Status.APPROVED
    _entry, detail = _last("finding.approve")
    assert detail["verdict"] == "not_met" and detail["override"] is True
    assert detail["override_reason"].startswith("Consistent")
    assert any(r["code"] == "no_credible_direct_source" for r in detail["incidents"][0]["reasons"])


def test_approval_is_refused_when_the_evidence_changed_since_it_was_seen(users, met_finding, case_file):
    from inquiry.cases import services as cases
    from inquiry.findings.evaluate import evaluate_finding

    seen = evaluate_finding(met_finding).fingerprint()
    cases.act_link_source(actor=users["investigator"], act=case_file["imprisonment"], source=case_file["s4"],
                          mode="hearsay")

    with pytest.raises(Conflict):
        services.finding_approve(actor=users["commissioner"], finding=met_finding, seen_fingerprint=seen)


def test_a_finding_without_acts_cannot_be_approved(users):
    finding = services.finding_create(actor=users["analyst"], title="Empty", crimes=["7(1)(e)"])
    with pytest.raises(InvalidInput):
        services.finding_approve(actor=users["commissioner"], finding=finding, override_reason="x")


def test_an_approved_finding_cannot_be_edited_and_only_a_commissioner_withdraws_it(users, met_finding):
    services.finding_approve(actor=users["commissioner"], finding=met_finding)
    with pytest.raises(Conflict):
        services.finding_update(actor=users["analyst"], finding=met_finding, title="Changed", crimes=["7(1)(e)"])
    with pytest.raises(PermissionDenied):
        services.finding_withdraw(actor=users["analyst"], finding=met_finding, reason="no")

    services.finding_withdraw(actor=users["commissioner"], finding=met_finding, reason="New information.")

    met_finding.refresh_from_db()
    assert met_finding.status == Finding.Status.WITHDRAWN
    _entry, detail = _last("finding.withdraw")
    assert detail == {"code": met_finding.code, "previous_status": "approved", "reason": "New information."}


def test_a_draft_is_updated_and_audited(users, met_finding, case_file):
    services.finding_update(actor=users["investigator"], finding=met_finding, title="Renamed", patterns=[],
                            crimes=["7(1)(e)", "7(1)(k)"], place=case_file["camp"], period="1995")

    met_finding.refresh_from_db()
    assert (met_finding.title, met_finding.crimes, met_finding.patterns) == ("Renamed", ["7(1)(e)", "7(1)(k)"], [])
    _entry, detail = _last("finding.update")
    assert detail["place"] == "TFX-KWANLISO-15" and detail["period"] == "1995"


def test_withdrawal_needs_a_reason(users, met_finding):
    with pytest.raises(InvalidInput):
        services.finding_withdraw(actor=users["analyst"], finding=met_finding, reason=" ")

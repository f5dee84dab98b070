"""A small fictional case file whose verdicts are known in advance.

* Act ``imprisonment`` (kwanliso 15, 1995): two independent direct witnesses (TFX001 interview,
  TFX002 public hearing) and a partner report retelling TFX001's interview: 3 sources, 2 origins,
  the standard is met.
* Act ``hearsay`` (a detention in another province, 1998): one hearsay account naming no
  informant: not met, for want of a credible first-hand source and of corroboration.
* Act ``outside`` (forced labour, kwanliso 15, 2015) lies outside the period 1990/2000.
"""

from __future__ import annotations

import pytest

from inquiry.cases import services as cases
from inquiry.people.models import Organisation
from inquiry.places.models import Place
from inquiry.vault.models import Witness


def _source(actor, kind, title, witness=None, reliability="high"):
    consent = {"internal_use": True} if kind in ("interview", "public_hearing") else None
    return cases.source_record(actor=actor, kind=kind, title=title, language="en", text="Fictional.",
                               consent=consent, witness=witness, reliability=reliability)


@pytest.fixture
def case_file(users):
    inv = users["investigator"]
    province = Place.objects.create(code="TFX-PROV", kind="province", name="Fictional province")
    county = Place.objects.create(code="TFX-COUNTY", kind="county", name="Fictional county", parent=province)
    camp = Place.objects.create(code="TFX-KWANLISO-15", kind="facility", name="Fictional camp 15", parent=county,
                                facility_type="kwanliso")
    elsewhere = Place.objects.create(code="TFX-OTHER", kind="province", name="Another fictional province")
    Organisation.objects.create(code="ORG-MSS")
    w1, w2, w3 = (Witness.objects.create(code=c) for c in ("TFX001", "TFX002", "TFX003"))
    s1 = _source(inv, "interview", "Fictional interview one", w1)
    s2 = _source(inv, "public_hearing", "Fictional hearing two", w2)
    s3 = _source(inv, "partner_submission", "Fictional partner report retelling interview one")
    s3.derived_from.add(s1)
    s4 = _source(inv, "interview", "Fictional interview three", w3, reliability="medium")

    camp_event = cases.event_create(actor=inv, title="Fictional imprisonment", date="1995", place=camp)
    org = Organisation.objects.get(code="ORG-MSS")
    imprisonment = cases.act_add(actor=inv, event=camp_event, act_type="POLITICAL_PRISON_CAMP_IMPRISONMENT",
                                 date="1995", place=camp, perpetrators=[(None, org, "direct")])
    cases.act_link_source(actor=inv, act=imprisonment, source=s1, mode="direct", reliability="high")
    cases.act_link_source(actor=inv, act=imprisonment, source=s2, mode="direct", reliability="high")
    cases.act_link_source(actor=inv, act=imprisonment, source=s3, mode="hearsay", reliability="medium")
    outside = cases.act_add(actor=inv, event=camp_event, act_type="FORCED_LABOUR", date="2015", place=camp)
    cases.act_link_source(actor=inv, act=outside, source=s2, mode="direct", reliability="high")

    other_event = cases.event_create(actor=inv, title="Fictional detention", date="1998", place=elsewhere)
    hearsay = cases.act_add(actor=inv, event=other_event, act_type="ARBITRARY_DETENTION", date="1998",
                            place=elsewhere)
    cases.act_link_source(actor=inv, act=hearsay, source=s4, mode="hearsay", reliability="medium")
    return {"province": province, "county": county, "camp": camp, "elsewhere": elsewhere,
            "s1": s1, "s2": s2, "s3": s3, "s4": s4, "imprisonment": imprisonment, "outside": outside,
            "hearsay": hearsay, "camp_event": camp_event, "other_event": other_event}


@pytest.fixture
def met_finding(users, case_file):
    from inquiry.findings import services

    finding = services.finding_create(actor=users["analyst"], title="Imprisonment in fictional camp 15",
                                      patterns=["CAMPS"], crimes=["7(1)(e)"], place=case_file["county"],
                                      period="1990/2000")
    services.finding_collect_acts(actor=users["analyst"], finding=finding)
    return finding


@pytest.fixture
def hearsay_finding(users, case_file):
    from inquiry.findings import services

    finding = services.finding_create(actor=users["investigator"], title="Detention on a single account",
                                      patterns=["ARB_DET"], crimes=["7(1)(e)"])
    services.finding_acts_set(actor=users["investigator"], finding=finding, add=[case_file["hearsay"]])
    return finding

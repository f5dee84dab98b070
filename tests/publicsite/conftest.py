"""A fictional case with a confidential interview (its witness identity in the vault), an act and
approved and draft findings over it: the material that must never reach the public site."""

from __future__ import annotations

import pytest

from inquiry.cases import services as cases
from inquiry.findings import services as findings
from inquiry.places.models import Place

SECRET_NAME = "가나다 허구증인"


@pytest.fixture
def case(users):
    inv, analyst = users["investigator"], users["analyst"]
    camp = Place.objects.create(code="TPS-KLS", kind="facility", name="Fictional camp", name_ko="허구 수용소",
                                facility_type="kwanliso")
    interview = cases.source_record(
        actor=inv, kind="interview", title="Confidential fictional interview", language="ko", date="1997",
        text="허구의 증언 (fictional testimony)", consent={"internal_use": True},
        witness_identity={"real_name": SECRET_NAME, "contacts": "+82-10-0000-0000"}, risk_level="high",
        relatives_inside=True)
    event = cases.event_create(actor=inv, title="Fictional arrest", date="1997", place=camp)
    act = cases.act_add(actor=inv, event=event, act_type="ARBITRARY_ARREST", date="1997", place=camp)
    cases.act_link_source(actor=inv, act=act, source=interview, mode="direct", passage="…")

    def draft(title="Fictional draft finding"):
        finding = findings.finding_create(actor=analyst, title=title, patterns=["ARB_DET"], crimes=["7(1)(e)"],
                                          place=camp, period="1997")
        findings.finding_acts_set(actor=analyst, finding=finding, add=[act])
        return finding

    def approved(title="Fictional approved finding"):
        return findings.finding_approve(actor=users["commissioner"], finding=draft(title),
                                        override_reason="Fictional finding approved for a test.")

    return {"secret_name": SECRET_NAME, "camp": camp, "interview": interview, "witness": interview.witness, "event": event, "act": act,
            "draft": draft, "approved": approved}

"""Records for the intake and coding pages: an interview recorded through the intake service."""

from __future__ import annotations


def extend(world: dict, users) -> None:
    from inquiry.cases import services

    source = services.interview_intake_open(
        actor=users["investigator"], consent={"internal_use": True, "anonymous_quotation": True},
        risk_level="severe", relatives_inside=True, identity={"real_name": "허구 증인 (fictional)"},
        title="Fictional intake interview", language="ko", date="2013", place=world["place"],
        interpreter="STAFF-07", interpreter_language="en")
    services.interview_record_update(
        actor=users["investigator"], source=source, sections={"arrest": "Fictional: taken at night in 1997."},
        account="Fictional account: I was held at Yodŏk in 1997.")
    world["intake_interview"] = source

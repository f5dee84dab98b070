"""A small fictional world for access tests: one of each record, some owned by a partner."""

from __future__ import annotations

import io

from inquiry.cases import services as cases
from inquiry.evidence.models import EvidenceFile
from inquiry.people import services as people
from inquiry.places.models import Place


def build_world(users) -> dict:
    inv, analyst, partner = users["investigator"], users["analyst"], users["partner"]
    place = Place.objects.create(code="TEST-KLS-15", kind="facility", name="Yodŏk", name_ko="요덕",
                                 facility_type="kwanliso")
    interview = cases.source_record(
        actor=inv, kind="interview", title="Fictional interview", language="ko", date="spring 1997",
        text="허구의 증언 (fictional testimony)", consent={"internal_use": True, "share_un": True},
        witness_identity={"real_name": "가나다 허구인물", "contacts": "+82-10-0000-0000"},
        risk_level="high", relatives_inside=True,
    )
    partner_source = cases.source_record(actor=partner, kind="partner_submission", title="Partner list row",
                                         language="en", text="Fictional partner report")
    cases.consent_record(actor=inv, source=partner_source, scopes={"internal_use": True})
    partner_person = people.person_create(actor=partner, names=["김허구", "Kim Hŏ-gu"], birth_date="1960")
    victim = people.person_create(actor=inv, names=["이가상"], birth_date="1955/1957")
    duplicate = people.person_create(actor=inv, names=["Ri Ka-sang"], birth_date="1956")
    people.person_merge(actor=analyst, survivor=victim, merged=duplicate)
    event = cases.event_create(actor=inv, title="Fictional arrest", date="1997", place=place)
    act = cases.act_add(actor=inv, event=event, act_type="ARBITRARY_ARREST", date="1997", place=place,
                        victims=[victim])
    cases.act_link_source(actor=inv, act=act, source=interview, mode="direct", passage="…")
    from inquiry.evidence.services import evidence_add

    evidence = evidence_add(actor=inv, fileobj=io.BytesIO(b"fictional scan"), filename="scan.txt",
                            media_type="text/plain", source=partner_source)
    from inquiry.people.models import Organisation

    org = Organisation.objects.create(code="TEST-MSS")
    world = {"place": place, "interview": interview, "partner_source": partner_source,
            "partner_person": partner_person, "victim": victim, "duplicate": duplicate, "event": event,
            "act": act, "witness": interview.witness, "evidence": evidence, "organisation": org,
            "evidence_model": EvidenceFile}
    _extend(world, users)
    return world


def _extend(world: dict, users) -> None:
    """Let each app add its records: ``tests/web/world_<app>.py`` defines ``extend(world, users)``."""
    import importlib
    import pkgutil

    import tests.web as package

    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name.startswith("world_"):
            importlib.import_module(f"tests.web.{info.name}").extend(world, users)

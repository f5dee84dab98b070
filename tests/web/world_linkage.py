from datetime import UTC, datetime


def extend(world: dict, users) -> None:
    from inquiry.people.models import LinkageRun, LinkCandidate

    run = LinkageRun.objects.create(started_at=datetime.now(UTC), actor="analyst", threshold=0.9)
    world["link_candidate"] = LinkCandidate.objects.create(
        run=run, person_a=world["victim"], person_b=world["partner_person"], probability=0.5,
        match_weight=0.0, explanation={"prior": -6.5, "names": {"level": "similar", "match_weight": 6.5}})

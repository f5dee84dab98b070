"""Findings for the access matrix: one draft finding over the world's act."""

from __future__ import annotations


def extend(world: dict, users) -> None:
    from inquiry.findings import services

    finding = services.finding_create(actor=users["analyst"], title="Fictional finding", patterns=["ARB_DET"],
                                      crimes=["7(1)(e)"], place=world["place"], period="1990/2000")
    services.finding_acts_set(actor=users["analyst"], finding=finding, add=[world["act"]])
    world["finding"] = finding

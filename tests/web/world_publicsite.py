"""Public-site records for the access matrix: a page, a question, an approved finding that is
not yet published, a publication and a statistics release (all fictional)."""

from __future__ import annotations


def extend(world: dict, users) -> None:
    from inquiry.findings import services as findings
    from inquiry.publicsite import services

    commissioner = users["commissioner"]
    world["public_page"] = services.page_create(
        actor=users["admin"], key="matrix-page", section="about", published=True,
        title_en="Fictional page", body_en="Fictional text.")
    world["public_faq"] = services.faq_create(
        actor=users["admin"], key="matrix-question", topic="work", published=True,
        question_en="A fictional question?", answer_en="A fictional answer.")

    def approved(title: str):
        finding = findings.finding_create(actor=users["analyst"], title=title, patterns=["ARB_DET"],
                                          crimes=["7(1)(e)"], place=world["place"], period="1997")
        findings.finding_acts_set(actor=users["analyst"], finding=finding, add=[world["act"]])
        return findings.finding_approve(actor=commissioner, finding=finding,
                                        override_reason="Fictional finding for the access matrix.")

    world["approved_finding"] = approved("Fictional approved finding")
    world["publication"] = services.published_finding_create(
        actor=commissioner, finding=approved("Fictional published finding"), slug="matrix-publication",
        title_en="A fictional published finding", summary_en="A fictional summary.")
    world["statistics_release"] = services.statistics_release_create(actor=commissioner,
                                                                     title_en="Fictional statistics")

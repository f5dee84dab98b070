"""Publishing: only approved findings and frozen statistics reach the public; nothing else is reachable."""

from __future__ import annotations

import pytest
from django.urls import reverse

from inquiry.audit.models import AuditEntry
from inquiry.cases import services as cases
from inquiry.errors import Conflict, InvalidInput, NotFound
from inquiry.findings import services as findings
from inquiry.publicsite import selectors, services
from inquiry.publicsite.models import PublishedFinding, StatisticsRelease

pytestmark = pytest.mark.django_db

PUBLIC_URLS = ["/about/", "/faq/", "/submit-information/", "/statistics/", "/published-findings/"]


def _publish(users, finding, slug="arbitrary-arrests-1997", **texts):
    texts = {"title_en": "Arbitrary arrests in a fictional camp", "summary_en": "A fictional public summary.",
             "title_ko": "허구 수용소에서의 자의적 체포", "summary_ko": "허구의 공개 요약.", **texts}
    return services.published_finding_create(actor=users["commissioner"], finding=finding, slug=slug, **texts)


def test_commissioner_publishes_an_approved_finding_through_the_workbench(client_for, users, case):
    finding = case["approved"]()
    client = client_for("commissioner")
    url = reverse("publicsite_finding_publish", kwargs={"pk": finding.pk})

    assert client.get(url).status_code == 200
    response = client.post(url, {"slug": "fictional-arrests", "title_en": "Fictional arrests",
                                 "summary_en": "On reasonable grounds to believe, **fictional** arrests occurred.",
                                 "title_ja": "架空の逮捕"})

    assert response.status_code == 302
    publication = PublishedFinding.objects.get(slug="fictional-arrests")
    assert (publication.finding, publication.pattern_codes, publication.crime_codes, publication.period) == \
        (finding, ["ARB_DET"], ["7(1)(e)"], "1997")
    html = client_for(None).get("/published-findings/fictional-arrests/", HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert "架空の逮捕" in html and "<strong>fictional</strong>" in html
    assert "恣意的拘禁" in html  # the pattern in the reader's language
    crime = "人道に対する罪としての拘禁その他の身体的な自由の著しいはく奪"
    english = "Crime against humanity of imprisonment or other severe deprivation of physical liberty"
    assert f'{crime} <span lang="en">({english})</span>' in html, "the crime in Japanese, the ICC's English beside"
    listing = client_for(None).get("/published-findings/").content.decode()
    assert "/published-findings/fictional-arrests/" in listing
    entry = AuditEntry.objects.filter(action="publicsite.finding.publish").get()
    assert entry.object_id == "fictional-arrests" and finding.code in entry.detail


def test_publish_form_shows_clear_errors(client_for, users, case):
    finding = case["approved"]()
    _publish(users, case["approved"]("Another approved finding"), slug="taken")
    url = reverse("publicsite_finding_publish", kwargs={"pk": finding.pk})

    response = client_for("commissioner").post(url, {"slug": "taken", "title_en": "T", "summary_en": "S"})
    assert response.status_code == 400
    assert "The address “taken” is already taken." in response.content.decode()

    response = client_for("commissioner").post(url, {"slug": "fine", "title_en": "T", "summary_en": "S"})
    assert response.status_code == 302


def test_only_approved_findings_can_be_published(users, case):
    draft = case["draft"]()
    with pytest.raises(Conflict):
        _publish(users, draft)
    withdrawn = findings.finding_withdraw(actor=users["commissioner"], finding=case["approved"](), reason="Test.")
    with pytest.raises(Conflict):
        _publish(users, withdrawn)
    assert not PublishedFinding.objects.exists()


def test_publish_page_of_a_draft_or_withdrawn_finding_is_404(client_for, users, case):
    draft = case["draft"]()
    withdrawn = findings.finding_withdraw(actor=users["commissioner"], finding=case["approved"](), reason="Test.")
    for finding in (draft, withdrawn):
        url = reverse("publicsite_finding_publish", kwargs={"pk": finding.pk})
        assert client_for("commissioner").get(url).status_code == 404
        assert client_for("commissioner").post(url, {"slug": "x", "title_en": "x", "summary_en": "x"}) \
            .status_code == 404


def test_a_finding_has_one_current_publication(users, case):
    finding = case["approved"]()
    _publish(users, finding, slug="first")
    with pytest.raises(Conflict):
        _publish(users, finding, slug="second")


def test_guessing_addresses_of_unpublished_things_gives_404(client, users, case):
    draft, approved = case["draft"](), case["approved"]()
    published = _publish(users, case["approved"]("Published one"), slug="published-one")
    withdrawn = _publish(users, case["approved"]("Withdrawn one"), slug="withdrawn-one")
    services.published_finding_withdraw(actor=users["commissioner"], publication=withdrawn, reason="Test.")
    guesses = [draft.code, draft.code.lower(), str(draft.pk), approved.code.lower(), str(approved.pk),
               "withdrawn-one", "fictional-draft-finding", case["interview"].code.lower(),
               case["event"].code.lower(), str(case["act"].pk)]

    for guess in guesses:
        response = client.get(f"/published-findings/{guess}/")
        assert response.status_code == 404, guess
        assert "Fictional draft finding" not in response.content.decode()
    assert client.get(f"/published-findings/{published.slug}/").status_code == 200
    listing = client.get("/published-findings/").content.decode()
    assert "withdrawn-one" not in listing and "published-one" in listing


def test_withdrawing_a_publication_is_audited_and_takes_it_off_the_site(client_for, users, case):
    publication = _publish(users, case["approved"]())
    url = reverse("publicsite_publication_withdraw", kwargs={"pk": publication.slug})

    response = client_for("commissioner").post(url, {"reason": ""})
    assert response.status_code == 400
    assert client_for(None).get(f"/published-findings/{publication.slug}/").status_code == 200

    response = client_for("commissioner").post(url, {"reason": "Superseded by the final report."})
    assert response.status_code == 302
    assert client_for(None).get(f"/published-findings/{publication.slug}/").status_code == 404
    entry = AuditEntry.objects.filter(action="publicsite.finding.withdraw").get()
    assert "Superseded by the final report." in entry.detail
    with pytest.raises(Conflict):
        services.published_finding_withdraw(actor=users["commissioner"], publication=publication, reason="Again.")


def test_a_publication_disappears_when_its_finding_is_withdrawn(client, users, case):
    finding = case["approved"]()
    publication = _publish(users, finding)
    findings.finding_withdraw(actor=users["commissioner"], finding=finding, reason="New evidence.")

    assert client.get(f"/published-findings/{publication.slug}/").status_code == 404
    assert publication.slug not in client.get("/published-findings/").content.decode()


def test_public_text_quoting_a_record_or_witness_code_is_refused(users, case):
    finding = case["approved"]()
    for code in (case["witness"].code, case["interview"].code, case["event"].code):
        with pytest.raises(InvalidInput) as refused:
            _publish(users, finding, summary_ko=f"증인 {code}의 증언에 따르면")
        assert refused.value.field == "summary_ko" and refused.value.params["value"] == code
    with pytest.raises(InvalidInput):
        services.faq_create(actor=users["admin"], key="leak", topic="work", question_en="Q?",
                            answer_en=f"As {case['witness'].code} said.")


def test_published_pages_never_show_confidential_codes_or_identities(client, users, case):
    _publish(users, case["approved"](), title_ja="架空の認定")
    services.statistics_release_create(actor=users["commissioner"], title_en="Fictional release")
    services.publicsite_seed()
    secrets = [case["witness"].code, case["interview"].code, case["event"].code, case["secret_name"],
               "Confidential fictional interview", "허구의 증언", "+82-10-0000-0000", "Fictional draft finding"]
    case["draft"]()

    for url in PUBLIC_URLS + ["/published-findings/arbitrary-arrests-1997/"]:
        for lang in ("en", "ko", "ja"):
            response = client.get(url, HTTP_ACCEPT_LANGUAGE=lang)
            assert response.status_code == 200, url
            html = response.content.decode()
            for secret in secrets:
                assert secret not in html, (url, lang, secret)


def test_statistics_are_frozen_when_published_and_withdrawable(client, users, case):
    release = services.statistics_release_create(actor=users["commissioner"], title_en="Counts at publication",
                                                 title_ko="공개 시점의 집계", note_en="An estimate: unknown.")
    by_pattern = {row["code"]: row["acts"] for row in release.data["by_pattern"]}
    assert release.data["acts"] == 1 and release.data["events"] == 1 and by_pattern["ARB_DET"] == 1
    assert len(by_pattern) == 9

    cases.act_add(actor=users["investigator"], event=case["event"], act_type="ARBITRARY_ARREST", date="1998")
    html = client.get("/statistics/", HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    assert "공개 시점의 집계" in html
    assert "<td>자의적 구금</td><td class=\"num\">1</td>" in html  # not 2: frozen
    assert StatisticsRelease.objects.get().data["acts"] == 1

    services.statistics_release_withdraw(actor=users["commissioner"], release=release, reason="Corrected.")
    assert "공개 시점의 집계" not in client.get("/statistics/", HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    assert AuditEntry.objects.filter(action__in=["publicsite.statistics.publish",
                                                 "publicsite.statistics.withdraw"]).count() == 2


def test_staff_edits_are_audited_and_forms_show_clear_errors(client_for, users):
    client = client_for("admin")
    response = client.post(reverse("publicsite_faq_create"), {"key": "new-q", "topic": "work", "order": 5,
                                                              "question_en": "", "answer_en": "An answer."})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()

    response = client.post(reverse("publicsite_faq_create"), {"key": "new-q", "topic": "work", "order": 5,
                                                              "published": "on", "question_en": "A new question?",
                                                              "answer_en": "An answer.", "question_ko": "새 질문?"})
    assert response.status_code == 302
    entry = selectors.faq_list_for_user(users["admin"]).get(key="new-q")
    response = client.post(reverse("publicsite_faq_edit", kwargs={"pk": entry.pk}),
                           {"key": "new-q", "topic": "protection", "order": 5, "question_en": "A new question?",
                            "answer_en": "A better answer."})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.topic, entry.published, entry.updated_by) == ("protection", False, users["admin"])
    update = AuditEntry.objects.filter(action="publicsite.faq.update").get()
    assert "answer_en" in update.detail and "published" in update.detail and update.actor == "admin"
    assert AuditEntry.objects.filter(action="publicsite.faq.create", object_id=str(entry.pk)).exists()

    response = client.post(reverse("publicsite_page_create"), {"key": "Bad Key!", "section": "about", "order": 1,
                                                               "title_en": "T", "body_en": "B"})
    assert response.status_code == 400


def test_administrator_edits_content_but_cannot_publish(users, case):
    finding = case["approved"]()
    with pytest.raises(NotFound):
        selectors.finding_for_publishing_for_user(users["admin"], finding.pk)
    from inquiry.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        _publish(users | {"commissioner": users["admin"]}, finding)
    with pytest.raises(PermissionDenied):
        services.page_create(actor=users["analyst"], key="x", section="about", title_en="x", body_en="x")


def test_workbench_dashboard_shows_publishing_only_to_commissioners(client_for, users, case):
    case["approved"]()
    commissioner = client_for("commissioner").get(reverse("publicsite_manage")).content.decode()
    admin = client_for("admin").get(reverse("publicsite_manage")).content.decode()

    assert "Fictional approved finding" in commissioner
    assert reverse("publicsite_statistics_publish") in commissioner
    assert "Fictional approved finding" not in admin
    assert reverse("publicsite_statistics_publish") not in admin
    assert reverse("publicsite_faq_create") in admin


def test_witness_codes_of_any_scheme_are_refused_in_public_text(users, case):
    from inquiry.vault.models import Witness

    Witness.objects.create(code="TSH024")
    with pytest.raises(InvalidInput) as refused:
        _publish(users, case["approved"](), summary_ja="証人TSH024によれば")
    assert refused.value.params["value"] == "TSH024"

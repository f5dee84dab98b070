"""Findings pages: the elements matrix with its marks and gaps, approval, lists and pattern summaries."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils.html import escape

from inquiry.audit.models import AuditEntry
from inquiry.findings.evaluate import evaluate_finding, profile
from inquiry.findings.models import Finding

pytestmark = pytest.mark.django_db


def test_detail_shows_the_matrix_with_marks_gaps_corroboration_and_verdict(client_for, met_finding, case_file):
    response = client_for("analyst").get(reverse("findings_detail", kwargs={"pk": met_finding.pk}))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="matrix"' in html
    for source in ("s1", "s2", "s3"):
        assert case_file[source].code in html
    assert "TFX001" in html and "TFX002" in html
    assert html.count('title="direct witness">●') >= 2 and 'title="hearsay">◐' in html
    assert 'class="gap none"' in html  # element 3 of 7(1)(e) has no evidence behind it
    assert "Corroboration: 2 independent origins among 3 sources." in html
    assert "The standard of proof (reasonable grounds to believe) is met." in html
    element_text = profile().framework.element("7(1)(e):1").full_text
    assert escape(element_text) in html


def test_detail_of_a_single_hearsay_account_gives_the_reason(client_for, hearsay_finding):
    html = client_for("protection").get(reverse("findings_detail", kwargs={"pk": hearsay_finding.pk})) \
        .content.decode()

    assert "is not met." in html
    assert "No credible source gives first-hand information." in html


@pytest.mark.parametrize("role", ["analyst", "investigator", "protection"])
def test_approve_button_is_absent_for_roles_that_cannot_approve(client_for, met_finding, role):
    html = client_for(role).get(reverse("findings_detail", kwargs={"pk": met_finding.pk})).content.decode()

    assert reverse("findings_approve", kwargs={"pk": met_finding.pk}) not in html


def test_commissioner_sees_the_approve_form_and_approval_is_audited(client_for, met_finding):
    client = client_for("commissioner")
    url = reverse("findings_detail", kwargs={"pk": met_finding.pk})
    html = client.get(url).content.decode()
    fingerprint = evaluate_finding(met_finding).fingerprint()
    assert reverse("findings_approve", kwargs={"pk": met_finding.pk}) in html and fingerprint in html

    response = client.post(reverse("findings_approve", kwargs={"pk": met_finding.pk}), {"fingerprint": fingerprint})

    assert response.status_code == 302
    met_finding.refresh_from_db()
    assert met_finding.status == Finding.Status.APPROVED
    assert AuditEntry.objects.filter(action="finding.approve", actor="commissioner").count() == 1
    html = client.get(url).content.decode()
    assert "What the commissioner saw when approving" in html
    assert reverse("findings_approve", kwargs={"pk": met_finding.pk}) not in html


def test_approving_below_the_standard_without_a_reason_shows_the_error(client_for, hearsay_finding):
    response = client_for("commissioner").post(reverse("findings_approve", kwargs={"pk": hearsay_finding.pk}), {})

    assert response.status_code == 400
    assert "To approve anyway, write down why." in response.content.decode()
    hearsay_finding.refresh_from_db()
    assert hearsay_finding.status == Finding.Status.DRAFT


def test_analyst_creates_a_finding_through_the_form_and_collects_acts(client_for, case_file):
    client = client_for("analyst")
    response = client.post(reverse("findings_create"), {
        "title": "Imprisonment in camp 15", "patterns": ["CAMPS"], "crimes": ["7(1)(e)"],
        "place": "TFX-KWANLISO-15", "period": "1990/2000"})
    assert response.status_code == 302
    finding = Finding.objects.get(title="Imprisonment in camp 15")

    client.post(reverse("findings_collect", kwargs={"pk": finding.pk}))

    assert list(finding.acts.values_list("pk", flat=True)) == [case_file["imprisonment"].pk]


def test_acts_are_added_by_event_code_and_unknown_codes_are_reported(client_for, hearsay_finding, case_file):
    client = client_for("investigator")
    url = reverse("findings_acts", kwargs={"pk": hearsay_finding.pk})

    bad = client.post(url, {"add": "E-999999"})
    assert bad.status_code == 400 and "No act or event is called “E-999999”." in bad.content.decode()

    client.post(url, {"add": case_file["camp_event"].code})
    assert set(hearsay_finding.acts.values_list("pk", flat=True)) == {
        case_file["hearsay"].pk, case_file["imprisonment"].pk, case_file["outside"].pk}


def test_list_filters_by_status_pattern_and_crime(client_for, met_finding, hearsay_finding):
    client = client_for("commissioner")
    url = reverse("findings_list")

    by_pattern = client.get(url, {"pattern": "CAMPS"}).content.decode()
    assert met_finding.code in by_pattern and hearsay_finding.code not in by_pattern
    by_crime = client.get(url, {"crime": "7(1)(k)"}).content.decode()
    assert met_finding.code not in by_crime
    drafts = client.get(url, {"status": "draft"}).content.decode()
    assert met_finding.code in drafts and hearsay_finding.code in drafts
    assert met_finding.code not in client.get(url, {"status": "approved"}).content.decode()


def test_pattern_summary_counts_acts_and_independent_sources(users, case_file):
    from inquiry.findings.selectors import pattern_summary_for_user

    summary = pattern_summary_for_user(users["analyst"])

    camps = next(r for r in summary.by_pattern if r.key == "CAMPS")
    # imprisonment (s1, s2, s3) and forced labour (s2): 4 sources tracing back to 2 origins
    assert (camps.acts, camps.sources, camps.independent) == (2, 3, 2)
    arb = next(r for r in summary.by_pattern if r.key == "ARB_DET")
    assert (arb.acts, arb.sources, arb.independent) == (3, 4, 3)
    assert not arb.verdict.met  # one incident meets the standard; the pattern needs three
    years = {r.key: (r.acts, r.independent) for r in summary.by_year}
    assert years == {"1995": (1, 2), "1998": (1, 1), "2015": (1, 1)}
    (camp,) = summary.by_facility
    assert (camp.key, camp.acts, camp.sources, camp.independent) == ("TFX-KWANLISO-15", 2, 3, 2)
    types = {r.key: r.acts for r in summary.by_act_type}
    assert types == {"POLITICAL_PRISON_CAMP_IMPRISONMENT": 1, "FORCED_LABOUR": 1, "ARBITRARY_DETENTION": 1}


def test_pattern_summary_needs_the_same_number_of_queries_for_more_data(users, case_file,
                                                                        django_assert_max_num_queries):
    from inquiry.cases import services as cases
    from inquiry.findings.selectors import pattern_summary_for_user

    with django_assert_max_num_queries(8):
        pattern_summary_for_user(users["analyst"])
    inv = users["investigator"]
    for year in range(1980, 1990):
        event = cases.event_create(actor=inv, title=f"Fictional {year}", date=str(year), place=case_file["camp"])
        act = cases.act_add(actor=inv, event=event, act_type="BEATING", date=str(year), place=case_file["camp"])
        cases.act_link_source(actor=inv, act=act, source=case_file["s1"], mode="direct")
    with django_assert_max_num_queries(8):
        summary = pattern_summary_for_user(users["analyst"])
    assert summary.total_acts == 13


def test_pattern_summary_page_renders_the_four_tables(client_for, case_file):
    html = client_for("investigator").get(reverse("findings_patterns")).content.decode()

    assert html.count("<table>") == 4
    assert "Fictional camp 15" in html


@pytest.mark.parametrize("lang", ["ko", "ja"])
def test_detail_and_summary_render_in_korean_and_japanese(client_for, met_finding, lang):
    client = client_for("analyst")
    client.cookies["django_language"] = lang
    detail = client.get(reverse("findings_detail", kwargs={"pk": met_finding.pk}), HTTP_ACCEPT_LANGUAGE=lang)
    summary = client.get(reverse("findings_patterns"), HTTP_ACCEPT_LANGUAGE=lang)

    assert detail.status_code == 200 and summary.status_code == 200
    assert profile().patterns["CAMPS"].label[lang] in detail.content.decode()
    assert f'lang="{lang}"' in summary.content.decode()

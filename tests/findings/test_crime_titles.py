"""Crime titles in Korean and Japanese, with the ICC's English title beside them as the authority."""

from __future__ import annotations

import html as html_lib

import pytest
from django.urls import reverse
from django.utils import translation

from inquiry.findings.crime_titles import CRIME_TITLES, crime_title
from inquiry.findings.evaluate import profile

NOTE = {"ko": "영문본이 기준이 됩니다", "ja": "英語版が基準となります"}
CRIMES_AGAINST_HUMANITY = {"ko": "반인도범죄", "ja": "人道に対する罪"}  # the glossary's terms


def test_every_article_7_crime_has_a_title_equal_to_the_icc_english_title():
    framework = profile().framework
    assert set(CRIME_TITLES) == set(framework.crime_codes)
    with translation.override("en"):
        drifted = {code: str(title) for code, title in CRIME_TITLES.items()
                   if str(title) != framework.crime(code).title}
    assert drifted == {}


@pytest.mark.parametrize("lang", ["ko", "ja"])
def test_every_crime_title_is_translated_with_the_glossary_term(lang):
    with translation.override(lang):
        titles = {code: crime_title(code, "") for code in CRIME_TITLES}
    assert all(CRIMES_AGAINST_HUMANITY[lang] in title for title in titles.values()), titles
    assert len(set(titles.values())) == len(titles), "one title for one crime"


def test_a_crime_the_table_does_not_know_keeps_its_english_title():
    with translation.override("ko"):
        assert crime_title("7(1)(z)", "Crime against humanity of something new") == \
            "Crime against humanity of something new"


@pytest.mark.parametrize("lang", ["ko", "ja"])
def test_finding_page_shows_the_translated_title_the_english_title_and_the_note(client_for, met_finding, lang):
    client = client_for("analyst")
    client.cookies["django_language"] = lang
    page = html_lib.unescape(client.get(reverse("findings_detail", kwargs={"pk": met_finding.pk}),
                                        HTTP_ACCEPT_LANGUAGE=lang).content.decode())
    english = profile().framework.crime("7(1)(e)").title
    with translation.override(lang):
        translated = crime_title("7(1)(e)", english)
    assert translated in page
    assert f'<span lang="en" class="small">({english})</span>' in page
    assert NOTE[lang] in page


def test_english_finding_page_shows_the_title_once_and_no_note(client_for, met_finding):
    client = client_for("analyst")
    client.cookies["django_language"] = "en"
    page = html_lib.unescape(client.get(reverse("findings_detail", kwargs={"pk": met_finding.pk}),
                                        HTTP_ACCEPT_LANGUAGE="en").content.decode())
    english = profile().framework.crime("7(1)(e)").title
    assert f"({english})" not in page and english in page
    assert "which is the authority" not in page


def test_crime_choices_follow_the_language(client_for):
    client = client_for("analyst")
    client.cookies["django_language"] = "ja"
    page = client.get(reverse("findings_list"), HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert "7(1)(a) 人道に対する罪としての殺人" in page

"""The public pages: three languages from the browser or a prefix, fallback to English, safe text."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.urls import reverse

from inquiry.publicsite import services
from inquiry.publicsite.markup import render_markdown
from inquiry.publicsite.models import FaqEntry, Page
from inquiry.publicsite.seed import FAQ, PAGES

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    services.publicsite_seed()


def _get(client, url, lang):
    return client.get(url, HTTP_ACCEPT_LANGUAGE=lang)


@pytest.mark.parametrize("lang,question", [
    ("en", "Who can give information to the commission?"),
    ("ko", "누가 위원회에 정보를 제공할 수 있습니까?"),
    ("ja", "誰が委員会に情報を提供できますか。"),
])
def test_faq_follows_the_browser_language(client, seeded, lang, question):
    response = _get(client, "/faq/", lang)

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert question in html
    assert "Accept-Language" in response["Vary"]
    if lang != "en":
        assert "Who can give information to the commission?" not in html


@pytest.mark.parametrize("lang", ["en", "ko", "ja"])
def test_language_prefix_redirects_to_the_unprefixed_page_and_remembers_the_language(client, seeded, lang):
    response = client.get(f"/{lang}/faq/")

    assert response.status_code == 302
    assert response["Location"] == "/faq/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == lang
    follow = client.get("/faq/", HTTP_ACCEPT_LANGUAGE="en" if lang != "en" else "ko")
    assert f'<html lang="{lang}">' in follow.content.decode()


@pytest.mark.parametrize("path,target", [
    ("/ko/", "/about/"), ("/ja/about/", "/about/"), ("/ko/submit-information/", "/submit-information/"),
    ("/ja/statistics/", "/statistics/"), ("/en/published-findings/", "/published-findings/"),
    ("/ko/published-findings/some-slug/", "/published-findings/some-slug/"), ("/ko/faq", "/faq/"),
])
def test_every_public_page_has_language_prefixed_addresses(client, path, target):
    response = client.get(path)
    assert (response.status_code, response["Location"]) == (302, target)


@pytest.mark.parametrize("path", ["/ko/sources/", "/ja/public-site/", "/en/audit/", "/ko/findings/1/"])
def test_language_prefix_does_not_open_workbench_pages(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_public_pages_carry_their_own_navigation_not_the_workbench(client, seeded):
    html = client.get("/about/").content.decode()

    for name in ("public_about", "public_faq", "public_submit", "public_statistics", "public_findings"):
        assert f'href="{reverse(name)}"' in html
    for workbench in ("source_list", "person_list", "event_list", "audit_log", "search"):
        assert f'href="{reverse(workbench)}"' not in html
        assert f'action="{reverse(workbench)}"' not in html


def test_about_lists_the_nine_patterns_of_the_profile_in_the_reader_language(client, seeded):
    html = _get(client, "/about/", "ja").content.decode()

    assert "マンデート（任務）" in html
    assert html.count("<li><strong") == 9
    for label in ("食料に対する権利の侵害", "拷問及び非人道的な取扱い", "他国民の拉致を含む強制失踪"):
        assert label in html


def test_submission_guidance_is_shown_in_korean(client, seeded):
    html = _get(client, "/submit-information/", "ko").content.decode()
    assert "위원회에 연락하기 전에" in html
    assert "북한 내에 있는 가족이나 다른 사람의 이름을 밝히지 말고" in html


def test_a_missing_translation_shows_the_english_marked_as_english(client, users):
    services.faq_create(actor=users["admin"], key="only-english", topic="work", published=True,
                        question_en="Is this question only in English?", answer_en="Yes, for now.",
                        question_ja="この質問は日本語にもありますか。")

    html = _get(client, "/faq/", "ja").content.decode()

    assert "この質問は日本語にもありますか。" in html
    assert re.search(r'<div class="prose" lang="en">\s*<p>Yes, for now.</p>', html)
    assert '<h3 lang="en">Is this question only in English?</h3>' not in html  # the question is translated
    ko = _get(client, "/faq/", "ko").content.decode()
    assert '<h3 lang="en">Is this question only in English?</h3>' in ko


def test_unpublished_pages_and_questions_are_not_shown(client, users):
    services.page_create(actor=users["admin"], key="draft-guidance", section="submit",
                         title_en="Draft guidance not yet approved", body_en="Draft body.")
    services.faq_create(actor=users["admin"], key="draft-question", topic="work",
                        question_en="A draft question nobody should see?", answer_en="Draft.")

    for url in ("/about/", "/faq/", "/submit-information/"):
        html = client.get(url).content.decode()
        assert "Draft guidance not yet approved" not in html
        assert "A draft question nobody should see?" not in html


def test_html_typed_by_an_editor_is_shown_as_text_never_run(client, users):
    services.page_create(actor=users["commissioner"], key="escaped", section="about", published=True,
                         title_en="<script>alert(1)</script>Title",
                         body_en='<img src=x onerror=alert(1)> and [a link](javascript:alert(1)) and **bold**')

    html = client.get("/about/").content.decode()

    assert "<script>alert(1)</script>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;Title" in html
    assert 'href="javascript:' not in html
    assert "<strong>bold</strong>" in html


def test_minimal_markdown_renders_paragraphs_lists_and_safe_links():
    html = render_markdown("First line\nsame paragraph.\n\n- one\n- two **strong**\n\n1. first\n2. second\n\n"
                           "### Heading\n[site](https://example.org/a?b=1&c=2) [page](/faq/) [bad](data:text/html,x)")

    assert html.startswith("<p>First line<br>same paragraph.</p>")
    assert "<ul><li>one</li><li>two <strong>strong</strong></li></ul>" in html
    assert "<ol><li>first</li><li>second</li></ol>" in html
    assert "<h3>Heading</h3>" in html
    assert '<a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer">site</a>' in html
    assert '<a href="/faq/">page</a>' in html
    assert "[bad](data:text/html,x)" in html


def test_seed_is_idempotent_and_never_overwrites_an_edit(users):
    services.publicsite_seed()
    about = Page.objects.get(key="about")
    services.page_update(actor=users["admin"], page=about, key="about", section="about", order=5, published=True,
                         lists_patterns=False, title_en="About us (edited)", body_en="Edited.")

    counts = services.publicsite_seed()

    assert counts == {"pages": 0, "questions": 0}
    assert Page.objects.get(key="about").title_en == "About us (edited)"
    assert Page.objects.count() >= len(PAGES) and FaqEntry.objects.count() >= len(FAQ)


def test_initial_content_is_written_in_all_three_languages():
    for entry in PAGES:
        assert all(entry[f"{field}_{lang}"].strip() for field in ("title", "body") for lang in ("en", "ko", "ja"))
    for entry in FAQ:
        assert all(entry[f"{field}_{lang}"].strip() for field in ("question", "answer")
                   for lang in ("en", "ko", "ja"))
    topics = {entry["topic"] for entry in FAQ}
    assert topics == set(FaqEntry.Topic.values)
    for entry in PAGES + FAQ:
        # The Korean and Japanese text is not English text left untranslated.
        assert re.search(r"[\uac00-\ud7a3]", entry.get("body_ko", "") + entry.get("answer_ko", ""))
        assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", entry.get("body_ja", "") + entry.get("answer_ja", ""))


def test_the_data_migration_seeded_the_database():
    # pytest-django runs transactional tests (whose flush empties the tables) after these ones.
    assert services.publicsite_seed() == {"pages": 0, "questions": 0}
    assert Page.objects.filter(key="mandate", published=True).exists()

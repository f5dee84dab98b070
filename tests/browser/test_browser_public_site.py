"""The public site in a real browser: the FAQ in three languages, and nothing unpublished."""

from __future__ import annotations

import pytest

from tests.browser.conftest import screenshot
from tests.web.world import build_world

HEADINGS = {"en": "Frequently asked questions", "ko": "자주 묻는 질문", "ja": "よくある質問"}


@pytest.mark.parametrize("lang", ["en", "ko", "ja"])
def test_public_faq_follows_the_browser_language(browse, lang):
    from inquiry.publicsite.models import FaqEntry
    from inquiry.publicsite.services import publicsite_seed

    publicsite_seed()  # live-server tests flush the database, initial content included
    visitor = browse(None, lang)
    response = visitor.goto(f"{browse.url}/faq/")
    assert response.status == 200
    assert visitor.locator("html").get_attribute("lang") == lang
    assert visitor.get_by_role("heading", level=1).inner_text().strip() == HEADINGS[lang]
    published = FaqEntry.objects.filter(published=True).order_by("order")
    assert published.count() >= 5
    body = visitor.locator("main").inner_text()
    for entry in published:
        question = getattr(entry, f"question_{lang}") or entry.question_en
        assert question.strip() in body, question
    screenshot(visitor, f"public-faq-{lang}")


def test_language_prefixed_faq_redirects_to_the_faq_in_that_language(browse):
    from inquiry.publicsite.services import publicsite_seed

    publicsite_seed()
    visitor = browse(None, "en")
    visitor.goto(f"{browse.url}/ja/faq/")
    assert visitor.url.rstrip("/").endswith("/faq")
    assert visitor.get_by_role("heading", level=1).inner_text().strip() == HEADINGS["ja"]


def test_public_site_shows_published_findings_and_nothing_unpublished(browse, users):
    from inquiry.publicsite.services import publicsite_seed

    publicsite_seed()
    world = build_world(users)  # includes an approved-but-unpublished finding and a publication
    visitor = browse(None, "en")
    seen = []
    for path in ("/about/", "/faq/", "/submit-information/", "/statistics/", "/published-findings/",
                 f"/published-findings/{world['publication'].pk}/"):
        response = visitor.goto(f"{browse.url}{path}")
        assert response.status == 200, path
        seen.append(visitor.content())
    screenshot(visitor, "public-published-finding")
    everything = "\n".join(seen)
    assert "A fictional published finding" in everything
    for secret in ("Fictional approved finding", "Fictional interview", "가나다 허구인물", world["witness"].code,
                   world["interview"].code, "0000-0000"):
        assert secret not in everything, secret
    # Guessing addresses of what was never published finds nothing.
    for guess in (f"/published-findings/{world['approved_finding'].pk}/", f"/sources/{world['interview'].pk}/",
                  f"/witnesses/{world['witness'].pk}/", f"/findings/{world['approved_finding'].pk}/"):
        response = visitor.goto(f"{browse.url}{guess}")
        # The browser follows redirects: a guess ends on "not found" or on the staff sign-in page.
        assert response.status == 404 or "/login/" in visitor.url, guess
        assert "Fictional approved finding" not in visitor.content(), guess

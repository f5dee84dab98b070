"""The Korean and Japanese interfaces show no English interface text.

Every text node and every user-facing attribute of each page is compared with the English
source strings of the catalogue: a string that the catalogue translates but that the page
shows in English was rendered without translation (a missing ``{% translate %}``, a lazy
string evaluated too early, or a missing catalogue entry).
"""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from tests.browser.conftest import screenshot
from tests.web.world import build_world

LOCALE = Path(__file__).resolve().parents[2] / "src" / "inquiry" / "locale"

COLLECT = """() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const n = walker.currentNode;
    const tag = n.parentElement && n.parentElement.tagName;
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT') continue;
    // Text marked as another language on purpose (the language switcher, an English fallback).
    const marked = n.parentElement.closest('[lang]');
    if (marked && marked.getAttribute('lang') !== document.documentElement.lang) continue;
    const t = n.textContent.trim();
    if (t) out.push(t);
  }
  for (const el of document.querySelectorAll('[placeholder],[title],[aria-label],[alt],input[type=submit],input[type=button]')) {
    for (const a of ['placeholder', 'title', 'aria-label', 'alt', 'value']) {
      const v = el.getAttribute(a);
      if (v && (a !== 'value' || el.type === 'submit' || el.type === 'button')) out.push(v.trim());
    }
  }
  out.push(document.title.split('·').map(s => s.trim()).join('\\n'));
  return out;
}"""


def _english_strings(lang: str) -> set[str]:
    """Interface strings whose translation differs from the English (so English on screen is a miss)."""
    catalogue = polib.pofile(str(LOCALE / lang / "LC_MESSAGES" / "django.po"))
    return {e.msgid for e in catalogue if e.msgstr and e.msgstr != e.msgid and not e.obsolete
            and any(c.isalpha() for c in e.msgid) and "%(" not in e.msgid and "{" not in e.msgid}


def _pages(world) -> list[tuple[str, str]]:
    return [
        ("commissioner", "/"),
        ("investigator", "/sources/"),
        ("investigator", f"/sources/{world['interview'].pk}/"),
        ("investigator", "/sources/new/"),
        ("investigator", f"/sources/{world['interview'].pk}/consent/"),
        ("investigator", "/persons/"),
        ("investigator", f"/persons/{world['victim'].pk}/"),
        ("investigator", "/persons/new/"),
        ("investigator", "/events/"),
        ("investigator", f"/events/{world['event'].pk}/"),
        ("investigator", f"/events/{world['event'].pk}/acts/new/"),
        ("investigator", "/places/"),
        ("investigator", f"/places/{world['place'].pk}/"),
        ("investigator", "/search/?q=Yodok"),
        ("analyst", "/search/?act_type=ARBITRARY_ARREST&period=1990s"),
        ("analyst", "/search/saved/"),
        ("investigator", "/intake/"),
        ("investigator", f"/sources/{world['interview'].pk}/code/"),
        ("analyst", "/map/"),
        ("analyst", "/timeline/"),
        ("analyst", "/dashboards/"),
        ("commissioner", "/public-site/"),
        (None, "/about/"),
        (None, "/faq/"),
        (None, "/submit-information/"),
        (None, "/statistics/"),
        (None, "/published-findings/"),
        ("analyst", "/linkage/"),
        ("analyst", "/findings/"),
        ("protection", "/witnesses/"),
        ("protection", f"/witnesses/{world['witness'].pk}/"),
        ("commissioner", "/audit/"),
        ("analyst", "/exports/sources/"),
        (None, "/login/"),
    ]


@pytest.mark.parametrize("lang", ["ko", "ja"])
def test_korean_and_japanese_pages_show_no_untranslated_interface_text(browse, users, lang):
    from inquiry.places.services import reference_data_load
    from inquiry.publicsite.services import publicsite_seed

    reference_data_load(actor="system")  # live-server tests flush reference data between tests
    publicsite_seed()
    world = build_world(users)
    english = _english_strings(lang)
    assert len(english) > 300  # the catalogue really was read
    misses: dict[str, list[str]] = {}
    pages = {}
    for role, path in _pages(world):
        page = pages.get(role) or pages.setdefault(role, browse(role, lang))
        response = page.goto(f"{browse.url}{path}")
        assert response.status == 200, f"{path} as {role}: HTTP {response.status}"
        assert page.locator("html").get_attribute("lang") == lang
        shown = set()
        for text in page.evaluate(COLLECT):
            shown.update(line.strip() for line in text.splitlines())
        found = sorted(shown & english)
        if found:
            misses[path] = found
        if path in {"/", "/intake/", f"/events/{world['event'].pk}/", "/dashboards/", "/faq/"}:
            screenshot(page, f"{lang}{path.rstrip('/').replace('/', '-') or '-home'}")
    assert not misses, f"English interface text on {lang} pages: {misses}"

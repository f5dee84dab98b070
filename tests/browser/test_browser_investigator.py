"""An investigator's day in the real browser: record an interview, code two acts, find them, map them."""

from __future__ import annotations

import re

from tests.browser.conftest import screenshot
from tests.conftest import PASSWORD

CAMP = "KWANLISO-15"  # Yodŏk, from the DPRK gazetteer (a public place name)
ACCOUNT = "허구의 증언입니다. 1997년 봄에 보위부원들이 집으로 와서 김영철 씨를 데려갔다. 그 뒤 요덕에서 구타를 당했다고 들었다."


def _sign_in(page, url: str) -> None:
    page.goto(f"{url}/login/")
    page.fill("#id_username", "investigator")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/$"))


def _select_passage(page, text: str) -> None:
    """Select ``text`` inside the source text as a user would with the mouse, then take it over."""
    page.evaluate("""(needle) => {
        const box = document.querySelector('#source-text');
        const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
            const node = walker.currentNode, at = node.textContent.indexOf(needle);
            if (at >= 0) {
                const range = document.createRange();
                range.setStart(node, at); range.setEnd(node, at + needle.length);
                const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
                return;
            }
        }
        throw new Error('passage not found: ' + needle);
    }""", text)
    page.click("#use-selection")


def test_investigator_records_an_interview_codes_two_acts_and_finds_them_by_romanized_name_and_on_the_map(
        browse, users):
    from inquiry.cases.models import Act, Source
    from inquiry.places.services import reference_data_load

    reference_data_load(actor="system")  # live-server tests flush the gazetteer between tests
    page = browse(None, "en")
    _sign_in(page, browse.url)

    # Consent and risk come before anything is saved.
    page.click("nav >> text=Record an interview")
    page.check("#id_internal_use")
    page.check("#id_consent_explained")
    page.select_option("#id_risk_level", "high")
    page.check("#id_relatives_inside_0")
    assert Source.objects.count() == 0
    page.click("#intake-continue")

    page.fill("#id_real_name", "가상 증인")
    page.fill("#id_title", "Fictional interview for the browser test")
    page.fill("#id_date", "spring 2019")
    page.locator("#date-preview .understood").wait_for()
    page.fill("#id_place", CAMP)
    page.click("#intake-save-identity")
    witness_code = page.locator("#witness-code").inner_text().strip()
    source_code = page.locator("#source-code").inner_text().strip()
    assert witness_code and source_code
    assert "가상 증인" not in page.content()  # from here on only the code is shown
    screenshot(page, "intake-account")

    page.fill("#id_account", ACCOUNT)
    page.fill("#id_arrest", "Taken from home at night (fictional).")
    page.click("#intake-save-continue")
    page.set_input_files("#id_files", files=[{"name": "note.txt", "mimeType": "text/plain",
                                              "buffer": b"fictional interview note"}])
    page.fill("#id_label", "Interview note")
    page.click("#intake-upload")
    page.locator("#attachments code.hash").first.wait_for()
    page.click("#intake-code")

    # First act: a new event, a new victim written in hangul, the passage taken from the text.
    page.fill("#id_new_event_title", "Fictional arrest in spring 1997")
    page.select_option("#id_act_type", "ARBITRARY_ARREST")
    page.fill("#id_date", "spring 1997")
    page.fill("#id_place", CAMP)
    page.fill("#id_new_victims", "김영철")
    _select_passage(page, "보위부원들이 집으로 와서 김영철 씨를 데려갔다")
    page.click("#coding-save")
    page.locator("#coded-acts li").first.wait_for()

    # Second act in the same event: the victim found by a romanized search.
    page.select_option("#id_act_type", "BEATING")
    page.fill("#id_date", "1997")
    page.fill("#id_place", CAMP)
    page.fill("#person-search", "Kim Yong-chol")
    page.locator("#person-results button").first.click()
    _select_passage(page, "요덕에서 구타를 당했다")
    page.click("#coding-save")
    page.wait_for_function("document.querySelectorAll('#coded-acts li').length >= 2")
    screenshot(page, "coding-two-acts")
    acts = Act.objects.filter(links__source__code=source_code)
    assert sorted(acts.values_list("act_type", flat=True)) == ["ARBITRARY_ARREST", "BEATING"]
    assert {a.victims.get().names.first().original for a in acts} == {"김영철"}

    # A romanized search finds the hangul name, and through it both acts.
    page.goto(f"{browse.url}/search/?q=Kim+Yong-chol")
    screenshot(page, "search-romanized")
    page.locator("#search-results tr", has_text="김영철").get_by_role("link").first.click()
    acts_text = page.locator("main").inner_text().lower()
    assert "arbitrary arrest" in acts_text and "beating" in acts_text
    screenshot(page, "person-page")

    # The map counts both acts at the camp.
    page.goto(f"{browse.url}/map/")
    screenshot(page, "map")
    row = page.locator(f"tr[data-place-code='{CAMP}']")
    assert row.locator("td.num").inner_text().strip() == "2"
    page.locator("#map .leaflet-interactive").first.wait_for()
    screenshot(page, "map")

"""Under the Content-Security-Policy (no inline script, no eval) the pages still work in Chromium."""

from __future__ import annotations

from tests.web.world import build_world


def _csp_complaints(page) -> list[str]:
    found: list[str] = []
    page.on("console", lambda m: found.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda e: found.append(str(e)))
    return found


def test_dashboard_charts_draw_without_eval(browse, users):
    build_world(users)
    page = browse("analyst", "en")
    complaints = _csp_complaints(page)
    response = page.goto(f"{browse.url}/dashboards/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-eval" not in policy
    page.wait_for_selector("[data-vega-spec] svg", timeout=15_000)
    assert page.locator("[data-vega-spec] svg").count() >= 1
    assert complaints == []


def test_map_draws_and_language_switcher_submits_without_inline_handlers(browse, users):
    from inquiry.publicsite.services import publicsite_seed

    build_world(users)
    page = browse("analyst", "en")
    complaints = _csp_complaints(page)
    page.goto(f"{browse.url}/map/")
    page.wait_for_selector(".leaflet-container", timeout=15_000)
    publicsite_seed()
    page.goto(f"{browse.url}/faq/")
    with page.expect_navigation():
        page.select_option("#language", "ko")
    assert page.get_by_role("heading", level=1).inner_text().strip() == "자주 묻는 질문"
    assert complaints == []

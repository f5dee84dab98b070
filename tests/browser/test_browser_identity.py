"""Only the protection officer ever sees who a witness is, in the real browser too."""

from __future__ import annotations

from tests.browser.conftest import screenshot
from tests.web.world import build_world


def test_protection_officer_sees_the_identity_and_an_analyst_does_not(browse, users):
    world = build_world(users)
    interview = world["interview"]
    witness = world["witness"]

    protection = browse("protection")
    protection.goto(f"{browse.url}/sources/{interview.pk}/")
    protection.get_by_role("link", name=witness.code).click()
    identity = protection.locator("dl.identity")
    assert "가나다 허구인물" in identity.inner_text()
    screenshot(protection, "witness-identity-protection-officer")

    analyst = browse("analyst")
    analyst.goto(f"{browse.url}/sources/{interview.pk}/")
    body = analyst.locator("body").inner_text()
    assert witness.code in body  # the pseudonymous code is shown …
    assert "가나다" not in body and "0000-0000" not in body  # … never the person
    assert analyst.get_by_role("link", name=witness.code).count() == 0
    response = analyst.goto(f"{browse.url}/witnesses/{witness.pk}/")
    assert response.status in (403, 404)
    assert "가나다" not in analyst.content()

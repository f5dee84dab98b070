"""Playwright driving Debian's Chromium against a live Inquiry server.

The server runs in a thread of the test process (pytest-django's ``live_server``) on the real
test database, SQLite or PostgreSQL, so the browser sees exactly the rows the test wrote.
Screenshots go to ``test-artifacts/screenshots/`` (kept by CI as artefacts).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("INQUIRY_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# between browser steps are ordinary synchronous calls, so Django's async guard must not trip.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = pytest.mark.browser


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium():
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium package (.ci/run does).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def browse(chromium, live_server, users):
    """``browse(role, lang)`` opens a fresh browser context signed in as that stock user."""
    from django.conf import settings as dj_settings
    from django.test import Client

    contexts = []

    def open_page(role: str | None = None, lang: str = "en"):
        context = chromium.new_context(locale=lang, viewport={"width": 1280, "height": 900},
                                       extra_http_headers={"Accept-Language": lang})
        contexts.append(context)
        cookies = [{"name": dj_settings.LANGUAGE_COOKIE_NAME, "value": lang, "url": live_server.url}]
        if role is not None:
            client = Client()
            client.force_login(users[role])
            cookies.append({"name": dj_settings.SESSION_COOKIE_NAME,
                            "value": client.cookies[dj_settings.SESSION_COOKIE_NAME].value, "url": live_server.url})
        context.add_cookies(cookies)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    open_page.url = live_server.url
    yield open_page
    for context in contexts:
        context.close()


def screenshot(page, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path

"""Every page carries a Content-Security-Policy that allows no inline script and no eval, and no
template relies on either."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "inquiry"


@pytest.mark.parametrize(("role", "path"), [(None, "/about/"), (None, "/login/"), ("analyst", "/search/?q=x"),
                                            ("analyst", "/dashboards/"), ("analyst", "/persons/999999/"),
                                            (None, "/no-such-page/")])
def test_pages_and_error_pages_forbid_inline_script_and_eval(client_for, role, path):
    client = client_for(role)
    policy = client.get(path)["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
    assert "unsafe-eval" not in policy


def test_no_template_has_an_inline_script_or_event_handler():
    inline, handlers = [], []
    for template in TEMPLATES.rglob("templates/**/*.html"):
        text = template.read_text()
        inline += [template.name for m in re.finditer(r"<script(?![^>]*\bsrc=)[^>]*>", text)
                   if "application/json" not in m.group(0)]
        handlers += [f"{template.name}: {m.group(0)}" for m in re.finditer(r"\son[a-z]+=\"", text)]
    assert inline == [] and handlers == []

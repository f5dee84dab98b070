"""Bad input gets a clear message naming the field, in the user's language; never a 500."""

from __future__ import annotations

from pathlib import Path

import pytest

from inquiry.cases.models import Source
from inquiry.vault.models import Witness

pytestmark = pytest.mark.django_db


def test_interview_form_with_a_bad_date_shows_the_field_error_and_saves_nothing(client_for):
    client = client_for("investigator")
    response = client.post("/sources/new/", {"kind": "interview", "title": "Fictional", "date": "yesterday-ish",
                                             "reliability": "unknown", "identity-real_name": "허구 인물",
                                             "identity-risk_level": "high", "consent-internal_use": "on"})
    assert response.status_code == 200
    assert "yesterday-ish" in response.content.decode()
    assert Source.objects.count() == 0 and Witness.objects.count() == 0


def test_form_errors_are_shown_in_korean(client_for):
    client = client_for("investigator")
    client.post("/i18n/setlang/", {"language": "ko"})
    response = client.post("/persons/new/", {"names": "김허구", "sex": "unknown", "status": "unknown",
                                             "birth_date": "언젠가"}, HTTP_ACCEPT_LANGUAGE="ko")
    body = response.content.decode()
    assert response.status_code == 200
    assert "언젠가" in body and 'lang="ko"' in body
    assert "is not a date we understand" not in body, "the message must be translated"


def test_api_bad_input_answers_400_with_the_field_and_no_traceback(client_for):
    client = client_for("investigator")
    response = client.post("/api/persons", {"names": ["김허구"], "birth_date": "not a date"},
                           content_type="application/json")
    assert response.status_code == 400
    body = response.json()
    assert body["field"] == "birth_date" and body["code"] == "invalid_input"
    response = client.post("/api/sources", {"kind": "interview", "title": "no consent"},
                           content_type="application/json")
    assert response.status_code == 400 and response.json()["field"] == "consent"
    response = client.post("/api/sources", {"title": 5}, content_type="application/json")
    assert response.status_code == 422 and "kind" in response.content.decode()


def test_unknown_record_answers_404_page_not_a_traceback(client_for):
    response = client_for("analyst").get("/sources/999999/")
    assert response.status_code == 404
    assert "Traceback" not in response.content.decode()


def test_the_generated_error_catalogue_lists_every_message_a_service_raises():
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "scripts/collect_error_messages.py", "--check"], cwd=root,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_every_error_message_a_service_raises_is_translated():
    import polib

    from inquiry.web.error_catalogue import MESSAGES

    root = Path(__file__).resolve().parents[2] / "src" / "inquiry" / "locale"
    for lang in ("ko", "ja"):
        po = polib.pofile(str(root / lang / "LC_MESSAGES" / "django.po"))
        translated = {e.msgid for e in po if e.msgstr and "fuzzy" not in e.flags}
        missing = sorted(set(MESSAGES) - translated)
        assert not missing, f"{lang}: error messages without a translation: {missing}"

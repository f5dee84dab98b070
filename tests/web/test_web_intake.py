"""The intake form: consent and risk first, the identity straight into the vault, only the code afterwards."""

from __future__ import annotations

import pytest

from inquiry.audit.models import AuditEntry
from inquiry.cases.models import Consent, Source

pytestmark = pytest.mark.django_db

FORM = {
    "kind": "interview", "title": "Fictional interview", "language": "ko", "date": "spring 1997",
    "reliability": "unknown", "text": "허구의 증언입니다.",
    "consent-internal_use": "on", "consent-share_un": "on",
    "identity-real_name": "홍길동 가명", "identity-contacts": "+82-10-1234-5678\nfictional@example.org",
    "identity-relatives": "홍영희 | sister | Hoeryŏng", "identity-risk_level": "severe",
    "identity-relatives_inside": "on",
}


def test_interview_intake_sends_the_identity_to_the_vault_and_shows_only_the_code(client_for):
    response = client_for("investigator").post("/sources/new/", FORM)
    assert response.status_code == 302
    source = Source.objects.get()
    assert source.witness.code.startswith("W-") and source.witness.risk_level == "severe"
    assert source.witness.relatives_inside
    assert Consent.objects.get(source=source).allows("share_un")
    page = client_for("investigator").get(response["Location"]).content.decode()
    assert source.witness.code in page
    assert "홍길동" not in page and "1234-5678" not in page


def test_protection_officer_reads_the_identity_and_the_reading_is_audited(client_for):
    client_for("investigator").post("/sources/new/", FORM)
    witness = Source.objects.get().witness
    page = client_for("protection").get(f"/witnesses/{witness.pk}/").content.decode()
    assert "홍길동 가명" in page and "홍영희" in page and "+82-10-1234-5678" in page
    assert AuditEntry.objects.filter(action="identity.read", actor="protection").exists()
    for role in ("analyst", "investigator", "commissioner", "admin"):
        response = client_for(role).get(f"/witnesses/{witness.pk}/")
        assert response.status_code in (403, 404)
        assert "홍길동" not in response.content.decode()


def test_erasure_from_the_page_shreds_the_identity_and_warns_about_backups(client_for):
    client_for("investigator").post("/sources/new/", FORM)
    witness = Source.objects.get().witness
    client = client_for("protection")
    response = client.post(f"/witnesses/{witness.pk}/erase/", {"reason": "witness_request"}, follow=True)
    body = response.content.decode()
    assert "홍길동" not in body and "fresh backup" in body
    witness.refresh_from_db()
    assert witness.is_shredded and witness.ciphertext is None

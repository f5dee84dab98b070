"""The four-step interview intake in the workbench: consent and risk first, identity to the vault,
the Istanbul Protocol record, attachments hashed on upload. Errors name the field; nothing leaks."""

from __future__ import annotations

import hashlib
import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from inquiry.audit.models import AuditEntry
from inquiry.cases.models import Consent, InterviewRecord, Source
from inquiry.evidence.models import CustodyEvent, EvidenceFile
from inquiry.vault.models import Witness

pytestmark = pytest.mark.django_db

NAME = "리순복 허구인물"
OTHER_NAME = "Ri Sun-bok Fictional"
PHONE = "+82-10-5550-8812"
RELATIVE = "리영남 가상친척"
STEP1 = {"internal_use": "on", "share_un": "on", "consent_explained": "on", "risk_level": "severe",
         "relatives_inside": "yes"}


def _step2(token: str, interviewer_pk: int, **changes) -> dict:
    data = {"step1": token, "real_name": NAME, "other_names": OTHER_NAME, "contacts": PHONE,
            "relatives": f"{RELATIVE} | brother | Hoeryŏng", "date_of_birth": "1971",
            "title": "Fictional interview, Seoul, 2013", "date": "2013-08", "language": "ko",
            "interpreter": "STAFF-07", "interpreter_language": "en", "interviewer": str(interviewer_pk)}
    data.update(changes)
    return data


def _token(response) -> str:
    match = re.search(r'name="step1" value="([^"]+)"', response.content.decode())
    assert match, "step 2 must carry the signed consent of step 1"
    return match.group(1)


def _counts() -> tuple[int, ...]:
    return (Source.objects.count(), Witness.objects.count(), Consent.objects.count(),
            InterviewRecord.objects.count(), AuditEntry.objects.count())


def _field_error(body: str, field: str) -> str:
    match = re.search(rf'id="field-{field}".*?<span class="error" role="alert"[^>]*>(.*?)</span>', body, re.S)
    return match.group(1) if match else ""


def _all_database_cells() -> list[str]:
    """Every cell of every table, decoded as text, read in this test's transaction (both vendors)."""
    cells = []
    with connection.cursor() as cur:
        for table in connection.introspection.table_names(cur):
            cur.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            for row in cur.fetchall():
                for value in row:
                    if isinstance(value, bytes | memoryview):
                        cells.append(bytes(value).decode("utf-8", "replace"))
                    elif value is not None:
                        cells.append(str(value))
    return cells


def _intake(client, users, *, step1=STEP1, **changes):
    first = client.post("/intake/", step1)
    assert first.status_code == 200
    return client.post("/intake/identity/", _step2(_token(first), users["investigator"].pk, **changes))


def test_step_one_saves_nothing_and_carries_consent_and_risk_to_step_two(client_for):
    before = _counts()
    response = client_for("investigator").post("/intake/", STEP1)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="id_real_name"' in body and 'for="id_real_name"' in body
    assert _counts() == before, "nothing may be saved before the identity step"


def test_investigator_records_an_interview_and_afterwards_sees_only_the_code(client_for, users):
    client = client_for("investigator")
    response = _intake(client, users)
    assert response.status_code == 302
    source = Source.objects.get()
    assert response["Location"] == f"/intake/{source.pk}/account/"
    consent = Consent.objects.get(source=source)
    assert consent.internal_use and consent.share_un and not consent.public_hearing
    assert consent.given_at <= source.created_at, "consent was given before anything was saved"
    assert source.witness.risk_level == "severe" and source.witness.relatives_inside
    assert source.interviewer == users["investigator"] and source.interpreter == "STAFF-07"
    assert source.interview.interpreter_language == "en" and source.date_edtf == "2013-08"
    page = client.get(response["Location"]).content.decode()
    assert f'id="witness-code">{source.witness.code}<' in page
    assert f'id="source-code">{source.code}<' in page
    assert NAME not in page and PHONE not in page and RELATIVE not in page
    actions = list(AuditEntry.objects.filter(object_id__in=[str(source.pk), str(source.witness.pk)])
                   .values_list("action", flat=True))
    assert {"witness.created", "source.create", "interview.open"} <= set(actions)


def test_a_full_intake_leaves_no_identifying_plaintext_in_the_database(client_for, users):
    client = client_for("investigator")
    _intake(client, users)
    source = Source.objects.get()
    client.post(f"/intake/{source.pk}/account/", {
        "arrest": "Fictional: taken from the market at night.", "methods": "Fictional: beaten with a stick.",
        "account": "Fictional account: they took me to the county station.", "next": "attachments"})
    client.post(f"/intake/{source.pk}/attachments/", {
        "files": [SimpleUploadedFile(f"{NAME} 녹음.m4a", b"fictional audio bytes", content_type="audio/mp4")],
        "label": "audio, part 1"})
    cells = "\n".join(_all_database_cells())
    assert "Fictional account: they took me" in cells, "the scan must see the committed rows"
    for needle in (NAME, OTHER_NAME, PHONE, RELATIVE):
        assert needle not in cells, f"{needle!r} reached the database in the clear"


def test_step_two_without_a_valid_consent_step_saves_nothing_and_starts_again(client_for, users):
    client = client_for("investigator")
    before = _counts()
    for token in ("", "forged-token", _token(client.post("/intake/", STEP1))[:-2] + "xx"):
        response = client.post("/intake/identity/", _step2(token, users["investigator"].pk))
        assert response.status_code == 302 and response["Location"] == "/intake/"
    assert _counts() == before


def test_a_consent_step_signed_for_another_user_is_refused(client_for, users):
    users["analyst"].role = "investigator"
    users["analyst"].save()
    token = _token(client_for("analyst").post("/intake/", STEP1))
    response = client_for("investigator").post("/intake/identity/", _step2(token, users["investigator"].pk))
    assert response.status_code == 302 and Source.objects.count() == 0


@pytest.mark.parametrize("missing, field", [("risk_level", "risk_level"), ("internal_use", "internal_use"),
                                            ("consent_explained", "consent_explained"),
                                            ("relatives_inside", "relatives_inside")])
def test_step_one_requires_consent_and_risk_and_names_the_missing_field(client_for, missing, field):
    before = _counts()
    data = {k: v for k, v in STEP1.items() if k != missing}
    response = client_for("investigator").post("/intake/", data)
    body = response.content.decode()
    assert response.status_code == 200 and 'name="step1"' not in body
    assert _field_error(body, field), f"the error must be shown at the {field} field"
    assert _counts() == before


def test_step_two_errors_name_the_field_keep_the_consent_and_save_nothing(client_for, users):
    client = client_for("investigator")
    before = _counts()
    response = _intake(client, users, date="yesterday-ish", real_name="")
    body = response.content.decode()
    assert response.status_code == 200
    assert "yesterday-ish" in _field_error(body, "date")
    assert _field_error(body, "real_name")
    assert 'name="step1"' in body, "the consent of step 1 is kept while the form is corrected"
    assert _counts() == before


def test_step_two_errors_are_shown_in_korean(client_for, users):
    client = client_for("investigator")
    client.post("/i18n/setlang/", {"language": "ko"})
    response = _intake(client, users, date="언젠가")
    error = _field_error(response.content.decode(), "date")
    assert "언젠가" in error and "is not a date we understand" not in error


def test_step_three_stores_the_istanbul_protocol_sections_and_audits_only_their_names(client_for, users):
    client = client_for("investigator")
    _intake(client, users)
    source = Source.objects.get()
    response = client.post(f"/intake/{source.pk}/account/", {
        "arrest": "Fictional arrest circumstances.", "detention_places": "Fictional county station, 1997.",
        "detention_conditions": "Fictional routine.", "methods": "Fictional method.",
        "injuries": "Fictional scar.", "perpetrators": "Fictional officers in uniform.",
        "other_witnesses": "Fictional cell mates.", "account": "Fictional account in the witness's words.",
        "consistency": "consistent", "next": "attachments"})
    assert response.status_code == 302 and response["Location"] == f"/intake/{source.pk}/attachments/"
    record = InterviewRecord.objects.get(source=source)
    assert record.sections["methods"] == "Fictional method." and record.consistency == "consistent"
    source.refresh_from_db()
    assert source.text == "Fictional account in the witness's words."
    entry = AuditEntry.objects.filter(action="interview.update").latest("seq")
    detail = json.loads(entry.detail) if isinstance(entry.detail, str) else entry.detail
    assert "methods" in detail["changed"] and "Fictional" not in str(detail)


def test_step_three_refuses_a_bad_degree_of_consistency_naming_the_field(client_for, users):
    client = client_for("investigator")
    _intake(client, users)
    source = Source.objects.get()
    response = client.post(f"/intake/{source.pk}/account/", {"consistency": "certain", "account": "x"})
    assert response.status_code == 200 and _field_error(response.content.decode(), "consistency")


def test_attachments_are_hashed_on_upload_with_a_chain_of_custody_and_a_neutral_name(client_for, users):
    client = client_for("investigator")
    _intake(client, users)
    source = Source.objects.get()
    audio, scan = b"fictional audio " * 1000, b"fictional scan"
    response = client.post(f"/intake/{source.pk}/attachments/", {
        "files": [SimpleUploadedFile(f"{NAME}.m4a", audio, content_type="audio/mp4"),
                  SimpleUploadedFile("letter.pdf", scan, content_type="application/pdf")],
        "label": "audio and a letter"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 302
    files = EvidenceFile.objects.filter(source=source).order_by("id")
    assert [f.sha256 for f in files] == [hashlib.sha256(audio).hexdigest(), hashlib.sha256(scan).hexdigest()]
    for evidence in files:
        actions = list(CustodyEvent.objects.filter(evidence=evidence).values_list("action", flat=True))
        assert actions[:2] == ["received", "hashed"]
    notes = " ".join(CustodyEvent.objects.values_list("note", flat=True))
    assert f"{source.code}-01.m4a" in notes and NAME not in notes
    page = client.get(response["Location"]).content.decode()
    assert hashlib.sha256(audio).hexdigest() in page and 'id="upload-progress"' in page
    assert AuditEntry.objects.filter(action="evidence.added").count() == 2


def test_an_upload_without_a_file_names_the_field(client_for, users):
    client = client_for("investigator")
    _intake(client, users)
    source = Source.objects.get()
    response = client.post(f"/intake/{source.pk}/attachments/", {"label": "nothing"})
    assert response.status_code == 200 and _field_error(response.content.decode(), "files")
    assert EvidenceFile.objects.count() == 0


def test_an_upload_over_the_limit_is_refused_with_a_message_and_nothing_stored(client_for, users, settings):
    client = client_for("investigator")
    _intake(client, users)
    source = Source.objects.get()
    settings.MAX_UPLOAD_BYTES = 10
    response = client.post(f"/intake/{source.pk}/attachments/", {
        "files": [SimpleUploadedFile("big.wav", b"x" * 100, content_type="audio/wav")]})
    assert response.status_code == 200 and 'role="alert"' in response.content.decode()
    assert EvidenceFile.objects.count() == 0


@pytest.mark.parametrize("role", ["analyst", "commissioner", "protection", "partner", "public", "admin"])
def test_roles_that_may_not_record_interviews_get_no_link_and_are_refused(client_for, role):
    client = client_for(role)
    assert client.get("/intake/").status_code in (403, 404)
    assert client.post("/intake/", STEP1).status_code in (403, 404)
    listing = client.get("/sources/")
    assert 'href="/intake/"' not in listing.content.decode()
    assert Source.objects.count() == 0


def test_investigator_sees_the_intake_link_on_the_source_list(client_for):
    assert 'href="/intake/"' in client_for("investigator").get("/sources/").content.decode()


def test_pages_are_keyboard_usable_every_field_has_a_label(client_for, users):
    client = client_for("investigator")
    pages = [client.get("/intake/"), client.post("/intake/", STEP1)]
    _intake(client, users)
    source = Source.objects.get()
    pages += [client.get(f"/intake/{source.pk}/account/"), client.get(f"/intake/{source.pk}/attachments/"),
              client.get(f"/sources/{source.pk}/code/")]
    for page in pages:
        body = page.content.decode()
        ids = set(re.findall(r'<(?:input|textarea|select)[^>]*\bid="(id_[a-z_]+)"', body))
        radios = {i for i in ids if re.search(r"_\d+$", i)}
        for field_id in ids - radios:
            assert f'for="{field_id}"' in body, f"{field_id} has no label"

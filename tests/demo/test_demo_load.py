"""The fictional demo dataset: sizes, labelling, idempotence and identity separation."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import models, transaction

from inquiry.audit.models import AuditEntry
from inquiry.cases.models import Act, Consent, Event, InformationLink, Source
from inquiry.demo import demo_counts, demo_loaded, load_demo
from inquiry.demo import loader as demo_loader
from inquiry.demo.texts import DISCLAIMER, PERSON_NOTE, PREFIX
from inquiry.people.models import Person, PersonName
from inquiry.vault.models import Witness

pytestmark = pytest.mark.django_db

CASE_APPS = ("cases", "people", "places", "accounts", "evidence")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Load once per module inside a transaction that is rolled back at the end.

    Every identity the loader hands to the vault is captured, to search the case tables for it.
    """
    identities: list[dict] = []
    steps: list[tuple[int, int]] = []
    original = demo_loader._witness_create

    def capture(**kwargs):
        identities.append(kwargs["identity"])
        return original(**kwargs)

    with django_db_blocker.unblock(), pytest.MonkeyPatch.context() as patch, transaction.atomic():
        patch.setattr(demo_loader, "_witness_create", capture)
        counts = load_demo(progress=lambda done, total: steps.append((done, total)))
        yield {"counts": counts, "steps": steps, "identities": identities}
        transaction.set_rollback(True)


@pytest.fixture
def loaded(demo, db):
    return demo["counts"], demo["steps"]


@pytest.fixture
def captured_identities(demo):
    return demo["identities"]


def test_demo_is_large_enough_to_click_through(loaded):
    counts, steps = loaded
    assert counts["created"] is True
    assert 280 <= counts["sources"] <= 320
    assert 380 <= counts["persons"] <= 420
    assert counts["events"] == 250
    assert 500 <= counts["acts"] <= 700
    assert counts["links"] >= counts["acts"]
    assert counts["witnesses"] == Source.objects.filter(kind__in=["interview", "public_hearing"]).count()
    assert steps[-1][0] == steps[-1][1]
    kinds = set(Source.objects.values_list("kind", flat=True))
    assert kinds == {k for k, _ in Source.Kind.choices}
    assert Source.objects.filter(kind="partner_submission").values("partner").distinct().count() == 2
    hearings = Source.objects.filter(kind="public_hearing")
    assert not hearings.filter(hearing_session="").exists()
    assert not hearings.filter(video_timecode="").exists()


def test_every_record_says_it_is_fictional_demo_data(loaded):
    for title, text in Source.objects.values_list("title", "text"):
        assert title.startswith(tuple(PREFIX.values()))
        assert text.startswith(tuple(DISCLAIMER.values()))
    assert not Event.objects.exclude(title__startswith="[DEMO]").exists()
    assert not Act.objects.exclude(description__startswith="[DEMO]").exists()
    assert not Person.objects.exclude(notes__startswith=PERSON_NOTE).exists()
    for passage in InformationLink.objects.values_list("passage", flat=True):
        assert any(mark in passage for mark in ("가상", "架空", "ictional"))
    assert demo_loaded()


def test_names_come_in_korean_japanese_and_latin_scripts(loaded):
    scripts = set(PersonName.objects.values_list("script", flat=True))
    assert {"hangul", "han", "kana", "latin"} <= scripts
    korean = Person.objects.filter(nationality="KP", names__script="han").distinct()
    assert korean.exists()  # some Korean names also have hanja
    assert Person.objects.filter(nationality="JP", names__script="kana").exists()


def test_act_types_all_come_from_the_profile_vocabulary(loaded):
    vocabulary = set(demo_loader.profile_act_types())
    used = set(Act.objects.values_list("act_type", flat=True))
    assert used <= vocabulary
    assert {"ARBITRARY_ARREST", "FORCED_LABOUR", "PUBLIC_EXECUTION", "ABDUCTION"} <= used


def test_uncertain_dates_are_stored_as_edtf_with_bounds(loaded):
    edtf = set(Event.objects.values_list("date_edtf", flat=True))
    assert {"1997-21", "../2004", "199X"} <= edtf
    spring = Event.objects.filter(date_edtf="1997-21").first()
    assert (spring.date_earliest.month, spring.date_latest.month) == (3, 5)
    assert not Event.objects.filter(date_earliest__isnull=True).exists()


def test_consent_scopes_vary_and_some_are_withdrawn(loaded):
    consents = Consent.objects.all()
    assert consents.filter(withdrawn_at__isnull=False).exists()
    assert consents.filter(share_prosecutors=True).exists() and consents.filter(share_prosecutors=False).exists()
    assert all(c.public_hearing for c in consents.filter(source__kind="public_hearing"))
    withdrawn = consents.filter(withdrawn_at__isnull=False).first()
    assert not withdrawn.allows("internal_use")


def test_loading_twice_changes_nothing(loaded):
    before = demo_counts()
    audit_before = AuditEntry.objects.count()
    again = load_demo()
    assert again["created"] is False
    assert demo_counts() == before
    assert AuditEntry.objects.count() == audit_before
    assert Witness.objects.count() == before["witnesses"]


def test_one_audit_entry_records_the_load_with_counts(loaded):
    entries = AuditEntry.objects.filter(action="demo.load")
    assert entries.count() == 1
    assert '"acts":' in entries.get().detail


def _case_table_text() -> str:
    chunks = []
    for label in CASE_APPS:
        for model in apps.get_app_config(label).get_models():
            fields = [f.name for f in model._meta.concrete_fields if isinstance(f, models.CharField | models.TextField)]
            for row in model.objects.values_list(*fields):
                chunks.extend(str(v) for v in row if v)
    return "\n".join(chunks)


def test_no_witness_identity_appears_in_the_case_tables(loaded, captured_identities):
    assert len(captured_identities) == Witness.objects.count()
    text = _case_table_text()
    audit_text = "\n".join(AuditEntry.objects.values_list("detail", flat=True))
    for identity in captured_identities:
        secrets = [identity["real_name"], identity["date_of_birth"], *identity["contacts"],
                   *identity["other_names"], *(r["name"] for r in identity["relatives_inside"])]
        for secret in secrets:
            assert secret not in text
            assert secret not in audit_text

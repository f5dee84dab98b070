"""Shared fixtures: a private data directory per test and one stock user per role plus an outsider."""

from __future__ import annotations

import pytest

ROLES = ["commissioner", "investigator", "analyst", "protection", "partner", "public", "admin"]
PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path, settings):
    """Keys, evidence and the audit head of each test live in its own directory."""
    data = tmp_path / "data"
    data.mkdir()
    settings.DATA_DIR = data
    settings.EVIDENCE_DIR = data / "evidence"
    settings.VAULT_KEY_FILE = data / "vault.key"
    yield data


@pytest.fixture
def partners(db):
    from inquiry.accounts.models import Partner

    return {
        "own": Partner.objects.create(code="nkhr-alliance", name="Fictional Alliance for Human Rights"),
        "other": Partner.objects.create(code="other-ngo", name="Another Fictional NGO"),
    }


@pytest.fixture
def users(db, partners):
    """Stock users: one per role, and ``outsider``, a partner user of another organisation."""
    from inquiry.accounts.models import User

    made = {}
    for role in ROLES:
        made[role] = User.objects.create_user(
            username=role, password=PASSWORD, role=role,
            partner=partners["own"] if role == "partner" else None,
        )
    made["outsider"] = User.objects.create_user(username="outsider", password=PASSWORD, role="partner",
                                                partner=partners["other"])
    return made


@pytest.fixture
def client_for(client, users):
    """``client_for("analyst")`` is a test client logged in as that stock user (None: anonymous)."""
    from django.test import Client

    def make(role: str | None) -> Client:
        c = Client()
        if role is not None:
            c.force_login(users[role])
        return c

    return make


def _set_audit_triggers(enabled: bool) -> None:
    """Transactional tests end with a flush that the append-only triggers would refuse."""
    from django.db import connection

    from inquiry.audit.migrations import _triggers

    with connection.cursor() as cur:
        for sql in _triggers.statements(connection.vendor, enabled=enabled):
            cur.execute(sql)


@pytest.fixture(autouse=True, scope="session")
def _audit_log_flushable_between_tests():
    """Transactional tests end with a flush that the append-only triggers would refuse.

    Drop the triggers only for the flush itself and restore them at once, so every test runs
    with the audit log append-only.
    """
    from django.test import TransactionTestCase

    original = TransactionTestCase._fixture_teardown

    def _fixture_teardown(self):
        _set_audit_triggers(False)
        try:
            original(self)
        finally:
            _set_audit_triggers(True)

    TransactionTestCase._fixture_teardown = _fixture_teardown
    yield
    TransactionTestCase._fixture_teardown = original

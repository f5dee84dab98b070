"""``inquiry audit verify`` catches every kind of tampering, and the triggers refuse changes outright."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from inquiry.audit.migrations import _triggers
from inquiry.audit.models import AuditEntry
from inquiry.audit.services import audit_record
from inquiry.cli import main

ENTRIES = 6


def _set_triggers(enabled: bool) -> None:
    with connection.cursor() as cur:
        for sql in _triggers.statements(connection.vendor, enabled=enabled):
            cur.execute(sql)


def _sql(statement: str, params=()) -> None:
    with connection.cursor() as cur:
        cur.execute(statement, params)


@pytest.fixture
def chain(users, django_capture_on_commit_callbacks):
    # Each test runs in a transaction that is rolled back, triggers included; create them in case an
    # earlier transactional test left them dropped for its flush.
    _set_triggers(True)
    with django_capture_on_commit_callbacks(execute=True):  # writes audit.head as a real commit would
        for i in range(ENTRIES):
            audit_record(
                actor=users["analyst"],
                action="case.read",
                object_type="source",
                object_id=i + 1,
                detail={"n": i},
            )
    return AuditEntry.objects.count()


@pytest.fixture
def attacker(chain):
    """Someone with write access to the database, who first drops the append-only triggers."""
    _set_triggers(False)


def _verify(capsys) -> tuple[int, str]:
    code = main(["audit", "verify"])
    return code, capsys.readouterr().out


def test_intact_chain_verifies(chain, capsys):
    code, out = _verify(capsys)
    assert code == 0 and out.strip() == f"ok: {chain} entries"


def test_triggers_refuse_update_delete_and_truncate(chain):
    statements = [
        "UPDATE audit_auditentry SET detail = '{}' WHERE seq = 2",
        "DELETE FROM audit_auditentry WHERE seq = 2",
    ]
    if connection.vendor == "postgresql":
        statements.append("TRUNCATE audit_auditentry")
    for statement in statements:
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
            _sql(statement)
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(seq=3).delete()
    assert AuditEntry.objects.count() == chain


def test_edited_entry_is_named(attacker, capsys):
    _sql("UPDATE audit_auditentry SET actor = 'someone-else' WHERE seq = 3")
    code, out = _verify(capsys)
    assert code == 1 and "entry 3" in out and "changed" in out


def test_edited_entry_with_recomputed_hash_breaks_the_next_link(attacker, capsys):
    from inquiry.audit.chain import entry_digest

    entry = AuditEntry.objects.get(seq=3)
    forged = entry_digest(
        prev_hash=entry.prev_hash,
        seq=3,
        at=entry.at,
        actor="someone-else",
        actor_role=entry.actor_role,
        action=entry.action,
        object_type=entry.object_type,
        object_id=entry.object_id,
        detail=entry.detail,
    )
    _sql("UPDATE audit_auditentry SET actor = 'someone-else', entry_hash = %s WHERE seq = 3", [forged])
    code, out = _verify(capsys)
    assert code == 1 and "entry 4" in out and "link" in out


def test_deleted_middle_entry_is_named(attacker, capsys):
    _sql("DELETE FROM audit_auditentry WHERE seq = 3")
    code, out = _verify(capsys)
    assert code == 1 and "entry 3" in out and "missing" in out


def test_deleted_last_entry_is_caught_through_the_head_file(attacker, capsys):
    _sql("DELETE FROM audit_auditentry WHERE seq = %s", [ENTRIES])
    code, out = _verify(capsys)
    assert code == 1 and f"entry {ENTRIES}" in out


def test_reordered_entries_are_named(attacker, capsys):
    _sql("UPDATE audit_auditentry SET seq = -2 WHERE seq = 2")
    _sql("UPDATE audit_auditentry SET seq = 2 WHERE seq = 3")
    _sql("UPDATE audit_auditentry SET seq = 3 WHERE seq = -2")
    code, out = _verify(capsys)
    assert code == 1 and "entry 2" in out


def test_tail_shows_the_most_recent_entries_in_order(chain, capsys):
    assert main(["audit", "tail", "-n", "2"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert [line.split()[0] for line in lines] == [f"#{chain - 1}", f"#{chain}"]
    assert "analyst (analyst)" in lines[-1] and "case.read" in lines[-1]


def test_tail_refuses_a_non_positive_count(chain, capsys):
    assert main(["audit", "tail", "-n", "0"]) == 2
    assert "-n must be at least 1" in capsys.readouterr().err

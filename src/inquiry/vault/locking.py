"""One lock orders every use of the master key file against key rotation.

A rotation rewrites the key file and every wrapped key; a writer that read the key file just before
must not commit a key wrapped under a version the rotation is about to destroy. So every transaction
that loads the key file takes this lock first and keeps it until commit:

- PostgreSQL: the transaction-level advisory lock the audit log already uses to serialise appends
  (one lock, so the two can never deadlock against each other);
- SQLite: transactions begin IMMEDIATE (see settings), which already takes the database write lock.
"""

from __future__ import annotations

from django.db import connection

from inquiry.audit.services import _PG_LOCK_KEY

__all__ = ["vault_lock"]


def vault_lock() -> None:
    """Call first thing inside ``transaction.atomic()``; released when the transaction ends."""
    if connection.vendor == "postgresql":
        if not connection.in_atomic_block:
            raise RuntimeError("vault_lock() must be called inside transaction.atomic()")
        with connection.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", [_PG_LOCK_KEY])

"""Human-readable record codes (S-000123) that reveal nothing but a sequence."""

from __future__ import annotations

import zlib

from django.db import connection


def next_code(model, prefix: str, *, width: int = 6) -> str:
    """The next free code. Call inside the service's transaction: on PostgreSQL a lock per prefix,
    held until commit, keeps two concurrent writers from picking the same code (SQLite's
    IMMEDIATE transactions already serialise writers)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", [zlib.crc32(prefix.encode())])
    last = model.objects.filter(code__startswith=prefix).order_by("-id").values_list("code", flat=True).first()
    number = 0
    if last:
        try:
            number = int(last[len(prefix):])
        except ValueError:
            number = model.objects.count()
    candidate = number + 1
    while model.objects.filter(code=f"{prefix}{candidate:0{width}d}").exists():
        candidate += 1
    return f"{prefix}{candidate:0{width}d}"

"""Hash-chain arithmetic, kept apart from storage so that verification is easy to read."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime

GENESIS = "0" * 64


def canonical(detail: dict | None) -> str:
    return json.dumps(detail or {}, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def entry_digest(*, prev_hash: str, seq: int, at: datetime, actor: str, actor_role: str, action: str,
                 object_type: str, object_id: str, detail: str) -> str:
    payload = json.dumps(
        [prev_hash, seq, at.isoformat(timespec="microseconds"), actor, actor_role, action, object_type,
         object_id, detail],
        ensure_ascii=False, separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()

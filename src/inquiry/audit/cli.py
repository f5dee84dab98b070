"""``inquiry audit verify`` and ``inquiry audit tail [-n N]``."""

from __future__ import annotations

import sys


def register(subparsers) -> None:
    parser = subparsers.add_parser("audit", help="verify or read the hash-chained audit log")
    sub = parser.add_subparsers(dest="audit_command", metavar="ACTION")
    verify = sub.add_parser("verify", help="check every link of the chain and the recorded head")
    verify.set_defaults(func=cmd_verify)
    tail = sub.add_parser("tail", help="show the most recent entries")
    tail.add_argument("-n", type=int, default=20, help="how many entries (default 20)")
    tail.set_defaults(func=cmd_tail)
    parser.set_defaults(func=lambda args: (parser.print_help(), 2)[1])


def cmd_verify(args) -> int:
    from inquiry.audit.services import audit_verify

    def progress(done: int, total: int) -> None:
        print(f"audit: checked {done} of {total} entries", file=sys.stderr, flush=True)

    from django.db import DatabaseError

    from inquiry.errors import ConfigurationError

    try:
        result = audit_verify(progress=progress)
    except DatabaseError as exc:
        raise ConfigurationError(
            detail=f"the audit log cannot be read ({exc}); is the database migrated?"
        ) from None
    if result.ok:
        print(f"ok: {result.checked} entries")
        return 0
    print(
        f"failed: entry {result.first_broken_seq}: {result.problem} ({result.checked} entries before it hold)"
    )
    return 1


def cmd_tail(args) -> int:
    from inquiry.audit.models import AuditEntry
    from inquiry.errors import InvalidInput

    if args.n < 1:
        raise InvalidInput("-n must be at least 1.", field="n")
    entries = list(AuditEntry.objects.order_by("-seq")[: args.n])
    for e in reversed(entries):
        who = f"{e.actor} ({e.actor_role})" if e.actor_role else e.actor
        target = f"{e.object_type}:{e.object_id}" if e.object_type else ""
        print(
            f"#{e.seq}  {e.at.isoformat(timespec='seconds')}  {who}  {e.action}  {target}  {e.detail}".rstrip()
        )
    return 0

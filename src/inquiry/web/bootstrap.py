"""First-run set-up: schema, reference data, the first administrator, and optionally the demo."""

from __future__ import annotations

import sys

from django.core.management import call_command
from django.db import transaction


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def bootstrap(*, demo: bool = False, say=_say) -> str | None:
    """Bring the data directory up to date. Returns a one-time admin password on first run."""
    say("inquiry: applying database migrations…")
    call_command("migrate", interactive=False, verbosity=0)
    from inquiry.places.services import reference_data_load

    counts = reference_data_load(actor="system")
    if counts:
        say("inquiry: reference data: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    password = _first_admin()
    if demo:
        from inquiry.demo import load_demo

        say("inquiry: loading the fictional demo dataset…")
        result = load_demo(progress=lambda done, total: say(f"  demo: {done}/{total}"))
        counts = {k: v for k, v in (result or {}).items() if isinstance(v, int) and not isinstance(v, bool)}
        say("inquiry: demo dataset: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    return password


@transaction.atomic
def _first_admin() -> str | None:
    from inquiry.accounts.models import User
    from inquiry.accounts.services import generate_password, user_create

    if User.objects.filter(role="admin").exists():
        return None
    password = generate_password()
    user_create(actor="system", username="admin", role="admin", password=password)
    return password

"""Event titles and descriptions through a trigram index, so the event filter stays fast at scale."""

from __future__ import annotations

from django.db.models.expressions import RawSQL

from inquiry.trigram_index import TrigramIndex

EVENT_INDEX = TrigramIndex("cases_event", ("title", "description"))


def event_index_install() -> None:
    EVENT_INDEX.install()


def event_index_remove() -> None:
    EVENT_INDEX.remove()


def event_ids_matching(q: str) -> RawSQL:
    """A subquery of event ids with ``q`` in the title or description, or with ``q`` as their code."""
    return EVENT_INDEX.ids_containing_any([" ".join(q.split())], or_ids=(
        "SELECT id FROM cases_event WHERE code = %s", [q.strip().upper()]))

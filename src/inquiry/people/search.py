"""Name search through a trigram index over ``PersonName.search_text``.

``search_text`` holds the folded name, its romanized forms and its blocking keys; a query is
expanded into alternatives (folded text, unspaced text, name keys) and a name matches when it
contains any of them.
"""

from __future__ import annotations

from django.db.models.expressions import RawSQL

from inquiry.people.naming import fold
from inquiry.trigram_index import TrigramIndex

MAX_ALTERNATIVES = 10
NAME_INDEX = TrigramIndex("people_personname", ("search_text",))


def name_index_install() -> None:
    NAME_INDEX.install()


def name_index_remove() -> None:
    NAME_INDEX.remove()


def query_alternatives(q: str) -> list[str]:
    """What a stored name may contain for it to match ``q``, in any script or romanization."""
    folded = fold(q)
    alternatives = [folded, folded.replace(" ", "")]
    try:
        from inquiry import names

        alternatives += sorted(names.name_keys(names.parse_name(q)))
    except Exception:  # a query the name parser cannot read is still searched as folded text
        pass
    return [a for a in dict.fromkeys(alternatives) if a][:MAX_ALTERNATIVES]


def person_ids_matching(q: str) -> RawSQL:
    """A subquery of person ids with a name containing any alternative of ``q``, or with ``q`` as
    their code (codes are upper case, P-000123: an exact match uses the unique index)."""
    return NAME_INDEX.ids_containing_any(query_alternatives(q), select="person_id", or_ids=(
        "SELECT id FROM people_person WHERE code = %s", [q.strip().upper()]))

"""An index over the searchable forms of person names, so name search stays fast at scale.

``PersonName.search_text`` holds the folded name, its romanized forms and its blocking keys.
SQLite indexes it with an FTS5 trigram table kept in sync by triggers; PostgreSQL with a GIN
trigram index. A query is expanded into alternatives (folded text, unspaced text, name keys) and
a name matches when it contains any of them. Alternatives shorter than three characters cannot
use a trigram index and fall back to LIKE.
"""

from __future__ import annotations

from django.db import connection
from django.db.models.expressions import RawSQL

from inquiry.people.naming import fold

TRIGRAM = 3
MAX_ALTERNATIVES = 10

SQLITE_INSTALL = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS people_personname_fts USING fts5("
    "search_text, content='people_personname', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER IF NOT EXISTS people_personname_fts_ai AFTER INSERT ON people_personname BEGIN "
    "INSERT INTO people_personname_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS people_personname_fts_ad AFTER DELETE ON people_personname BEGIN "
    "INSERT INTO people_personname_fts(people_personname_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS people_personname_fts_au AFTER UPDATE OF search_text ON people_personname "
    "BEGIN INSERT INTO people_personname_fts(people_personname_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO people_personname_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "INSERT INTO people_personname_fts(people_personname_fts) VALUES ('rebuild')",
]
SQLITE_REMOVE = [
    "DROP TRIGGER IF EXISTS people_personname_fts_ai",
    "DROP TRIGGER IF EXISTS people_personname_fts_ad",
    "DROP TRIGGER IF EXISTS people_personname_fts_au",
    "DROP TABLE IF EXISTS people_personname_fts",
]
POSTGRES_INSTALL = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS people_personname_search_trgm ON people_personname "
    "USING gin (search_text gin_trgm_ops)",
]
POSTGRES_REMOVE = ["DROP INDEX IF EXISTS people_personname_search_trgm"]


def name_index_install() -> None:
    statements = {"sqlite": SQLITE_INSTALL, "postgresql": POSTGRES_INSTALL}.get(connection.vendor, [])
    with connection.cursor() as cur:
        for sql in statements:
            cur.execute(sql)


def name_index_remove() -> None:
    statements = {"sqlite": SQLITE_REMOVE, "postgresql": POSTGRES_REMOVE}.get(connection.vendor, [])
    with connection.cursor() as cur:
        for sql in statements:
            cur.execute(sql)


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


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def person_ids_matching(q: str) -> RawSQL:
    """A subquery of person ids with a name containing any alternative of ``q``."""
    alternatives = query_alternatives(q)
    if not alternatives:
        return RawSQL("SELECT person_id FROM people_personname WHERE 1 = 0", [])
    long_alts = [a for a in alternatives if len(a) >= TRIGRAM]
    short_alts = [a for a in alternatives if len(a) < TRIGRAM]
    if connection.vendor == "sqlite":
        parts, params = [], []
        if long_alts:
            parts.append("id IN (SELECT rowid FROM people_personname_fts WHERE people_personname_fts MATCH %s)")
            params.append(" OR ".join('"' + a.replace('"', '""') + '"' for a in long_alts))
        for alt in short_alts:
            parts.append("search_text LIKE %s ESCAPE '\\'")
            params.append(_like(alt))
        return RawSQL("SELECT person_id FROM people_personname WHERE " + " OR ".join(parts), params)
    # PostgreSQL: search_text is folded to lower case except the keys, which are matched as stored.
    parts = ["search_text LIKE %s ESCAPE '\\'"] * len(alternatives)
    return RawSQL("SELECT person_id FROM people_personname WHERE " + " OR ".join(parts),
                  [_like(a) for a in alternatives])

"""Trigram indexes for substring search in any script, on SQLite (FTS5) and PostgreSQL (pg_trgm).

Korean and Japanese have no word boundaries a tokenizer could use, so text is indexed by
character trigrams and searched for substrings. Used for person names and event titles; source
texts have their own ranked search in ``inquiry.cases.search``.

Two-character terms matter here (평양, 요덕, 拉致, and many Korean given names), and a trigram
index cannot look them up directly. On SQLite every indexed value ends with an end mark (U+001F),
so every occurrence of a two-character term XY begins some trigram "XY?"; the index's vocabulary
(an ``fts5vocab`` table) lists those trigrams by a range query, and the search asks for any of
them. A LIKE over every row took 0.1–0.4 s at 400,000 events. One-character terms, and
two-character terms that begin more than ``MAX_EXPANSION`` distinct trigrams, still use LIKE.

PostgreSQL has no index vocabulary to expand into, and pg_trgm extracts no trigram from a
two-character pattern, so one such alternative turned the whole look-up into a scan (0.1–0.3 s
at 400,000 events). There, each column also has a GIN index over its *bigrams*
(``inquiry_bigrams``), and a two-character term is a containment test on it: exact, since a
value contains XY exactly when XY is one of its bigrams. The GIN indexes are built without
``fastupdate``: its pending list is scanned by every search until vacuum merges it, which cost
4–13 ms per look-up after a bulk import. Writes pay instead (a source of 150 characters takes
about 1.5 ms to index, 0.13 ms before), which a case store written by people can afford.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection
from django.db.models.expressions import RawSQL

TRIGRAM = 3
END_MARK = "\x1f"  # never typed, never stored: it only marks where a value ends
MAX_EXPANSION = 400
BIGRAM = 2

# IMMUTABLE so that it can index an expression; STRICT so that NULL has no bigrams to match. Its
# COST tells the planner what it is: about a thousand times a LIKE (0.1 ms on a source's text).
# At the default, PostgreSQL walked 21,000 sources computing it for each (3 s) instead of
# reading the index.
BIGRAM_FUNCTION = (
    "CREATE OR REPLACE FUNCTION inquiry_bigrams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT "
    "PARALLEL SAFE COST 1000 AS $$ SELECT coalesce(array_agg(DISTINCT substr(t, i, 2)), '{}'::text[]) "
    "FROM generate_series(1, char_length(t) - 1) AS i $$")


def pg_bigram_contains(expression: str, term: str) -> tuple[str, list[str]]:
    """SQL and parameters: the lower-cased ``expression`` contains the two-character ``term``
    (PostgreSQL). The containment is what the bigram index answers; ``strpos`` is the same test,
    cheap enough to run first on a row the planner reads without that index. Not a LIKE: the
    planner took a LIKE to the trigram index, which reads every row for two characters."""
    sql = f"(strpos({expression}, lower(%s)) > 0 AND inquiry_bigrams({expression}) @> ARRAY[lower(%s)]::text[])"
    return sql, [term, term]


@dataclass(frozen=True)
class TrigramIndex:
    table: str
    columns: tuple[str, ...]

    @property
    def fts(self) -> str:
        return f"{self.table}_fts"

    @property
    def vocabulary(self) -> str:
        return f"{self.fts}_vocab"

    def _marked(self, prefix: str) -> str:
        return ", ".join(f"coalesce({prefix}{c}, '') || char(31)" for c in self.columns)

    def _sqlite_install(self) -> list[str]:
        cols = ", ".join(self.columns)
        fts = self.fts
        # External content: the index holds the marked values; 'delete' must be given the same.
        return [
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({cols}, content='{self.table}', "
            f"content_rowid='id', tokenize='trigram')",
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {self.vocabulary} USING fts5vocab({fts}, 'row')",
            f"CREATE TRIGGER IF NOT EXISTS {fts}_ai AFTER INSERT ON {self.table} BEGIN "
            f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {self._marked('new.')}); END",
            f"CREATE TRIGGER IF NOT EXISTS {fts}_ad AFTER DELETE ON {self.table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {self._marked('old.')}); END",
            f"CREATE TRIGGER IF NOT EXISTS {fts}_au AFTER UPDATE OF {cols} ON {self.table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {self._marked('old.')}); "
            f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {self._marked('new.')}); END",
            f"INSERT INTO {fts}({fts}) VALUES ('delete-all')",
            f"INSERT INTO {fts}(rowid, {cols}) SELECT id, {self._marked('')} FROM {self.table}",
        ]

    def _sqlite_remove(self) -> list[str]:
        fts = self.fts
        return [f"DROP TRIGGER IF EXISTS {fts}_ai", f"DROP TRIGGER IF EXISTS {fts}_ad",
                f"DROP TRIGGER IF EXISTS {fts}_au", f"DROP TABLE IF EXISTS {self.vocabulary}",
                f"DROP TABLE IF EXISTS {fts}"]

    def _pg_install(self) -> list[str]:
        out = ["CREATE EXTENSION IF NOT EXISTS pg_trgm", BIGRAM_FUNCTION]
        for c in self.columns:
            trgm, bigram = f"{self.table}_{c}_trgm", f"{self.table}_{c}_bigram"
            out += [
                f"CREATE INDEX IF NOT EXISTS {trgm} ON {self.table} USING gin (lower({c}) gin_trgm_ops) "
                "WITH (fastupdate = off)",
                f"ALTER INDEX {trgm} SET (fastupdate = off)",  # indexes made before it was the default here
                f"SELECT gin_clean_pending_list('{trgm}'::regclass)",
                f"CREATE INDEX IF NOT EXISTS {bigram} ON {self.table} USING gin (inquiry_bigrams(lower({c}))) "
                "WITH (fastupdate = off)",
            ]
        return out

    def _pg_remove(self) -> list[str]:  # the function stays: other indexes may use it
        return [f"DROP INDEX IF EXISTS {self.table}_{c}_{kind}" for c in self.columns for kind in ("trgm", "bigram")]

    def install(self) -> None:
        self._run({"sqlite": self._sqlite_install, "postgresql": self._pg_install})

    def remove(self) -> None:
        self._run({"sqlite": self._sqlite_remove, "postgresql": self._pg_remove})

    @staticmethod
    def _run(by_vendor) -> None:
        build = by_vendor.get(connection.vendor)
        if build is None:
            return
        with connection.cursor() as cur:
            for sql in build():
                cur.execute(sql)

    def ids_containing_any(self, alternatives: list[str], *, select: str = "id",
                           or_ids: tuple[str, list] | None = None) -> RawSQL:
        """Rows (their ``select`` column) in which some column contains one of ``alternatives``.

        ``or_ids`` (SQL, params) adds more ids to the result. Callers use it for an exact code
        match: ``id IN (these) OR code = X`` made PostgreSQL test every row of the table in turn
        (40 ms at 300,000 persons), where a single ``IN`` lets it join the few ids found.
        """
        sql, params = self._containing_any([a for a in dict.fromkeys(alternatives) if a], select)
        if or_ids is not None:
            sql, params = f"{sql} UNION ALL {or_ids[0]}", [*params, *or_ids[1]]
        return RawSQL(sql, params)

    def _containing_any(self, alternatives: list[str], select: str) -> tuple[str, list]:
        nothing = (f"SELECT {select} FROM {self.table} WHERE 1 = 0", [])
        if not alternatives:
            return nothing
        if connection.vendor == "sqlite":
            trigrams = [a for a in alternatives if len(a) >= TRIGRAM]
            scanned = [a for a in alternatives if len(a) < TRIGRAM]
            for alt in [a for a in scanned if len(a) == TRIGRAM - 1]:
                expansion = self._trigrams_beginning(alt)
                if expansion is not None:
                    trigrams += expansion
                    scanned.remove(alt)
            parts, params = [], []
            if trigrams:
                parts.append(f"id IN (SELECT rowid FROM {self.fts} WHERE {self.fts} MATCH %s)")
                params.append(" OR ".join('"' + a.replace('"', '""') + '"' for a in dict.fromkeys(trigrams)))
            for alt in scanned:
                parts += [f"{c} LIKE %s ESCAPE '\\'" for c in self.columns]
                params += [like_pattern(alt)] * len(self.columns)
            if not parts:  # a two-character term that begins no trigram occurs nowhere
                return nothing
            return f"SELECT {select} FROM {self.table} WHERE " + " OR ".join(parts), params
        parts, params = [], []
        for alt in alternatives:
            for c in self.columns:
                if len(alt) == BIGRAM:
                    sql, more = pg_bigram_contains(f"lower({c})", alt)
                    parts.append(sql)
                    params += more
                else:
                    parts.append(f"lower({c}) LIKE lower(%s) ESCAPE '\\'")
                    params.append(like_pattern(alt))
        return f"SELECT {select} FROM {self.table} WHERE " + " OR ".join(parts), params

    def _trigrams_beginning(self, pair: str) -> list[str] | None:
        """The indexed trigrams that begin with ``pair`` (lower-cased, as the index stores them),
        or None if there are more than MAX_EXPANSION of them."""
        low = pair.lower()
        with connection.cursor() as cur:
            cur.execute(f"SELECT term FROM {self.vocabulary} WHERE term >= %s AND term < %s LIMIT %s",
                        [low, low + "\U0010ffff", MAX_EXPANSION + 1])
            found = [row[0] for row in cur.fetchall()]
        return None if len(found) > MAX_EXPANSION else found


def like_pattern(term: str) -> str:
    """A LIKE pattern matching ``term`` anywhere, with LIKE's own wildcards escaped."""
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"

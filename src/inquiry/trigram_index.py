"""Trigram indexes for substring search in any script, on SQLite (FTS5) and PostgreSQL (pg_trgm).

Korean and Japanese have no word boundaries a tokenizer could use, so text is indexed by
character trigrams and searched for substrings. Used for person names and event titles; source
texts have their own ranked search in ``inquiry.cases.search``.

Two-character terms matter here (평양, 요덕, 拉致, and many Korean given names), and a trigram
index cannot look them up directly. On SQLite every indexed value ends with an end mark (U+001F),
so every occurrence of a two-character term XY begins some trigram "XY?"; the index's vocabulary
(an ``fts5vocab`` table) lists those trigrams by a range query, and the search asks for any of
them. A LIKE over every row took 0.1–0.4 s at 400,000 events. One-character terms, and
two-character terms that begin more than ``MAX_EXPANSION`` distinct trigrams, still use LIKE. On
PostgreSQL, pg_trgm answers what it can and the rest is a LIKE.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection
from django.db.models.expressions import RawSQL

TRIGRAM = 3
END_MARK = "\x1f"  # never typed, never stored: it only marks where a value ends
MAX_EXPANSION = 400


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
        return ["CREATE EXTENSION IF NOT EXISTS pg_trgm"] + [
            f"CREATE INDEX IF NOT EXISTS {self.table}_{c}_trgm ON {self.table} USING gin (lower({c}) gin_trgm_ops)"
            for c in self.columns]

    def _pg_remove(self) -> list[str]:
        return [f"DROP INDEX IF EXISTS {self.table}_{c}_trgm" for c in self.columns]

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

    def ids_containing_any(self, alternatives: list[str], *, select: str = "id") -> RawSQL:
        """Rows (their ``select`` column) in which some column contains one of ``alternatives``."""
        alternatives = [a for a in dict.fromkeys(alternatives) if a]
        if not alternatives:
            return RawSQL(f"SELECT {select} FROM {self.table} WHERE 1 = 0", [])
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
                return RawSQL(f"SELECT {select} FROM {self.table} WHERE 1 = 0", [])
            return RawSQL(f"SELECT {select} FROM {self.table} WHERE " + " OR ".join(parts), params)
        parts = [f"lower({c}) LIKE lower(%s) ESCAPE '\\'" for _ in alternatives for c in self.columns]
        params = [like_pattern(a) for a in alternatives for _ in self.columns]
        return RawSQL(f"SELECT {select} FROM {self.table} WHERE " + " OR ".join(parts), params)


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

"""Trigram indexes for substring search in any script, on SQLite (FTS5) and PostgreSQL (pg_trgm).

Korean and Japanese have no word boundaries a tokenizer could use, so text is indexed by
character trigrams and searched for substrings. Terms shorter than three characters cannot use
such an index and fall back to LIKE. Used for person names and event titles; source texts have
their own ranked search in ``inquiry.cases.search``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection
from django.db.models.expressions import RawSQL

TRIGRAM = 3


@dataclass(frozen=True)
class TrigramIndex:
    table: str
    columns: tuple[str, ...]

    @property
    def fts(self) -> str:
        return f"{self.table}_fts"

    def _sqlite_install(self) -> list[str]:
        cols = ", ".join(self.columns)
        new = ", ".join(f"new.{c}" for c in self.columns)
        old = ", ".join(f"old.{c}" for c in self.columns)
        fts = self.fts
        return [
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({cols}, content='{self.table}', "
            f"content_rowid='id', tokenize='trigram')",
            f"CREATE TRIGGER IF NOT EXISTS {fts}_ai AFTER INSERT ON {self.table} BEGIN "
            f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END",
            f"CREATE TRIGGER IF NOT EXISTS {fts}_ad AFTER DELETE ON {self.table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); END",
            f"CREATE TRIGGER IF NOT EXISTS {fts}_au AFTER UPDATE OF {cols} ON {self.table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); "
            f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END",
            f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
        ]

    def _sqlite_remove(self) -> list[str]:
        fts = self.fts
        return [f"DROP TRIGGER IF EXISTS {fts}_ai", f"DROP TRIGGER IF EXISTS {fts}_ad",
                f"DROP TRIGGER IF EXISTS {fts}_au", f"DROP TABLE IF EXISTS {fts}"]

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
            long_alts = [a for a in alternatives if len(a) >= TRIGRAM]
            parts, params = [], []
            if long_alts:
                parts.append(f"id IN (SELECT rowid FROM {self.fts} WHERE {self.fts} MATCH %s)")
                params.append(" OR ".join('"' + a.replace('"', '""') + '"' for a in long_alts))
            for alt in (a for a in alternatives if len(a) < TRIGRAM):
                parts += [f"{c} LIKE %s ESCAPE '\\'" for c in self.columns]
                params += [like_pattern(alt)] * len(self.columns)
            return RawSQL(f"SELECT {select} FROM {self.table} WHERE " + " OR ".join(parts), params)
        parts = [f"lower({c}) LIKE lower(%s) ESCAPE '\\'" for _ in alternatives for c in self.columns]
        params = [like_pattern(a) for a in alternatives for _ in self.columns]
        return RawSQL(f"SELECT {select} FROM {self.table} WHERE " + " OR ".join(parts), params)


def like_pattern(term: str) -> str:
    """A LIKE pattern matching ``term`` anywhere, with LIKE's own wildcards escaped."""
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"

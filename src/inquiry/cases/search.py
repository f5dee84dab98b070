"""Full-text search over source titles and texts, in Korean, Japanese and English.

Korean and Japanese have no spaces a word tokenizer could rely on (조사위원회에서, 拉致被害者の),
so both back ends index character trigrams and match *substrings*:

- SQLite: an FTS5 virtual table with the ``trigram`` tokenizer (SQLite >= 3.34), an
  external-content index over ``cases_source`` kept in sync by triggers.
- PostgreSQL: ``pg_trgm`` and a GIN trigram index on ``search_doc``, a stored generated column
  holding ``lower(title || ' ' || text)``, queried with LIKE.

A query is split into terms at white space (a double-quoted run is one term); a source matches
when it contains every term. Trigrams need three characters, so terms of one or two characters
(김, 拉致, 평양 is two) are matched by LIKE alone on SQLite: correct, but a scan rather than an
index look-up. On PostgreSQL a bigram index answers two-character terms (see
``inquiry.trigram_index``). User input only ever reaches the database as bound parameters; on
SQLite each term is quoted as an FTS5 phrase, so FTS5 operators (AND, OR, NEAR, *, ^,
parentheses) in a query are searched for literally.

Permissions are not checked here: selectors compose :func:`source_search_queryset` with their
own filters, or filter the ids from :func:`source_search_ids`.
"""

from __future__ import annotations

import re
import unicodedata

from django.db import connection
from django.db.models import BooleanField, F, Q, QuerySet
from django.db.models.expressions import Expression, RawSQL

from inquiry.trigram_index import BIGRAM, BIGRAM_FUNCTION, like_pattern, pg_bigram_contains

__all__ = [
    "parse_query",
    "source_search_count",
    "source_search_ids",
    "source_search_queryset",
    "search_index_install",
    "search_index_remove",
]

MAX_QUERY_CHARS = 200
MAX_TERMS = 8
TRIGRAM = 3
_TITLE_WEIGHT = 10.0  # a hit in the title outranks the same hit in a long text
RANK_LIMIT = 1_000  # above this many matches, newest first instead of by relevance

_TERM_RE = re.compile(r'"([^"]+)"|(\S+)')
_CONTROL = {"Cc", "Cf", "Cs", "Co", "Cn"}

# --- schema: shared by migration 0002 and search_index_install -------------------------------

SQLITE_INSTALL = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS cases_source_fts USING fts5("
    "title, text, content='cases_source', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER IF NOT EXISTS cases_source_fts_ai AFTER INSERT ON cases_source BEGIN "
    "INSERT INTO cases_source_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS cases_source_fts_ad AFTER DELETE ON cases_source BEGIN "
    "INSERT INTO cases_source_fts(cases_source_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); END",
    "CREATE TRIGGER IF NOT EXISTS cases_source_fts_au AFTER UPDATE OF title, text ON cases_source BEGIN "
    "INSERT INTO cases_source_fts(cases_source_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); "
    "INSERT INTO cases_source_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    # Index whatever rows already exist (also repairs an index that fell out of step).
    "INSERT INTO cases_source_fts(cases_source_fts) VALUES ('rebuild')",
]
SQLITE_REMOVE = [
    "DROP TRIGGER IF EXISTS cases_source_fts_ai",
    "DROP TRIGGER IF EXISTS cases_source_fts_ad",
    "DROP TRIGGER IF EXISTS cases_source_fts_au",
    "DROP TABLE IF EXISTS cases_source_fts",
]
# A stored, lower-cased copy of title + text: LIKE on it is several times cheaper than ILIKE on the
# concatenation (ILIKE lower-cases every multibyte row at query time), and the trigram index on
# it serves both. PostgreSQL refuses to change the type of a column a generated column uses, so a
# migration that alters title or text must call search_index_remove() first and
# search_index_install() after.
_PG_DOC = "search_doc"
POSTGRES_INSTALL = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "DROP INDEX IF EXISTS cases_source_trgm",  # superseded expression index of the first version
    "ALTER TABLE cases_source ADD COLUMN IF NOT EXISTS search_doc text "
    "GENERATED ALWAYS AS (lower(\"title\"::text || ' ' || \"text\")) STORED",
    "CREATE INDEX IF NOT EXISTS cases_source_search_trgm ON cases_source USING gin (search_doc gin_trgm_ops) "
    "WITH (fastupdate = off)",
    # Built before fastupdate was turned off here; its pending list was scanned by every search.
    "ALTER INDEX cases_source_search_trgm SET (fastupdate = off)",
    "SELECT gin_clean_pending_list('cases_source_search_trgm'::regclass)",
    BIGRAM_FUNCTION,
    "CREATE INDEX IF NOT EXISTS cases_source_search_bigram ON cases_source USING gin (inquiry_bigrams(search_doc)) "
    "WITH (fastupdate = off)",
]
POSTGRES_REMOVE = [  # the extension and the bigram function stay: other tables may use them
    "DROP INDEX IF EXISTS cases_source_search_trgm",
    "DROP INDEX IF EXISTS cases_source_search_bigram",
    "ALTER TABLE cases_source DROP COLUMN IF EXISTS search_doc",
]


def install_statements(vendor: str) -> list[str]:
    if vendor == "sqlite":
        return SQLITE_INSTALL
    if vendor == "postgresql":
        return POSTGRES_INSTALL
    return []


def remove_statements(vendor: str) -> list[str]:
    if vendor == "sqlite":
        return SQLITE_REMOVE
    if vendor == "postgresql":
        return POSTGRES_REMOVE
    return []


def search_index_install() -> None:
    """Create (or re-create and rebuild) the index and its triggers. Idempotent.

    SQLite drops a table's triggers when Django rebuilds the table in a migration
    (``ALTER TABLE`` emulation); a later migration that alters ``cases_source`` must call this
    in a RunPython step, or search would silently stop seeing new sources.
    """
    with connection.cursor() as cur:
        for sql in install_statements(connection.vendor):
            cur.execute(sql)


def search_index_remove() -> None:
    with connection.cursor() as cur:
        for sql in remove_statements(connection.vendor):
            cur.execute(sql)


# --- query parsing ----------------------------------------------------------------------------


def parse_query(query: str | None) -> list[str]:
    """Split user input into search terms: NFC-normalised, control characters dropped, bounded.

    ``"public execution" 회령`` gives ``["public execution", "회령"]``. Stray double quotes
    are dropped; duplicates and terms contained in a longer term are dropped too.
    """
    if not query:
        return []
    text = unicodedata.normalize("NFC", str(query))
    text = "".join(" " if unicodedata.category(ch) in _CONTROL else ch for ch in text)[:MAX_QUERY_CHARS]
    terms: list[str] = []
    for match in _TERM_RE.finditer(text):
        term = " ".join((match[1] or match[2]).replace('"', " ").split())
        if term and term.casefold() not in (t.casefold() for t in terms):
            terms.append(term)
    folded = [t.casefold() for t in terms]
    kept = [t for t, f in zip(terms, folded, strict=True)
            if not any(f != other and f in other for other in folded)]
    return kept[:MAX_TERMS]


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _split(terms: list[str]) -> tuple[list[str], list[str]]:
    long_terms = [t for t in terms if len(t) >= TRIGRAM]
    short_terms = [t for t in terms if len(t) < TRIGRAM]
    return long_terms, short_terms


# --- SQL building -------------------------------------------------------------------------------


def _sqlite_match(terms: list[str], *, ranked: bool) -> tuple[str, list]:
    """SQL selecting ``id`` and ``score`` of sources matching every term."""
    long_terms, short_terms = _split(terms)
    score = f"bm25(cases_source_fts, {_TITLE_WEIGHT}, 1.0)" if ranked else "0"
    if long_terms and not short_terms:
        # The index alone answers: joining cases_source would only add a lookup per match.
        return (f"SELECT rowid AS id, {score} AS score FROM cases_source_fts WHERE cases_source_fts MATCH %s",
                [" ".join(_fts_phrase(t) for t in long_terms)])
    params: list = []
    wheres: list[str] = []
    for term in short_terms:
        wheres.append("(s.title LIKE %s ESCAPE '\\' OR s.text LIKE %s ESCAPE '\\')")
        params += [like_pattern(term)] * 2
    if long_terms:
        sql = (f"SELECT s.id AS id, f.score AS score FROM cases_source s JOIN "
               f"(SELECT rowid AS rid, {score} AS score FROM cases_source_fts WHERE cases_source_fts MATCH %s) f "
               f"ON f.rid = s.id")
        params.insert(0, " ".join(_fts_phrase(t) for t in long_terms))
    else:
        sql = "SELECT s.id AS id, 0 AS score FROM cases_source s"
    return sql + " WHERE " + " AND ".join(wheres), params


def _pg_doc_contains(doc: str, term: str) -> tuple[str, list[str]]:
    """SQL and parameters: the lower-cased document ``doc`` contains ``term`` (PostgreSQL).

    A two-character term has no trigram; the bigram index answers it exactly (see
    ``inquiry.trigram_index``), where a LIKE read every source's text.
    """
    if len(term) == BIGRAM:
        return pg_bigram_contains(doc, term)
    return f"{doc} LIKE lower(%s) ESCAPE '\\'", [like_pattern(term)]


def _postgres_match(terms: list[str], *, ranked: bool) -> tuple[str, list]:
    params: list = []
    wheres: list[str] = []
    for term in terms:
        sql, more = _pg_doc_contains(_PG_DOC, term)
        wheres.append(sql)
        params += more
    if ranked:
        # Title hits first (whole query, then trigram closeness), newest first among equals.
        score = "-((\"title\" ILIKE %s ESCAPE '\\')::int * 2 + word_similarity(%s, \"title\"))"
        params = [like_pattern(" ".join(terms)), " ".join(terms)] + params
    else:
        score = "0"
    sql = f"SELECT id, {score} AS score FROM cases_source WHERE " + " AND ".join(wheres)
    return sql, params


def _match_sql(terms: list[str], *, ranked: bool) -> tuple[str, list]:
    if connection.vendor == "postgresql":
        return _postgres_match(terms, ranked=ranked)
    if connection.vendor == "sqlite":
        return _sqlite_match(terms, ranked=ranked)
    raise NotImplementedError(f"full-text search does not support the {connection.vendor} database")


# --- public API ---------------------------------------------------------------------------------


def source_search_ids(query: str, *, limit: int = 50, offset: int = 0) -> list[int]:
    """Ids of sources matching every term of ``query``, best first, newest first on ties.

    Relevance (FTS5 bm25 with title hits weighted up; on PostgreSQL title hits and trigram
    closeness to the title) is computed only when at most ``RANK_LIMIT`` sources match: a query
    that common says little about relevance, and ranking every match would cost more than the
    page is worth, so such results come newest first; so do queries made only of one- or
    two-character terms, which no trigram index can rank. No permission check: the caller filters
    the ids (or uses :func:`source_search_queryset`).
    """
    terms = parse_query(query)
    if not terms or limit <= 0:
        return []
    long_terms, _short = _split(terms)
    # Queries of short terms alone are not ranked: no trigram closeness exists for them, and on
    # SQLite they are a scan, which ranking would run twice.
    ranked = bool(long_terms) and not _more_than(terms, RANK_LIMIT)
    sql, params = _match_sql(terms, ranked=ranked)
    order = "score ASC, id DESC" if ranked else "id DESC"
    sql = f"SELECT id FROM ({sql}) m ORDER BY {order} LIMIT %s OFFSET %s"
    with connection.cursor() as cur:
        cur.execute(sql, [*params, int(limit), max(0, int(offset))])
        return [row[0] for row in cur.fetchall()]


def _more_than(terms: list[str], n: int) -> bool:
    sql, params = _match_sql(terms, ranked=False)
    with connection.cursor() as cur:
        cur.execute(f"SELECT 1 FROM ({sql}) m LIMIT 1 OFFSET %s", [*params, n])
        return cur.fetchone() is not None


def source_search_count(query: str) -> int:
    """How many sources match ``query`` (before any permission filter)."""
    terms = parse_query(query)
    if not terms:
        return 0
    sql, params = _match_sql(terms, ranked=False)
    with connection.cursor() as cur:
        cur.execute(f"SELECT COUNT(*) FROM ({sql}) m", params)
        return int(cur.fetchone()[0])


class _DocContains(Expression):
    """``<source alias>.search_doc`` contains ``term`` (PostgreSQL), on the queryset's own row.

    Django does not know the generated column, so the alias is taken from the compiled primary
    key; filtering the row itself (not ``id IN (subquery)``) spares a join when counting.
    """

    output_field = BooleanField()
    conditional = True

    def __init__(self, term: str, pk=None):
        super().__init__()
        self.term = term
        self.pk = pk if pk is not None else F("pk")

    def get_source_expressions(self):
        return [self.pk]

    def set_source_expressions(self, exprs):
        (self.pk,) = exprs

    def as_sql(self, compiler, connection):
        pk_sql, pk_params = compiler.compile(self.pk)
        column = connection.ops.quote_name("id")
        if not pk_sql.endswith(column):
            raise NotImplementedError(f"cannot find the source table in {pk_sql!r}")
        doc = pk_sql[: -len(column)] + connection.ops.quote_name(_PG_DOC)
        sql, params = _pg_doc_contains(doc, self.term)
        return sql, [*pk_params, *params]


def source_search_queryset(query: str, base_qs: QuerySet) -> QuerySet:
    """``base_qs`` (a Source queryset, possibly permission-filtered) restricted to matches.

    It keeps ``base_qs``'s ordering; use :func:`source_search_ids` for relevance order.
    An empty query matches nothing.
    """
    terms = parse_query(query)
    if not terms:
        return base_qs.none()
    if connection.vendor == "sqlite":
        long_terms, short_terms = _split(terms)
        qs = base_qs
        if long_terms:
            phrase = " ".join(_fts_phrase(t) for t in long_terms)
            qs = qs.filter(id__in=RawSQL(
                "SELECT rowid FROM cases_source_fts WHERE cases_source_fts MATCH %s", [phrase]))
        for term in short_terms:  # Django's icontains escapes % and _ itself
            qs = qs.filter(Q(title__icontains=term) | Q(text__icontains=term))
        return qs
    if connection.vendor == "postgresql":
        for term in terms:
            base_qs = base_qs.filter(_DocContains(term))
        return base_qs
    raise NotImplementedError(f"full-text search does not support the {connection.vendor} database")

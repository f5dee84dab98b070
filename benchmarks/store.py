"""Case-store benchmark: bulk load a synthetic corpus, then time list, detail and search reads.

    python benchmarks/store.py --db sqlite   [--scale 1.0] [--requests 200] [--keep]
    python benchmarks/store.py --db postgres [--scale 1.0] [--pg-url postgres://postgres@127.0.0.1:5432/]

At scale 1.0 the corpus has 100,000 sources, 300,000 persons (one name each), 400,000 events
and 1,000,000 acts, each act with one victim and one information link. Rows go in through the
bulk path of each back end (executemany on SQLite, COPY on PostgreSQL), in batches; the
full-text index is maintained while loading (FTS5 triggers; pg_trgm GIN index).

Reads are timed the way the web views issue them: through the Django test client when the
lead's URLs (/sources/, /sources/<id>/, /persons/, /events/, /search/?q=) exist, otherwise
through the equivalent ORM queries (a filtered page of 50 with its count, a detail with related
acts and links, a ranked full-text search with its count). Results: p50/p95/max per kind,
printed, and written as JSON with --json. Results are recorded in docs/benchmarks/store.md.

The SQLite database is a fresh file in a temporary directory; the PostgreSQL database
(default ``inquiry_bench``) is created and dropped afterwards unless ``--keep``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

SEED = 20260401
BATCH = 20_000
BASE = {"sources": 100_000, "persons": 300_000, "acts": 1_000_000}
ACTS_PER_EVENT = 2.5

ACT_TYPES = ["ARBITRARY_ARREST", "ARBITRARY_DETENTION", "TORTURE", "BEATING", "FORCED_LABOUR",
             "PUBLIC_EXECUTION", "DEATH_IN_CUSTODY", "ENFORCED_DISAPPEARANCE", "ABDUCTION",
             "FORCED_REPATRIATION", "SEXUAL_VIOLENCE", "FORCED_ABORTION", "STARVATION"]
KINDS = ["interview", "public_hearing", "document", "open_source", "partner_submission"]
STATUSES = ["detained", "disappeared", "dead", "released", "returned", "unknown"]
SURNAMES = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황", "안", "송", "류", "홍"]
GIVEN = ["영", "철", "순", "희", "민", "수", "정", "호", "성", "혜", "경", "진", "광", "명", "옥", "숙", "남", "일", "춘", "금"]
PLACES = [("요덕", "Yodok"), ("개천", "Kaechon"), ("화성", "Hwasong"), ("회령", "Hoeryong"), ("청진", "Chongjin"),
          ("북창", "Pukchang"), ("함흥", "Hamhung"), ("혜산", "Hyesan"), ("신의주", "Sinuiju"), ("평양", "Pyongyang")]
KO_PHRASES = ["증인은 {place}에서 {year}년에 체포되었다고 진술했다.", "{name} 씨는 보위부에 연행된 뒤 소식이 끊겼다.",
              "수용소에서 강제노동과 굶주림이 계속되었다고 한다.", "가족 전체가 {place} 지역으로 추방되었다.",
              "공개처형을 목격했다는 진술이 있다."]
JA_PHRASES = ["証言者は{year}年に家族が拉致されたと述べた。", "{place}の収容所で強制労働を強いられたという。",
              "拉致被害者の消息はその後途絶えた。"]
EN_PHRASES = ["The witness said she was arrested in {place_en} in {year}.", "Relatives were sent to a camp near {place_en}.",
              "Synthetic benchmark text about interrogation and forced labour.",
              "A public execution was reportedly held at the {place_en} market."]


def _args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", choices=["sqlite", "postgres"], required=True)
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--requests", type=int, default=200, help="timed requests per kind (default 200)")
    ap.add_argument("--pg-url", default=os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/"))
    ap.add_argument("--pg-db", default="inquiry_bench")
    ap.add_argument("--keep", action="store_true", help="keep the benchmark database afterwards")
    ap.add_argument("--json", type=Path, help="write the results to this file")
    ap.add_argument("--via", choices=["auto", "orm", "client"], default="auto")
    ap.add_argument("--search-breakdown", action="store_true",
                    help="only time each search query on its own (search API and filtered page), no views")
    ap.add_argument("--also-orm", action="store_true", help="with --via client, also time the ORM equivalents")
    ap.add_argument("--budget-s", type=float, default=240.0,
                    help="stop timing one kind of request after this many seconds (the count is reported)")
    return ap.parse_args(argv)


# --- set-up -----------------------------------------------------------------------------------


def _configure(args) -> dict:
    work = Path(tempfile.mkdtemp(prefix="inquiry-bench-"))
    os.environ["INQUIRY_DATA_DIR"] = str(work)
    os.environ["INQUIRY_FAST_TEST_HASHER"] = "1"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inquiry.settings")
    info = {"work": str(work)}
    if args.db == "sqlite":
        os.environ["DATABASE_URL"] = f"sqlite:///{work / 'bench.sqlite3'}"
    else:
        import psycopg

        with psycopg.connect(args.pg_url.rstrip("/") + "/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{args.pg_db}"')
            conn.execute(f'CREATE DATABASE "{args.pg_db}"')
        os.environ["DATABASE_URL"] = args.pg_url.rstrip("/") + "/" + args.pg_db
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return info


def _drop_pg(args) -> None:
    import psycopg
    from django.db import connections

    connections.close_all()
    with psycopg.connect(args.pg_url.rstrip("/") + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{args.pg_db}"')


# --- synthetic rows ---------------------------------------------------------------------------


def _edtf(rng: random.Random) -> tuple[str, date, date]:
    year = rng.randint(1975, 2019)
    pick = rng.random()
    if pick < 0.5:
        return str(year), date(year, 1, 1), date(year, 12, 31)
    if pick < 0.8:
        month = rng.randint(1, 12)
        end = (date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1))
        return f"{year}-{month:02d}", date(year, month, 1), end
    if pick < 0.9:
        return f"{year}-21", date(year, 3, 1), date(year, 5, 31)
    return f"../{year}", date(1900, 1, 1), date(year, 12, 31)


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)


def _text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(3, 6)):
        place, place_en = rng.choice(PLACES)
        pool = rng.choice([KO_PHRASES, KO_PHRASES, JA_PHRASES, EN_PHRASES])
        parts.append(rng.choice(pool).format(place=place, place_en=place_en, name=_name(rng),
                                             year=rng.randint(1975, 2019)))
    return "[BENCH] " + " ".join(parts)


class Loader:
    """Writes rows through the back end's bulk path: executemany (SQLite) or COPY (PostgreSQL)."""

    def __init__(self):
        from django.db import connection

        self.connection = connection
        connection.ensure_connection()
        self.raw = connection.connection
        self.vendor = connection.vendor

    def write(self, table: str, columns: list[str], rows) -> int:
        extra_cols, extra_vals = self._defaults(table, columns)
        columns = [*columns, *extra_cols]
        count = 0
        batch: list[tuple] = []
        for row in rows:
            batch.append((*row, *extra_vals) if extra_vals else row)
            if len(batch) >= BATCH:
                self._flush(table, columns, batch)
                count += len(batch)
                batch = []
        if batch:
            self._flush(table, columns, batch)
            count += len(batch)
        return count

    @staticmethod
    def _defaults(table: str, columns: list[str]) -> tuple[list[str], tuple]:
        """Model defaults for NOT NULL columns the generator does not fill (the schema keeps growing)."""
        from django.apps import apps
        from django.db import models

        model = next(m for m in apps.get_models(include_auto_created=True) if m._meta.db_table == table)
        cols, vals = [], []
        for f in model._meta.concrete_fields:
            if f.column in columns or f.null or f.primary_key:
                continue
            value = f.get_default()
            if isinstance(f, models.JSONField):
                value = json.dumps(value)
            elif isinstance(f, models.DateTimeField) and value is None:
                value = datetime.now(UTC)
            cols.append(f.column)
            vals.append(value)
        return cols, tuple(vals)

    def _flush(self, table: str, columns: list[str], batch: list[tuple]) -> None:
        cols = ", ".join(f'"{c}"' for c in columns)
        if self.vendor == "sqlite":
            marks = ", ".join("?" for _ in columns)
            # Django keeps the sqlite3 connection in autocommit: one explicit transaction per batch.
            self.raw.execute("BEGIN IMMEDIATE")
            self.raw.executemany(f'INSERT INTO "{table}" ({cols}) VALUES ({marks})', batch)
            self.raw.execute("COMMIT")
        else:
            with self.raw.cursor() as cur, cur.copy(f'COPY "{table}" ({cols}) FROM STDIN') as copy:
                for row in batch:
                    copy.write_row(row)
            self.raw.commit()


def load(scale: float) -> dict:
    from django.core.management import call_command
    from django.db import connection

    rng = random.Random(SEED)
    n_sources = max(1, int(BASE["sources"] * scale))
    n_persons = max(1, int(BASE["persons"] * scale))
    n_acts = max(1, int(BASE["acts"] * scale))
    n_events = max(1, int(n_acts / ACTS_PER_EVENT))
    now = datetime.now(UTC)
    loader = Loader()
    timings: dict[str, float] = {}

    def timed(name, fn):
        start = time.perf_counter()
        rows = fn()
        timings[name] = time.perf_counter() - start
        print(f"  {name:<12} {rows:>10,} rows in {timings[name]:7.1f} s ({rows / timings[name]:,.0f}/s)", flush=True)
        return rows

    n_places = len(PLACES)
    timed("places", lambda: loader.write(
        "places_place", ["id", "code", "kind", "name", "name_ko", "name_ko_rok", "name_rr", "facility_type",
                         "operator_code", "status", "source", "profile"],
        ((i + 1, f"BENCH-{i}", "city", en, ko, "", en, "", "", "", "synthetic", "bench")
         for i, (ko, en) in enumerate(PLACES))))

    def sources():
        for i in range(1, n_sources + 1):
            d = _edtf(rng)
            kind = KINDS[i % len(KINDS)]
            place, place_en = rng.choice(PLACES)
            yield (i, d[0], d[1], d[2], now, now, f"BS{i:07d}", kind, f"[BENCH] {place_en} {place} 면담 {i}",
                   rng.choice(["ko", "ja", "en"]), rng.randint(1, n_places), "", "", "", "", _text(rng),
                   True, "unknown")
    timed("sources", lambda: loader.write(
        "cases_source", ["id", "date_edtf", "date_earliest", "date_latest", "created_at", "updated_at", "code",
                         "kind", "title", "language", "place_id", "interpreter", "hearing_session",
                         "video_timecode", "url", "text", "confidential", "reliability"], sources()))

    def persons():
        for i in range(1, n_persons + 1):
            d = _edtf(rng)
            yield (i, d[0], d[1], d[2], now, now, f"BP{i:07d}", rng.choice(["female", "male"]), "KP",
                   rng.choice(STATUSES), rng.randint(1, n_places), "")
    timed("persons", lambda: loader.write(
        "people_person", ["id", "date_edtf", "date_earliest", "date_latest", "created_at", "updated_at", "code",
                          "sex", "nationality", "status", "birth_place_id", "notes"], persons()))
    timed("names", lambda: loader.write(
        "people_personname", ["id", "person_id", "original", "script", "romanization", "lang", "search_text"],
        ((i, i, (nm := _name(rng)), "hangul", "", "ko", nm) for i in range(1, n_persons + 1))))

    def events():
        for i in range(1, n_events + 1):
            d = _edtf(rng)
            yield (i, d[0], d[1], d[2], now, now, f"BE{i:07d}", f"[BENCH] event {i}", "", rng.randint(1, n_places))
    timed("events", lambda: loader.write(
        "cases_event", ["id", "date_edtf", "date_earliest", "date_latest", "created_at", "updated_at", "code",
                        "title", "description", "place_id"], events()))

    def acts():
        for i in range(1, n_acts + 1):
            d = _edtf(rng)
            yield (i, d[0], d[1], d[2], now, now, (i - 1) % n_events + 1, ACT_TYPES[i % len(ACT_TYPES)],
                   rng.randint(1, n_places), "")
    acts_rows = timed("acts", lambda: loader.write(
        "cases_act", ["id", "date_edtf", "date_earliest", "date_latest", "created_at", "updated_at", "event_id",
                      "act_type", "place_id", "description"], acts()))
    timed("victims", lambda: loader.write(
        "cases_act_victims", ["id", "act_id", "person_id"],
        ((i, i, rng.randint(1, n_persons)) for i in range(1, n_acts + 1))))
    timed("links", lambda: loader.write(
        "cases_informationlink", ["id", "source_id", "act_id", "mode", "reliability", "passage", "informant"],
        ((i, rng.randint(1, n_sources), i, rng.choice(["direct", "hearsay", "documentary"]), "medium",
          "[BENCH] passage", "") for i in range(1, n_acts + 1))))

    start = time.perf_counter()
    if connection.vendor == "postgresql":
        from io import StringIO

        out = StringIO()
        call_command("sqlsequencereset", "places", "cases", "people", stdout=out, no_color=True)
        with connection.cursor() as cur:
            cur.execute(out.getvalue())
            cur.execute("ANALYZE")
    else:
        with connection.cursor() as cur:
            cur.execute("ANALYZE")
    timings["analyze"] = time.perf_counter() - start
    total_rows = n_places + n_sources + 2 * n_persons + n_events + 3 * n_acts
    total_time = sum(timings.values())
    return {"sources": n_sources, "persons": n_persons, "events": n_events, "acts": n_acts,
            "acts_per_s": acts_rows / timings["acts"], "rows": total_rows, "load_s": total_time,
            "rows_per_s": total_rows / total_time, "timings_s": timings}


# --- timed reads ------------------------------------------------------------------------------


def _urls_exist() -> bool:
    from django.urls import Resolver404, resolve

    try:
        for url in ("/sources/", "/sources/1/", "/persons/", "/events/", "/search/"):
            resolve(url)
    except Resolver404:
        return False
    return True


def _orm_cases(rng: random.Random, sizes: dict):
    from django.db.models import Prefetch

    from inquiry.cases.models import Act, Event, InformationLink, Source
    from inquiry.cases.search import source_search_count, source_search_ids
    from inquiry.people.models import Person

    def source_list():
        kind = rng.choice(KINDS)
        page = rng.randint(0, 99)
        qs = Source.objects.filter(kind=kind).select_related("place").order_by("-id")
        total = qs.count()
        rows = list(qs.only("id", "code", "title", "kind", "date_edtf", "place__name")[page * 50:page * 50 + 50])
        return total, rows

    def person_list():
        status = rng.choice(STATUSES)
        page = rng.randint(0, 99)
        qs = Person.objects.filter(status=status, merged_into__isnull=True).order_by("code")
        total = qs.count()
        rows = list(qs.prefetch_related("names")[page * 50:page * 50 + 50])
        return total, rows

    def event_list():
        year = rng.randint(1980, 2015)
        page = rng.randint(0, 19)
        qs = Event.objects.filter(date_earliest__lte=date(year, 12, 31), date_latest__gte=date(year, 1, 1)) \
            .select_related("place").order_by("-id")
        total = qs.count()
        rows = list(qs[page * 50:page * 50 + 50])
        return total, rows

    def source_detail():
        src = Source.objects.select_related("place", "partner", "witness").get(id=rng.randint(1, sizes["sources"]))
        links = list(InformationLink.objects.filter(source=src).select_related("act__event", "act__place")[:200])
        return src, links

    def event_detail():
        event = Event.objects.select_related("place").get(id=rng.randint(1, sizes["events"]))
        acts = list(Act.objects.filter(event=event).select_related("place").prefetch_related(
            "victims__names", Prefetch("links", queryset=InformationLink.objects.select_related("source"))))
        return event, acts

    def person_detail():
        person = Person.objects.prefetch_related("names").get(id=rng.randint(1, sizes["persons"]))
        acts = list(person.acts_suffered.select_related("event", "place")[:100])
        return person, acts

    queries = ["수용소", "강제노동", "拉致被害者", "強制労働", "public execution", "interrogation", "평양", "拉致",
               "김영", "Hoeryong", "회령 추방", "BS00123"]

    def search():
        q = rng.choice(queries)
        return source_search_count(q), source_search_ids(q, limit=50)

    return {"source_list": source_list, "person_list": person_list, "event_list": event_list,
            "source_detail": source_detail, "event_detail": event_detail, "person_detail": person_detail,
            "search": search}


def _client_cases(rng: random.Random, sizes: dict):
    from django.test import Client

    from inquiry.accounts.models import User

    analyst = User.objects.create_user(username="bench-analyst", password="bench-password-123", role="analyst")
    client = Client()
    client.force_login(analyst)

    def get(url):
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
        return response

    queries = ["수용소", "강제노동", "拉致被害者", "public execution", "평양", "拉致", "김영", "Hoeryong"]
    rare = ["요덕 김영", "Hoeryong 1997", "拉致被害者 1979", "회령 추방"]
    return {
        "source_list": lambda: get(f"/sources/?kind={rng.choice(KINDS)}&page={rng.randint(1, 100)}"),
        "person_list": lambda: get(f"/persons/?page={rng.randint(1, 100)}"),
        "event_list": lambda: get(f"/events/?page={rng.randint(1, 20)}"),
        "source_detail": lambda: get(f"/sources/{rng.randint(1, sizes['sources'])}/"),
        "person_detail": lambda: get(f"/persons/{rng.randint(1, sizes['persons'])}/"),
        "event_detail": lambda: get(f"/events/{rng.randint(1, sizes['events'])}/"),
        "search_page": lambda: get(f"/search/?q={quote(rng.choice(queries))}"),
        "source_search_common": lambda: get(f"/sources/?q={quote(rng.choice(queries))}"),
        "source_search_rare": lambda: get(f"/sources/?q={quote(rng.choice(rare))}"),
    }


SEARCH_QUERIES = ["수용소", "강제노동", "拉致被害者", "強制労働", "public execution", "interrogation", "Hoeryong",
                  "평양", "拉致", "김영", "회령 추방", "요덕 김영", "Hoeryong 1997", "拉致被害者 1979"]


def search_breakdown(n: int) -> dict:
    """Per query: matches, the search API (count + first ranked page) and a filtered page of 50 + count."""
    from inquiry.cases.models import Source
    from inquiry.cases.search import source_search_count, source_search_ids, source_search_queryset

    def api(q):
        return source_search_count(q), source_search_ids(q, limit=50)

    def page(q):
        qs = source_search_queryset(q, Source.objects.all()).order_by("-id")
        return qs.count(), list(qs.only("id", "code", "title")[:50])

    out = {}
    for q in SEARCH_QUERIES:
        row = {"matches": source_search_count(q)}
        for name, fn in (("api", api), ("page", page)):
            fn(q)
            samples = []
            for _ in range(n):
                start = time.perf_counter()
                fn(q)
                samples.append((time.perf_counter() - start) * 1000)
            row[f"{name}_p50_ms"] = statistics.median(samples)
            row[f"{name}_max_ms"] = max(samples)
        out[q] = row
        print(f"  {q:<16} {row['matches']:>7} matches   api p50 {row['api_p50_ms']:7.1f} ms   "
              f"page p50 {row['page_p50_ms']:7.1f} ms", flush=True)
    return out


def measure(cases: dict, n: int, budget_s: float) -> dict:
    out = {}
    for name, fn in cases.items():
        for _ in range(3):  # warm caches and connections
            fn()
        samples = []
        began = time.perf_counter()
        for _ in range(n):
            start = time.perf_counter()
            fn()
            samples.append((time.perf_counter() - start) * 1000)
            if time.perf_counter() - began > budget_s:  # far over target anyway: say so, move on
                break
        samples.sort()
        out[name] = {"n": len(samples), "p50_ms": statistics.median(samples), "p95_ms": samples[int(0.95 * (len(samples) - 1))],
                     "max_ms": samples[-1]}
        print(f"  {name:<20} n={len(samples):<4} p50 {out[name]['p50_ms']:7.1f} ms   p95 {out[name]['p95_ms']:7.1f} ms   "
              f"max {out[name]['max_ms']:7.1f} ms", flush=True)
    return out


def main(argv: list[str] | None = None) -> int:
    args = _args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    info = _configure(args)
    try:
        from django.db import connection

        print(f"loading scale {args.scale} into {args.db} ({connection.vendor})", flush=True)
        sizes = load(args.scale)
        print(f"  acts loaded at {sizes['acts_per_s']:,.0f} acts/s; all {sizes['rows']:,} rows at "
              f"{sizes['rows_per_s']:,.0f} rows/s", flush=True)
        if args.search_breakdown:
            print("timing each search query (20 runs each)", flush=True)
            result = {"db": args.db, "date": datetime.now(UTC).isoformat(timespec="seconds"),
                      "db_version": _db_version(), "load": sizes, "search": search_breakdown(20)}
            if args.json:
                args.json.write_text(json.dumps(result, indent=2, default=str))
            return 0
        via = args.via
        if via == "auto":
            via = "client" if _urls_exist() else "orm"
        print(f"timing reads via {via}, {args.requests} requests each", flush=True)
        rng = random.Random(SEED + 1)
        cases = _client_cases(rng, sizes) if via == "client" else _orm_cases(rng, sizes)
        reads = measure(cases, args.requests, args.budget_s)
        if via == "client" and args.also_orm:
            print("timing the ORM equivalents too", flush=True)
            reads_orm = measure(_orm_cases(random.Random(SEED + 2), sizes), args.requests, args.budget_s)
        else:
            reads_orm = None
        result = {
            "db": args.db, "vendor": connection.vendor, "scale": args.scale, "via": via,
            "date": datetime.now(UTC).isoformat(timespec="seconds"),
            "machine": {"python": platform.python_version(), "platform": platform.platform(),
                        "cpus": os.cpu_count()},
            "db_version": _db_version(), "load": sizes, "reads": reads, "reads_orm": reads_orm,
        }
        if args.json:
            args.json.write_text(json.dumps(result, indent=2, default=str))
            print(f"results written to {args.json}")
    finally:
        if not args.keep:
            if args.db == "postgres":
                _drop_pg(args)
            else:
                from django.db import connections

                connections.close_all()
            shutil.rmtree(info["work"], ignore_errors=True)
    return 0


def _db_version() -> str:
    from django.db import connection

    with connection.cursor() as cur:
        if connection.vendor == "postgresql":
            cur.execute("SHOW server_version")
        else:
            cur.execute("SELECT sqlite_version()")
        return str(cur.fetchone()[0])


if __name__ == "__main__":
    raise SystemExit(main())

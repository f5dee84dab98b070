"""Load test of the workbench with wrk: 20 signed-in users on the 1,000,000-act benchmark database.

    python benchmarks/store.py --db sqlite --keep --requests 5        # prints the work directory
    python benchmarks/web_load.py --db sqlite --work /tmp/inquiry-bench-XXXX [--users 20] [--duration 30]
    python benchmarks/store.py --db postgres --keep --requests 5
    python benchmarks/web_load.py --db postgres [--pg-db inquiry_bench] --work DIR_FOR_KEYS

The server is ``inquiry serve`` (gunicorn, as shipped) in its own processes. Each user is a wrk
connection carrying an analyst's session cookie, picking a random URL of the group being
measured. Two regimes: *users* wait ``--think-ms`` (uniform 0.5–1.5×) between requests, as
people reading a page do; *saturation* (``--think-ms 0``) fires back to back, which measures
the server's capacity rather than what a user feels. wrk's own latency histogram gives p50,
p95 and p99 per group. Results: printed and, with ``--json``, written to a file; recorded in
docs/benchmarks/web_load.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

LUA = r"""
local paths = {}
for line in io.lines("%(paths)s") do paths[#paths + 1] = line end
local think = %(think)d
local counter = 0
math.randomseed(os.time() + math.floor(os.clock() * 1000000))
request = function()
  local path = paths[math.random(#paths)]
  return wrk.format("GET", path, {["Cookie"] = "%(cookie)s", ["Accept-Language"] = "en"})
end
delay = function()
  if think == 0 then return 0 end
  return math.floor(think * (0.5 + math.random()))
end
done = function(summary, latency, requests)
  local codes = summary.errors
  io.write(string.format('RESULT {"requests": %%d, "p50_ms": %%.1f, "p95_ms": %%.1f, "p99_ms": %%.1f, ' ..
    '"max_ms": %%.1f, "non_2xx": %%d, "errors": %%d, "duration_s": %%.1f}\n',
    summary.requests, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, codes.status,
    codes.connect + codes.read + codes.write + codes.timeout, summary.duration / 1e6))
end
"""


def _args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", choices=["sqlite", "postgres"], required=True)
    ap.add_argument("--work", type=Path, required=True, help="the directory store.py --keep left (data dir)")
    ap.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432/")
    ap.add_argument("--pg-db", default="inquiry_bench")
    ap.add_argument("--users", type=int, default=20)
    ap.add_argument("--duration", type=int, default=30, help="seconds per group")
    ap.add_argument("--think-ms", type=int, default=1000, help="mean pause between a user's requests; 0 saturates")
    ap.add_argument("--workers", type=int, default=4, help="server processes (inquiry serve's default on 2 cores)")
    ap.add_argument("--threads", type=int, default=8, help="threads per server process")
    ap.add_argument("--groups", nargs="*", help="only these URL groups")
    ap.add_argument("--json", type=Path)
    return ap.parse_args(argv)


def _setup_env(args) -> None:
    os.environ["INQUIRY_DATA_DIR"] = str(args.work)
    os.environ["INQUIRY_FAST_TEST_HASHER"] = "1"
    os.environ["DJANGO_SETTINGS_MODULE"] = "inquiry.settings"
    if args.db == "sqlite":
        os.environ["DATABASE_URL"] = f"sqlite:///{args.work / 'bench.sqlite3'}"
    else:
        os.environ["DATABASE_URL"] = args.pg_url.rstrip("/") + "/" + args.pg_db


def _session_cookie() -> str:
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from inquiry.accounts.models import User

    call_command("migrate", verbosity=0)
    from inquiry.places.services import reference_data_load

    reference_data_load(actor="system")  # what inquiry serve loads first: the facet URLs need its places
    user = User.objects.filter(username="bench-analyst").first()
    if user is None:
        user = User.objects.create_user(username="bench-analyst", password=None, role="analyst")
    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def _url_groups(rng: random.Random) -> dict[str, list[str]]:
    """URLs per group, drawn from the rows actually in the database."""
    from django.db.models import Max

    from inquiry.cases.models import Event, Source
    from inquiry.cases.vocabulary import known_act_types
    from inquiry.people.models import Person
    from inquiry.places.models import Place

    def ids(model, n=200):
        top = model.objects.aggregate(m=Max("id"))["m"] or 1
        return [rng.randint(1, top) for _ in range(n)]

    pages = [1, 2, 3, 10, 100]
    terms = ["김영", "평양", "요덕", "Yodok", "Kim Yong", "arrest", "拉致", "강제노동", "Hoeryong", "박순희",
             "interrogation", "수용소", "Chongjin", "이철", "Pak Sun"]
    act_types = list(known_act_types())[:12]
    provinces = list(Place.objects.filter(kind="province").values_list("code", flat=True))
    facilities = list(Place.objects.filter(kind="facility").values_list("code", flat=True))
    groups = {
        "lists": [f"/{kind}/?page={p}" for kind in ("sources", "persons", "events", "places") for p in pages],
        "search": [f"/search/?q={urllib.parse.quote(t)}" for t in terms],
        "facets": ([f"/search/?act_type={a}" for a in act_types]
                   + [f"/search/?province={p}&period=1990s" for p in provinces]
                   + [f"/search/?facility={f}" for f in facilities]),
        "details": ([f"/sources/{i}/" for i in ids(Source)] + [f"/persons/{i}/" for i in ids(Person)]
                    + [f"/events/{i}/" for i in ids(Event)]),
        "explore": ["/map/", "/timeline/", "/dashboards/"] + [f"/map/?act_type={a}" for a in act_types[:4]]
                   + [f"/dashboards/?province={p}" for p in provinces[:4]],
    }
    return groups


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str, proc) -> None:
    for _ in range(600):
        if proc.poll() is not None:
            raise SystemExit(f"the server stopped (exit {proc.returncode})")
        try:
            urllib.request.urlopen(url + "/login/", timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("the server did not start")


def _wait_for_workers(log: Path, workers: int) -> None:
    """Every worker builds its facet index as it starts; time nothing before they all have."""
    for _ in range(600):
        if log.read_text().count(" ready: facet index") >= workers:
            return
        time.sleep(0.5)
    raise SystemExit("the workers did not report ready")


def _check(base: str, cookie: str, paths: list[str]) -> list[str]:
    """Refuse to time error pages: every path must answer 200 once before the load starts."""
    bad = []
    for path in paths:
        req = urllib.request.Request(base + path, headers={"Cookie": cookie})
        try:
            with urllib.request.urlopen(req, timeout=180) as r:
                if r.status != 200:
                    bad.append(f"{path}: {r.status}")
        except urllib.error.HTTPError as e:
            if e.code != 404 or not path.split("?")[0].rstrip("/").split("/")[-1].isdigit():
                bad.append(f"{path}: {e.code}")
        except TimeoutError:  # the server is still working off the previous group's backlog
            bad.append(f"{path}: no answer within 180 s")
    return bad


def main(argv=None) -> int:
    args = _args(argv)
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    _setup_env(args)
    cookie = _session_cookie()
    groups = _url_groups(random.Random(7))
    if args.groups:
        groups = {k: v for k, v in groups.items() if k in args.groups}
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    tmp = Path(tempfile.mkdtemp(prefix="inquiry-wrk-"))
    # The server's log goes to a file: an unread pipe fills up and stalls the server.
    server_log = (tmp / "server.log").open("w")
    print(f"server log: {tmp / 'server.log'}", flush=True)
    server = subprocess.Popen([sys.executable, "-m", "inquiry.cli", "serve", "--port", str(port),
                               "--workers", str(args.workers), "--threads", str(args.threads)], env=os.environ.copy(),
                              stdout=server_log, stderr=subprocess.STDOUT)
    results = {}
    try:
        _wait(base, server)
        _wait_for_workers(tmp / "server.log", args.workers)
        for name, paths in groups.items():
            bad = _check(base, cookie, paths)
            if bad:
                print(f"{name}: skipped, not every URL answers 200: {bad[:5]}", flush=True)
                results[name] = {"skipped": bad[:20]}
                continue
            (tmp / f"{name}.txt").write_text("\n".join(paths) + "\n")
            script = tmp / f"{name}.lua"
            script.write_text(LUA % {"paths": tmp / f"{name}.txt", "think": args.think_ms, "cookie": cookie})
            out = subprocess.run(["wrk", "-t2", f"-c{args.users}", f"-d{args.duration}s", "--timeout", "10s",
                                  "-s", str(script), base], capture_output=True, text=True, check=True).stdout
            line = next(x for x in out.splitlines() if x.startswith("RESULT "))
            results[name] = json.loads(line[len("RESULT "):])
            results[name]["urls"] = len(paths)
            print(f"{name:8s} {results[name]}", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)
    report = {"db": args.db, "users": args.users, "think_ms": args.think_ms, "duration_s": args.duration,
              "workers": args.workers, "threads": args.threads, "date": datetime.now(UTC).isoformat(timespec="seconds"),
              "machine": {"python": platform.python_version(), "platform": platform.platform(),
                          "cpus": os.cpu_count(), "load_avg": os.getloadavg()},
              "results": results}
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

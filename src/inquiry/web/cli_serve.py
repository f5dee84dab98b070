"""``inquiry serve``: set up the data directory if needed, then serve the web application.

Several worker processes (gunicorn), not one: a Python process runs one request at a time on
the CPU, so one process served five or six search pages a second however many threads it had.
Two per core rather than one: a browser keeps its connection to one worker, and with one worker
per core an unlucky spread of users left one worker queueing while the other idled (p95 of the
search 195 ms with two workers, 161 ms with four, on two cores; docs/benchmarks/web_load.md).
Every worker shares the database, the data directory and the vault key file; nothing a request
depends on lives in one process's memory except caches that each worker rebuilds for itself.
Gunicorn's access log stays off: URLs carry search terms, which can be names.
"""

from __future__ import annotations

import argparse
import os

from gunicorn.app.base import BaseApplication

MAX_DEFAULT_WORKERS = 8


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="set up the data directory and serve the web application")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--workers", type=int, default=min(2 * (os.cpu_count() or 1), MAX_DEFAULT_WORKERS),
                   help="server processes (default: two per core, at most 8)")
    p.add_argument("--threads", type=int, default=8, help="threads per server process")
    p.add_argument("--demo", action="store_true", help="also load the clearly labelled fictional demo dataset")
    p.add_argument("--setup-only", action="store_true", help="set up and exit without serving")
    p.set_defaults(func=run)


def run(args) -> int:
    from django.conf import settings

    from inquiry.web.bootstrap import bootstrap

    password = bootstrap(demo=args.demo)
    print(f"inquiry: data directory {settings.DATA_DIR}", flush=True)
    if password:
        print("inquiry: created the administrator account 'admin'.", flush=True)
        print(f"inquiry: one-time password: {password}", flush=True)
        print("inquiry: it is shown only now; sign in and keep it safe, or create users with "
              "'inquiry createuser NAME --role ROLE'.", flush=True)
    if args.setup_only:
        return 0
    if args.workers < 1 or args.threads < 1:
        print("inquiry: --workers and --threads must be at least 1.", flush=True)
        return 2
    from django.db import connections

    from inquiry.wsgi import application

    # The workers are forked from this process: none may inherit its database connections.
    connections.close_all()
    print(f"inquiry: serving on http://{args.host}:{args.port}/ with {args.workers} worker(s) "
          f"of {args.threads} threads  (Ctrl-C stops)", flush=True)
    _Server(application, {"bind": f"{args.host}:{args.port}", "workers": args.workers, "threads": args.threads,
                          "worker_class": "gthread", "accesslog": None, "proc_name": "inquiry",
                          "graceful_timeout": 10, "control_socket_disable": True,
                          "post_worker_init": _warm_up}).run()
    return 0


def _warm_up(worker) -> None:
    """Build the worker's in-memory facet counts in the background (seconds on a million acts)."""
    import threading

    from inquiry.cases.facet_index import warm_up

    threading.Thread(target=warm_up, name="facet-index-warm-up", daemon=True).start()


class _Server(BaseApplication):
    def __init__(self, application, options: dict):
        self.application, self.options = application, options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        return self.application

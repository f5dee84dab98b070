"""``inquiry serve``: set up the data directory if needed, then serve the web application."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="set up the data directory and serve the web application")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--threads", type=int, default=8)
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
    from waitress import serve

    from inquiry.wsgi import application

    print(f"inquiry: serving on http://{args.host}:{args.port}/  (Ctrl-C stops)", flush=True)
    serve(application, host=args.host, port=args.port, threads=args.threads, ident="inquiry")
    return 0

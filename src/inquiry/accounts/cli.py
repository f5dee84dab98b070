"""``inquiry createuser NAME --role ROLE``."""

from __future__ import annotations

import argparse

from inquiry.accounts.roles import Role


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("createuser", help="create a user with a role; prints a generated password")
    p.add_argument("username")
    p.add_argument("--role", required=True, choices=Role.values)
    p.add_argument("--partner", default="", help="partner organisation code (role partner)")
    p.add_argument("--password-file", help="read the password from this file instead of generating one")
    p.set_defaults(func=run)


def run(args) -> int:
    from pathlib import Path

    from inquiry.accounts.services import generate_password, user_create

    password = Path(args.password_file).read_text().strip() if args.password_file else generate_password()
    user_create(actor="cli", username=args.username, role=args.role, password=password, partner_code=args.partner)
    print(f"created {args.username} ({args.role})")
    if not args.password_file:
        print(f"one-time password: {password}")
    return 0

"""The single ``inquiry`` entry point.

Pure-library commands (names, link, estimate) run without Django. Everything else configures
Django first. Unknown commands fall through to Django's management commands.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from inquiry.errors import InquiryError

# Each pure package exposes ``register(subparsers)`` in its ``cli`` module; the parser it adds
# sets ``func`` to a callable taking the parsed args and returning an exit code.
PURE_COMMANDS = {
    "names": "inquiry.names.cli",
    "link": "inquiry.linkage.cli",
    "estimate": "inquiry.estimate.cli",
    "law": "inquiry.law.cli",
}
DJANGO_COMMANDS = {
    "serve": "inquiry.web.cli_serve",
    "createuser": "inquiry.accounts.cli",
    "audit": "inquiry.audit.cli",
    "backup": "inquiry.vault.cli_backup",
    "restore": "inquiry.vault.cli_backup",
    "vault": "inquiry.vault.cli",
}


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inquiry.settings")
    import django

    django.setup()


def build_parser(commands: dict[str, str]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="inquiry", description="Inquiry: the commission's information system.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    seen: set[str] = set()
    for module_name in commands.values():
        if module_name in seen:
            continue
        seen.add(module_name)
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.startswith("inquiry"):
                continue  # capability not built yet
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = argv[0] if argv else ""
    try:
        if command in PURE_COMMANDS:
            parser = build_parser({command: PURE_COMMANDS[command]})
        else:
            _setup_django()
            if command and command not in DJANGO_COMMANDS and not command.startswith("-"):
                from django.core.management import execute_from_command_line

                execute_from_command_line(["inquiry", *argv])
                return 0
            parser = build_parser({**DJANGO_COMMANDS, **PURE_COMMANDS})
        args = parser.parse_args(argv)
        if not getattr(args, "func", None):
            parser.print_help()
            return 0 if not argv else 2
        return int(args.func(args) or 0)
    except InquiryError as exc:
        where = ""
        if exc.row is not None:
            where += f"row {exc.row}: "
        if exc.field:
            where += f"{exc.field}: "
        print(f"inquiry: error: {where}{exc.render()}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("inquiry: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away; that is not an error of ours.
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        except OSError:
            pass
        return 0


if __name__ == "__main__":
    sys.exit(main())

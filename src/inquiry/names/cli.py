"""`inquiry names compare A B`: print the parse of both names, the score and the verdict as JSON."""

from __future__ import annotations

import argparse
import json

from inquiry.names import MATCH_THRESHOLD, canonical_forms, name_keys, name_similarity, parse_name
from inquiry.names.model import PersonName

__all__ = ["register"]


def _describe(name: PersonName) -> dict[str, object]:
    return {
        "original": name.original,
        "script": name.script,
        "lang": name.lang,
        "surname": name.surname,
        "given": name.given,
        "hangul": name.hangul,
        "surname_cluster": name.surname_cluster,
        "romanizations": name.romanization,
        "canonical_forms": canonical_forms(name),
        "keys": sorted(name_keys(name)),
    }


def _compare(args: argparse.Namespace) -> int:
    a = parse_name(args.a, lang=args.lang_a)
    b = parse_name(args.b, lang=args.lang_b)
    score = name_similarity(a, b)
    out = {
        "a": _describe(a),
        "b": _describe(b),
        "score": round(score, 4),
        "threshold": MATCH_THRESHOLD,
        "match": score >= MATCH_THRESHOLD,
        "note": "A match means the two strings can be the same name, not that they are the same person.",
    }
    print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("names", help="Parse and compare personal names across scripts.")
    parser.set_defaults(func=lambda _args: _usage(parser))
    sub = parser.add_subparsers(dest="names_command", metavar="SUBCOMMAND")
    compare = sub.add_parser("compare", help="Compare two names and print the parse, score and verdict as JSON.")
    compare.add_argument("a", help="first name, in any script")
    compare.add_argument("b", help="second name, in any script")
    compare.add_argument("--lang-a", choices=["ko", "ja"], default=None, help="language of the first name")
    compare.add_argument("--lang-b", choices=["ko", "ja"], default=None, help="language of the second name")
    compare.set_defaults(func=_compare)

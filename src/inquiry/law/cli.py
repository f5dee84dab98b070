"""``inquiry law``: list the article 7 crimes and check a draft finding described in JSON."""

from __future__ import annotations

import argparse
import json
import textwrap
from dataclasses import asdict
from pathlib import Path
from typing import Any

from inquiry.errors import InvalidInput

__all__ = ["register", "load_check_file"]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("law", help="article 7 elements, standard of proof and elements matrix")
    sub = parser.add_subparsers(dest="law_command", metavar="SUBCOMMAND")

    crimes = sub.add_parser("crimes", help="list the crimes with element counts and verification status")
    _common(crimes)
    crimes.set_defaults(func=_crimes)

    elements = sub.add_parser("elements", help="print the elements of one crime, e.g. '7(1)(e)'")
    elements.add_argument("crime")
    _common(elements)
    elements.set_defaults(func=_elements)

    check = sub.add_parser("check", help="evaluate a draft finding (JSON) and print the elements matrix")
    check.add_argument("file", type=Path, help="JSON: {finding, sources, context_acts?}; see docs/law.md")
    check.add_argument(
        "--standard", default=None, help="name of a standard in the profile (default: its default)"
    )
    _common(check)
    check.set_defaults(func=_check)

    parser.set_defaults(func=lambda args: (parser.print_help(), 0)[1])


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--profile", default="dprk", help="deployment profile (default: dprk)")
    parser.add_argument("--format", choices=("text", "json"), default="text")


def _crimes(args: argparse.Namespace) -> int:
    from inquiry.profiles import load_profile

    framework = load_profile(args.profile).framework
    rows = [
        {
            "code": c.code,
            "title": c.title,
            "elements": len(c.elements),
            "specific": len(c.specific_elements),
            "contextual": len(c.contextual_elements),
            "verification": c.verification_counts(),
        }
        for c in framework.crimes
    ]
    if args.format == "json":
        print(
            json.dumps(
                {"framework": framework.name, "crimes": rows, "total_elements": framework.element_count},
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    width = max(len(r["code"]) for r in rows)
    for r in rows:
        status = ", ".join(f"{k} {v}" for k, v in sorted(r["verification"].items()))
        print(f"{r['code']:<{width}}  {r['elements']}  {r['title']}  [{status}]")
    print(f"{len(rows)} crimes, {framework.element_count} elements")
    return 0


def _elements(args: argparse.Namespace) -> int:
    from inquiry.profiles import load_profile

    crime = load_profile(args.profile).framework.crime(args.crime)
    if args.format == "json":
        print(json.dumps(asdict(crime), ensure_ascii=False, indent=2))
        return 0
    print(f"{crime.code} {crime.title}")
    for e in crime.elements:
        tag = "contextual" if e.contextual else "specific"
        print(f"  {e.number}. [{tag}; {e.verification}]")
        print(textwrap.indent(textwrap.fill(e.full_text, 96), "     "))
    return 0


def load_check_file(path: Path) -> dict[str, Any]:
    """Read and parse the JSON given to ``inquiry law check`` into plain inputs."""
    from inquiry.law.acts import Act, DraftFinding
    from inquiry.law.corroboration import SourceRef

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InvalidInput(
            "Cannot read {path}: {problem}.",
            field="file",
            code="unreadable_file",
            path=str(path),
            problem=exc.strerror or str(exc),
        ) from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(
            "{path} is not valid JSON: {problem} (line {line}).",
            field="file",
            row=exc.lineno,
            code="bad_json",
            path=str(path),
            problem=exc.msg,
            line=exc.lineno,
        ) from exc
    if not isinstance(data, dict) or "finding" not in data:
        raise InvalidInput(
            "The JSON must be an object with a 'finding' key.", field="finding", code="missing_field"
        )
    raw_sources = data.get("sources") or []
    if not isinstance(raw_sources, list):
        raise InvalidInput("sources must be a list.", field="sources", code="not_a_list")
    sources = [SourceRef.from_mapping(s, row=i) for i, s in enumerate(raw_sources, start=1)]
    context = data.get("context_acts")
    return {
        "finding": DraftFinding.from_mapping(data["finding"]),
        "sources": sources,
        "context_acts": None
        if context is None
        else [Act.from_mapping(a, row=i) for i, a in enumerate(context, start=1)],
    }


def _check(args: argparse.Namespace) -> int:
    from inquiry.law.matrix import elements_matrix
    from inquiry.law.proof import StandardOfProof
    from inquiry.profiles import load_profile

    profile = load_profile(args.profile)
    inputs = load_check_file(args.file)
    standard = StandardOfProof.from_profile(profile, name=args.standard)
    matrix = elements_matrix(
        inputs["finding"],
        sources=inputs["sources"],
        profile=profile,
        standard=standard,
        context_acts=inputs["context_acts"],
    )
    if args.format == "json":
        print(json.dumps(matrix.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(render_text(matrix))
    return 0


def render_text(matrix: Any) -> str:
    lines = [
        f"Finding {matrix.finding_id}: {matrix.title}".rstrip(": "),
        f"Standard of proof: {matrix.standard}. Verdict: {matrix.status.replace('_', ' ')}.",
    ]
    for r in matrix.reasons:
        lines.append(f"  - {r.message}")
    lines.append("")
    lines.append("Patterns (contextual evidence):")
    for p in matrix.patterns:
        lines.append(f"  {p.subject}: {p.status.replace('_', ' ')}")
        lines += [f"    - {r.message}" for r in p.reasons if r.code.startswith("pattern_")]
    lines.append("Incidents:")
    for v in matrix.incidents:
        lines.append(f"  {v.subject}: {v.status.replace('_', ' ')}")
        lines += [
            f"    - {r.message}" for r in v.reasons if r.code not in ("standard_met", "standard_not_met")
        ]
    for crime in matrix.crimes:
        lines.append("")
        gaps = f"; gaps: elements {', '.join(map(str, crime.gaps))}" if crime.gaps else ""
        lines.append(f"{crime.code} {crime.title}: {crime.status.replace('_', ' ')}{gaps}")
        for e in crime.elements:
            kind = "contextual" if e.contextual else "specific"
            acts = ", ".join(e.supporting_acts) or "-"
            lines.append(
                f"  {e.number}. {e.status.replace('_', ' '):<11} {kind:<10} acts: {acts}; "
                f"sources: {', '.join(e.source_ids) or '-'} [{e.verification}]"
            )
            lines.append(textwrap.indent(textwrap.fill(e.text, 92), "       "))
            lines += [f"       - {r.message}" for r in e.reasons]
    return "\n".join(lines)

"""``inquiry link``: link person records from a CSV file into clusters."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from inquiry.errors import InvalidInput
from inquiry.linkage.csvio import read_judgements, read_records, write_clusters, write_pairs
from inquiry.linkage.engine import ENGINES
from inquiry.linkage.link import DEFAULT_THRESHOLD, link_records

__all__ = ["register", "run"]


def _probability(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a probability between 0 and 1")
    return value


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "link", help="link person records across lists (probabilistic, Splink)",
        description="Link person records across lists. Input columns: record_id,name plus any of "
                    "birth_date,sex,birth_place,last_seen_place,facility,nationality,relatives (';'-separated),"
                    "source. Several spellings of a name may share the name cell, separated by '|'.",
    )
    parser.add_argument("records", type=Path, metavar="RECORDS.csv")
    parser.add_argument("--out", type=Path, required=True, metavar="CLUSTERS.csv",
                        help="record_id,cluster_id,cluster_size")
    parser.add_argument("--pairs", type=Path, metavar="PAIRS.csv",
                        help="scored pairs with per-comparison weights (default: CLUSTERS.pairs.csv)")
    parser.add_argument("--engine", choices=ENGINES, default="duckdb")
    parser.add_argument("--threshold", type=_probability, default=DEFAULT_THRESHOLD, metavar="P",
                        help=f"match probability at which records join a cluster (default {DEFAULT_THRESHOLD})")
    parser.add_argument("--review-band", type=_probability, nargs=2, default=(0.2, 0.9), metavar=("LOW", "HIGH"),
                        help="probabilities of the pairs sent to human review (default 0.2 0.9)")
    parser.add_argument("--judgements", type=Path, metavar="JUDGEMENTS.csv",
                        help="human decisions: id_a,id_b,judgement (same / not same); they override the model")
    parser.add_argument("--train", choices=("auto", "yes", "no"), default="auto",
                        help="estimate the model from the data (auto: from 1000 records on)")
    parser.add_argument("--sources-may-repeat", action="store_true",
                        help="a source list may name one person several times (by default two records of one "
                             "list join a cluster only when the model is very sure of that pair)")
    parser.add_argument("--memory-limit", metavar="SIZE",
                        help="DuckDB memory limit such as 6GB; beyond it DuckDB spills to a temporary folder")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    started = time.monotonic()

    def progress(message: str) -> None:
        if not args.quiet:
            print(f"inquiry link: [{time.monotonic() - started:7.1f}s] {message}", file=sys.stderr, flush=True)

    pairs_path = args.pairs or args.out.with_name(
        (args.out.stem if args.out.suffix.lower() == ".csv" else args.out.name) + ".pairs.csv")
    for option, path in (("out", args.out), ("pairs", pairs_path)):
        if not path.parent.is_dir():  # fail before an hour of linking, not after
            raise InvalidInput("The folder {folder} does not exist.", field=option, folder=str(path.parent))
    records, row_numbers = read_records(args.records)
    judgements = read_judgements(args.judgements) if args.judgements else None
    train = {"auto": None, "yes": True, "no": False}[args.train]
    try:
        result = link_records(records, engine=args.engine, threshold=args.threshold,
                              review_band=tuple(args.review_band), judgements=judgements, train=train,
                              duckdb_memory_limit=args.memory_limit, progress=progress,
                              source_exclusive=not args.sources_may_repeat)
    except InvalidInput as exc:
        # Positions in the list of records -> rows in the file.
        if exc.row is not None and 1 <= exc.row <= len(row_numbers):
            exc.row = row_numbers[exc.row - 1]
        first = exc.params.get("first")
        if isinstance(first, int) and 1 <= first <= len(row_numbers):
            exc.params["first"] = row_numbers[first - 1]
        raise
    write_clusters(args.out, result)
    write_pairs(pairs_path, result)
    clusters = len(set(result.clusters.values()))
    progress(f"{len(records):,} records in {clusters:,} clusters; {len(result.pairs):,} pairs "
             f"({len(result.review_queue):,} to review) written to {args.out} and {pairs_path}")
    for a, b in result.conflicts:
        print(f"inquiry link: warning: the “same” judgement on {a} and {b} contradicts “not same” judgements; "
              "it was not applied", file=sys.stderr)
    return 0

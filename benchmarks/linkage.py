"""Benchmark ``inquiry.linkage`` on synthetic lists with known truth, against a generic Splink model.

Each (size, method) runs in its own subprocess so that peak memory (ru_maxrss, which covers
DuckDB's native allocations, unlike tracemalloc) belongs to that run alone; the synthetic data is
generated beforehand by another subprocess and cached as CSV.

Usage:
    python benchmarks/linkage.py --sizes 10000 100000 [--methods inquiry generic diagnose] [--workdir DIR]
        [--seed S]

``diagnose`` reports pair completeness of the blocking, the ceiling (true pairs with any evidence
beyond a common name) and the calibration of the scored pairs.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
MEMORY_LIMIT = os.environ.get("LINKAGE_BENCH_MEMORY_LIMIT", "4GB")  # DuckDB's, not the whole process's
SOURCE_EXCLUSIVE = os.environ.get("LINKAGE_BENCH_SOURCE_EXCLUSIVE", "1") == "1"
OTHER_THRESHOLDS = (0.5, 0.7, 0.9)
GENERIC_THRESHOLD = 0.9


def pairwise_scores(truth: dict[str, str], predicted: dict[str, str]) -> dict[str, float]:
    """Pairwise precision, recall and F1 of a clustering against the true person ids."""
    import pandas as pd

    frame = pd.DataFrame({"truth": pd.Series(truth), "pred": pd.Series(predicted)})

    def pairs(counts) -> int:
        return int((counts * (counts - 1) // 2).sum())

    true_pairs = pairs(frame.groupby("truth").size())
    predicted_pairs = pairs(frame.groupby("pred").size())
    both = pairs(frame.groupby(["truth", "pred"]).size())
    precision = both / predicted_pairs if predicted_pairs else 1.0
    recall = both / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "true_pairs": true_pairs,
            "predicted_pairs": predicted_pairs}


def _read(path: Path):
    import pandas as pd

    return pd.read_csv(path, dtype=str, keep_default_na=False)


def run_inquiry(path: Path, threshold: float) -> dict[str, object]:
    from inquiry.linkage import cluster_with_judgements, link_records

    frame = _read(path)
    started = time.perf_counter()

    def progress(message: str) -> None:
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"  [{time.perf_counter() - started:7.1f}s, peak {rss:,.0f} MiB] {message}", file=sys.stderr, flush=True)

    # A generator: link_records reads each record once and never holds them all.
    result = link_records(_records(frame), threshold=threshold, progress=progress, duckdb_memory_limit=MEMORY_LIMIT,
                          source_exclusive=SOURCE_EXCLUSIVE)
    elapsed = time.perf_counter() - started
    truth = dict(zip(frame["record_id"], frame["person_id"], strict=True))
    sources = dict(zip(frame["record_id"], frame["source"], strict=True)) if SOURCE_EXCLUSIVE else None
    # For information only: the same pairs clustered at other thresholds.
    other = {}
    for lower in OTHER_THRESHOLDS:
        clusters, _ = cluster_with_judgements(result.clusters, ((p.id_a, p.id_b, p.probability) for p in result.pairs),
                                              threshold=lower, sources=sources)
        other[f"f1_at_{lower}"] = pairwise_scores(truth, clusters)["f1"]
    return {"seconds": elapsed, "pairs": len(result.pairs), "review_queue": len(result.review_queue),
            "share_of_matches": result.model.get("prior_probability"), **pairwise_scores(truth, result.clusters),
            **other}


def run_generic(path: Path, threshold: float) -> dict[str, object]:
    """Plain Splink on the raw strings: what a generic configuration does with these lists.

    Clustered at GENERIC_THRESHOLD whatever inquiry's threshold: connected components without
    constraints are what a generic set-up does, and 0.9 is its usual choice.
    """
    threshold = GENERIC_THRESHOLD
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    frame = _read(path)
    started = time.perf_counter()
    data = frame.drop(columns=["person_id"]).rename(columns={"record_id": "unique_id"})
    data = data.replace({"": None})
    settings = SettingsCreator(
        link_type="dedupe_only",
        comparisons=[
            cl.NameComparison("name").configure(term_frequency_adjustments=True),
            cl.ExactMatch("birth_date"),
            cl.ExactMatch("sex"),
            cl.ExactMatch("birth_place"),
            cl.ExactMatch("last_seen_place"),
            cl.ExactMatch("facility"),
            cl.ExactMatch("nationality"),
            cl.ExactMatch("relatives"),
        ],
        blocking_rules_to_generate_predictions=[block_on("name"), block_on("birth_date", "birth_place")],
        retain_intermediate_calculation_columns=False,
    )
    db_api = DuckDBAPI()
    linker = Linker(db_api.register(data), settings, log_level=None)
    linker.training.estimate_probability_two_random_records_match([block_on("name", "birth_date")], recall=0.6)
    linker.training.estimate_u_using_random_sampling(max_pairs=min(5e6, max(1e5, len(data) * 20.0)), seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("name"), max_pairs=2e6)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("birth_date", "birth_place"),
                                                                      max_pairs=2e6)
    predictions = linker.inference.predict(threshold_match_probability=threshold, warning_mode="never")
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(predictions, threshold)
    clustered = clusters.as_pandas_dataframe()[["unique_id", "cluster_id"]]
    elapsed = time.perf_counter() - started
    predicted = dict(zip(clustered["unique_id"].astype(str), clustered["cluster_id"].astype(str), strict=True))
    truth = dict(zip(frame["record_id"], frame["person_id"], strict=True))
    return {"seconds": elapsed, **pairwise_scores(truth, predicted)}


def _records(frame):
    from inquiry.linkage import LinkageRecord

    return (
        LinkageRecord(record_id=r.record_id, names=(r.name,), birth_date=r.birth_date or None, sex=r.sex or None,
                      birth_place=r.birth_place or None, last_seen_place=r.last_seen_place or None,
                      facility=r.facility or None, nationality=r.nationality or None,
                      relatives=tuple(x for x in r.relatives.split(";") if x), source=r.source or None)
        for r in frame.itertuples(index=False)
    )


def diagnose(path: Path, threshold: float) -> dict[str, object]:
    """Where true pairs are lost: blocking, missing evidence, or the score.

    - pair completeness: the share of true pairs that a blocking rule brings together (the rules
      of ``inquiry.linkage.model.prediction_blocking_rules``, recomputed here in Python);
    - ceiling: the share of true pairs with some evidence beyond a common name (a birth date
      within two years, a birth or last-seen place, a camp or a relative in common, or a name
      that at most five records carry); pairs without any cannot be told from homonyms;
    - calibration: among scored pairs, the share of true matches per probability band.
    """
    import itertools
    from collections import Counter

    import pandas as pd

    from inquiry.linkage import link_records
    from inquiry.linkage.features import build_feature_table

    frame = _read(path)
    records = list(_records(frame))
    table = build_feature_table(records).set_index("unique_id")
    rows = table.to_dict("index")
    person = dict(zip(frame["record_id"], frame["person_id"], strict=True))
    names = Counter(table["name_canon"])

    def same(x, y) -> bool:
        return x is not None and y is not None and not pd.isna(x) and not pd.isna(y) and x == y

    total = blocked = evidence = attributes = 0
    for ids in frame.groupby("person_id")["record_id"]:
        for a, b in itertools.combinations(ids[1].tolist(), 2):
            ra, rb = rows[a], rows[b]
            total += 1
            blocked += _name_key_blocked(ra, rb, same) or (
                same(ra["surname"], rb["surname"]) and (same(ra["birth_day"], rb["birth_day"]) or (
                    same(ra["birth_year"], rb["birth_year"]) and same(ra["birth_place"], rb["birth_place"]))))
            dated = not pd.isna(ra["birth_lo"]) and not pd.isna(rb["birth_lo"])
            shared = (dated and ra["birth_lo"] - 731 <= rb["birth_hi"] and rb["birth_lo"] - 731 <= ra["birth_hi"]) \
                or same(ra["birth_place"], rb["birth_place"]) or same(ra["last_seen_place"], rb["last_seen_place"]) \
                or same(ra["facility"], rb["facility"]) \
                or bool(set(ra["relative_forms"] or ()) & set(rb["relative_forms"] or ()))
            attributes += shared
            evidence += shared or max(names[ra["name_canon"]], names[rb["name_canon"]]) <= 5
    result = link_records(records, threshold=threshold, duckdb_memory_limit="4GB")
    bands = [(0.2, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 0.97), (0.97, 1.01)]
    calibration = {}
    for low, high in bands:
        band = [person[p.id_a] == person[p.id_b] for p in result.pairs
                if p.probability is not None and low <= p.probability < high]
        calibration[f"{low}-{min(high, 1.0)}"] = (len(band), sum(band) / len(band) if band else None)
    # Ranking: a true pair (a, b) is "outranked" when a record of b's list that is not the same
    # person scores at least as high against a (or one of a's list against b). Such a pair cannot
    # be told from its homonym by any threshold; the others are lost to calibration, not ranking.
    source = dict(zip(frame["record_id"], frame["source"], strict=True))
    best_false: dict[tuple[str, str], float] = {}
    for p in result.pairs:
        if p.probability is not None and person[p.id_a] != person[p.id_b]:
            for x, y in ((p.id_a, p.id_b), (p.id_b, p.id_a)):
                key = (x, source[y])
                best_false[key] = max(best_false.get(key, 0.0), p.probability)
    scored_true = [p for p in result.pairs if p.probability is not None and person[p.id_a] == person[p.id_b]]
    outranked = sum(best_false.get((p.id_a, source[p.id_b]), -1.0) >= p.probability
                    or best_false.get((p.id_b, source[p.id_a]), -1.0) >= p.probability for p in scored_true)
    return {"true_pairs": total, "pair_completeness": blocked / total, "ceiling": evidence / total,
            "share_with_a_non_name_attribute": attributes / total,
            "true_pairs_scored_above_floor": len(scored_true) / total,
            "true_pairs_outranked_by_a_homonym_of_the_same_list": outranked / total,
            "calibration": calibration, **pairwise_scores(person, result.clusters)}


def _name_key_blocked(ra, rb, same) -> bool:
    """``inquiry.linkage.model.name_key_blocking_sql`` in Python, for one pair of feature rows."""
    import pandas as pd

    shared = set(ra["block_keys"] or ()) & set(rb["block_keys"] or ())
    if not shared:
        return False
    tiers = {key[:2] for key in shared}
    lo_a, hi_a, lo_b, hi_b = ra["block_year_lo"], ra["block_year_hi"], rb["block_year_lo"], rb["block_year_hi"]
    undated = pd.isna(lo_a) or pd.isna(lo_b)

    def within(years: int) -> bool:
        return not undated and lo_a - hi_b <= years and lo_b - hi_a <= years

    return bool(tiers & {"r:", "c:"}) or (
        "m:" in tiers and (undated or within(2))) or (
        bool(tiers & {"q:", "p:"}) and (undated or within(4))) or ("s:" in tiers and undated)


def child(method: str, path: Path, threshold: float) -> None:
    if method == "diagnose":
        print(json.dumps(diagnose(path, threshold)))
        return
    result = (run_inquiry if method == "inquiry" else run_generic)(path, threshold)
    result["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark inquiry.linkage on synthetic lists.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--methods", nargs="+", default=["inquiry", "generic"], choices=["inquiry", "generic", "diagnose"])
    parser.add_argument("--threshold", type=float, default=None,
                        help="inquiry's clustering threshold (default: inquiry.linkage.DEFAULT_THRESHOLD)")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/inquiry-linkage-bench"))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--child", nargs=2, metavar=("METHOD", "CSV"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.threshold is None:
        from inquiry.linkage import DEFAULT_THRESHOLD

        args.threshold = DEFAULT_THRESHOLD
    if args.child:
        child(args.child[0], Path(args.child[1]), args.threshold)
        return
    args.workdir.mkdir(parents=True, exist_ok=True)
    results = []
    for size in args.sizes:
        data = args.workdir / f"synth_{size}_seed{args.seed}.csv"
        if not data.exists():
            subprocess.run([sys.executable, str(HERE / "linkage_synth.py"), str(size), str(data),
                            "--seed", str(args.seed)], check=True)
        for method in args.methods:
            print(f"{method} on {size:,} records ...", file=sys.stderr, flush=True)
            done = subprocess.run([sys.executable, __file__, "--child", method, str(data),
                                   "--threshold", str(args.threshold)],
                                  check=True, stdout=subprocess.PIPE, text=True, env=os.environ.copy())
            result = json.loads(done.stdout.strip().splitlines()[-1]) | {"size": size, "method": method}
            results.append(result)
            print(json.dumps(result), flush=True)
    results = [r for r in results if r["method"] != "diagnose"]
    print("\n| records | method | precision | recall | F1 | F1 at " + " / ".join(map(str, OTHER_THRESHOLDS))
          + " | wall time (s) | peak RSS (MiB) |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    for r in results:
        lower = " / ".join(f"{r[f'f1_at_{t}']:.4f}" for t in OTHER_THRESHOLDS) if "f1_at_0.5" in r else "–"
        print(f"| {r['size']:,} | {r['method']} | {r['precision']:.4f} | {r['recall']:.4f} | {r['f1']:.4f} | "
              f"{lower} | {r['seconds']:.1f} | {r['peak_rss_mib']:.0f} |")


if __name__ == "__main__":
    main()

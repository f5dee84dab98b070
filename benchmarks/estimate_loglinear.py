"""Benchmark and simulation check for the log-linear estimator (inquiry.estimate).

1. Speed: the search over all 113 hierarchical models for the four-list Kosovo table (target < 1 s),
   with and without the profile-likelihood interval of the chosen model; and over all 6,893 models
   for five simulated lists.
2. Coverage with known truth: simulated lists, 95% profile intervals.
   a. four independent lists, N = 2000, the true model (Mt);
   b. four lists with a positive dependence between lists 1 and 2, N = 2000, the model chosen by BIC;
   c. two latent classes of catchability (heterogeneity), N = 2000, the model chosen by BIC;
   d. three strata (N = 400 + 1,000 + 600), Mt in each, the log-normal interval of the total.

Run: /work/venv/bin/python benchmarks/estimate_loglinear.py [--reps 200] [--seed 1]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import numpy as np

from inquiry.estimate import read_overlap_table, search_models, table_from_arrays
from inquiry.estimate.loglinear import loglinear_table_estimate

KOSOVO = Path(__file__).resolve().parents[1] / "tests" / "estimate" / "data" / "kosovo.csv"
TRUE_N = 2000


def time_search(repeats: int) -> None:
    table = read_overlap_table(KOSOVO)
    search_models(table)  # warm-up (imports, caches)
    plain, full = [], []
    for _ in range(repeats):
        t0 = time.perf_counter()
        ranking = search_models(table, criterion="bic")
        plain.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        result = loglinear_table_estimate(table, select="bic")
        full.append(time.perf_counter() - t0)
    print(f"search over {len(ranking)} models (BIC), Kosovo: median {statistics.median(plain):.3f} s, "
          f"max {max(plain):.3f} s over {repeats} runs")
    print(f"search + profile interval of the best model: median {statistics.median(full):.3f} s, "
          f"max {max(full):.3f} s; chosen {result.model}, N = {result.estimate:,.1f} "
          f"({result.interval[0]:,.0f}-{result.interval[1]:,.0f})")


def time_search_five(rng: np.random.Generator) -> None:
    caught = rng.random((3000, 5)) < np.array([0.30, 0.20, 0.25, 0.30, 0.15])
    caught = caught[caught.any(axis=1)].astype(np.int8)
    patterns, counts = np.unique(caught, axis=0, return_counts=True)
    table = table_from_arrays(patterns, counts)
    t0 = time.perf_counter()
    ranking = search_models(table, criterion="bic")
    print(f"search over {len(ranking)} models (BIC), five simulated lists: {time.perf_counter() - t0:.2f} s")


def simulate(rng: np.random.Generator, scenario: str):
    if scenario == "independent":
        caught = rng.random((TRUE_N, 4)) < np.array([0.30, 0.25, 0.20, 0.35])
    elif scenario == "dependent":
        first = rng.random(TRUE_N) < 0.30
        second = rng.random(TRUE_N) < np.where(first, 0.45, 0.15)  # list 2 finds list 1's people more often
        rest = rng.random((TRUE_N, 2)) < np.array([0.20, 0.35])
        caught = np.column_stack([first, second, rest])
    else:  # heterogeneity: a hard-to-reach class with about a quarter of the catchability
        hidden = rng.random(TRUE_N) < 0.4
        p = np.where(hidden[:, None], np.array([0.10, 0.08, 0.07, 0.12]), np.array([0.40, 0.35, 0.30, 0.45]))
        caught = rng.random((TRUE_N, 4)) < p
    caught = caught[caught.any(axis=1)].astype(np.int8)
    patterns, counts = np.unique(caught, axis=0, return_counts=True)
    return table_from_arrays(patterns, counts)


def coverage(scenario: str, reps: int, rng: np.random.Generator, **how) -> None:
    covered = 0
    estimates, widths = [], []
    t0 = time.perf_counter()
    for _ in range(reps):
        result = loglinear_table_estimate(simulate(rng, scenario), **how)
        low, high = result.interval
        covered += low <= TRUE_N <= high
        estimates.append(result.estimate)
        widths.append(high - low)
    elapsed = time.perf_counter() - t0
    est = np.array(estimates)
    print(f"{scenario:<12} {str(how):<22} reps {reps}: coverage {covered / reps:.1%}, "
          f"mean N {est.mean():,.0f} (bias {est.mean() / TRUE_N - 1:+.1%}), median N {np.median(est):,.0f}, "
          f"median width {np.median(widths):,.0f}, {elapsed:.1f} s")


def stratified_coverage(reps: int, rng: np.random.Generator) -> None:
    """Three independent strata of 400, 1,000 and 600 people, each with its own capture rates."""
    from inquiry.estimate import estimate_table
    from inquiry.estimate.table import OverlapTable

    rates = [np.array([0.15, 0.25, 0.20, 0.10]), np.array([0.30, 0.25, 0.20, 0.35]), np.array([0.2, 0.1, 0.3, 0.2])]
    sizes = [400, 1000, 600]
    covered = 0
    estimates = []
    t0 = time.perf_counter()
    for _ in range(reps):
        pats, counts, labels = [], [], []
        for s, (size, p) in enumerate(zip(sizes, rates, strict=True)):
            caught = rng.random((size, 4)) < p
            caught = caught[caught.any(axis=1)].astype(np.int8)
            u, c = np.unique(caught, axis=0, return_counts=True)
            pats.append(u)
            counts.append(c)
            labels += [f"s{s}"] * len(u)
        table = OverlapTable(("A", "B", "C", "D"), np.vstack(pats), np.concatenate(counts), tuple(labels))
        result = estimate_table(table, model="Mt")
        covered += result.interval[0] <= TRUE_N <= result.interval[1]
        estimates.append(result.estimate)
    est = np.array(estimates)
    print(f"three strata, Mt in each, log-normal total interval, reps {reps}: coverage {covered / reps:.1%}, "
          f"mean N {est.mean():,.0f} (bias {est.mean() / TRUE_N - 1:+.1%}), {time.perf_counter() - t0:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reps", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    time_search(args.repeats)
    rng = np.random.default_rng(args.seed)
    time_search_five(rng)
    coverage("independent", args.reps, rng, model="Mt")
    coverage("independent", args.reps, rng, select="bic")
    coverage("dependent", args.reps, rng, model="Mt")
    coverage("dependent", args.reps, rng, select="bic")
    coverage("heterogeneous", args.reps, rng, select="bic")
    stratified_coverage(args.reps, rng)


if __name__ == "__main__":
    main()

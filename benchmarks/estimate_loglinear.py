"""Benchmark and simulation check for the log-linear estimator (inquiry.estimate).

1. Speed: the search over all 113 hierarchical models for the four-list Kosovo table (target < 1 s),
   with and without the profile-likelihood interval of the chosen model.
2. Coverage with known truth: simulated lists, 95% profile intervals.
   a. four independent lists, N = 2000, the true model (Mt);
   b. four lists with a positive dependence between lists 1 and 2, N = 2000, the model chosen by BIC;
   c. two latent classes of catchability (heterogeneity), N = 2000, the model chosen by BIC.

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


def simulate(rng: np.random.Generator, scenario: str):
    if scenario == "independent":
        caught = rng.random((TRUE_N, 4)) < np.array([0.30, 0.25, 0.20, 0.35])
    elif scenario == "dependent":
        first = rng.random(TRUE_N) < 0.30
        second = rng.random(TRUE_N) < np.where(first, 0.45, 0.15)  # list 2 finds list 1's people more often
        rest = rng.random((TRUE_N, 2)) < np.array([0.20, 0.35])
        caught = np.column_stack([first, second, rest])
    else:  # heterogeneity: a hard-to-reach class with a third of the catchability
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reps", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    time_search(args.repeats)
    rng = np.random.default_rng(args.seed)
    coverage("independent", args.reps, rng, model="Mt")
    coverage("independent", args.reps, rng, select="bic")
    coverage("dependent", args.reps, rng, model="Mt")
    coverage("dependent", args.reps, rng, select="bic")
    coverage("heterogeneous", args.reps, rng, select="bic")


if __name__ == "__main__":
    main()

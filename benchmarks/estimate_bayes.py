"""Benchmark the Bayesian MSE methods: LCMCR speed, dga speed and LCMCR interval coverage.

Usage: python benchmarks/estimate_bayes.py [--coverage-replications R] [--skip-coverage]

Prints a Markdown report. The coverage simulation follows Manrique-Vallier (2016): N = 2,000,
five lists, two latent classes (90% with capture probabilities 0.033–0.132, 10% with 0.66–0.99).
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from inquiry.estimate.dga import dga_estimate
from inquiry.estimate.lcmcr import lcmcr_estimate
from inquiry.estimate.lcmcr_sampler import run_chain

KOSOVO = Path(__file__).resolve().parents[1] / "tests" / "estimate" / "data" / "kosovo.csv"
CLASS_WEIGHTS = np.array([0.9, 0.1])
CAPTURE = np.array([[0.033, 0.033, 0.099, 0.132, 0.033],
                    [0.660, 0.825, 0.759, 0.990, 0.693]])


def kosovo() -> tuple[np.ndarray, np.ndarray]:
    if KOSOVO.exists():
        raw = np.genfromtxt(KOSOVO, delimiter=",", names=True, dtype=np.int64)
        cols = raw.dtype.names
        return np.column_stack([raw[c] for c in cols[:-1]]), raw[cols[-1]]
    # The same table inline (Ball et al. 2002; LCMCR data kosovo_aggregate).
    rows = [(1, 0, 0, 0, 1131), (0, 0, 1, 0, 936), (0, 1, 0, 0, 845), (0, 0, 0, 1, 306), (1, 0, 1, 0, 228),
            (0, 1, 1, 0, 217), (1, 1, 1, 0, 181), (1, 1, 0, 0, 177), (0, 0, 1, 1, 123), (1, 0, 0, 1, 106),
            (1, 0, 1, 1, 42), (0, 1, 1, 1, 32), (0, 1, 0, 1, 31), (1, 1, 1, 1, 27), (1, 1, 0, 1, 18)]
    arr = np.array(rows)
    return arr[:, :4], arr[:, 4]


def simulate_two_class(seed: int, n_total: int = 2000, lists: int = 5) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    cls = rng.choice(2, size=n_total, p=CLASS_WEIGHTS)
    seen = rng.random((n_total, lists)) < CAPTURE[cls][:, :lists]
    seen = seen[seen.any(axis=1)].astype(int)
    return np.unique(seen, axis=0, return_counts=True)


def bench_lcmcr_rate(patterns, counts) -> tuple[float, float]:
    """Iterations per wall second and per CPU second of one chain (CPU time is less load-sensitive)."""
    iterations = 30000
    wall, cpu = time.perf_counter(), time.process_time()
    run_chain(patterns, counts, K=10, a=0.25, b=0.25, burnin=iterations - 1000, samples=1000, thinning=1,
              seed=1)
    return iterations / (time.perf_counter() - wall), iterations / (time.process_time() - cpu)


def bench_lcmcr_wall(patterns, counts, processes: int, chains: int) -> float:
    # The R example: 10,000 burn-in + 10,000 draws thinned by 10 = 110,000 iterations per chain.
    start = time.perf_counter()
    lcmcr_estimate(patterns, counts, K=10, burnin=10000, samples=10000, thinning=10, chains=chains, seed=1,
                   processes=processes)
    return time.perf_counter() - start


def bench_dga(lists: int) -> tuple[float, int]:
    patterns, counts = simulate_two_class(seed=9, lists=lists)
    keep = patterns.any(axis=1)
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        r = dga_estimate(patterns[keep], counts[keep])
        best = min(best, time.perf_counter() - start)
    return best, r.diagnostics["graphs"]


def coverage(replications: int, n_total: int = 2000) -> tuple[int, list[tuple[float, float, float]], float]:
    rows = []
    covered = 0
    start = time.perf_counter()
    for rep in range(replications):
        patterns, counts = simulate_two_class(seed=1000 + rep, n_total=n_total)
        r = lcmcr_estimate(patterns, counts, K=10, burnin=10000, samples=1000, thinning=10, chains=2,
                           seed=rep)
        rows.append((r.estimate, *r.interval))
        covered += r.interval[0] <= n_total <= r.interval[1]
    return covered, rows, time.perf_counter() - start


def _coverage_report(replications: int) -> int:
    covered, rows, seconds = coverage(replications)
    widths = [hi - lo for _, lo, hi in rows]
    medians = [m for m, _, _ in rows]
    print(f"- LCMCR coverage, two-class design N=2000, {len(rows)} replications: {covered}/{len(rows)} "
          f"95% intervals cover the truth; mean median {np.mean(medians):.0f}, mean width "
          f"{np.mean(widths):.0f}; {seconds:.0f} s", flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--coverage-replications", type=int, default=100)
    parser.add_argument("--skip-coverage", action="store_true")
    parser.add_argument("--only-coverage", action="store_true")
    args = parser.parse_args(argv)
    patterns, counts = kosovo()
    print(f"# estimate_bayes benchmark, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
    print(f"Python {platform.python_version()}, {os.cpu_count()} CPUs, numpy {np.__version__}\n")
    print(f"Load average at start (1/5/15 min): {' '.join(f'{x:.1f}' for x in os.getloadavg())}\n")
    if args.only_coverage:
        return _coverage_report(args.coverage_replications)
    rate, cpu_rate = bench_lcmcr_rate(patterns, counts)
    print(f"- LCMCR Kosovo K=10, one chain: {rate:,.0f} iterations per wall second, "
          f"{cpu_rate:,.0f} per CPU second")
    for processes, chains in ((1, 1), (1, 2), (2, 2)):
        wall = bench_lcmcr_wall(patterns, counts, processes, chains)
        print(f"- LCMCR 110,000 iterations x {chains} chain(s), {processes} process(es): {wall:.2f} s wall",
              flush=True)
    for lists in (3, 4, 5):
        seconds, graphs = bench_dga(lists)
        print(f"- dga {lists} lists ({graphs} graphs, default grid 0..20n): {seconds * 1000:.0f} ms")
    if not args.skip_coverage:
        _coverage_report(args.coverage_replications)
    print(f"\nLoad average at end (1/5/15 min): {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

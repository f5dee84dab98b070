"""Benchmark the Bayesian MSE methods: LCMCR speed, dga speed and LCMCR interval coverage.

Usage: python benchmarks/estimate_bayes.py [--coverage-replications R] [--skip-coverage] [--only-lcmcr]

Prints a Markdown report. The coverage simulation follows Manrique-Vallier (2016): N = 2,000,
five lists, two latent classes (90% with capture probabilities 0.033–0.132, 10% with 0.66–0.99).
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from inquiry.estimate.dga import dga_estimate
from inquiry.estimate.lcmcr import lcmcr_estimate
from inquiry.estimate.lcmcr_numba import NUMBA_AVAILABLE, run_chain_numba, warm_up
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


def bench_lcmcr_rate(patterns, counts, engine: str) -> tuple[float, float]:
    """Iterations per wall second and per CPU second of one chain (CPU time is less load-sensitive)."""
    runner = run_chain_numba if engine == "numba" else run_chain
    iterations = 110000 if engine == "numba" else 30000
    wall, cpu = time.perf_counter(), time.process_time()
    runner(patterns, counts, K=10, a=0.25, b=0.25, burnin=iterations - 1000, samples=1000, thinning=1, seed=1)
    return iterations / (time.perf_counter() - wall), iterations / (time.process_time() - cpu)


def bench_lcmcr_wall(patterns, counts, processes: int, chains: int, engine: str) -> float:
    # The R example: 10,000 burn-in + 10,000 draws thinned by 10 = 110,000 iterations per chain.
    start = time.perf_counter()
    lcmcr_estimate(patterns, counts, K=10, burnin=10000, samples=10000, thinning=10, chains=chains, seed=1,
                   processes=processes, engine=engine)
    return time.perf_counter() - start


_FRESH_PROCESS = """
import time
start = time.perf_counter()
import sys
sys.path.insert(0, {bench_dir!r})
from estimate_bayes import kosovo
from inquiry.estimate.lcmcr import lcmcr_estimate
patterns, counts = kosovo()
r = lcmcr_estimate(patterns, counts, K=10, burnin=10000, samples=10000, thinning=10, chains=1, seed=1)
print(r.diagnostics["engine"], r.diagnostics["compile_seconds"], r.diagnostics["sampling_seconds"],
      time.perf_counter() - start)
"""


def bench_fresh_process(cache_dir: str) -> tuple[float, float, float, float]:
    """The 110,000-iteration example in a new Python process, as R's timing included R start-up.

    Returns (process wall seconds, in-process seconds after interpreter start, compile seconds,
    sampling seconds). numba's cache goes to ``cache_dir``: empty means a cold compile.
    """
    code = _FRESH_PROCESS.format(bench_dir=str(Path(__file__).resolve().parent))
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True,
                         env={**os.environ, "NUMBA_CACHE_DIR": cache_dir}).stdout.split()
    wall = time.perf_counter() - start
    return wall, float(out[3]), float(out[1]), float(out[2])


def _lcmcr_report(patterns, counts, numpy_walls: bool) -> None:
    engines = ("numba", "numpy") if NUMBA_AVAILABLE else ("numpy",)
    if NUMBA_AVAILABLE:
        print(f"- numba kernel warm-up in this process (compile or cache load): {warm_up():.2f} s")
        with tempfile.TemporaryDirectory() as cache_dir:
            for label in ("cold cache", "warm cache"):
                wall, inside, compile_s, sampling = bench_fresh_process(cache_dir)
                print(f"- fresh process, 110,000 iterations x 1 chain ({label}): {wall:.2f} s wall in all "
                      f"({inside:.2f} s after interpreter start; compile {compile_s:.2f} s, "
                      f"sampling {sampling:.2f} s)", flush=True)
    for engine in engines:
        rate, cpu_rate = bench_lcmcr_rate(patterns, counts, engine)
        print(f"- {engine}: one chain, Kosovo K=10: {rate:,.0f} iterations per wall second, "
              f"{cpu_rate:,.0f} per CPU second", flush=True)
    for engine in engines:
        runs = ((1, 1), (1, 4), (2, 4)) if engine == "numba" or numpy_walls else ((1, 1),)
        for processes, chains in runs:
            wall = bench_lcmcr_wall(patterns, counts, processes, chains, engine)
            print(f"- {engine}: 110,000 iterations x {chains} chain(s), {processes} process(es): "
                  f"{wall:.2f} s wall", flush=True)


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
    parser.add_argument("--only-lcmcr", action="store_true", help="LCMCR speed only")
    parser.add_argument("--numpy-walls", action="store_true",
                        help="also time 4 chains with the (slow) numpy engine")
    args = parser.parse_args(argv)
    patterns, counts = kosovo()
    print(f"# estimate_bayes benchmark, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
    numba_version = __import__("numba").__version__ if NUMBA_AVAILABLE else "absent"
    print(f"Python {platform.python_version()}, {os.cpu_count()} CPUs, numpy {np.__version__}, "
          f"numba {numba_version}\n")
    print(f"Load average at start (1/5/15 min): {' '.join(f'{x:.1f}' for x in os.getloadavg())}\n")
    if args.only_coverage:
        return _coverage_report(args.coverage_replications)
    _lcmcr_report(patterns, counts, numpy_walls=args.numpy_walls)
    if not args.only_lcmcr:
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

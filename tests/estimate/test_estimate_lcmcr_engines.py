"""The numba and numpy engines of the LCMCR sampler: same model, reproducible draws, fallbacks."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import inquiry.estimate.lcmcr_numba as lcmcr_numba
from inquiry.errors import ConfigurationError, InvalidInput
from inquiry.estimate.lcmcr import lcmcr_estimate

numba = pytest.importorskip("numba")

DATA = Path(__file__).parent / "data"


def _kosovo() -> tuple[np.ndarray, np.ndarray]:
    raw = np.genfromtxt(DATA / "kosovo.csv", delimiter=",", names=True, dtype=np.int64)
    cols = raw.dtype.names
    return np.column_stack([raw[c] for c in cols[:-1]]), raw[cols[-1]]


def _independent_lists(seed=0, n_total=1000):
    rng = np.random.default_rng(seed)
    seen = rng.random((n_total, 4)) < np.array([0.4, 0.3, 0.35, 0.25])
    seen = seen[seen.any(axis=1)].astype(int)
    return np.unique(seen, axis=0, return_counts=True)


def test_numba_is_the_default_engine_and_reports_its_timings():
    patterns, counts = _independent_lists()
    r = lcmcr_estimate(patterns, counts, K=3, burnin=100, samples=20, thinning=1, chains=1, seed=1)
    assert r.diagnostics["engine"] == "numba"
    assert r.diagnostics["compile_seconds"] >= 0.0
    assert r.diagnostics["sampling_seconds"] > 0.0
    assert r.diagnostics["iterations_per_second_per_chain"] > 0.0


def test_a_seed_reproduces_the_numba_draws_and_another_seed_does_not():
    patterns, counts = _independent_lists()
    kw = dict(K=4, burnin=300, samples=100, thinning=2, chains=2, processes=1, engine="numba")
    first = lcmcr_estimate(patterns, counts, seed=11, **kw)
    again = lcmcr_estimate(patterns, counts, seed=11, **kw)
    other = lcmcr_estimate(patterns, counts, seed=12, **kw)
    np.testing.assert_array_equal(first.extra["chain_samples"], again.extra["chain_samples"])
    assert not np.array_equal(first.extra["samples"], other.extra["samples"])
    # Chains get their own streams from the seed: they are not copies of each other.
    assert not np.array_equal(first.extra["chain_samples"][0], first.extra["chain_samples"][1])


def test_numba_chain_stays_finite_when_the_concentration_is_vanishingly_small():
    # A Gamma(0.25, 1e250) prior pins α near 1e-250: plain Beta(1 + n_k, α) sticks would round to 1.
    patterns, counts = _independent_lists(seed=3, n_total=1000)
    out = lcmcr_numba.run_chain_numba(patterns, counts, K=10, a=0.25, b=1e250, burnin=1500, samples=300,
                                      thinning=5, seed=7)
    assert np.median(out["alpha"]) < 1e-200
    assert out["occupied"].max() <= 3
    assert np.quantile(out["n"], 0.025) < 1000 < np.quantile(out["n"], 0.975)


def test_numba_chain_respects_the_population_cap():
    patterns = np.array([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 0], [1, 0, 1], [0, 1, 1]])
    counts = np.array([970, 970, 970, 10, 10, 10])
    out = lcmcr_numba.run_chain_numba(patterns, counts, K=2, a=0.25, b=0.25, burnin=300, samples=100,
                                      thinning=2, seed=3)
    assert out["n"].max() <= 21 * counts.sum()
    assert out["redraws"] + out["capped"] > 0


def test_numba_and_numpy_engines_agree_on_independent_lists():
    patterns, counts = _independent_lists(seed=4, n_total=3000)
    kw = dict(K=5, chains=2, processes=1, seed=1, burnin=2000, samples=1000, thinning=4)
    fast = lcmcr_estimate(patterns, counts, engine="numba", **kw)
    slow = lcmcr_estimate(patterns, counts, engine="numpy", **kw)
    assert (fast.diagnostics["engine"], slow.diagnostics["engine"]) == ("numba", "numpy")
    assert fast.estimate == pytest.approx(slow.estimate, rel=0.015)
    assert fast.interval == pytest.approx(slow.interval, rel=0.03)
    assert fast.interval[0] < 3000 < fast.interval[1]


@pytest.mark.slow
def test_numba_and_numpy_engines_agree_on_kosovo():
    # Kosovo mixes slowly (heterogeneous lists, K=10): 4 x 100,000 iterations per engine.
    patterns, counts = _kosovo()
    kw = dict(K=10, burnin=20000, samples=4000, thinning=20, chains=4, seed=2026)
    fast = lcmcr_estimate(patterns, counts, engine="numba", **kw)
    slow = lcmcr_estimate(patterns, counts, engine="numpy", **kw)
    assert fast.estimate == pytest.approx(slow.estimate, rel=0.03)
    # Both near the R package's posterior median for these data (10,408).
    for r in (fast, slow):
        assert r.estimate == pytest.approx(10408, rel=0.02)


def test_unknown_engine_is_invalid_input():
    patterns, counts = _independent_lists()
    with pytest.raises(InvalidInput) as err:
        lcmcr_estimate(patterns, counts, engine="cuda")
    assert err.value.field == "engine"


def test_without_numba_auto_falls_back_to_numpy_and_numba_is_refused(monkeypatch):
    monkeypatch.setattr(lcmcr_numba, "NUMBA_AVAILABLE", False)
    patterns, counts = _independent_lists()
    kw = dict(K=3, burnin=100, samples=20, thinning=1, chains=1, seed=2)
    r = lcmcr_estimate(patterns, counts, **kw)
    assert r.diagnostics["engine"] == "numpy"
    np.testing.assert_array_equal(r.extra["samples"], lcmcr_estimate(patterns, counts, engine="numpy",
                                                                     **kw).extra["samples"])
    with pytest.raises(ConfigurationError) as err:
        lcmcr_estimate(patterns, counts, engine="numba", **kw)
    assert err.value.field == "engine"


def test_a_compiler_failure_under_auto_falls_back_with_a_warning(monkeypatch):
    def broken() -> float:
        raise RuntimeError("LLVM exploded")

    monkeypatch.setattr(lcmcr_numba, "warm_up", broken)
    patterns, counts = _independent_lists()
    r = lcmcr_estimate(patterns, counts, K=3, burnin=100, samples=20, thinning=1, chains=1, seed=2)
    assert r.diagnostics["engine"] == "numpy"
    assert any("LLVM exploded" in w for w in r.warnings)


def test_jit_still_works_where_no_cache_directory_is_writable(monkeypatch):
    # A read-only install with an unwritable home: numba finds no cache locator and refuses cache=True.
    from numba.core import caching

    monkeypatch.setattr(caching.CacheImpl, "_locator_classes", [])
    with pytest.raises(RuntimeError):
        numba.njit(cache=True)(lambda x: x + 1)

    def add_one(x):
        return x + 1

    compiled = lcmcr_numba._jit(add_one)
    assert compiled(41) == 42
    assert isinstance(compiled._cache, caching.NullCache)

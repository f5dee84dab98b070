"""Tests of the latent-class capture-recapture Gibbs sampler (Manrique-Vallier 2016)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from scipy.special import digamma

from inquiry.errors import InvalidInput
from inquiry.estimate.lcmcr import lcmcr_estimate
from inquiry.estimate.lcmcr_diagnostics import effective_sample_size, split_rhat
from inquiry.estimate.lcmcr_numba import NUMBA_AVAILABLE
from inquiry.estimate.lcmcr_sampler import log_gamma_draws, run_chain

DATA = Path(__file__).parent / "data"

# Manrique-Vallier (2016), simulation design: 5 lists, two classes (90% hard to record, 10% easy).
CLASS_WEIGHTS = np.array([0.9, 0.1])
CAPTURE = np.array([[0.033, 0.033, 0.099, 0.132, 0.033],
                    [0.660, 0.825, 0.759, 0.990, 0.693]])


def _read(name: str) -> tuple[np.ndarray, np.ndarray]:
    raw = np.genfromtxt(DATA / name, delimiter=",", names=True, dtype=np.int64)
    cols = raw.dtype.names
    return np.column_stack([raw[c] for c in cols[:-1]]), raw[cols[-1]]


def simulate_two_class(seed: int, n_total: int = 2000) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    cls = rng.choice(2, size=n_total, p=CLASS_WEIGHTS)
    seen = rng.random((n_total, 5)) < CAPTURE[cls]
    seen = seen[seen.any(axis=1)].astype(int)
    patterns, counts = np.unique(seen, axis=0, return_counts=True)
    return patterns, counts


def _independent_lists(seed=0, n_total=1000):
    rng = np.random.default_rng(seed)
    seen = rng.random((n_total, 4)) < np.array([0.4, 0.3, 0.35, 0.25])
    seen = seen[seen.any(axis=1)].astype(int)
    return np.unique(seen, axis=0, return_counts=True)


def test_log_gamma_draws_stay_finite_and_exact_for_tiny_shapes():
    rng = np.random.default_rng(1)
    tiny = np.full(20000, 1e-12)
    assert (rng.standard_gamma(tiny) == 0).mean() > 0.9  # the naive draw underflows
    logs = log_gamma_draws(rng, tiny)
    assert np.isfinite(logs).all()
    # For shape s -> 0, s·log G(s) tends to log U, an Exp(1) variable with mean -1.
    assert (tiny * logs).mean() == pytest.approx(-1.0, abs=0.03)


def test_log_gamma_draws_match_the_gamma_distribution_for_ordinary_shapes():
    rng = np.random.default_rng(2)
    logs = log_gamma_draws(rng, np.full(40000, 3.0))
    assert logs.mean() == pytest.approx(digamma(3.0), abs=0.01)


def test_sampler_stays_finite_when_the_concentration_is_vanishingly_small():
    # A Gamma(0.25, 1e250) prior pins α near 1e-250: Beta(1 + n_k, α) sticks would round to 1.
    patterns, counts = _independent_lists(seed=3, n_total=1000)
    out = run_chain(patterns, counts, K=10, a=0.25, b=1e250, burnin=1500, samples=300, thinning=5, seed=7)
    assert np.median(out["alpha"]) < 1e-200
    assert out["occupied"].max() <= 3
    assert np.quantile(out["n"], 0.025) < 1000 < np.quantile(out["n"], 0.975)


def test_split_rhat_flags_chains_stuck_in_different_places():
    rng = np.random.default_rng(0)
    same = rng.normal(size=(4, 500))
    shifted = same + np.array([[0.0], [0.0], [3.0], [3.0]])
    assert split_rhat(same) < 1.02
    assert split_rhat(shifted) > 1.5


def test_effective_sample_size_is_small_for_autocorrelated_draws():
    rng = np.random.default_rng(0)
    white = rng.normal(size=(4, 1000))
    ar = np.empty_like(white)
    ar[:, 0] = white[:, 0]
    for t in range(1, 1000):
        ar[:, t] = 0.95 * ar[:, t - 1] + white[:, t]
    assert effective_sample_size(white) > 3000
    assert effective_sample_size(ar) < 400


def test_same_seed_reproduces_the_draws_whatever_the_number_of_processes():
    patterns, counts = _independent_lists()
    kw = dict(K=3, burnin=200, samples=50, thinning=2, chains=2, seed=42)
    one = lcmcr_estimate(patterns, counts, processes=1, **kw)
    two = lcmcr_estimate(patterns, counts, processes=2, **kw)
    np.testing.assert_array_equal(one.extra["samples"], two.extra["samples"])
    other = lcmcr_estimate(patterns, counts, processes=1, **{**kw, "seed": 43})
    assert not np.array_equal(one.extra["samples"], other.extra["samples"])


def test_chains_run_in_this_process_when_workers_cannot_start(monkeypatch):
    import inquiry.estimate.lcmcr as lcmcr_module

    def refuse(*args, **kwargs):
        raise OSError("no new processes allowed")

    patterns, counts = _independent_lists()
    kw = dict(K=3, burnin=100, samples=20, thinning=1, chains=2, seed=9)
    expected = lcmcr_estimate(patterns, counts, processes=1, **kw)
    monkeypatch.setattr(lcmcr_module, "ProcessPoolExecutor", refuse)
    fallback = lcmcr_estimate(patterns, counts, processes=2, **kw)
    np.testing.assert_array_equal(fallback.extra["samples"], expected.extra["samples"])
    assert any("worker processes" in w for w in fallback.warnings)


def test_unseeded_run_reports_the_seed_that_repeats_it():
    patterns, counts = _independent_lists()
    kw = dict(K=3, burnin=100, samples=20, thinning=1, chains=2, processes=1)
    first = lcmcr_estimate(patterns, counts, **kw)
    again = lcmcr_estimate(patterns, counts, seed=first.diagnostics["seed"], **kw)
    np.testing.assert_array_equal(first.extra["samples"], again.extra["samples"])


def test_independent_lists_give_an_interval_around_the_truth():
    patterns, counts = _independent_lists(seed=3, n_total=1000)
    r = lcmcr_estimate(patterns, counts, K=3, burnin=1500, samples=300, thinning=5, chains=2, seed=7,
                       processes=1)
    assert r.interval[0] < 1000 < r.interval[1]
    assert r.interval[1] - r.interval[0] < 400
    assert r.n_observed == int(counts.sum())
    assert r.extra["samples"].shape == (600,)
    assert r.extra["chain_samples"].shape == (2, 300)
    assert set(r.to_json_dict()["diagnostics"]) >= {"rhat", "ess", "chain_medians", "cap"}


def test_short_runs_warn_about_low_effective_sample_size():
    patterns, counts = _independent_lists()
    r = lcmcr_estimate(patterns, counts, K=3, burnin=50, samples=30, thinning=1, chains=2, seed=1,
                       processes=1)
    assert any("Effective sample size" in w for w in r.warnings)


def test_lists_that_rarely_overlap_hit_the_population_cap_and_say_so():
    # About 1% capture on each of three lists: N near 100,000, beyond the cap of 21·n.
    patterns = np.array([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 0], [1, 0, 1], [0, 1, 1]])
    counts = np.array([970, 970, 970, 10, 10, 10])
    r = lcmcr_estimate(patterns, counts, K=2, burnin=300, samples=100, thinning=2, chains=1, seed=3)
    assert r.extra["samples"].max() <= 21 * counts.sum()
    assert any("cap" in w for w in r.warnings)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [({"K": 1}, "K"), ({"chains": 0}, "chains"), ({"a": -1.0}, "a"), ({"b": 0}, "b"),
     ({"seed": -5}, "seed"), ({"thinning": 0}, "thinning"), ({"processes": 0}, "processes"),
     ({"samples": 2.5}, "samples")],
)
def test_bad_settings_raise_invalid_input(kwargs, field):
    patterns, counts = _independent_lists()
    with pytest.raises(InvalidInput) as err:
        lcmcr_estimate(patterns, counts, **kwargs)
    assert err.value.field == field


def test_bad_table_raises_invalid_input_with_row():
    with pytest.raises(InvalidInput) as err:
        lcmcr_estimate(np.array([[1, 0], [0, 3]]), np.array([1, 2]))
    assert err.value.row == 2


@pytest.mark.slow
def test_kosovo_pooled_chains_match_the_lcmcr_reference():
    patterns, counts = _read("kosovo.csv")
    # A fifth of the reference run (4 x 1,100,000 iterations), long enough for the tolerances.
    r = lcmcr_estimate(patterns, counts, K=10, burnin=20000, samples=5000, thinning=40, chains=4, seed=2026)
    assert r.diagnostics["engine"] == ("numba" if NUMBA_AVAILABLE else "numpy")
    assert r.estimate == pytest.approx(10408, rel=0.02)
    assert r.interval[0] == pytest.approx(8908, rel=0.05)
    assert r.interval[1] == pytest.approx(13942, rel=0.05)


@pytest.mark.slow
def test_two_class_simulation_intervals_usually_cover_the_truth():
    covered = 0
    replications = 6
    for rep in range(replications):
        patterns, counts = simulate_two_class(seed=100 + rep)
        r = lcmcr_estimate(patterns, counts, K=10, burnin=5000, samples=500, thinning=10, chains=2, seed=rep)
        covered += r.interval[0] <= 2000 <= r.interval[1]
    assert covered >= replications - 2


def test_without_numba_installed_the_numpy_engine_runs():
    # A fresh interpreter where `import numba` fails, as in an install without the optional speed-up.
    code = (
        "import sys; sys.modules['numba'] = None\n"
        "import numpy as np\n"
        "from inquiry.estimate.lcmcr import lcmcr_estimate\n"
        "r = lcmcr_estimate(np.array([[1, 0], [0, 1], [1, 1]]), np.array([30, 40, 20]), K=2, burnin=50,\n"
        "                   samples=10, thinning=1, chains=1, seed=1)\n"
        "print(r.diagnostics['engine'], len(r.warnings))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         timeout=120)
    assert out.stdout.split()[0] == "numpy"

"""Estimating by stratum and adding up."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from inquiry.estimate import EstimateResult, combine_strata, estimate_table, read_overlap_table
from inquiry.estimate.strata import convolve_posteriors, lognormal_interval

TWO_REGIONS = (
    "A,B,C,region,Freq\n"
    "1,0,0,north,120\n0,1,0,north,100\n0,0,1,north,90\n1,1,0,north,30\n1,0,1,north,25\n0,1,1,north,22\n1,1,1,north,6\n"
    "1,0,0,south,60\n0,1,0,south,70\n0,0,1,south,50\n1,1,0,south,20\n1,0,1,south,12\n0,1,1,south,15\n1,1,1,south,4\n"
)


@pytest.fixture(scope="module")
def regions():
    return read_overlap_table(TWO_REGIONS.encode(), strata="region")


def test_loglinear_strata_total_is_the_sum_of_the_stratum_estimates(regions):
    total = estimate_table(regions, model="Mt")
    parts = total.extra["strata"]
    assert set(parts) == {"north", "south"}
    assert total.estimate == pytest.approx(sum(r.estimate for r in parts.values()))
    assert total.n_observed == regions.n_observed
    se = math.sqrt(sum(r.diagnostics["se"] ** 2 for r in parts.values()))
    assert total.diagnostics["se"] == pytest.approx(se)
    low, high = total.interval
    assert regions.n_observed <= low < total.estimate < high


def test_strata_may_each_choose_their_own_model_and_warnings_name_the_stratum(regions):
    total = estimate_table(regions, select="aic")
    assert "north:" in total.model and "south:" in total.model
    assert all(w.startswith("Stratum ") for w in total.warnings)


def test_ignoring_strata_estimates_the_collapsed_table(regions):
    collapsed = estimate_table(regions, model="Mt", stratified=False)
    assert "strata" not in collapsed.extra
    assert collapsed.n_observed == regions.n_observed


def test_lognormal_interval_is_asymmetric_and_never_below_the_count_seen():
    low, high = lognormal_interval(1000, 1500, 200)
    assert 1000 < low < 1500 < high
    assert high - 1500 > 1500 - low
    assert lognormal_interval(1000, 1000, 0) == (1000, 1000)


def test_convolution_of_discrete_posteriors_matches_brute_force():
    a = (np.array([10, 11, 13]), np.array([0.2, 0.5, 0.3]))
    b = (np.array([5, 6]), np.array([0.6, 0.4]))
    values, probs = convolve_posteriors([a, b])
    brute: dict[int, float] = {}
    for (x, px), (y, py) in itertools.product(zip(*a, strict=True), zip(*b, strict=True)):
        brute[int(x + y)] = brute.get(int(x + y), 0.0) + px * py
    got = {int(v): float(p) for v, p in zip(values, probs, strict=True) if p > 1e-15}
    assert got == pytest.approx(brute)


def _posterior_result(n, values, probs):
    return EstimateResult("dga", n, 0.0, (0.0, 0.0), "m", extra={"posterior_n": np.array(values),
                                                              "posterior_p": np.array(probs)})


def test_bayesian_strata_combine_by_convolution_and_report_the_median():
    parts = {"x": _posterior_result(5, [10, 11], [0.5, 0.5]), "y": _posterior_result(3, [4, 5], [0.9, 0.1])}
    total = combine_strata(parts)
    # sum takes 14 (0.45), 15 (0.5), 16 (0.05): median 15
    assert total.estimate == 15
    assert total.n_observed == 8
    assert total.interval == (14, 16)


def test_sampled_posteriors_are_summed_draw_by_draw():
    rng = np.random.default_rng(1)
    parts = {name: EstimateResult("lcmcr", 100, 0.0, (0.0, 0.0), "m",
                                  extra={"samples": rng.normal(loc, 10, size=4000)})
             for name, loc in (("a", 200.0), ("b", 300.0))}
    total = combine_strata(parts, seed=3)
    assert total.estimate == pytest.approx(500, abs=2)
    width = total.interval[1] - total.interval[0]
    assert width == pytest.approx(2 * 1.96 * math.sqrt(200), rel=0.1)


def test_dga_runs_per_stratum_when_available(regions):
    pytest.importorskip("inquiry.estimate.dga")
    total = estimate_table(regions, method="dga")
    parts = total.extra["strata"]
    assert total.n_observed == sum(r.n_observed for r in parts.values())
    assert sum(r.estimate for r in parts.values()) == pytest.approx(total.estimate, rel=0.05)
    assert total.interval[0] <= total.estimate <= total.interval[1]


def test_lcmcr_runs_per_stratum_and_sums_the_draws(regions):
    pytest.importorskip("inquiry.estimate.lcmcr")
    total = estimate_table(regions, method="lcmcr", K=3, burnin=300, samples=200, thinning=2, chains=2, seed=11,
                           processes=1)
    parts = total.extra["strata"]
    assert len(total.extra["samples"]) == min(len(r.extra["samples"]) for r in parts.values())
    assert total.interval[0] <= total.estimate <= total.interval[1]
    assert total.estimate > regions.n_observed
    assert total.diagnostics["interval_method"].startswith("stratum posterior draws")

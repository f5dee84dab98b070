"""A small simulation with known truth: does the profile interval cover N?"""

from __future__ import annotations

import numpy as np

from inquiry.estimate import table_from_arrays
from inquiry.estimate.loglinear import loglinear_table_estimate

TRUE_N = 2000
CAPTURE = np.array([0.30, 0.25, 0.20, 0.35])
REPLICATIONS = 30


def simulate(rng: np.random.Generator):
    caught = rng.random((TRUE_N, len(CAPTURE))) < CAPTURE
    caught = caught[caught.any(axis=1)].astype(np.int8)
    patterns, counts = np.unique(caught, axis=0, return_counts=True)
    return table_from_arrays(patterns, counts)


def test_independent_lists_profile_interval_covers_the_truth_at_about_the_nominal_rate():
    rng = np.random.default_rng(20261129)
    covered = 0
    estimates = []
    for _ in range(REPLICATIONS):
        result = loglinear_table_estimate(simulate(rng), model="Mt")
        low, high = result.interval
        covered += low <= TRUE_N <= high
        estimates.append(result.estimate)
    # 95% nominal: P(at most 24 of 30 covered) is about 1.6% if the interval is right
    assert covered >= 25
    assert abs(np.mean(estimates) - TRUE_N) < 0.03 * TRUE_N

"""Multinomial profile-likelihood interval for N (Cormack 1992), as Rcapture's ``closedpCI.t``.

For a fixed N the unseen cell holds N - n people; refitting the Poisson log-linear model to all
2^J cells then gives the multinomial MLE of the cell probabilities (mu / N), because the
intercept makes the fitted total equal N. The profile log-likelihood is

    l(N) = lgamma(N + 1) - lgamma(N - n + 1) + sum_cells y log(mu / N),

and the interval is {N : 2 (max l - l(N)) <= chi2_1(level)}. N is treated as continuous.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import brentq, minimize_scalar
from scipy.special import gammaln, xlogy
from scipy.stats import chi2

from inquiry.estimate.glm import fit_poisson

__all__ = ["ProfileResult", "profile_interval"]


@dataclass
class ProfileResult:
    mle: float
    lower: float
    upper: float
    level: float
    upper_bounded: bool
    cap: float
    curve_n: np.ndarray = field(default_factory=lambda: np.zeros(0))
    curve_drop: np.ndarray = field(default_factory=lambda: np.zeros(0))  # 2 (max l - l(N))
    threshold: float = 0.0


class _Profile:
    def __init__(self, X_full: np.ndarray, y_obs: np.ndarray) -> None:
        self.X = X_full
        self.y = np.concatenate([[0.0], np.asarray(y_obs, dtype=float)])
        self.n = float(y_obs.sum())
        self._start: np.ndarray | None = None

    def __call__(self, N: float) -> float:
        y = self.y.copy()
        y[0] = max(N - self.n, 0.0)
        start = None
        if self._start is not None:
            start = self._start.copy()
            start[0] = max(y[0], 0.5)
        fit = fit_poisson(self.X, y, start=start)
        if fit.converged and not fit.boundary:
            self._start = fit.fitted
        p = fit.fitted / N
        return float(gammaln(N + 1.0) - gammaln(N - self.n + 1.0) + np.sum(xlogy(y, p)))


def profile_interval(X_full: np.ndarray, y_obs: np.ndarray, *, n_hat: float, level: float = 0.95,
                     cap_factor: float = 1e4, curve_points: int = 61) -> ProfileResult:
    """``X_full`` has the all-zero pattern as its first row, then the rows of ``y_obs``'s cells.

    N is searched up to ``cap_factor`` times the number seen; a profile still rising there has no
    maximum and no upper limit (both reported as infinite).
    """
    prof = _Profile(X_full, y_obs)
    n = prof.n
    crit = float(chi2.ppf(level, 1))
    cap = n + cap_factor * n
    f0 = min(max(n_hat - n, 1e-6), cap - n) if np.isfinite(n_hat) else cap - n
    # maximise over u = log(N - n); the profile is smooth and unimodal in practice
    hi_u = min(np.log(f0) + 6.0, np.log(cap - n))
    lo_u = min(np.log(f0) - 6.0, hi_u - 12.0)
    opt = minimize_scalar(lambda u: -prof(n + np.exp(u)), bounds=(lo_u, hi_u), method="bounded",
                          options={"xatol": 1e-7})
    mle = n + float(np.exp(opt.x))
    lmax = -float(opt.fun)
    rising = hi_u - opt.x < 1e-3 and hi_u >= np.log(cap - n) - 1e-9
    at_zero = prof(n)
    if at_zero > lmax:
        mle, lmax = n, at_zero

    def excess(N: float) -> float:
        return 2.0 * (lmax - prof(N)) - crit

    lower = n
    if mle > n and excess(n) > 0:
        lower = brentq(excess, n, mle, xtol=1e-6, rtol=1e-10)
    upper = np.inf
    bounded = False
    hi = max(mle, n + 1.0)
    step = max(mle - n, 1.0)
    while hi < cap and not rising:
        nxt = min(hi + step, cap)
        if excess(nxt) > 0:
            upper = brentq(excess, hi, nxt, xtol=1e-6, rtol=1e-10)
            bounded = True
            break
        hi, step = nxt, step * 2.0
    if rising:
        mle = np.inf
    result = ProfileResult(mle=mle, lower=float(lower), upper=float(upper), level=level, upper_bounded=bounded,
                           cap=float(cap), threshold=crit)
    if curve_points:
        centre = mle if np.isfinite(mle) else lower
        right = upper if bounded else min(cap, centre + 10 * max(centre - lower, n))
        a = max(n, lower - 0.25 * (centre - lower))
        b = min(cap, right + 0.25 * (right - centre))
        grid = np.linspace(a, b, curve_points)
        result.curve_n = grid
        result.curve_drop = np.array([2.0 * (lmax - prof(N)) for N in grid])
    return result

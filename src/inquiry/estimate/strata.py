"""Combining per-stratum estimates into one total.

Strata are estimated separately (each may follow its own model) and are independent, so:

* log-linear: the total is the sum of the stratum MLEs and its variance the sum of their
  variances. The interval is Chao's (1987) log-normal interval for the total number unseen,
  f0 = N - n: [n + f0 / C, n + f0 C] with C = exp(z sqrt(log(1 + Var / f0^2))). It is
  asymmetric like the profile intervals of the strata and never falls below n. If any stratum
  has no upper limit, neither has the total.
* Bayesian (dga, LCMCR): the posterior of the total is the distribution of the sum of
  independent stratum posteriors. Discrete posteriors on an integer grid are convolved exactly;
  sampled posteriors are summed draw by draw after shuffling (draws from independent chains
  are exchangeable). The estimate is the posterior median and the interval the 2.5%/97.5%
  quantiles, as for one stratum.
"""

from __future__ import annotations

import math

import numpy as np
from scipy.signal import fftconvolve
from scipy.stats import norm

from inquiry.errors import InvalidInput
from inquiry.estimate.result import EstimateResult

__all__ = ["combine_strata", "lognormal_interval", "convolve_posteriors"]

_MAX_DRAWS = 200_000


def lognormal_interval(n: float, estimate: float, se: float, *, level: float = 0.95) -> tuple[float, float]:
    """Chao's (1987) log-normal interval for N given n seen, the estimate and its SE."""
    f0 = estimate - n
    if not math.isfinite(se) or not math.isfinite(f0):
        return (n, math.inf)
    if f0 <= 0 or se <= 0:
        return (n, n + max(f0, 0.0))
    z = float(norm.ppf(0.5 + level / 2.0))
    c = math.exp(z * math.sqrt(math.log(1.0 + se**2 / f0**2)))
    return (n + f0 / c, n + f0 * c)


def convolve_posteriors(parts: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    """Distribution of the sum of independent integer-valued posteriors given as (values, probs)."""
    grid_start = 0
    dist = np.array([1.0])
    for values, probs in parts:
        vals = np.rint(np.asarray(values, dtype=float)).astype(np.int64)
        p = np.asarray(probs, dtype=float)
        lo = int(vals.min())
        dense = np.zeros(int(vals.max()) - lo + 1)
        np.add.at(dense, vals - lo, p)
        dist = fftconvolve(dist, dense) if dist.size * dense.size > 1_000_000 else np.convolve(dist, dense)
        dist = np.clip(dist, 0.0, None)
        grid_start += lo
    dist /= dist.sum()
    return np.arange(grid_start, grid_start + dist.size), dist


def _quantile(values: np.ndarray, probs: np.ndarray, q: float) -> float:
    cdf = np.cumsum(probs)
    return float(values[min(int(np.searchsorted(cdf, q)), len(values) - 1)])


def _stratum_summary(result: EstimateResult) -> dict:
    out = result.to_json_dict()
    out["diagnostics"] = {k: v for k, v in out["diagnostics"].items() if k not in ("coefficients", "selection")}
    return out


def combine_strata(results: dict[str, EstimateResult], *, level: float = 0.95, seed: int | None = None,
                   ) -> EstimateResult:
    """Add up independent per-stratum results of one method into an estimate of the total."""
    if not results:
        raise InvalidInput("There are no strata to combine.", field="strata")
    methods = {r.method for r in results.values()}
    if len(methods) != 1:
        raise InvalidInput("All strata must be estimated with the same method.", field="method")
    method = methods.pop()
    n = sum(r.n_observed for r in results.values())
    warnings = [f"Stratum {name}: {w}" for name, r in results.items() for w in r.warnings]
    model = "; ".join(f"{name}: {r.model}" for name, r in results.items())
    diagnostics: dict = {"strata": {name: _stratum_summary(r) for name, r in results.items()}, "level": level}
    extra: dict = {"strata": results}
    if method == "loglinear":
        estimate = sum(r.estimate for r in results.values())
        se = math.sqrt(sum(r.diagnostics["se"] ** 2 for r in results.values()))
        interval = lognormal_interval(n, estimate, se, level=level)
        if any(not math.isfinite(r.interval[1]) for r in results.values()):
            interval = (interval[0], math.inf)
        diagnostics |= {"se": se, "interval_method": "sum of stratum MLEs; log-normal interval (Chao 1987) "
                        "on the total unseen with stratum variances added"}
    else:
        estimate, interval, how, draws = _combine_posteriors(results, level=level, seed=seed)
        diagnostics |= {"posterior_median": estimate, "interval_level": level, "interval_method": how}
        extra |= draws
    return EstimateResult(method=method, n_observed=n, estimate=float(estimate),
                          interval=(float(interval[0]), float(interval[1])), model=f"by stratum ({model})",
                          diagnostics=diagnostics, warnings=warnings, extra=extra)


def _combine_posteriors(results: dict[str, EstimateResult], *, level: float, seed: int | None,
                        ) -> tuple[float, tuple[float, float], str, dict]:
    tail = (1.0 - level) / 2.0
    if all("posterior_n" in r.extra and "posterior_p" in r.extra for r in results.values()):
        values, probs = convolve_posteriors([(r.extra["posterior_n"], r.extra["posterior_p"])
                                             for r in results.values()])
        interval = (_quantile(values, probs, tail), _quantile(values, probs, 1.0 - tail))
        return (_quantile(values, probs, 0.5), interval, "exact convolution of the stratum posteriors of N",
                {"posterior_n": values, "posterior_p": probs})
    rng = np.random.default_rng(seed)
    columns = []
    for name, r in results.items():
        if "samples" in r.extra:
            draws = np.asarray(r.extra["samples"], dtype=float).ravel()
        elif "posterior_n" in r.extra and "posterior_p" in r.extra:
            p = np.asarray(r.extra["posterior_p"], dtype=float)
            draws = rng.choice(np.asarray(r.extra["posterior_n"], dtype=float), size=_MAX_DRAWS // 10, p=p / p.sum())
        else:
            raise InvalidInput("Stratum {name} has no posterior to combine.", field="strata", name=name)
        columns.append(draws)
    size = min(len(d) for d in columns)
    total = np.zeros(size)
    for draws in columns:
        total += rng.permutation(draws)[:size]
    lo, mid, hi = np.quantile(total, [tail, 0.5, 1.0 - tail])
    return (float(mid), (float(lo), float(hi)), "stratum posterior draws shuffled and summed",
            {"samples": total})

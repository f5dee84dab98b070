"""Bayesian non-parametric latent-class capture-recapture (Manrique-Vallier 2016), several chains pooled.

Each chain is a Gibbs sampler (see :mod:`inquiry.estimate.lcmcr_sampler`). Chains run in
separate processes, each seeded from one :class:`numpy.random.SeedSequence` so a given
``seed`` reproduces the result whatever the number of processes. The estimate is the
median of the pooled draws of N, the interval their 2.5% and 97.5% quantiles. Single chains
of this model mix slowly in the tails, hence split-R-hat and effective sample size checks.
Written from the paper; the R package LCMCR was used only for reference values.

Two engines run the same chain: a numba-compiled kernel (:mod:`inquiry.estimate.lcmcr_numba`,
the default when numba imports, about 5x faster) and plain numpy
(:mod:`inquiry.estimate.lcmcr_sampler`). They draw differently, so a seed reproduces a
result only with the same engine.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import numpy as np

from inquiry.errors import ConfigurationError, InvalidInput
from inquiry.estimate.dga import validated_table
from inquiry.estimate.lcmcr_diagnostics import effective_sample_size, split_rhat
from inquiry.estimate.lcmcr_sampler import run_chain
from inquiry.estimate.result import EstimateResult

__all__ = ["lcmcr_estimate"]

_RHAT_LIMIT = 1.05
_MIN_ESS = 400
ENGINES = ("auto", "numba", "numpy")


def _positive_int(value: object, name: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < minimum:
        raise InvalidInput("{name} must be a whole number of at least {minimum}; got {value!r}.",
                           field=name, name=name, minimum=minimum, value=value)
    return int(value)


def _chain_runner(engine: str, warnings: list[str]) -> tuple[str, Callable[..., dict], float]:
    """The engine that will run, its chain function, and the seconds spent compiling it in this process.

    The kernel is compiled (or loaded from numba's disk cache) here, before any worker starts:
    forked workers then inherit it, and others compile once each on their first chain.
    """
    if engine not in ENGINES:
        raise InvalidInput("engine must be one of {engines}; got {value!r}.", field="engine",
                           engines=", ".join(ENGINES), value=engine)
    if engine == "numpy":
        return "numpy", run_chain, 0.0
    from inquiry.estimate import lcmcr_numba  # imports numba, if present: only when it may be used

    problem: Exception | None = None
    if lcmcr_numba.NUMBA_AVAILABLE:
        try:
            return "numba", lcmcr_numba.run_chain_numba, lcmcr_numba.warm_up()
        except Exception as exc:  # any compiler failure falls back when allowed
            problem = exc
    if engine == "numba":
        detail = (f"the numba engine failed ({problem})" if problem
                  else lcmcr_numba.NUMBA_PROBLEM or "numba is not installed")
        raise ConfigurationError(detail=detail, field="engine")
    if problem is not None:
        warnings.append(f"The numba engine failed ({problem}); the slower numpy sampler ran instead.")
    return "numpy", run_chain, 0.0


def lcmcr_estimate(
    patterns: np.ndarray,
    counts: np.ndarray,
    *,
    K: int = 5,
    a: float = 0.25,
    b: float = 0.25,
    burnin: int = 10000,
    samples: int = 1000,
    thinning: int = 10,
    chains: int = 4,
    seed: int | None = None,
    processes: int | None = None,
    engine: str = "auto",
) -> EstimateResult:
    """Posterior of the population size under the latent-class model with up to ``K`` classes.

    ``a``, ``b`` are the shape and rate of the Gamma prior on the stick-breaking concentration.
    Each of ``chains`` chains runs ``burnin + samples·thinning`` iterations and keeps
    ``samples`` draws; ``processes`` defaults to ``min(chains, os.cpu_count())``. ``engine`` is
    ``"numba"`` (compiled kernel), ``"numpy"``, or ``"auto"``: numba when it imports, else numpy.
    """
    pat, cnt = validated_table(patterns, counts)
    K = _positive_int(K, "K", 2)
    burnin = _positive_int(burnin, "burnin", 0)
    samples = _positive_int(samples, "samples", 1)
    thinning = _positive_int(thinning, "thinning", 1)
    chains = _positive_int(chains, "chains", 1)
    for name, value in (("a", a), ("b", b)):
        numeric = isinstance(value, int | float | np.integer | np.floating) and not isinstance(value, bool)
        if not numeric or not (value > 0 and math.isfinite(value)):
            raise InvalidInput("{name} must be a positive number; got {value!r}.", field=name, name=name,
                               value=value)
    if processes is None:
        processes = min(chains, os.cpu_count() or 1)
    processes = _positive_int(processes, "processes", 1)
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0):
        raise InvalidInput("seed must be a whole number of at least 0.", field="seed")

    root = np.random.SeedSequence(seed)
    seeds = root.spawn(chains)
    kwargs = dict(K=K, a=float(a), b=float(b), burnin=burnin, samples=samples, thinning=thinning)
    warnings: list[str] = []
    engine, runner, compile_seconds = _chain_runner(engine, warnings)
    outputs = None
    start = time.perf_counter()
    workers = min(processes, chains)
    if workers > 1:
        try:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                futures = [pool.submit(runner, pat, cnt, seed=s, **kwargs) for s in seeds]
                outputs = [f.result() for f in futures]
        except (OSError, BrokenProcessPool) as exc:
            # Sandboxes may forbid new processes; the chains give the same draws in this process.
            warnings.append(f"Could not start worker processes ({exc}); the chains ran one after another.")
            workers = 1
    if outputs is None:
        outputs = [runner(pat, cnt, seed=s, **kwargs) for s in seeds]
    sampling_seconds = time.perf_counter() - start
    # Workers that did not inherit the compiled kernel (spawn start method) compiled it in parallel.
    compile_seconds += max(float(o.get("compile_seconds", 0.0)) for o in outputs)

    n = int(cnt.sum())
    draws = np.stack([o["n"] for o in outputs])
    pooled = draws.ravel()
    median = float(np.median(pooled))
    interval = (float(np.quantile(pooled, 0.025)), float(np.quantile(pooled, 0.975)))
    rhat = split_rhat(draws) if samples >= 4 else float("nan")
    ess = effective_sample_size(draws)
    redraws = sum(int(o["redraws"]) for o in outputs)
    capped = sum(int(o["capped"]) for o in outputs)
    cap = 21 * n

    if chains > 1 and not rhat <= _RHAT_LIMIT:
        warnings.append(f"The chains disagree (split R-hat {rhat:.3f} > {_RHAT_LIMIT}): run longer "
                        "(more burn-in and samples) before relying on the estimate.")
    if ess < _MIN_ESS:
        warnings.append(f"Effective sample size of N is only {ess:.0f} (< {_MIN_ESS}): the interval "
                        "bounds are imprecise; draw more samples or thin more.")
    at_cap = int((pooled >= cap).sum())
    if redraws or capped or at_cap:
        warnings.append(f"The cap N <= 21·n = {cap} was binding: {redraws} draws of the number missed were "
                        f"rejected and redrawn, {capped} set to the cap, {at_cap} kept draws at the cap. "
                        "The data say little about the unobserved; the upper bound is not trustworthy.")

    return EstimateResult(
        method="lcmcr",
        n_observed=n,
        estimate=median,
        interval=interval,
        model=f"latent-class model, up to K={K} classes (stick-breaking, α ~ Gamma({a:g}, {b:g}))",
        diagnostics={
            "lists": int(pat.shape[1]),
            "K": K,
            "a": float(a),
            "b": float(b),
            "chains": chains,
            "burnin": burnin,
            "samples_per_chain": samples,
            "thinning": thinning,
            # With seed=None this is the fresh entropy drawn, so the run can still be repeated.
            "seed": int(root.entropy),
            "posterior_median": median,
            "posterior_mean": float(pooled.mean()),
            "interval_level": 0.95,
            "rhat": rhat,
            "ess": ess,
            "chain_medians": [float(np.median(d)) for d in draws],
            "alpha_median": float(np.median(np.concatenate([o["alpha"] for o in outputs]))),
            "occupied_classes_median": float(np.median(np.concatenate([o["occupied"] for o in outputs]))),
            "cap": cap,
            "cap_redraws": redraws,
            "cap_forced": capped,
            "engine": engine,
            "processes_used": workers,
            "compile_seconds": compile_seconds,
            "sampling_seconds": sampling_seconds,
            "iterations_per_second_per_chain": float(np.mean([o["iterations"] / o["seconds"] for o in outputs
                                                              if o.get("seconds")] or [float("nan")])),
        },
        warnings=warnings,
        extra={"samples": pooled, "chain_samples": draws},
    )

"""The LCMCR Gibbs chain compiled with numba: same model, priors and steps as :mod:`lcmcr_sampler`.

The numpy sampler spends its time in ~40 numpy calls on 16 x 10 arrays per scan; here one
compiled loop does the whole chain. Draws come from a :class:`numpy.random.Generator`
(PCG64 seeded from the chain's :class:`~numpy.random.SeedSequence`) passed into the kernel,
which numba supports natively, so a seed reproduces the same draws. They are not the numpy
path's draws: numba has its own distribution code and the multinomial split is written out
as conditional binomials.

numba is optional: ``NUMBA_AVAILABLE`` says whether it imported. Compiled code is cached on
disk (``cache=True``) when the package directory, or numba's user-wide cache directory, is
writable; otherwise caching is turned off and every new process compiles once.
"""

from __future__ import annotations

import math
import time

import numpy as np

from inquiry.estimate.lcmcr_sampler import ChainOutput

__all__ = ["NUMBA_AVAILABLE", "is_compiled", "run_chain_numba", "warm_up"]

try:
    import numba
except Exception as exc:  # pragma: no cover - absent, or broken (e.g. numba refuses this numpy version)
    numba = None
    NUMBA_PROBLEM = f"numba could not be imported: {exc}"
else:
    NUMBA_PROBLEM = ""

NUMBA_AVAILABLE = numba is not None

# Same constants as the numpy sampler (see lcmcr_sampler).
_ALPHA_FLOOR = 1e-300
_N0_CAP_FACTOR = 20
_MAX_REDRAWS = 1000


def _jit(func):
    if numba is None:
        return func
    try:
        return numba.njit(cache=True)(func)
    except RuntimeError:
        # "no locator available": neither the source tree nor numba's user cache is writable.
        return numba.njit(func)


def _logaddexp(x: float, y: float) -> float:
    if x < y:
        x, y = y, x
    if y == -math.inf:
        return x
    return x + math.log1p(math.exp(y - x))


def _chain(rng, on_list, cell_n, n, K, a, b, burnin, samples, thinning, trace_n, trace_alpha,
           trace_occupied):
    m, J = on_list.shape  # m observed patterns; cell m is the all-zero pattern of the unobserved
    n0_cap = _N0_CAP_FACTOR * n
    k1 = K - 1
    log_lam = np.empty((J, K))  # log λ_jk
    log_mu = np.empty((J, K))  # log(1 − λ_jk)
    for j in range(J):
        for k in range(K):
            lam = rng.beta(1.0, 1.0)
            log_lam[j, k] = math.log(lam)
            log_mu[j, k] = math.log1p(-lam)
    log_pi = np.full(K, -math.log(K))
    alpha = 1.0
    n0 = n
    shape_a = a + k1
    prob = np.empty(K)
    nk = np.zeros(K, dtype=np.int64)
    ones = np.zeros((J, K), dtype=np.int64)
    redraws = 0
    capped = 0
    kept = 0
    total_iter = burnin + samples * thinning
    for it in range(total_iter):
        nk[:] = 0
        ones[:, :] = 0
        # Class split of every cell's count: a multinomial as conditional binomials.
        for c in range(m + 1):
            count = n0 if c == m else cell_n[c]
            if count == 0:
                continue
            top = -math.inf
            for k in range(K):
                lp = log_pi[k]
                for j in range(J):
                    if c < m and on_list[c, j]:
                        lp += log_lam[j, k]
                    else:
                        lp += log_mu[j, k]
                prob[k] = lp
                if lp > top:
                    top = lp
            total = 0.0
            for k in range(K):
                prob[k] = math.exp(prob[k] - top)
                total += prob[k]
            remaining = count
            rest = total
            for k in range(K):
                if remaining == 0:
                    break
                if k == k1:
                    x = remaining
                else:
                    p = prob[k] / rest if rest > 0.0 else 1.0
                    if p >= 1.0:
                        x = remaining
                    elif p <= 0.0:
                        x = 0
                    else:
                        x = rng.binomial(remaining, p)
                    rest -= prob[k]
                remaining -= x
                nk[k] += x
                if c < m:
                    for j in range(J):
                        if on_list[c, j]:
                            ones[j, k] += x
        # λ | classes ~ Beta(1 + on-list, 1 + off-list), as a ratio of gamma draws in log space.
        for j in range(J):
            for k in range(K):
                lg_on = math.log(rng.standard_gamma(1.0 + ones[j, k]))
                lg_off = math.log(rng.standard_gamma(1.0 + nk[k] - ones[j, k]))
                lsum = _logaddexp(lg_on, lg_off)
                log_lam[j, k] = lg_on - lsum
                log_mu[j, k] = lg_off - lsum
        # Sticks V_k ~ Beta(1 + n_k, α + Σ_{l>k} n_l): log G(s) = log G(s + 1) + log(U)/s, because
        # α gets so small that Gamma(α) draws underflow and Beta draws round to 1.
        tail = n + n0
        cum = 0.0  # Σ_{l<=k} log(1 − V_l)
        for k in range(k1):
            tail -= nk[k]
            s1 = 1.0 + nk[k]
            s2 = alpha + tail
            lg1 = math.log(rng.standard_gamma(s1 + 1.0)) + math.log(rng.random()) / s1
            lg2 = math.log(rng.standard_gamma(s2 + 1.0)) + math.log(rng.random()) / s2
            ssum = _logaddexp(lg1, lg2)
            log_pi[k] = lg1 - ssum + cum
            cum += lg2 - ssum
        log_pi[k1] = cum
        # α | V ~ Gamma(a + K − 1, b − Σ log(1 − V_k)).
        alpha = max(rng.standard_gamma(shape_a) / (b - cum), _ALPHA_FLOOR)
        # n0 | λ, π ~ NegBin(n, 1 − p0) under p(N) ∝ 1/N; p0 = P(missed by every list).
        log_p0 = -math.inf
        for k in range(K):
            term = log_pi[k]
            for j in range(J):
                term += log_mu[j, k]
            log_p0 = _logaddexp(log_p0, term)
        q = -math.expm1(min(0.0, log_p0))
        # As in the numpy sampler: a mean far beyond the cap leaves nothing to redraw into.
        if q <= 0.0 or n * (1.0 - q) > 1000.0 * n0_cap * q:
            n0 = n0_cap
            capped += 1
        else:
            n0 = rng.negative_binomial(n, q)
            tries = 0
            while n0 > n0_cap:
                redraws += 1
                tries += 1
                if tries >= _MAX_REDRAWS:
                    n0 = n0_cap
                    capped += 1
                    break
                n0 = rng.negative_binomial(n, q)
        if it >= burnin and (it - burnin) % thinning == thinning - 1:
            trace_n[kept] = n + n0
            trace_alpha[kept] = alpha
            occupied = 0
            for k in range(K):
                if nk[k] > 0:
                    occupied += 1
            trace_occupied[kept] = occupied
            kept += 1
    return redraws, capped


_logaddexp = _jit(_logaddexp)
_chain_kernel = _jit(_chain)


def _sample(rng, on_list, cell_n, *, K, a, b, burnin, samples, thinning) -> ChainOutput:
    trace_n = np.empty(samples, dtype=np.int64)
    trace_alpha = np.empty(samples)
    trace_occupied = np.empty(samples, dtype=np.int16)
    redraws, capped = _chain_kernel(rng, on_list, cell_n, int(cell_n.sum()), int(K), float(a), float(b),
                                    int(burnin), int(samples), int(thinning), trace_n, trace_alpha,
                                    trace_occupied)
    return ChainOutput(n=trace_n, alpha=trace_alpha, occupied=trace_occupied, redraws=int(redraws),
                       capped=int(capped), iterations=burnin + samples * thinning)


def is_compiled() -> bool:
    """Whether this process already holds the compiled kernel."""
    return bool(getattr(_chain_kernel, "signatures", None))


def warm_up() -> float:
    """Compile the kernel (or load it from the on-disk cache) in this process; returns the seconds taken.

    Nearly 0 when it is already compiled here, e.g. in a worker forked after the parent warmed up.
    """
    if not NUMBA_AVAILABLE:
        raise RuntimeError(NUMBA_PROBLEM or "numba is not available")
    start = time.perf_counter()
    _sample(np.random.default_rng(0), np.array([[True, False], [False, True], [True, True]]),
            np.array([3, 4, 2], dtype=np.int64), K=2, a=0.25, b=0.25, burnin=1, samples=1, thinning=1)
    return time.perf_counter() - start


def run_chain_numba(patterns: np.ndarray, counts: np.ndarray, *, K: int, a: float, b: float, burnin: int,
                    samples: int, thinning: int, seed: np.random.SeedSequence | int | None) -> ChainOutput:
    """The numba twin of :func:`inquiry.estimate.lcmcr_sampler.run_chain` (same arguments and output).

    Adds ``compile_seconds`` (spent compiling here, 0 once this process has the kernel) and
    ``seconds`` (sampling wall time).
    """
    compile_seconds = 0.0 if is_compiled() else warm_up()
    start = time.perf_counter()
    out = _sample(np.random.default_rng(seed), np.ascontiguousarray(patterns, dtype=np.bool_),
                  np.ascontiguousarray(counts, dtype=np.int64), K=K, a=a, b=b, burnin=burnin, samples=samples,
                  thinning=thinning)
    out["seconds"] = time.perf_counter() - start
    out["compile_seconds"] = compile_seconds
    return out

"""One Gibbs chain of the Bayesian non-parametric latent-class capture-recapture model.

Model (Manrique-Vallier 2016, Biometrics 72(4)): each of N people belongs to a latent class
k with probability π_k; given the class, list j records them independently with
probability λ_jk. π follows a stick-breaking prior truncated at K with concentration
α ~ Gamma(a, b) (shape, rate), λ_jk ~ Beta(1, 1), and p(N) ∝ 1/N. Written from the paper.

The sampler works on tabulated cells: class memberships are drawn as a multinomial split
of each capture pattern's count (and of the n0 unobserved people, all-zero pattern), never
per person. Stick-breaking runs in log space because α becomes tiny: Beta(1 + n_k, α)
draws would round to 1 and give log(1 − V) = −inf.

This is the plain-numpy engine; :mod:`inquiry.estimate.lcmcr_numba` compiles the same scan
with numba and is about 5x faster (per-call overhead dominates here, not arithmetic).
"""

from __future__ import annotations

import math
import time

import numpy as np

__all__ = ["ChainOutput", "log_gamma_draws", "log_small_gamma", "run_chain"]

# Smallest α carried; below it the log-gamma trick would overflow to -inf and freeze the chain.
_ALPHA_FLOOR = 1e-300
# The reference implementation rejects n0 > 20·n (N capped at 21·n).
_N0_CAP_FACTOR = 20
_MAX_REDRAWS = 1000


def log_small_gamma(gamma_s_plus_1: np.ndarray, uniform: np.ndarray, shapes: np.ndarray) -> np.ndarray:
    """log G(s) from G(s + 1) ~ Gamma(s + 1) and U ~ U(0, 1): G(s) = G(s + 1)·U^(1/s) in distribution.

    Stays finite for shapes so small that a direct Gamma(s) draw underflows to 0.
    """
    return np.log(gamma_s_plus_1) + np.log(uniform) / shapes


def log_gamma_draws(rng: np.random.Generator, shapes: np.ndarray) -> np.ndarray:
    """log of Gamma(shape, 1) draws, accurate for tiny shapes (see :func:`log_small_gamma`)."""
    return log_small_gamma(rng.standard_gamma(shapes + 1.0), rng.random(shapes.size), shapes)


class ChainOutput(dict):
    """Traces of one chain: ``n`` (N), ``alpha``, ``occupied`` classes, redraw counters, ``iterations``,
    ``seconds`` of sampling and ``compile_seconds`` (numba engine only; 0 here)."""


def run_chain(patterns: np.ndarray, counts: np.ndarray, *, K: int, a: float, b: float, burnin: int,
              samples: int, thinning: int, seed: np.random.SeedSequence | int | None) -> ChainOutput:
    """Run ``burnin + samples·thinning`` Gibbs scans and keep every ``thinning``-th draw after burn-in."""
    start = time.perf_counter()
    rng = np.random.default_rng(seed)
    m, J = patterns.shape
    n = int(counts.sum())
    x = patterns.astype(np.float64)
    # Cells: the observed patterns, then the all-zero pattern of the unobserved.
    design = np.vstack([np.hstack([x, 1.0 - x]), np.hstack([np.zeros(J), np.ones(J)])])
    xt = x.T.copy()
    cell_n = np.empty(m + 1, dtype=np.int64)
    cell_n[:m] = counts
    n0_cap = _N0_CAP_FACTOR * n
    jk = J * K
    k1 = K - 1

    # One vector of gamma shapes per scan: λ "on" (J·K), λ "off" (J·K), then the sticks' s + 1
    # for G1 ~ Gamma(1 + n_k) and G2 ~ Gamma(α + Σ_{l>k} n_l), k < K.
    shapes = np.empty(2 * jk + 2 * k1)
    on = shapes[:jk].reshape(J, K)
    off = shapes[jk:2 * jk].reshape(J, K)
    # The sticks' own shapes, kept apart: α + 1 rounds to 1 when α is tiny.
    stick_s = np.empty(2 * k1)
    # log λ (rows 0..J-1) and log(1 − λ) (rows J..2J-1), from the prior to start.
    lam0 = rng.beta(1.0, 1.0, size=(J, K))
    log_lam = np.vstack([np.log(lam0), np.log1p(-lam0)])
    alpha = 1.0
    log_pi = np.full(K, -math.log(K))
    n0 = n
    shape_a = a + k1

    trace_n = np.empty(samples, dtype=np.int64)
    trace_alpha = np.empty(samples)
    trace_occupied = np.empty(samples, dtype=np.int16)
    redraws = 0
    capped = 0
    total_iter = burnin + samples * thinning
    kept = 0
    for it in range(total_iter):
        # Class split of every cell's count (one multinomial per cell).
        logp = design @ log_lam
        logp += log_pi
        logp -= logp.max(axis=1, keepdims=True)
        prob = np.exp(logp, out=logp)
        prob /= prob.sum(axis=1, keepdims=True)
        cell_n[m] = n0
        split = rng.multinomial(cell_n, prob)
        nk = split.sum(axis=0)
        # λ | classes ~ Beta(1 + on-list, 1 + off-list) (the unobserved are off every list), and the
        # sticks V_k ~ Beta(1 + n_k, α + Σ_{l>k} n_l); all as ratios of gamma draws, in log space.
        ones = xt @ split[:m]
        np.add(ones, 1.0, out=on)
        np.subtract(nk + 1.0, ones, out=off)
        tail = (n + n0) - np.cumsum(nk)
        np.add(nk[:k1], 1.0, out=stick_s[:k1])
        np.add(tail[:k1], alpha, out=stick_s[k1:])
        np.add(stick_s, 1.0, out=shapes[2 * jk:])
        g = rng.standard_gamma(shapes)
        lg = np.log(g)
        lg[2 * jk:] = log_small_gamma(g[2 * jk:], rng.random(2 * k1), stick_s)
        lg_on = lg[:jk].reshape(J, K)
        lg_off = lg[jk:2 * jk].reshape(J, K)
        lsum = np.logaddexp(lg_on, lg_off)
        np.subtract(lg_on, lsum, out=log_lam[:J])
        np.subtract(lg_off, lsum, out=log_lam[J:])
        lg1 = lg[2 * jk:2 * jk + k1]
        lg2 = lg[2 * jk + k1:]
        ssum = np.logaddexp(lg1, lg2)
        cum = np.cumsum(lg2 - ssum)  # Σ_{l<=k} log(1 − V_l)
        log_pi[:k1] = lg1 - ssum
        log_pi[1:k1] += cum[:-1]
        log_pi[k1] = cum[-1]
        # α | V ~ Gamma(a + K − 1, b − Σ log(1 − V_k)).
        alpha = max(rng.gamma(shape_a) / (b - cum[-1]), _ALPHA_FLOOR)
        # n0 | λ, π ~ NegBin(n, 1 − p0) under p(N) ∝ 1/N; p0 = P(missed by every list).
        log_p0 = float(np.logaddexp.reduce(log_pi + log_lam[J:].sum(axis=0)))
        q = -math.expm1(min(0.0, log_p0))
        # A mean n0 = n·p0/q far beyond the cap leaves (almost) nothing to redraw into: the cap is
        # where the truncated draw lands. This also keeps numpy's Poisson rate finite.
        if q <= 0.0 or n * (1.0 - q) > 1000.0 * n0_cap * q:
            n0 = n0_cap
            capped += 1
        else:
            n0 = int(rng.negative_binomial(n, q))
            tries = 0
            while n0 > n0_cap:
                redraws += 1
                tries += 1
                if tries >= _MAX_REDRAWS:
                    n0 = n0_cap
                    capped += 1
                    break
                n0 = int(rng.negative_binomial(n, q))
        if it >= burnin and (it - burnin) % thinning == thinning - 1:
            trace_n[kept] = n + n0
            trace_alpha[kept] = alpha
            trace_occupied[kept] = int((nk > 0).sum())
            kept += 1
    return ChainOutput(n=trace_n, alpha=trace_alpha, occupied=trace_occupied, redraws=redraws,
                       capped=capped, iterations=total_iter, seconds=time.perf_counter() - start,
                       compile_seconds=0.0)

"""Convergence diagnostics for several MCMC chains of one scalar: split-R-hat and effective sample size.

Formulas from Gelman et al., *Bayesian Data Analysis* (3rd ed., 2013), ch. 11.4–11.5:
split each chain in halves, compare between- and within-half variances, and estimate the
effective sample size from the combined autocorrelations truncated by Geyer's initial
monotone sequence.
"""

from __future__ import annotations

import numpy as np

__all__ = ["effective_sample_size", "split_rhat"]


def _split(chains: np.ndarray) -> np.ndarray:
    chains = np.asarray(chains, dtype=np.float64)
    half = chains.shape[1] // 2
    return np.concatenate([chains[:, :half], chains[:, chains.shape[1] - half:]], axis=0)


def split_rhat(chains: np.ndarray) -> float:
    """Potential scale reduction of a (chains x draws) array, each chain split in two halves."""
    s = _split(chains)
    m, n = s.shape
    if n < 2:
        return float("nan")
    means = s.mean(axis=1)
    w = s.var(axis=1, ddof=1).mean()
    b = n * means.var(ddof=1)
    if w == 0:
        return 1.0 if b == 0 else float("inf")
    var_plus = (n - 1) / n * w + b / n
    return float(np.sqrt(var_plus / w))


def _autocovariance(x: np.ndarray) -> np.ndarray:
    n = x.size
    size = 1 << (2 * n - 1).bit_length()
    f = np.fft.rfft(x - x.mean(), size)
    return np.fft.irfft(f * np.conjugate(f), size)[:n] / n


def effective_sample_size(chains: np.ndarray) -> float:
    """Effective number of independent draws in a (chains x draws) array (split chains)."""
    s = _split(chains)
    m, n = s.shape
    if n < 4:
        return float(m * n)
    acov = np.stack([_autocovariance(c) for c in s])
    w = (acov[:, 0] * n / (n - 1)).mean()
    var_plus = (n - 1) / n * w + s.mean(axis=1).var(ddof=1) if m > 1 else w
    if var_plus <= 0:
        return float(m * n)
    rho = 1.0 - (w - acov.mean(axis=0)) / var_plus
    rho[0] = 1.0
    # Geyer: sum consecutive pairs while positive, forcing the pair sums to be non-increasing.
    total = 0.0
    previous = np.inf
    for t in range(0, n - 1, 2):
        pair = rho[t] + rho[t + 1]
        if pair <= 0:
            break
        pair = min(pair, previous)
        total += pair
        previous = pair
    tau = max(-1.0 + 2.0 * total, 1.0 / np.log10(max(m * n, 10)))
    return float(m * n / tau)

"""A small Poisson log-link GLM fitted by iteratively reweighted least squares.

The tables here have at most a few thousand cells and a few dozen parameters, so plain numpy
is faster than a general GLM library by an order of magnitude, which makes the exhaustive
model search cheap.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import gammaln, xlogy

__all__ = ["PoissonFit", "fit_poisson", "poisson_deviance", "poisson_loglik"]

# A coefficient this large (e^30 ~ 1e13) only happens when the MLE does not exist and IRLS is
# walking off to infinity along a direction of recession.
_DIVERGED = 30.0


@dataclass
class PoissonFit:
    coef: np.ndarray
    fitted: np.ndarray
    cov: np.ndarray
    deviance: float
    loglik: float
    rank: int
    iterations: int
    converged: bool
    boundary: bool


def poisson_deviance(y: np.ndarray, mu: np.ndarray) -> float:
    # rounding can leave a saturated fit a hair below zero
    return max(0.0, float(2.0 * np.sum(xlogy(y, y) - xlogy(y, mu) - (y - mu))))


def poisson_loglik(y: np.ndarray, mu: np.ndarray) -> float:
    return float(np.sum(xlogy(y, mu) - mu - gammaln(y + 1.0)))


def _solve(XtWX: np.ndarray, XtWz: np.ndarray) -> np.ndarray:
    try:
        return np.linalg.solve(XtWX, XtWz)
    except np.linalg.LinAlgError:
        return np.linalg.lstsq(XtWX, XtWz, rcond=None)[0]


def fit_poisson(X: np.ndarray, y: np.ndarray, *, start: np.ndarray | None = None, max_iter: int = 100,
                tol: float = 1e-10) -> PoissonFit:
    """Maximum likelihood for log E[y] = X b. ``start`` is an optional vector of starting means."""
    y = np.asarray(y, dtype=float)
    mu = np.asarray(start, dtype=float).copy() if start is not None else y + 0.1
    mu = np.maximum(mu, 1e-8)
    eta = np.log(mu)
    dev_old = np.inf
    coef = np.zeros(X.shape[1])
    converged = False
    it = 0
    for it in range(1, max_iter + 1):  # noqa: B007 - the count is reported
        z = eta + (y - mu) / mu
        XtW = X.T * mu
        with np.errstate(all="ignore"):
            coef = _solve(XtW @ X, XtW @ z)
            eta = np.clip(X @ coef, -700.0, 700.0)  # keep exp() finite and mu > 0
        if not np.all(np.isfinite(eta)):
            break
        mu = np.exp(eta)
        dev = poisson_deviance(y, mu)
        if abs(dev - dev_old) / (abs(dev) + 0.1) < tol:
            converged = True
            break
        dev_old = dev
    if start is not None and not converged:
        # plain IRLS has no step control, so a poor warm start can send it astray: start from the data
        return fit_poisson(X, y, max_iter=max_iter, tol=tol)
    info = (X.T * mu) @ X
    try:
        chol = np.linalg.cholesky(info)
        inv_chol = np.linalg.inv(chol)
        cov = inv_chol.T @ inv_chol
        rank = X.shape[1]
    except np.linalg.LinAlgError:  # rank-deficient design: report it, use the pseudo-inverse
        rank = int(np.linalg.matrix_rank(info))
        cov = np.linalg.pinv(info)
    boundary = (not converged) or bool(np.any(np.abs(coef[1:]) > _DIVERGED))
    return PoissonFit(coef=coef, fitted=mu, cov=cov, deviance=poisson_deviance(y, mu), loglik=poisson_loglik(y, mu),
                      rank=rank, iterations=it, converged=converged, boundary=boundary)

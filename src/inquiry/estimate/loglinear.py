"""Log-linear models for multiple systems estimation, following Rcapture's definitions.

A Poisson GLM is fitted to the 2^J - 1 observable cells (zeros included). The unseen cell has
only the intercept, so N = n + exp(b0) and, by the delta method, Var(N) = mu0 + mu0^2 Var(b0)
(Cormack 1989). Deviance and df are on the 2^J - 1 cells; AIC = -2 logL + 2p with the Poisson
log-likelihood, BIC = -2 logL + log(n) p with n the number of people seen. These reproduce
Rcapture's published figures for the Kosovo, hare and spina bifida tables.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from inquiry.errors import InvalidInput
from inquiry.estimate.checks import data_warnings, fit_warnings, selection_warnings
from inquiry.estimate.glm import fit_poisson
from inquiry.estimate.models import (
    CLOSEDP_MODELS,
    ModelSpec,
    capture_patterns,
    hierarchical_models,
    parse_model,
)
from inquiry.estimate.profile import profile_interval
from inquiry.estimate.result import EstimateResult
from inquiry.estimate.table import OverlapTable, table_from_arrays

__all__ = ["LoglinearFit", "fit_loglinear", "search_models", "closedp", "loglinear_estimate",
           "loglinear_table_estimate", "MAX_FIT_LISTS"]

MAX_FIT_LISTS = 14
CRITERIA = ("aic", "bic")


@dataclass
class LoglinearFit:
    """One fitted model. ``estimate`` is the Poisson MLE of N, ``se`` its delta-method SE."""

    spec: ModelSpec
    name: str
    formula: str
    n_observed: int
    estimate: float
    se: float
    deviance: float
    df: int
    aic: float
    bic: float
    n_params: int
    coef: dict[str, float]
    converged: bool
    boundary: bool
    fitted: np.ndarray = field(repr=False)
    cells: np.ndarray = field(repr=False)
    columns: np.ndarray = field(repr=False)  # design columns kept (Chao drops negative etas)
    dropped: list[str] = field(default_factory=list)
    lists: tuple[str, ...] = ()

    def row(self) -> dict:
        return {"model": self.name, "formula": self.formula, "estimate": self.estimate, "se": self.se,
                "deviance": self.deviance, "df": self.df, "aic": self.aic, "bic": self.bic,
                "n_params": self.n_params, "converged": self.converged, "boundary": self.boundary}

    def design_full(self) -> np.ndarray:
        """Design with the all-zero pattern first, then the observable cells (for the profile)."""
        pats = np.vstack([np.zeros((1, self.spec.n_lists), dtype=np.int8), capture_patterns(self.spec.n_lists)])
        return self.spec.design(pats)[:, self.columns]


def fit_loglinear(table: OverlapTable, spec: ModelSpec | str) -> LoglinearFit:
    """Fit one model to an (unstratified) table."""
    if table.n_lists > MAX_FIT_LISTS:
        raise InvalidInput("Log-linear models are limited to {max} lists; this table has {n}.", field="lists",
                           max=MAX_FIT_LISTS, n=table.n_lists)
    if isinstance(spec, str):
        spec = parse_model(spec, table.lists)
    y = table.cell_counts().astype(float)
    return _fit_cells(y, spec, table.lists)


def _fit_cells(y: np.ndarray, spec: ModelSpec, lists: Sequence[str]) -> LoglinearFit:
    X_all = spec.design()
    names = spec.parameter_names(lists)
    keep = np.arange(X_all.shape[1])
    dropped: list[str] = []
    while True:
        fit = fit_poisson(X_all[:, keep], y)
        if spec.heterogeneity != "chao":
            break
        # Rcapture (neg=TRUE) sets negative Chao eta parameters to zero: heterogeneity bends log mu
        # upwards, so a negative bend is a sign of sampling noise, not of the model.
        base = X_all.shape[1] - (spec.n_lists - 2)
        negative = [i for i, c in zip(keep, fit.coef, strict=True) if i >= base and c < 0]
        if not negative:
            break
        dropped += [names[i] for i in negative]
        keep = np.array([i for i in keep if i not in negative])
    n = float(y.sum())
    b0 = float(fit.coef[0])
    mu0 = math.exp(b0) if b0 < 700 else math.inf
    var_b0 = float(fit.cov[0, 0])
    se = math.sqrt(mu0 + mu0 * mu0 * var_b0) if np.isfinite(var_b0) and var_b0 >= 0 else math.nan
    p = int(len(keep))
    return LoglinearFit(
        spec=spec, name=spec.name(lists), formula=spec.formula(lists), n_observed=int(n), estimate=n + mu0, se=se,
        deviance=fit.deviance, df=int(len(y) - p), aic=-2.0 * fit.loglik + 2.0 * p,
        bic=-2.0 * fit.loglik + math.log(n) * p, n_params=p,
        coef={names[i]: float(c) for i, c in zip(keep, fit.coef, strict=True)},
        converged=fit.converged, boundary=fit.boundary, fitted=fit.fitted, cells=y, columns=keep, dropped=dropped,
        lists=tuple(lists))


def search_models(table: OverlapTable, *, criterion: str = "bic") -> list[LoglinearFit]:
    """Fit every hierarchical model (113 for four lists) and sort by AIC or BIC, best first.

    Models whose MLE does not exist (diverging coefficients) sort after all the others.
    """
    if criterion not in CRITERIA:
        raise InvalidInput("The selection criterion must be aic or bic, not {value}.", field="select",
                           value=criterion)
    y = table.cell_counts().astype(float)
    fits = [_fit_cells(y, spec, table.lists) for spec in hierarchical_models(table.n_lists)]
    return sorted(fits, key=lambda f: (f.boundary, getattr(f, criterion)))


def closedp(table: OverlapTable) -> list[LoglinearFit]:
    """Rcapture's closed-population family: M0, Mt, Mh and Mth with Chao, Poisson2 and Darroch."""
    if table.n_lists < 3:
        raise InvalidInput("The closed-population models need at least three lists.", field="lists")
    y = table.cell_counts().astype(float)
    return [_fit_cells(y, parse_model(name, table.lists), table.lists) for name in CLOSEDP_MODELS]


def loglinear_table_estimate(table: OverlapTable, *, model: str | None = None, select: str | None = None,
                             level: float = 0.95, top: int = 10) -> EstimateResult:
    """Estimate N for one unstratified table with a named model or the best by AIC/BIC.

    With neither ``model`` nor ``select``, the model is chosen by BIC.
    """
    if not 0 < level < 1:
        raise InvalidInput("The interval level must be between 0 and 1.", field="level")
    if model is not None and select is not None:
        raise InvalidInput("Give a model or a selection criterion, not both.", field="model")
    if table.n_lists > MAX_FIT_LISTS:
        raise InvalidInput("Log-linear models are limited to {max} lists; this table has {n}.", field="lists",
                           max=MAX_FIT_LISTS, n=table.n_lists)
    ranking: list[LoglinearFit] = []
    criterion = None
    if model is not None:
        fit = fit_loglinear(table, model)
    else:
        criterion = (select or "bic").lower()
        ranking = search_models(table, criterion=criterion)
        fit = ranking[0]
    prof = profile_interval(fit.design_full(), fit.cells, n_hat=fit.estimate, level=level)
    warnings = data_warnings(table) + fit_warnings(fit, prof)
    diagnostics: dict = {
        "se": fit.se, "deviance": fit.deviance, "df": fit.df, "aic": fit.aic, "bic": fit.bic,
        "n_params": fit.n_params, "formula": fit.formula, "level": level,
        "interval_method": "multinomial profile likelihood (Cormack 1992), as Rcapture closedpCI.t",
        "profile_mle": prof.mle, "upper_bounded": prof.upper_bounded, "coefficients": fit.coef,
    }
    if fit.dropped:
        diagnostics["eta_set_to_zero"] = fit.dropped
    if ranking:
        warnings += selection_warnings(ranking, criterion)
        diagnostics["selection"] = {"criterion": criterion, "n_models": len(ranking),
                                    "top": [f.row() for f in ranking[:top]]}
    # a diverging intercept means no finite MLE of N: say so rather than print a huge number
    estimate = math.inf if fit.boundary and not math.isfinite(prof.mle) else fit.estimate
    return EstimateResult(method="loglinear", n_observed=table.n_observed, estimate=estimate,
                          interval=(prof.lower, prof.upper), model=fit.name, diagnostics=diagnostics,
                          warnings=warnings, extra={"fit": fit, "profile": prof, "ranking": ranking})


def loglinear_estimate(patterns: np.ndarray, counts: np.ndarray, *, model: str | None = None,
                       select: str | None = None, lists: Sequence[str] | None = None,
                       level: float = 0.95) -> EstimateResult:
    """Array entry point, parallel to ``dga_estimate`` and ``lcmcr_estimate``."""
    table = table_from_arrays(patterns, counts, lists=lists)
    return loglinear_table_estimate(table, model=model, select=select, level=level)


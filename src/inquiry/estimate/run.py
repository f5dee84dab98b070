"""One call for any method, with or without strata: what the CLI and other callers use."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from inquiry.errors import InvalidInput
from inquiry.estimate.checks import data_warnings
from inquiry.estimate.loglinear import loglinear_table_estimate
from inquiry.estimate.result import EstimateResult
from inquiry.estimate.strata import combine_strata
from inquiry.estimate.table import OverlapTable

__all__ = ["METHODS", "estimate_table"]

METHODS = ("loglinear", "dga", "lcmcr")
_BAYES_OPTIONS = {
    "dga": ("delta", "prior", "nb_a", "nb_b", "n_max"),
    "lcmcr": ("K", "a", "b", "burnin", "samples", "thinning", "chains", "seed", "processes", "engine"),
}


def _bayes_function(method: str) -> Callable[..., EstimateResult]:
    module_name, func_name = {"dga": ("inquiry.estimate.dga", "dga_estimate"),
                              "lcmcr": ("inquiry.estimate.lcmcr", "lcmcr_estimate")}[method]
    try:
        module = importlib.import_module(module_name)
        return getattr(module, func_name)
    except (ImportError, AttributeError):
        raise InvalidInput("The {method} method is not available in this installation.", field="method",
                           method=method) from None


def _one(table: OverlapTable, method: str, options: dict, *, model: str | None, select: str | None,
         level: float) -> EstimateResult:
    if method == "loglinear":
        return loglinear_table_estimate(table, model=model, select=select, level=level)
    func = _bayes_function(method)
    result = func(table.patterns, table.counts, **options)
    extra = [w for w in data_warnings(table) if w not in result.warnings]
    result.warnings = extra + list(result.warnings)
    return result


def estimate_table(table: OverlapTable, *, method: str = "loglinear", model: str | None = None,
                   select: str | None = None, stratified: bool = True, level: float = 0.95,
                   **options: object) -> EstimateResult:
    """Estimate the population size behind ``table``.

    ``model``/``select`` apply to log-linear models; ``options`` go to the Bayesian method
    (dga: delta, prior, nb_a, nb_b, n_max; lcmcr: K, a, b, burnin, samples, thinning, chains,
    seed, processes). Options left as ``None`` take the method's defaults. A stratified table is
    estimated stratum by stratum and the results are added up (see :mod:`inquiry.estimate.strata`).
    """
    if method not in METHODS:
        raise InvalidInput("The method must be one of {methods}, not {method}.", field="method",
                           methods=", ".join(METHODS), method=method)
    if method != "loglinear" and (model is not None or select is not None):
        raise InvalidInput("A model or selection criterion applies only to the loglinear method.", field="model")
    opts = {k: v for k, v in options.items() if v is not None}
    if method != "loglinear":
        unknown = sorted(set(opts) - set(_BAYES_OPTIONS[method]))
        if unknown:
            raise InvalidInput("The {method} method does not take {options}.", field="options", method=method,
                               options=", ".join(unknown))
    elif opts:
        raise InvalidInput("The loglinear method does not take {options}.", field="options",
                           options=", ".join(sorted(opts)))
    if table.strata is None or not stratified:
        return _one(table.collapsed() if table.strata is not None else table, method, opts, model=model,
                    select=select, level=level)
    seed = opts.get("seed")
    results = {}
    for i, (name, part) in enumerate(table.by_stratum().items()):
        # distinct seeds keep the strata's Monte Carlo errors independent, as the sum assumes
        part_opts = opts | ({"seed": seed + i} if isinstance(seed, int) else {})
        results[name] = _one(part, method, part_opts, model=model, select=select, level=level)
    return combine_strata(results, level=level, seed=seed if isinstance(seed, int) else None)

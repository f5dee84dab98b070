"""The warnings a careful statistician would attach to an estimate.

Each warning is one whole sentence. They do not stop the estimate: they say why it may not be
believed.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import numpy as np
from scipy.stats import chi2

from inquiry.estimate.models import capture_patterns
from inquiry.estimate.table import OverlapTable

if TYPE_CHECKING:
    from inquiry.estimate.loglinear import LoglinearFit
    from inquiry.estimate.profile import ProfileResult

__all__ = ["data_warnings", "fit_warnings", "selection_warnings", "SPARSE_COUNT", "CAP_FACTOR", "LACK_OF_FIT_P"]

SPARSE_COUNT = 5  # records behind an interaction term, or expected count of a cell
CAP_FACTOR = 20  # an estimate beyond 20 n is extrapolation (LCMCR's reference code caps N at 21 n)
_SMALL_N = 50
LACK_OF_FIT_P = 0.01


def data_warnings(table: OverlapTable) -> list[str]:
    """Problems of the table itself, whatever the method."""
    out: list[str] = []
    pats = table.patterns.astype(bool)
    counts = table.counts
    overlap = np.zeros((table.n_lists, table.n_lists), dtype=np.int64)
    for i, j in itertools.combinations(range(table.n_lists), 2):
        overlap[i, j] = overlap[j, i] = int(counts[pats[:, i] & pats[:, j]].sum())
    isolated = [table.lists[j] for j in range(table.n_lists) if overlap[j].sum() == 0]
    for name in isolated:
        out.append(f"List {name} shares no records with any other list, so the data say nothing about how it "
                   "overlaps with them; its contribution to the estimate comes from the model's assumptions alone.")
    for i, j in itertools.combinations(range(table.n_lists), 2):
        if overlap[i, j] == 0 and table.lists[i] not in isolated and table.lists[j] not in isolated:
            out.append(f"Lists {table.lists[i]} and {table.lists[j]} have no records in common; an interaction "
                       "between them cannot be estimated and the estimate may be unstable.")
    if table.n_lists == 2:
        out.append("With two lists the only model is independence of the lists, which the data cannot test; "
                   "if the lists are positively dependent the estimate is too low.")
    if table.n_observed < _SMALL_N:
        out.append(f"Only {table.n_observed} records were seen; intervals that rely on large-sample theory may "
                   "be too narrow.")
    return out


def fit_warnings(fit: LoglinearFit, profile: ProfileResult | None = None) -> list[str]:
    """Problems of one fitted log-linear model."""
    out: list[str] = []
    if fit.boundary:
        out.append(f"The maximum likelihood estimate for model {fit.name} does not exist (a marginal table has "
                   "an empty cell, so some coefficients diverge); do not use this estimate.")
    if fit.df == 0:
        out.append(f"Model {fit.name} is saturated (0 degrees of freedom): it reproduces the observed cells "
                   "exactly, so its fit cannot be checked and the estimate rests on the untestable assumption "
                   "that the highest-order interaction is absent.")
    if fit.df > 0 and not fit.boundary:
        p_fit = float(chi2.sf(fit.deviance, fit.df))
        if p_fit < LACK_OF_FIT_P:
            out.append(f"Model {fit.name} fits the observed cells poorly (deviance {fit.deviance:.1f} on {fit.df} df, "
                       f"p = {p_fit:.2g}); its estimate should not be relied on.")
    if fit.spec.is_hierarchical:
        pats = capture_patterns(fit.spec.n_lists).astype(bool)
        for gen in fit.spec.generators():
            if len(gen) < 2:
                continue
            label = "*".join(fit.lists[j] for j in gen)
            support = int(fit.cells[pats[:, list(gen)].all(axis=1)].sum())
            if support < SPARSE_COUNT:
                records = "record" if support == 1 else "records"
                out.append(f"The interaction {label} rests on only {support} {records} seen on all of those lists; "
                           "its estimate, and so N, is very uncertain.")
    small = float(np.mean(fit.fitted < SPARSE_COUNT))
    if small > 0.2:
        out.append(f"{small:.0%} of the cells have expected counts below {SPARSE_COUNT}; the deviance, AIC and "
                   "BIC comparisons and the interval rely on approximations that may be poor here.")
    n = fit.n_observed
    if fit.boundary and (not np.isfinite(fit.estimate) or fit.estimate > 1e4 * n):
        out.append("The estimate of N diverges under this model: the data do not contain the overlaps it needs.")
    elif not np.isfinite(fit.estimate) or fit.estimate > CAP_FACTOR * n:
        out.append(f"The estimate ({fit.estimate:,.0f}) is more than {CAP_FACTOR} times the {n:,} people seen: it "
                   "is an extrapolation driven by the model, not by the data.")
    elif np.isfinite(fit.se) and fit.se > 0.5 * fit.estimate:
        out.append(f"The standard error ({fit.se:,.0f}) is more than half the estimate; the estimate is unstable.")
    if profile is not None and not profile.upper_bounded:
        out.append(f"The profile likelihood does not fall far enough below its maximum up to N = {profile.cap:,.0f}, "
                   "so the interval has no upper limit: the data cannot bound the population size under this "
                   "model.")
    if fit.dropped:
        out.append(f"Negative Chao heterogeneity parameters ({', '.join(fit.dropped)}) were set to zero, as "
                   "Rcapture does.")
    return out


def selection_warnings(ranking: list[LoglinearFit], criterion: str) -> list[str]:
    """Model uncertainty: near-equally good models that disagree about N."""
    usable = [f for f in ranking if not f.boundary]
    if len(usable) < 2:
        return []
    best = getattr(usable[0], criterion)
    close = [f for f in usable if getattr(f, criterion) - best <= 2.0]
    low = min(f.estimate for f in close)
    high = max(f.estimate for f in close)
    if len(close) > 1 and high > 1.1 * low:
        return [f"{len(close)} models are within 2 {criterion.upper()} units of the best and their estimates range "
                f"from {low:,.0f} to {high:,.0f}; the choice of model matters more than the interval shows."]
    return []

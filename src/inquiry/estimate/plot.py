"""Figures for an estimate: the likelihood or posterior of N, and how the models compare.

Uses matplotlib's object API with the Agg canvas, so nothing touches the global backend or
needs a display.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from inquiry.errors import InvalidInput
from inquiry.estimate.result import EstimateResult

__all__ = ["plot_result"]

_FORMATS = {".png": "png", ".svg": "svg"}
_TOP = 15


def plot_result(result: EstimateResult, path: str | Path, *, lists: list[str] | None = None) -> Path:
    """Draw ``result`` to a PNG or SVG file: left the distribution of N, right the comparison."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    path = Path(path)
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InvalidInput("The plot file must end in .png or .svg, not {name}.", field="plot", name=path.name)
    fig = Figure(figsize=(11, 4.6), layout="constrained")
    FigureCanvasAgg(fig)
    left, right = fig.subplots(1, 2)
    if "strata" in result.extra:
        _distribution(left, result)
        _strata(right, result)
    elif result.method == "loglinear":
        _profile(left, result)
        if result.extra.get("ranking"):
            _ranking(right, result)
        else:
            _fitted(right, result)
    else:
        _distribution(left, result)
        if "model_probabilities" in result.extra:
            _model_probabilities(right, result)
        elif "chain_samples" in result.extra:
            _traces(right, result)
        else:
            right.set_axis_off()
    fig.suptitle(f"{result.method}: N = {result.estimate:,.0f} "
                 f"({_fmt(result.interval[0])}–{_fmt(result.interval[1])}), {result.n_observed:,} seen")
    try:
        fig.savefig(path, format=fmt)
    except OSError as exc:
        raise InvalidInput("The plot could not be written to {name}: {reason}.", field="plot", name=str(path),
                           reason=exc.strerror or str(exc)) from None
    return path


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if math.isfinite(value) else "∞"


def _mark_interval(ax, result: EstimateResult) -> None:
    ax.axvline(result.estimate, color="C3", lw=1.2, label=f"estimate {result.estimate:,.0f}")
    for bound in result.interval:
        if math.isfinite(bound):
            ax.axvline(bound, color="C3", lw=0.8, ls="--")
    if result.interval[0] <= result.n_observed * 1.001:  # only when the lower limit is the count seen
        ax.axvline(result.n_observed, color="grey", lw=0.8, ls=":", label=f"seen {result.n_observed:,}")


def _profile(ax, result: EstimateResult) -> None:
    prof = result.extra.get("profile")
    if prof is None or not len(prof.curve_n):
        ax.set_axis_off()
        return
    ax.plot(prof.curve_n, prof.curve_drop, color="C0", label="profile deviance")
    ax.axhline(prof.threshold, color="grey", lw=0.8, label=f"χ²₁ {prof.level:.0%} cut-off")
    _mark_interval(ax, result)
    ax.set_ylim(bottom=0, top=max(prof.threshold * 2.5, 1.0))
    ax.set_xlabel("N")
    ax.set_ylabel("2 (max log L − log L(N))")
    ax.set_title(f"Profile likelihood, model {result.model}")
    ax.legend(fontsize="small")


def _distribution(ax, result: EstimateResult) -> None:
    extra = result.extra
    if "posterior_n" in extra and "posterior_p" in extra:
        values = np.asarray(extra["posterior_n"], dtype=float)
        probs = np.asarray(extra["posterior_p"], dtype=float)
        ax.plot(values, probs, color="C0")
        ax.fill_between(values, probs, alpha=0.25, color="C0")
        cdf = np.cumsum(probs) / probs.sum()
        # the grids reach far into the tail; show where the mass is
        ax.set_xlim(values[np.searchsorted(cdf, 0.0005)], values[min(np.searchsorted(cdf, 0.9995), len(values) - 1)])
    elif "samples" in extra:
        ax.hist(np.asarray(extra["samples"], dtype=float), bins=60, density=True, color="C0", alpha=0.6)
    elif "strata" in extra and math.isfinite(result.interval[1]):
        _lognormal(ax, result)
    else:
        ax.set_axis_off()
        return
    _mark_interval(ax, result)
    ax.set_xlabel("N")
    ax.set_ylabel("posterior probability" if "posterior_p" in extra else "density")
    ax.set_title("Posterior of N" if result.method != "loglinear" else "Total N (log-normal approximation)")
    ax.legend(fontsize="small")


def _lognormal(ax, result: EstimateResult) -> None:
    # the log-normal law behind the strata interval: N = n + f0 exp(Z s), Z standard normal
    n, f0, se = result.n_observed, result.estimate - result.n_observed, result.diagnostics["se"]
    s = math.sqrt(math.log(1.0 + se**2 / f0**2))
    grid = np.linspace(max(n + 1e-9, n + f0 * math.exp(-4 * s)), n + f0 * math.exp(4 * s), 400)
    u = grid - n
    density = np.exp(-((np.log(u / f0)) ** 2) / (2 * s * s)) / (u * s * math.sqrt(2 * math.pi))
    ax.plot(grid, density, color="C0")
    ax.fill_between(grid, density, alpha=0.25, color="C0")


def _ranking(ax, result: EstimateResult) -> None:
    ranking = result.extra["ranking"][:_TOP]
    crit = result.diagnostics["selection"]["criterion"]
    best = getattr(ranking[0], crit)
    ys = np.arange(len(ranking))[::-1]
    est = np.array([f.estimate for f in ranking])
    half = 1.96 * np.array([f.se if math.isfinite(f.se) else 0.0 for f in ranking])
    ax.errorbar(est, ys, xerr=half, fmt="o", color="C0", ms=4, capsize=2)
    ax.set_yticks(ys, [f"{f.name}  Δ{crit.upper()} {getattr(f, crit) - best:.1f}" for f in ranking],
                  fontsize="x-small")
    ax.axvline(result.n_observed, color="grey", lw=0.8, ls=":")
    ax.set_xlabel("N (estimate ± 1.96 SE)")
    ax.set_title(f"Best {len(ranking)} of {len(result.extra['ranking'])} models by {crit.upper()}")


def _fitted(ax, result: EstimateResult) -> None:
    fit = result.extra["fit"]
    order = np.argsort(-fit.cells)[:30]
    x = np.arange(len(order))
    ax.bar(x - 0.2, fit.cells[order], width=0.4, label="observed")
    ax.bar(x + 0.2, fit.fitted[order], width=0.4, label="fitted")
    n_lists = fit.spec.n_lists
    labels = ["".join(str((c + 1) >> j & 1) for j in range(n_lists)) for c in order]
    ax.set_xticks(x, labels, rotation=90, fontsize="x-small")
    ax.set_ylabel("records")
    ax.set_title(f"Observed and fitted cells (deviance {fit.deviance:.2f} on {fit.df} df)")
    ax.legend(fontsize="small")


def _model_probabilities(ax, result: EstimateResult) -> None:
    probs = np.asarray(result.extra["model_probabilities"], dtype=float)
    labels = list(result.extra.get("models", [str(i) for i in range(len(probs))]))
    order = np.argsort(-probs)[:_TOP]
    ys = np.arange(len(order))[::-1]
    ax.barh(ys, probs[order], color="C0")
    ax.set_yticks(ys, [labels[i] for i in order], fontsize="x-small")
    ax.set_xlabel("posterior model probability")
    ax.set_title(f"Top {len(order)} of {len(probs)} models")


def _traces(ax, result: EstimateResult) -> None:
    for i, chain in enumerate(result.extra["chain_samples"]):
        ax.plot(np.asarray(chain, dtype=float), lw=0.5, alpha=0.8, label=f"chain {i + 1}")
    ax.set_xlabel("kept draw")
    ax.set_ylabel("N")
    ax.set_title("Chains (mixing check)")
    ax.legend(fontsize="x-small")


def _strata(ax, result: EstimateResult) -> None:
    parts = list(result.extra["strata"].items())
    names = [name for name, _ in parts] + ["total"]
    est = [r.estimate for _, r in parts] + [result.estimate]
    low = [r.interval[0] for _, r in parts] + [result.interval[0]]
    high = [r.interval[1] for _, r in parts] + [result.interval[1]]
    ys = np.arange(len(names))[::-1]
    finite_high = [h if math.isfinite(h) else e for h, e in zip(high, est, strict=True)]
    err = np.array([[e - lo for e, lo in zip(est, low, strict=True)],
                    [h - e for e, h in zip(est, finite_high, strict=True)]])
    ax.errorbar(est, ys, xerr=err, fmt="o", color="C0", capsize=3)
    ax.set_yticks(ys, names)
    ax.set_xlabel("N (95% interval)")
    ax.set_title("Strata and total")

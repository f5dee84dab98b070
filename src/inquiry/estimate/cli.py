"""``inquiry estimate``: population size from an overlap table."""

from __future__ import annotations

import argparse
import json
import math
import sys

from inquiry.errors import InvalidInput
from inquiry.estimate.loglinear import closedp
from inquiry.estimate.result import EstimateResult, json_safe
from inquiry.estimate.run import METHODS, estimate_table
from inquiry.estimate.table import read_overlap_table

__all__ = ["register", "run", "format_text"]


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "estimate", help="multiple systems estimation from an overlap table",
        description="Estimate how many people no list saw, from a table of overlaps between lists "
                    "(one 0/1 column per list and a count column named Freq, count, freq or n).")
    p.add_argument("table", metavar="TABLE.csv", help="overlap table (UTF-8 CSV)")
    p.add_argument("--method", choices=METHODS, default="loglinear", help="estimation method (default loglinear)")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--model", help="log-linear model: [123,14,34], A*B*C + A*D, or M0, Mt, Mh Chao, "
                                       "Mh Poisson2, Mh Darroch, Mth Chao, Mth Poisson2, Mth Darroch")
    which.add_argument("--select", choices=("aic", "bic"), type=str.lower,
                       help="choose the log-linear model among all hierarchical models (default bic)")
    p.add_argument("--closedp", action="store_true",
                   help="also fit Rcapture's closed-population family (M0, Mt, Mh, Mth) and list it")
    p.add_argument("--strata", metavar="COLUMN", help="column naming the stratum of each row; strata are "
                                                      "estimated separately and added up")
    p.add_argument("--seed", type=int, help="random seed (lcmcr)")
    p.add_argument("--chains", type=int, help="number of chains (lcmcr, default 4)")
    p.add_argument("--delta", type=float, help="hyper-parameter delta of the dga prior (default 2^-J)")
    p.add_argument("--K", type=int, dest="K", help="maximum number of latent classes (lcmcr, default 5)")
    p.add_argument("--burnin", type=int, help="burn-in iterations per chain (lcmcr)")
    p.add_argument("--samples", type=int, help="kept draws per chain (lcmcr)")
    p.add_argument("--thinning", type=int, help="keep every n-th draw (lcmcr)")
    p.add_argument("--processes", type=int, help="worker processes for the chains (lcmcr, default: cores)")
    p.add_argument("--engine", choices=("auto", "numba", "numpy"),
                   help="sampler implementation (lcmcr, default auto: numba when available)")
    p.add_argument("--plot", metavar="FILE", help="draw the likelihood or posterior of N and the model "
                                                  "comparison to FILE.png or FILE.svg")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default text)")
    p.set_defaults(func=run)


def _check_method_options(args: argparse.Namespace) -> dict:
    bayes = {"seed": args.seed, "chains": args.chains, "K": args.K, "burnin": args.burnin,
             "samples": args.samples, "thinning": args.thinning, "processes": args.processes,
             "engine": args.engine}
    given = {k: v for k, v in bayes.items() if v is not None}
    if args.method == "lcmcr":
        if args.delta is not None:
            raise InvalidInput("--delta applies only to --method dga.", field="delta")
        return given
    if given:
        raise InvalidInput("--{option} applies only to --method lcmcr.", field=next(iter(given)),
                           option=next(iter(given)))
    if args.method == "dga":
        return {"delta": args.delta} if args.delta is not None else {}
    if args.delta is not None:
        raise InvalidInput("--delta applies only to --method dga.", field="delta")
    return {}


def run(args: argparse.Namespace) -> int:
    options = _check_method_options(args)
    if args.method != "loglinear" and (args.model or args.select or args.closedp):
        raise InvalidInput("--model, --select and --closedp apply only to --method loglinear.", field="method")
    table = read_overlap_table(args.table, strata=args.strata)
    result = estimate_table(table, method=args.method, model=args.model, select=args.select, **options)
    family = closedp(table.collapsed()) if args.closedp else []
    if args.plot:
        from inquiry.estimate.plot import plot_result

        plot_result(result, args.plot)
    if args.format == "json":
        out = result.to_json_dict()
        out["lists"] = list(table.lists)
        if family:
            out["diagnostics"]["closedp"] = json_safe([f.row() for f in family])
        json.dump(out, sys.stdout, indent=2, ensure_ascii=False, allow_nan=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_text(result, lists=list(table.lists), family=[f.row() for f in family]))
    return 0


def _n(value: float | None, digits: int = 0) -> str:
    if value is None or not math.isfinite(value):
        return "unbounded"
    return f"{value:,.{digits}f}"


def format_text(result: EstimateResult, *, lists: list[str], family: list[dict] | None = None) -> str:
    """A readable report of one result."""
    d = result.diagnostics
    lines = [f"Multiple systems estimation ({result.method})",
             f"  lists:         {', '.join(lists)}",
             f"  people seen:   {result.n_observed:,}",
             f"  estimate of N: {_n(result.estimate, 1)}"]
    level = d.get("level", d.get("interval_level", 0.95))
    lines.append(f"  {level:.0%} interval:  {_n(result.interval[0], 1)} to {_n(result.interval[1], 1)}")
    if "interval_method" in d:
        lines.append(f"                 ({d['interval_method']})")
    lines.append(f"  model:         {result.model}")
    if result.method == "loglinear" and "deviance" in d:
        if d["formula"] != result.model:
            lines.append(f"                 {d['formula']}")
        lines.append(f"  SE {_n(d['se'], 1)}, deviance {d['deviance']:.4f} on {d['df']} df, "
                     f"AIC {d['aic']:.2f}, BIC {d['bic']:.2f}, profile-likelihood MLE {_n(d['profile_mle'], 1)}")
    elif "se" in d:
        lines.append(f"  SE of the total: {_n(d['se'], 1)}")
    for key, label in (("posterior_mean", "posterior mean"), ("posterior_mode", "posterior mode"),
                       ("rhat", "split R-hat"), ("ess", "effective sample size")):
        if key in d and d[key] is not None:
            lines.append(f"  {label}: {d[key]:,.3f}" if key == "rhat" else f"  {label}: {d[key]:,.0f}")
    selection = d.get("selection")
    if selection and selection["n_models"] > 1:
        crit = selection["criterion"].upper()
        lines.append("")
        lines.append(f"Best models by {crit} (of {selection['n_models']} hierarchical models):")
        lines.append(_model_table(selection["top"], crit.lower()))
    if "strata" in d:
        lines.append("")
        lines.append("Strata:")
        for name, part in d["strata"].items():
            lines.append(f"  {name}: {part['n_observed']:,} seen, N = {_n(part['estimate'], 1)} "
                         f"({_n(part['interval'][0], 1)} to {_n(part['interval'][1], 1)}), model {part['model']}")
    if family:
        lines.append("")
        lines.append("Closed-population models (as Rcapture closedp):")
        lines.append(_model_table(family, "aic"))
    lines.append("")
    if result.warnings:
        lines.append("Warnings:")
        lines += [f"  - {w}" for w in result.warnings]
    else:
        lines.append("Warnings: none.")
    return "\n".join(lines) + "\n"


def _model_table(rows: list[dict], crit: str) -> str:
    width = max(8, *(len(r["model"]) for r in rows))
    best = min(r[crit] for r in rows)
    out = [f"  {'model':<{width}} {'N':>11} {'SE':>9} {'deviance':>9} {'df':>3} {'AIC':>8} {'BIC':>8} "
           f"{'Δ' + crit.upper():>6}"]
    for r in rows:
        flag = "  (MLE does not exist)" if r.get("boundary") else ""
        out.append(f"  {r['model']:<{width}} {_n(r['estimate'], 1):>11} {_n(r['se'], 1):>9} {r['deviance']:>9.3f} "
                   f"{r['df']:>3} {r['aic']:>8.2f} {r['bic']:>8.2f} {r[crit] - best:>6.2f}{flag}")
    return "\n".join(out)

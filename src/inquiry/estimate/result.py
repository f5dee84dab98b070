"""The common result of every estimation method (log-linear, dga, LCMCR)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

__all__ = ["EstimateResult", "json_safe"]


def json_safe(value: Any) -> Any:
    """Turn numpy scalars/arrays, tuples and non-finite floats into plain JSON values."""
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_safe(v) for v in value]
    if isinstance(value, np.ndarray):
        return [json_safe(v) for v in value.tolist()]
    if isinstance(value, np.bool_ | bool):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating | float):
        f = float(value)
        return f if math.isfinite(f) else None
    return value


@dataclass
class EstimateResult:
    """One population-size estimate.

    ``estimate`` is the point estimate (the MLE for log-linear models, the posterior median for
    the Bayesian methods); ``interval`` the 95% interval (profile likelihood or credible).
    ``extra`` holds bulky material for plots (``posterior_n``/``posterior_p``, ``samples``,
    ``profile``, ``models``) and is left out of :meth:`to_json_dict`.
    """

    method: str
    n_observed: int
    estimate: float
    interval: tuple[float, float]
    model: str
    diagnostics: dict = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    extra: dict = field(default_factory=dict)

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "method": str(self.method),
            "n_observed": int(self.n_observed),
            "estimate": json_safe(self.estimate),
            "interval": [json_safe(self.interval[0]), json_safe(self.interval[1])],
            "model": str(self.model),
            "diagnostics": json_safe(self.diagnostics),
            "warnings": [str(w) for w in self.warnings],
        }

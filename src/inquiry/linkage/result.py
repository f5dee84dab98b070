"""What a linkage run returns: scored pairs, clusters and the review queue."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["ScoredPair", "LinkageResult", "Explainer"]


class Explainer:
    """Per-comparison match weights of all scored pairs, held as columns.

    Explanations are built on demand: a million pairs times nine comparisons as dictionaries
    would cost gigabytes that nobody reads.
    """

    def __init__(self, prior_weight: float, columns: dict[str, tuple[np.ndarray, np.ndarray | None, np.ndarray]],
                 labels: dict[str, list[str]]) -> None:
        self.prior_weight = prior_weight
        self.columns = columns  # name -> (weights, term-frequency adjustments or None, level index)
        self.labels = labels

    def explain(self, row: int) -> dict[str, Any]:
        explanation: dict[str, Any] = {"prior": self.prior_weight}
        for name, (weights, tf, levels) in self.columns.items():
            weight = float(weights[row])
            part: dict[str, Any] = {"level": self.labels[name][int(levels[row])], "match_weight": weight}
            if tf is not None and tf[row] != 0:
                part["term_frequency_adjustment"] = float(tf[row])
                part["match_weight"] = weight + float(tf[row])
            explanation[name] = part
        return explanation

    def frame(self, rows: np.ndarray) -> pd.DataFrame:
        out: dict[str, Any] = {"prior_weight": np.full(len(rows), self.prior_weight)}
        for name, (weights, tf, levels) in self.columns.items():
            labels = np.asarray(self.labels[name], dtype=object)
            out[f"{name}_level"] = labels[levels[rows]]
            out[f"{name}_weight"] = weights[rows] + (tf[rows] if tf is not None else 0.0)
        return pd.DataFrame(out)


@dataclass(frozen=True)
class ScoredPair:
    """One compared pair. ``probability`` is the model's (None if only a human judged the pair).

    ``explanation`` is the waterfall: the prior's match weight, then for each comparison the level
    reached and its match weight (log2 Bayes factor, term-frequency adjustment included); their
    sum is ``match_weight``.
    """

    id_a: str
    id_b: str
    probability: float | None
    match_weight: float | None
    judgement: bool | None = None
    _explainer: Explainer | None = field(default=None, repr=False, compare=False)
    _row: int = field(default=-1, repr=False, compare=False)

    @property
    def explanation(self) -> dict[str, Any]:
        if self._explainer is None:
            return {"judgement": "same" if self.judgement else "not same"} if self.judgement is not None else {}
        return self._explainer.explain(self._row)


@dataclass
class LinkageResult:
    pairs: list[ScoredPair]
    clusters: dict[str, str]
    review_queue: list[ScoredPair]
    threshold: float
    review_band: tuple[float, float]
    conflicts: list[tuple[str, str]] = field(default_factory=list)
    model: dict[str, Any] = field(default_factory=dict)

    def cluster_sizes(self) -> dict[str, int]:
        sizes: dict[str, int] = {}
        for cluster_id in self.clusters.values():
            sizes[cluster_id] = sizes.get(cluster_id, 0) + 1
        return sizes

    def members(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for record_id, cluster_id in sorted(self.clusters.items()):
            out.setdefault(cluster_id, []).append(record_id)
        return out

    def pairs_frame(self) -> pd.DataFrame:
        """The pairs as a table: one row per pair, a level and a weight column per comparison."""
        base = pd.DataFrame({
            "id_a": [p.id_a for p in self.pairs],
            "id_b": [p.id_b for p in self.pairs],
            "probability": [p.probability for p in self.pairs],
            "match_weight": [p.match_weight for p in self.pairs],
            "judgement": ["" if p.judgement is None else ("same" if p.judgement else "not same") for p in self.pairs],
        })
        explainers = {id(p._explainer): p._explainer for p in self.pairs if p._explainer is not None}
        if len(explainers) != 1:
            return base
        explainer = next(iter(explainers.values()))
        scored = np.array([p._explainer is not None for p in self.pairs], dtype=bool)
        rows = np.array([p._row for p in self.pairs if p._explainer is not None], dtype=int)
        detail = explainer.frame(rows)
        detail.index = np.flatnonzero(scored)
        return pd.concat([base, detail], axis=1)

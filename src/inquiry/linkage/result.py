"""What a linkage run returns: scored pairs, clusters and the review queue."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

__all__ = ["ScoredPair", "LinkageResult", "ComparisonLevels"]

# comparison name -> {comparison vector value -> level label}
ComparisonLevels = dict[str, dict[int, str]]


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
    explanation: dict[str, Any] = field(default_factory=dict, compare=False)
    judgement: bool | None = None

    @property
    def decided_same(self) -> bool | None:
        return self.judgement


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
        """The pairs as a table: one row per pair, one match-weight column per comparison."""
        rows = []
        for pair in self.pairs:
            row: dict[str, Any] = {
                "id_a": pair.id_a, "id_b": pair.id_b, "probability": pair.probability,
                "match_weight": pair.match_weight,
                "judgement": "" if pair.judgement is None else ("same" if pair.judgement else "not same"),
            }
            for name, part in pair.explanation.items():
                if isinstance(part, dict):
                    row[f"{name}_level"] = part.get("level")
                    row[f"{name}_weight"] = part.get("match_weight")
                else:
                    row[f"{name}_weight"] = part
            rows.append(row)
        return pd.DataFrame(rows)

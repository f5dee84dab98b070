"""``link_records``: from person records to scored pairs, clusters and a review queue."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from inquiry.errors import InvalidInput
from inquiry.linkage.clusters import cluster_with_judgements
from inquiry.linkage.engine import ENGINES, PreparedFeatures, score_pairs
from inquiry.linkage.features import build_feature_table
from inquiry.linkage.model import COMPARISON_NAMES
from inquiry.linkage.names_adapter import names_backend
from inquiry.linkage.records import LinkageRecord
from inquiry.linkage.result import Explainer, LinkageResult, ScoredPair

__all__ = ["link_records", "normalise_judgements", "DEFAULT_MIN_RECORDS_FOR_TRAINING", "DEFAULT_THRESHOLD"]

# Below this size EM and term frequencies have too little to learn from; the priors decide.
DEFAULT_MIN_RECORDS_FOR_TRAINING = 1000
# With one-record-per-list and cohesion constraints (inquiry.linkage.clusters) the clusters stay
# precise below 0.9, where most of the recall is: 0.3 was the best F1 on the synthetic benchmark
# at 10,000, 100,000 and 1,000,000 records (docs/benchmarks/linkage.md). Without the source
# list (source_exclusive=False) 0.9 remains the safer choice.
DEFAULT_THRESHOLD = 0.3


def normalise_judgements(
    judgements: Mapping[tuple[str, str], bool] | Iterable[tuple[str, str, bool]] | None,
    *,
    known_ids: set[str],
) -> dict[tuple[str, str], bool]:
    """Judgements keyed by the ordered pair (smaller id first); the last word on a pair wins."""
    if not judgements:
        return {}
    items = judgements.items() if isinstance(judgements, Mapping) else (((a, b), s) for a, b, s in judgements)
    out: dict[tuple[str, str], bool] = {}
    for (a, b), same in items:
        a, b = str(a), str(b)
        for record_id in (a, b):
            if record_id not in known_ids:
                raise InvalidInput("The judgement names record “{record_id}”, which is not in the input.",
                                   field="judgements", record_id=record_id)
        if a == b:
            raise InvalidInput("A judgement needs two different records, not “{record_id}” twice.",
                               field="judgements", record_id=a)
        out[(a, b) if a < b else (b, a)] = bool(same)
    return out


def _explainer(frame: pd.DataFrame, summary: dict[str, Any]) -> Explainer:
    """Columns of the waterfall; predict returns weights only, so levels are found by weight."""
    columns: dict[str, tuple[np.ndarray, np.ndarray | None, np.ndarray]] = {}
    labels: dict[str, list[str]] = {}
    for name in COMPARISON_NAMES:
        if f"mw_{name}" not in frame:
            continue
        weights = frame[f"mw_{name}"].to_numpy(dtype=float)
        level_weights = np.array([w for w, _ in summary["levels"][name]], dtype=float)
        finite = np.where(np.isfinite(level_weights), level_weights, -1e9)
        nearest = np.zeros(len(weights), dtype=np.int8)
        best = np.full(len(weights), np.inf)
        for index, level_weight in enumerate(finite):  # a loop over levels, not over pairs
            distance = np.abs(weights - level_weight)
            closer = distance < best
            nearest[closer], best[closer] = index, distance[closer]
        tf = frame[f"mw_tf_adj_{name}"].to_numpy(dtype=float) if f"mw_tf_adj_{name}" in frame else None
        columns[name] = (weights, tf, nearest)
        labels[name] = [label for _, label in summary["levels"][name]]
    return Explainer(summary["prior_match_weight"], columns, labels)


def link_records(
    records: Iterable[LinkageRecord],
    *,
    engine: str = "duckdb",
    threshold: float = DEFAULT_THRESHOLD,
    review_band: tuple[float, float] = (0.2, 0.9),
    judgements: Mapping[tuple[str, str], bool] | Iterable[tuple[str, str, bool]] | None = None,
    train: bool | None = None,
    max_key_frequency: int = 1000,
    spark_session: Any | None = None,
    duckdb_memory_limit: str | None = None,
    progress: Callable[[str], None] | None = None,
    source_exclusive: bool = True,
) -> LinkageResult:
    """Link person records across lists.

    Pairs are scored by a Fellegi-Sunter model in Splink; pairs at or above ``threshold`` join
    clusters; unjudged pairs with ``review_band[0] <= probability < review_band[1]`` form the
    review queue, most uncertain first. ``judgements`` maps (id_a, id_b) to True ("same") or
    False ("not same") and always overrides the model (see ``inquiry.linkage.clusters``).
    ``train`` defaults to training when there are at least DEFAULT_MIN_RECORDS_FOR_TRAINING
    records. ``duckdb_memory_limit`` (e.g. "6GB") makes DuckDB spill to disk beyond it.
    ``source_exclusive`` (default) treats each source list as naming a person at most once: two
    records of one list join a cluster only when the model is very sure of that pair itself
    (see ``inquiry.linkage.clusters``). Turn it off when ``source`` is not a list in that sense.
    """
    if engine not in ENGINES:
        raise InvalidInput("Unknown engine “{engine}”: use duckdb or spark.", field="engine", engine=engine)
    if not 0.0 < threshold <= 1.0:
        raise InvalidInput("The threshold must be a probability above 0 and at most 1, not {value}.",
                           field="threshold", value=threshold)
    low, high = review_band
    if not 0.0 <= low <= high <= 1.0:
        raise InvalidInput("The review band must be two probabilities, low then high, not {value}.",
                           field="review_band", value=review_band)
    say = progress or (lambda _message: None)
    say(f"preparing records (names via {names_backend()})")
    # Records are read once, as they come: a caller that passes a generator never holds them all.
    features = build_feature_table(records, max_key_frequency=max_key_frequency, progress=progress)
    n_records = len(features)
    say(f"prepared {n_records:,} records")
    ids = features["unique_id"].tolist()
    sources = ({record_id: source if isinstance(source, str) else None
                for record_id, source in zip(ids, features["source"].tolist(), strict=True)}
               if source_exclusive else None)
    decided = normalise_judgements(judgements, known_ids=set(ids))
    if train is None:
        train = n_records >= DEFAULT_MIN_RECORDS_FOR_TRAINING
    floor = min(low, threshold)
    if n_records < 2:
        frame, summary = pd.DataFrame(), {"engine": engine, "trained": False}
    else:
        prepared = PreparedFeatures(features)
        del features  # the engine's compact copy is all that is needed from here on
        frame, summary = score_pairs(prepared, engine=engine, train=train, min_probability=floor,
                                     spark_session=spark_session, duckdb_memory_limit=duckdb_memory_limit,
                                     progress=progress)
        del prepared
    say(f"explaining {len(frame):,} pairs")
    pairs = _pairs(frame, summary, decided)
    say("clustering")
    clusters, conflicts = cluster_with_judgements(
        ids, ((p.id_a, p.id_b, p.probability) for p in pairs if p.probability is not None),
        threshold=threshold, judgements=decided, sources=sources,
    )
    queue = [p for p in pairs if p.judgement is None and p.probability is not None
             and low <= p.probability < high]
    queue.sort(key=lambda p: (abs(p.probability - 0.5), p.id_a, p.id_b))
    summary = {key: value for key, value in summary.items() if key != "splink_model"} | {
        "names": names_backend(), "records": n_records, "scored_pairs": len(frame),
        "source_exclusive": source_exclusive,
        "splink_model": summary.get("splink_model"),
    }
    return LinkageResult(pairs=pairs, clusters=clusters, review_queue=queue, threshold=threshold,
                         review_band=(low, high), conflicts=conflicts, model=summary)


def _pairs(frame: pd.DataFrame, summary: dict[str, Any], decided: dict[tuple[str, str], bool]) -> list[ScoredPair]:
    pairs: list[ScoredPair] = []
    seen: set[tuple[str, str]] = set()
    if len(frame):
        explainer = _explainer(frame, summary)
        ids_l = frame["unique_id_l"].astype(str).tolist()
        ids_r = frame["unique_id_r"].astype(str).tolist()
        probabilities = frame["match_probability"].to_numpy(dtype=float)
        weights = frame["match_weight"].to_numpy(dtype=float)
        order = np.argsort(-probabilities, kind="stable")
        for i in order.tolist():
            a, b = (ids_l[i], ids_r[i]) if ids_l[i] < ids_r[i] else (ids_r[i], ids_l[i])
            judgement = decided.get((a, b))
            if judgement is not None:
                seen.add((a, b))
            pairs.append(ScoredPair(a, b, float(probabilities[i]), float(weights[i]), judgement, explainer, i))
    for (a, b), same in sorted(decided.items()):
        if (a, b) not in seen:  # judged by a human but below the model's floor or never compared
            pairs.append(ScoredPair(a, b, None, None, same))
    return pairs



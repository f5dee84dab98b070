"""Run the model on a backend (DuckDB by default, Spark for lists beyond one machine)."""

from __future__ import annotations

import logging
import math
import tempfile
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
from splink import Linker

from inquiry.errors import ConfigurationError, InvalidInput
from inquiry.linkage.model import build_settings, training_blocking_rules

__all__ = ["score_pairs", "PreparedFeatures", "ENGINES"]

ENGINES = ("duckdb", "spark")


def _db_api(engine: str, spark_session: Any | None, duckdb_memory_limit: str | None, scratch: str):
    if engine == "duckdb":
        import duckdb
        from splink import DuckDBAPI

        connection = duckdb.connect()
        if duckdb_memory_limit:
            # Beyond the limit DuckDB spills to disk instead of taking the machine's memory.
            connection.execute("SET memory_limit = ?", [duckdb_memory_limit])
            connection.execute("SET temp_directory = ?", [scratch])
            # Row order is irrelevant here (pairs are sorted later); keeping it costs memory.
            connection.execute("SET preserve_insertion_order = false")
        return DuckDBAPI(connection)
    if engine == "spark":
        try:
            from pyspark.sql import SparkSession
            from splink import SparkAPI
        except ImportError as exc:
            raise ConfigurationError(detail="the Spark engine needs pyspark (pip install 'inquiry[spark]')") from exc
        from splink.backends.spark import similarity_jar_location

        # Splink's Jaro-Winkler for Spark is a Scala UDF in a jar shipped with Splink. A session
        # passed in by the caller must have been built with it (spark.jars).
        session = spark_session or (
            SparkSession.builder.master("local[*]").appName("inquiry-linkage")
            .config("spark.jars", similarity_jar_location())
            .config("spark.sql.shuffle.partitions", "8").config("spark.ui.enabled", "false").getOrCreate()
        )
        if session.sparkContext.getCheckpointDir() is None:
            # Splink breaks long query lineages by checkpointing; a local session has no directory yet.
            session.sparkContext.setCheckpointDir(tempfile.mkdtemp(prefix="inquiry-linkage-spark-"))
        return SparkAPI(spark_session=session)
    raise InvalidInput("Unknown engine “{engine}”: use duckdb or spark.", field="engine", engine=engine)


def _level_weights(linker: Linker) -> dict[str, list[tuple[float, str]]]:
    """For each comparison, (match weight, label) of its levels: predict returns only the weights."""
    out: dict[str, list[tuple[float, str]]] = {}
    for comparison in linker._settings_obj.comparisons:
        levels = []
        for level in comparison.comparison_levels:
            try:
                weight = float(level._log2_bayes_factor)
            except (ValueError, TypeError):  # m = 0: the level never occurs among matches
                weight = -math.inf
            levels.append((weight, level.label_for_charts))
        out[comparison.output_column_name] = levels
    return out


def _train(linker: Linker, *, n_records: int, progress: Callable[[str], None]) -> None:
    progress("estimating u probabilities from random pairs")
    linker.training.estimate_u_using_random_sampling(max_pairs=min(5e6, max(1e5, n_records * 20.0)), seed=1)
    for rule in training_blocking_rules():
        sql = rule.get_blocking_rule("duckdb").blocking_rule_sql
        progress(f"estimating m probabilities by expectation maximisation on pairs where {sql}")
        linker.training.estimate_parameters_using_expectation_maximisation(
            rule, estimate_without_term_frequencies=True, max_pairs=2e6,
        )
    _floor_m_probabilities(linker)


# EM drives m to ~0 for a level that never occurs among matches in the training pairs (a clean
# list never misspells a sex), which would let one disagreeing field veto any pair with -100 bits.
# Real lists have clerical errors, so no level may say more than about -9 bits on its own.
M_FLOOR = 0.002


def _floor_m_probabilities(linker: Linker) -> None:
    for comparison in linker._settings_obj.comparisons:
        for level in comparison.comparison_levels:
            if level.is_null_level:
                continue
            m = level.m_probability
            if m is None or m < M_FLOOR:
                level.m_probability = M_FLOOR


# Pairs below this probability (under the trained prior, which overestimates) are left out of
# the share-of-matches estimate; together they add little to it.
SHARE_FLOOR = 0.005


def _share_of_matches(frame: pd.DataFrame, *, n_records: int, start: float) -> float:
    """The probability that two random records match, by EM with m and u held fixed.

    Splink's estimate after blocked EM divides by the blocking rule's average Bayes factor, but
    the blocked pairs are dominated by common names (Kim Yong Chol), so it came out 30 times too
    high on 100,000 records. Here lambda is the expected number of matches among the scored pairs
    (blocking finds nearly all matches) over the number of possible pairs, iterated to a fixed
    point: the EM update of the mixing weight.
    """
    total = n_records * (n_records - 1) / 2
    start_weight = math.log2(start / (1 - start))
    evidence = frame["match_weight"].to_numpy(dtype=float) - start_weight
    share = start
    for _ in range(200):
        logit = evidence + math.log2(share / (1 - share))
        expected = float(np.sum(1.0 / (1.0 + np.exp2(-logit))))
        updated = min(max(expected / total, 1e-12), 0.5)
        if abs(updated - share) <= 1e-4 * share:
            return updated
        share = updated
    return share


def _reprior(frame: pd.DataFrame, prior: float) -> None:
    """Recompute match weight and probability for a new prior; the comparisons' weights stay."""
    parts = [c for c in frame.columns if c.startswith("mw_")]
    weight = math.log2(prior / (1 - prior)) + frame[parts].sum(axis=1).to_numpy(dtype=float)
    frame["match_weight"] = weight
    frame["match_probability"] = 1.0 / (1.0 + np.exp2(-weight))


def _prediction_columns(db_api: Any, predictions: Any, engine: str) -> pd.DataFrame:
    """Only what linkage reads of Splink's predictions: ids, weights and each comparison's weight."""
    if engine == "duckdb":
        names = [row[0] for row in db_api.duckdb_con.execute(
            f"SELECT * FROM {predictions.physical_name} LIMIT 0").description]
        wanted = [n for n in names if n in ("unique_id_l", "unique_id_r", "match_weight", "match_probability")
                  or n.startswith("mw_")]
        return db_api.duckdb_con.execute(
            f"SELECT {', '.join(wanted)} FROM {predictions.physical_name}").df()
    frame = predictions.as_pandas_dataframe()
    return frame[[c for c in frame.columns if c in ("unique_id_l", "unique_id_r", "match_weight", "match_probability")
                  or c.startswith("mw_")]]


class PreparedFeatures:
    """The feature table as the engine takes it: record ids apart, row numbers as ``unique_id``.

    The engine sees row numbers, not record ids: a million pairs of integer ids cost a fraction
    of the same pairs as strings (the ids are put back on the way out). With pyarrow the table is
    held as Arrow columns, a fraction of the memory of pandas' Python lists and strings, so the
    caller can drop its pandas frame before DuckDB starts.
    """

    def __init__(self, features: pd.DataFrame) -> None:
        self.ids = features["unique_id"].to_numpy(dtype=object)
        numbered = features.assign(unique_id=np.arange(len(features), dtype=np.int64))
        try:
            import pyarrow as pa
        except ImportError:  # pragma: no cover - pyarrow comes with pandas' usual installs
            self.table: Any = numbered
        else:
            self.table = pa.Table.from_pandas(numbered, preserve_index=False)

    def __len__(self) -> int:
        return len(self.ids)

    def for_engine(self, engine: str) -> Any:
        if engine == "spark" and not isinstance(self.table, pd.DataFrame):
            return self.table.to_pandas()
        return self.table


def score_pairs(
    features: pd.DataFrame | PreparedFeatures,
    *,
    engine: str = "duckdb",
    train: bool,
    min_probability: float,
    spark_session: Any | None = None,
    duckdb_memory_limit: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Scored pairs above ``min_probability`` (Splink's predict output) and a model summary."""
    with tempfile.TemporaryDirectory(prefix="inquiry-linkage-") as scratch:
        return _score_pairs(features, engine=engine, train=train, min_probability=min_probability,
                            spark_session=spark_session, duckdb_memory_limit=duckdb_memory_limit,
                            scratch=scratch, say=progress or (lambda _message: None))


def _score_pairs(features: pd.DataFrame | PreparedFeatures, *, engine: str, train: bool, min_probability: float,
                 spark_session: Any | None, duckdb_memory_limit: str | None, scratch: str,
                 say: Callable[[str], None]) -> tuple[pd.DataFrame, dict[str, Any]]:
    db_api = _db_api(engine, spark_session, duckdb_memory_limit, scratch)
    if not isinstance(features, PreparedFeatures):
        features = PreparedFeatures(features)
    settings = build_settings(n_records=len(features), term_frequencies=train)
    ids = features.ids
    table = db_api.register(features.for_engine(engine))
    # Splink warns about every level EM cannot train; the progress callback says what matters.
    linker = Linker(table, settings, log_level=logging.ERROR)
    if train:
        _train(linker, n_records=len(features), progress=say)
    settings_obj = linker._settings_obj
    prior = settings_obj._probability_two_random_records_match
    say("scoring candidate pairs")
    floor = min(min_probability, SHARE_FLOOR) if train else min_probability
    predictions = linker.inference.predict(threshold_match_probability=floor, warning_mode="never")
    frame = _prediction_columns(db_api, predictions, engine)
    predictions.drop_table_from_database_and_remove_from_cache()
    frame["unique_id_l"] = ids[frame["unique_id_l"].to_numpy(dtype=np.int64)]
    frame["unique_id_r"] = ids[frame["unique_id_r"].to_numpy(dtype=np.int64)]
    if train and len(frame):
        prior = _share_of_matches(frame, n_records=len(features), start=prior)
        settings_obj._probability_two_random_records_match = prior  # the saved model carries it
        say(f"share of matching pairs: {prior:.3g}")
        _reprior(frame, prior)
        frame = frame[frame["match_probability"] >= min_probability].reset_index(drop=True)
    summary = {
        "engine": engine,
        "trained": train,
        "prior_probability": prior,
        "prior_match_weight": math.log2(prior / (1 - prior)),
        "levels": _level_weights(linker),
        "splink_model": settings_obj.as_dict(),
    }
    if engine == "duckdb":
        db_api.duckdb_con.close()  # before its spill folder goes
    return frame, summary

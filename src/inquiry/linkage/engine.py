"""Run the model on a backend (DuckDB by default, Spark for lists beyond one machine)."""

from __future__ import annotations

import logging
import math
import tempfile
from collections.abc import Callable
from typing import Any

import pandas as pd
from splink import Linker

from inquiry.errors import ConfigurationError, InvalidInput
from inquiry.linkage.model import build_settings, training_blocking_rules

__all__ = ["score_pairs", "ENGINES"]

ENGINES = ("duckdb", "spark")


def _db_api(engine: str, spark_session: Any | None):
    if engine == "duckdb":
        from splink import DuckDBAPI

        return DuckDBAPI()
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
    for rule, share_of_matches in training_blocking_rules():
        progress(f"estimating m probabilities by expectation maximisation ({rule.get_blocking_rule('duckdb').blocking_rule_sql})")
        linker.training.estimate_parameters_using_expectation_maximisation(
            rule, estimate_without_term_frequencies=True, max_pairs=2e6,
            populate_probability_two_random_records_match_from_trained_values=share_of_matches,
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


def score_pairs(
    features: pd.DataFrame,
    *,
    engine: str = "duckdb",
    train: bool,
    min_probability: float,
    spark_session: Any | None = None,
    progress: Callable[[str], None] | None = None,
) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Scored pairs above ``min_probability`` (Splink's predict output) and a model summary."""
    say = progress or (lambda _message: None)
    db_api = _db_api(engine, spark_session)
    settings = build_settings(n_records=len(features), term_frequencies=train)
    table = db_api.register(features)
    linker = Linker(table, settings, log_level=logging.WARNING if progress else None)
    if train:
        _train(linker, n_records=len(features), progress=say)
    say("scoring candidate pairs")
    predictions = linker.inference.predict(threshold_match_probability=min_probability, warning_mode="never")
    frame = predictions.as_pandas_dataframe()
    settings_obj = linker._settings_obj
    prior = settings_obj._probability_two_random_records_match
    summary = {
        "engine": engine,
        "trained": train,
        "prior_probability": prior,
        "prior_match_weight": math.log2(prior / (1 - prior)),
        "levels": _level_weights(linker),
        "splink_model": settings_obj.as_dict(),
    }
    return frame, summary

"""The Spark engine and the trained model (slow: Spark start-up, EM on a few thousand records)."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

from inquiry.linkage import LinkageRecord, link_records

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.mark.slow
@pytest.mark.spark
def test_spark_engine_links_the_same_person_across_scripts_like_duckdb():
    pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'inquiry[spark]')")
    records = [
        LinkageRecord("a", ("김영철",), birth_date="1960", sex="m", birth_place="회령", source="A"),
        LinkageRecord("b", ("Kim Yŏng-ch'ŏl",), birth_date="1959/1961", sex="m", birth_place="Hoeryŏng-si",
                      source="B"),
        LinkageRecord("c", ("KIM, Yong Chol",), birth_date="1975", sex="m", birth_place="Kaesong", source="C"),
        LinkageRecord("d", ("이순실",), birth_date="1970", sex="f", relatives=("리철",), source="A"),
        LinkageRecord("e", ("Ri Sun Sil",), birth_date="1970", sex="f", relatives=("Ri Chol",), source="B"),
    ]
    spark = link_records(records, engine="spark")
    duck = link_records(records, engine="duckdb")
    assert spark.clusters == duck.clusters
    assert spark.clusters["a"] == spark.clusters["b"] != spark.clusters["c"]
    spark_pairs = {(p.id_a, p.id_b): p.probability for p in spark.pairs}
    for pair in duck.pairs:
        assert spark_pairs[(pair.id_a, pair.id_b)] == pytest.approx(pair.probability, abs=1e-9)


def _synthetic(n: int):
    spec = importlib.util.spec_from_file_location("linkage_synth", BENCHMARKS / "linkage_synth.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["linkage_synth"] = module
    spec.loader.exec_module(module)
    return module.generate(n, seed=7)


def _pairs(sizes: Counter) -> int:
    return sum(n * (n - 1) // 2 for n in sizes.values())


@pytest.mark.slow
def test_trained_model_beats_exact_names_on_synthetic_lists():
    rows = _synthetic(3000)
    records = [
        LinkageRecord(r["record_id"], (r["name"],), birth_date=r["birth_date"] or None, sex=r["sex"] or None,
                      birth_place=r["birth_place"] or None, last_seen_place=r["last_seen_place"] or None,
                      facility=r["facility"] or None, nationality=r["nationality"] or None,
                      relatives=tuple(x for x in r["relatives"].split(";") if x), source=r["source"])
        for r in rows
    ]
    result = link_records(records, train=True)
    truth = {r["record_id"]: r["person_id"] for r in rows}
    both = Counter((truth[record_id], cluster) for record_id, cluster in result.clusters.items())
    linked = _pairs(Counter(result.clusters.values()))
    true = _pairs(Counter(truth.values()))
    correct = _pairs(both)
    precision, recall = correct / linked, correct / true
    assert result.model["trained"] is True
    assert 0 < result.model["prior_probability"] < 0.01
    assert precision > 0.9 and recall > 0.6
    # Popular and official spellings of one name (Young Chul / Yong Chol) share a key and are
    # close: EM must learn that this is stronger evidence than a shared key alone (training the
    # name only on pairs with the same birth day once taught it the reverse).
    name_levels = {label: weight for weight, label in result.model["levels"]["name"]}
    assert name_levels["a name key in common and close spelling"] > name_levels["a name key in common"]

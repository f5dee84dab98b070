"""The clustering rule: judgements override the model, "not same" is never bypassed."""

from __future__ import annotations

from inquiry.linkage import cluster_with_judgements, dates_overlap


def test_model_edges_above_the_threshold_form_connected_clusters():
    clusters, conflicts = cluster_with_judgements(
        ["a", "b", "c", "d"], [("a", "b", 0.95), ("b", "c", 0.92), ("c", "d", 0.5)], threshold=0.9)
    assert clusters == {"a": "a", "b": "a", "c": "a", "d": "d"}
    assert conflicts == []


def test_not_same_breaks_the_chain_at_its_weakest_edge_instead_of_closing_it_transitively():
    edges = [("a", "c", 0.99), ("c", "b", 0.93)]
    clusters, _ = cluster_with_judgements(["a", "b", "c"], edges, threshold=0.9, judgements={("a", "b"): False})
    assert clusters["a"] == clusters["c"] != clusters["b"]


def test_same_judgement_joins_below_the_threshold_and_not_same_overrides_a_certain_edge():
    edges = [("a", "b", 0.1), ("c", "d", 0.999)]
    clusters, _ = cluster_with_judgements(
        ["a", "b", "c", "d"], edges, threshold=0.9, judgements={("a", "b"): True, ("c", "d"): False})
    assert clusters["a"] == clusters["b"]
    assert clusters["c"] != clusters["d"]


def test_a_same_judgement_contradicting_not_same_judgements_is_reported_not_applied():
    judgements = {("a", "b"): True, ("b", "c"): True, ("a", "c"): False}
    clusters, conflicts = cluster_with_judgements(["a", "b", "c"], [], threshold=0.9, judgements=judgements)
    assert clusters["a"] != clusters["c"]
    assert conflicts == [("b", "c")]


def test_cluster_id_is_the_smallest_member_so_it_survives_unrelated_changes():
    clusters, _ = cluster_with_judgements(["r9", "r2", "r5"], [("r9", "r5", 0.99)], threshold=0.9)
    assert clusters == {"r9": "r5", "r2": "r2", "r5": "r5"}


def test_edtf_uncertainty_intervals_overlap():
    assert dates_overlap("1960", "1959/1961") is True
    assert dates_overlap("1960", "1975") is False
    assert dates_overlap("about 1960", "1961-03-02") is True
    assert dates_overlap("1960", None) is None

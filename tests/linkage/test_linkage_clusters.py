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


# Source lists: a list names a person once (rules 5 and 6 of inquiry.linkage.clusters).

def test_two_homonyms_from_one_list_are_not_joined_through_a_record_of_another_list():
    # a1 and a2 are two men called Kim Yong Chol in list A; b (list B) looks like both.
    edges = [("a1", "b", 0.95), ("a2", "b", 0.93), ("a1", "a2", 0.4)]
    sources = {"a1": "A", "a2": "A", "b": "B"}
    clusters, _ = cluster_with_judgements(["a1", "a2", "b"], edges, threshold=0.9, sources=sources)
    assert clusters["a1"] == clusters["b"] != clusters["a2"]
    # Without the list constraint the chain closes: what the constraint prevents.
    unconstrained, _ = cluster_with_judgements(["a1", "a2", "b"], edges, threshold=0.9, min_cohesion=0)
    assert unconstrained["a1"] == unconstrained["a2"]


def test_a_duplicate_inside_one_list_joins_when_the_model_is_sure_of_that_pair_itself():
    edges = [("a1", "b", 0.95), ("a2", "b", 0.93), ("a1", "a2", 0.995)]
    clusters, _ = cluster_with_judgements(["a1", "a2", "b"], edges, threshold=0.9,
                                          sources={"a1": "A", "a2": "A", "b": "B"})
    assert clusters["a1"] == clusters["a2"] == clusters["b"]


def test_a_real_pair_across_two_lists_joins_below_point_nine_when_the_threshold_allows():
    clusters, _ = cluster_with_judgements(["a", "b"], [("a", "b", 0.45)], threshold=0.3,
                                          sources={"a": "A", "b": "B"})
    assert clusters["a"] == clusters["b"]


def test_records_without_a_source_list_are_not_constrained_by_it():
    edges = [("a1", "b", 0.95), ("a2", "b", 0.93), ("a1", "a2", 0.4)]
    clusters, _ = cluster_with_judgements(["a1", "a2", "b"], edges, threshold=0.9,
                                          sources={"a1": None, "a2": None, "b": "B"})
    assert clusters["a1"] == clusters["a2"] == clusters["b"]


def test_a_human_same_judgement_joins_two_records_of_one_list():
    clusters, _ = cluster_with_judgements(["a1", "a2"], [("a1", "a2", 0.3)], threshold=0.9,
                                          judgements={("a1", "a2"): True}, sources={"a1": "A", "a2": "A"})
    assert clusters["a1"] == clusters["a2"]


def test_one_strong_edge_does_not_pull_a_record_into_a_cluster_whose_other_members_never_matched_it():
    # a-b is a sure pair; c matches b at 0.6 but was never even scored against a: mean 0.3 < cohesion.
    edges = [("a", "b", 0.99), ("b", "c", 0.6)]
    sources = {"a": "A", "b": "B", "c": "C"}
    clusters, _ = cluster_with_judgements(["a", "b", "c"], edges, threshold=0.5, sources=sources, min_cohesion=0.4)
    assert clusters["a"] == clusters["b"] != clusters["c"]
    # When a also matches c reasonably, the three records are one cluster.
    clusters, _ = cluster_with_judgements(["a", "b", "c"], [*edges, ("a", "c", 0.5)], threshold=0.5,
                                          sources=sources, min_cohesion=0.4)
    assert clusters["a"] == clusters["b"] == clusters["c"]

"""Tests of Bayesian model averaging over decomposable graphs (Madigan & York 1997)."""

from __future__ import annotations

import time
from itertools import combinations
from pathlib import Path

import numpy as np
import pytest
from scipy.special import gammaln

from inquiry.errors import InvalidInput
from inquiry.estimate.dga import _incidence, _subset_log_ml, dga_estimate, full_table
from inquiry.estimate.dga_graphs import decomposable_graphs, graph_label

DATA = Path(__file__).parent / "data"


def _read(name: str) -> tuple[np.ndarray, np.ndarray]:
    raw = np.genfromtxt(DATA / name, delimiter=",", names=True, dtype=np.int64)
    cols = raw.dtype.names
    return np.column_stack([raw[c] for c in cols[:-1]]), raw[cols[-1]]


@pytest.mark.parametrize(("lists", "expected"), [(2, 2), (3, 8), (4, 61), (5, 822)])
def test_enumeration_finds_every_decomposable_graph(lists, expected):
    assert len(decomposable_graphs(lists)) == expected


def test_four_cycle_is_not_decomposable_but_its_triangulations_are():
    edges = {g.edges for g in decomposable_graphs(4)}
    cycle = ((0, 1), (0, 2), (1, 3), (2, 3))
    assert cycle not in edges
    assert ((0, 1), (0, 2), (1, 2), (1, 3), (2, 3)) in edges  # chord 1-2 added


def test_every_junction_tree_has_one_clique_more_than_separators():
    for graph in decomposable_graphs(5):
        assert len(graph.cliques) - len(graph.separators) == 1
        union = 0
        for c in graph.cliques:
            union |= c
        assert union == 0b11111


def test_model_labels_follow_loglinear_notation():
    labels = {graph_label(g) for g in decomposable_graphs(3)}
    assert labels == {"[1,2,3]", "[12,3]", "[13,2]", "[23,1]", "[12,13]", "[12,23]", "[13,23]", "[123]"}


def _log_ml_by_elimination(table, p, delta, nmiss, edges):
    """Independent check: product over a perfect elimination ordering of f(v ∪ pa(v)) / f(pa(v)).

    ``_subset_log_ml`` leaves out each table's Dirichlet normaliser, which is ``-terms[0]``
    (the empty set's term); the ratios cancel it, the junction tree carries it once.
    """
    nb = [0] * p
    for a, b in edges:
        nb[a] |= 1 << b
        nb[b] |= 1 << a
    terms = _subset_log_ml(table, p, delta, nmiss)
    # Maximum cardinality search gives a perfect ordering for a chordal graph.
    numbered, total = 0, np.zeros(nmiss.size)
    weight = [0] * p
    for _ in range(p):
        v = max((u for u in range(p) if not numbered >> u & 1), key=lambda u: weight[u])
        pa = nb[v] & numbered
        total += terms[pa | 1 << v] - terms[pa]
        numbered |= 1 << v
        for u in range(p):
            if nb[v] >> u & 1:
                weight[u] += 1
    return total + terms[0]


def test_clique_separator_factorisation_matches_elimination_ordering():
    rng = np.random.default_rng(3)
    patterns = np.array([[int(b) for b in np.binary_repr(i, 4)] for i in range(1, 16)])
    table = full_table(patterns, rng.integers(0, 50, size=15))
    nmiss = np.array([0.0, 10.0, 500.0])
    inc = _incidence(4)
    junction = inc @ _subset_log_ml(table, 4, 0.3, nmiss)
    for g, graph in enumerate(decomposable_graphs(4)):
        expected = _log_ml_by_elimination(table, 4, 0.3, nmiss, graph.edges)
        np.testing.assert_allclose(junction[g], expected, rtol=1e-10, atol=1e-8)


def test_complete_graph_gives_the_dirichlet_multinomial_likelihood():
    patterns = np.array([[1, 0, 0], [0, 1, 0], [1, 1, 0], [0, 0, 1], [1, 0, 1], [0, 1, 1], [1, 1, 1]])
    counts = np.array([5, 7, 2, 9, 3, 4, 1])
    table = full_table(patterns, counts)
    delta, nmiss = 0.7, np.array([0.0, 12.0])
    complete = [g for g in decomposable_graphs(3) if len(g.cliques) == 1 and g.cliques[0] == 0b111][0]
    g = decomposable_graphs(3).index(complete)
    ours = (_incidence(3) @ _subset_log_ml(table, 3, delta, nmiss))[g]
    for k, nm in enumerate(nmiss):
        cells = table.astype(float).copy()
        cells[0] = nm
        direct = gammaln(cells + delta).sum() - 8 * gammaln(delta)
        assert ours[k] == pytest.approx(direct, rel=1e-12)


def test_spina_bifida_matches_madigan_york_with_negative_binomial_prior():
    patterns, counts = _read("spina_bifida_3list.csv")
    r = dga_estimate(patterns, counts, delta=1.0, prior="negbin", nb_a=13.14, nb_b=55.17)
    assert round(r.diagnostics["bayes_relative_squared_loss"]) == 731
    assert r.diagnostics["posterior_mode"] == 728
    top = r.diagnostics["top_models"][0]
    assert round(top["probability"], 2) == 0.37
    assert top["model"] == "[12,3]"
    assert r.n_observed == 626
    assert r.extra["posterior_p"].sum() == pytest.approx(1.0)
    assert r.extra["model_probabilities"].sum() == pytest.approx(1.0)


def test_kosovo_matches_dga_reference_with_inverse_prior():
    patterns, counts = _read("kosovo.csv")
    r = dga_estimate(patterns, counts, delta=2.0**-4, prior="inverse")
    assert r.estimate == pytest.approx(12595, rel=0.01)
    assert r.interval[0] == pytest.approx(9827, rel=0.01)
    assert r.interval[1] == pytest.approx(16543, rel=0.01)
    assert r.diagnostics["delta"] == 2.0**-4
    assert not r.warnings


def test_default_delta_is_two_to_minus_lists():
    patterns, counts = _read("kosovo.csv")
    r = dga_estimate(patterns, counts)
    assert r.diagnostics["delta"] == 2.0**-4
    assert r.estimate == pytest.approx(12595, rel=0.01)


def _simulated_five_lists(seed=11, n_total=2000):
    rng = np.random.default_rng(seed)
    capture = rng.random((n_total, 5)) < np.array([0.3, 0.25, 0.2, 0.35, 0.15])
    seen = capture[capture.any(axis=1)].astype(int)
    patterns, counts = np.unique(seen, axis=0, return_counts=True)
    return patterns, counts


def test_five_lists_average_over_822_graphs_quickly_and_cover_the_truth():
    patterns, counts = _simulated_five_lists()
    start = time.perf_counter()
    r = dga_estimate(patterns, counts)
    elapsed = time.perf_counter() - start
    assert r.diagnostics["graphs"] == 822
    assert len(r.extra["model_probabilities"]) == 822
    assert r.interval[0] <= 2000 <= r.interval[1]
    assert elapsed < 10


def test_permuting_the_lists_leaves_the_posterior_of_n_unchanged():
    patterns, counts = _simulated_five_lists(seed=5, n_total=600)
    a = dga_estimate(patterns, counts, n_max=3000)
    b = dga_estimate(patterns[:, [3, 0, 4, 2, 1]], counts, n_max=3000)
    np.testing.assert_allclose(a.extra["posterior_p"], b.extra["posterior_p"], rtol=1e-8, atol=1e-14)


def test_duplicate_patterns_are_summed_and_row_order_does_not_matter():
    patterns, counts = _simulated_five_lists(seed=2, n_total=400)
    rng = np.random.default_rng(0)
    order = rng.permutation(len(counts))
    split = np.vstack([patterns[order], patterns[:1]])
    split_counts = np.concatenate([counts[order], [0]])
    split_counts[np.flatnonzero(order == 0)[0]] = counts[0]
    a = dga_estimate(patterns, counts, n_max=2000)
    b = dga_estimate(split, split_counts, n_max=2000)
    assert a.estimate == b.estimate and a.interval == b.interval


def test_truncated_grid_is_reported():
    patterns, counts = _read("kosovo.csv")
    r = dga_estimate(patterns, counts, n_max=int(counts.sum()) + 2000)
    assert any("cut off at the grid end" in w for w in r.warnings)


def test_result_serialises_to_json_without_bulky_arrays():
    patterns, counts = _simulated_five_lists(seed=4, n_total=300)
    seen = patterns[:, :3].any(axis=1)
    d = dga_estimate(patterns[seen, :3], counts[seen]).to_json_dict()
    assert d["method"] == "dga" and "extra" not in d
    assert len(d["diagnostics"]["top_models"]) == 8


@pytest.mark.parametrize(
    ("patterns", "counts", "field", "row"),
    [
        ([[1, 0, 2], [0, 1, 1]], [3, 4], "patterns", 1),
        ([[1, 0, 0], [0, 1, 1]], [3, -4], "counts", 2),
        ([[1, 0, 0], [0, 1, 1]], [3, 1.5], "counts", 2),
        ([[1, 0, 0], [0, 0, 0]], [3, 4], "patterns", 2),
        ([[1, 0, 0], [0, 1, 1]], [3], "counts", None),
        ([[1, 0, 0, 0, 0, 1]], [3], "patterns", None),
        ([[0, 1, 0], [1, 0, 0]], [0, 0], "counts", None),
    ],
)
def test_bad_tables_raise_invalid_input_naming_field_and_row(patterns, counts, field, row):
    with pytest.raises(InvalidInput) as err:
        dga_estimate(np.array(patterns), np.array(counts))
    assert err.value.field == field
    assert err.value.row == row


def test_bad_prior_settings_raise_invalid_input():
    patterns = np.array(list(combinations([1, 0, 0, 1], 3))[:3])
    patterns = patterns[patterns.any(axis=1)]
    counts = np.full(len(patterns), 5)
    with pytest.raises(InvalidInput):
        dga_estimate(patterns, counts, prior="jeffreys")
    with pytest.raises(InvalidInput):
        dga_estimate(patterns, counts, prior="negbin")
    with pytest.raises(InvalidInput):
        dga_estimate(patterns, counts, delta=0.0)
    with pytest.raises(InvalidInput):
        dga_estimate(patterns, counts, delta="big")
    with pytest.raises(InvalidInput):
        dga_estimate(patterns, counts, n_max=100.5)
    with pytest.raises(InvalidInput):
        dga_estimate(patterns, counts, n_min=50, n_max=10)

"""Decomposable (chordal) graphs on a few vertices, with their cliques and separators.

Madigan & York (1997) average over every decomposable graphical model on the lists. For
p <= 5 lists there are few enough graphs (8, 61, 822) to enumerate all 2^(p(p-1)/2) graphs
and keep the chordal ones. Vertex sets are bitmasks: bit j set means list j is in the set.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

__all__ = ["DecomposableGraph", "decomposable_graphs", "graph_label"]


@dataclass(frozen=True)
class DecomposableGraph:
    """A chordal graph: its edges, maximal cliques and junction-tree separators (bitmasks).

    Separators include empty sets between disconnected components, so that
    ``len(cliques) - len(separators) == 1`` always holds.
    """

    edges: tuple[tuple[int, int], ...]
    cliques: tuple[int, ...]
    separators: tuple[int, ...]


def _neighbours(p: int, edges: tuple[tuple[int, int], ...]) -> list[int]:
    nb = [0] * p
    for a, b in edges:
        nb[a] |= 1 << b
        nb[b] |= 1 << a
    return nb


def _is_chordal(p: int, nb: list[int]) -> bool:
    """Maximum cardinality search; chordal iff each vertex's earlier neighbours form a clique."""
    order: list[int] = []
    numbered = 0
    weight = [0] * p
    for _ in range(p):
        v = max((u for u in range(p) if not numbered >> u & 1), key=lambda u: weight[u])
        earlier = nb[v] & numbered
        # The earlier neighbours' latest member must be adjacent to all the others.
        if earlier:
            last = next(u for u in reversed(order) if earlier >> u & 1)
            rest = earlier & ~(1 << last)
            if rest & ~nb[last]:
                return False
        order.append(v)
        numbered |= 1 << v
        for u in range(p):
            if nb[v] >> u & 1:
                weight[u] += 1
    return True


def _maximal_cliques(p: int, nb: list[int]) -> list[int]:
    def complete(mask: int) -> bool:
        members = [v for v in range(p) if mask >> v & 1]
        return all(mask & ~(1 << v) & ~nb[v] == 0 for v in members)

    cliques = [m for m in range(1, 1 << p) if complete(m)]
    return [c for c in cliques if not any(c != d and c & d == c for d in cliques)]


def _junction_separators(cliques: list[int]) -> list[int]:
    """Separators of a maximum-weight spanning tree of the clique graph (a junction tree when chordal)."""
    in_tree = {0}
    separators = []
    while len(in_tree) < len(cliques):
        best = max(
            ((i, j) for i in in_tree for j in range(len(cliques)) if j not in in_tree),
            key=lambda ij: (bin(cliques[ij[0]] & cliques[ij[1]]).count("1"), -ij[1]),
        )
        separators.append(cliques[best[0]] & cliques[best[1]])
        in_tree.add(best[1])
    return separators


@lru_cache(maxsize=8)
def decomposable_graphs(p: int) -> tuple[DecomposableGraph, ...]:
    """Every decomposable graph on ``p`` labelled vertices, from the empty to the complete graph."""
    if p < 1:
        raise ValueError("a graph needs at least one vertex")
    pairs = list(combinations(range(p), 2))
    graphs = []
    for mask in range(1 << len(pairs)):
        edges = tuple(pair for k, pair in enumerate(pairs) if mask >> k & 1)
        nb = _neighbours(p, edges)
        if not _is_chordal(p, nb):
            continue
        cliques = _maximal_cliques(p, nb)
        graphs.append(DecomposableGraph(edges, tuple(cliques), tuple(_junction_separators(cliques))))
    return tuple(graphs)


def graph_label(graph: DecomposableGraph) -> str:
    """Log-linear style name of the model, lists numbered from 1: ``[12,3]``, ``[123,14]``."""
    parts = []
    for c in graph.cliques:
        parts.append("".join(str(v + 1) for v in range(c.bit_length()) if c >> v & 1))
    return "[" + ",".join(sorted(parts, key=lambda s: (-len(s), s))) + "]"

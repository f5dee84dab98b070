"""Clusters from scored pairs and human judgements; nothing is ever merged destructively.

The rule: clusters are rebuilt every time from the pairs and the judgements.

1. A "same" judgement is an edge that is always taken first.
2. Model edges (probability >= threshold) follow, strongest first.
3. A "not same" judgement is a cannot-link constraint: an edge is skipped if taking it would put
   two records judged "not same" into one cluster, even through other records. So "A is not B"
   splits a chain A-C-B at its weakest edge instead of being bypassed by transitive closure.
4. A "same" judgement that contradicts "not same" judgements (A=B, B=C, A≠C) is not taken and is
   reported as a conflict for a human to resolve.

This is Kruskal-style greedy agglomeration with cannot-link constraints; undoing a merge is
recording a judgement and recomputing.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping

__all__ = ["cluster_with_judgements"]


class _Forest:
    def __init__(self) -> None:
        self.parent: dict[Hashable, Hashable] = {}
        self.forbidden: dict[Hashable, set[Hashable]] = {}  # root -> roots it may never join

    def find(self, item: Hashable) -> Hashable:
        parent = self.parent
        root = parent.setdefault(item, item)
        while parent[root] != root:
            root = parent[root]
        while parent[item] != root:  # path compression
            parent[item], item = root, parent[item]
        return root

    def can_join(self, a: Hashable, b: Hashable) -> bool:
        ra, rb = self.find(a), self.find(b)
        return ra == rb or rb not in self.forbidden.get(ra, ())

    def forbid(self, a: Hashable, b: Hashable) -> None:
        ra, rb = self.find(a), self.find(b)
        self.forbidden.setdefault(ra, set()).add(rb)
        self.forbidden.setdefault(rb, set()).add(ra)

    def union(self, a: Hashable, b: Hashable) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        small_a = len(self.forbidden.get(ra, ())) < len(self.forbidden.get(rb, ()))
        keep, gone = (rb, ra) if small_a else (ra, rb)
        self.parent[gone] = keep
        moved = self.forbidden.pop(gone, set())
        if moved:
            kept = self.forbidden.setdefault(keep, set())
            for other in moved:
                peers = self.forbidden[other]
                peers.discard(gone)
                peers.add(keep)
                kept.add(other)


def cluster_with_judgements(
    record_ids: Iterable[str],
    edges: Iterable[tuple[str, str, float]],
    *,
    threshold: float,
    judgements: Mapping[tuple[str, str], bool] | None = None,
) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """Return (record_id -> cluster_id, conflicting "same" judgements).

    ``edges`` are (id_a, id_b, probability). The cluster id is the smallest record id in the
    cluster, so it is stable when unrelated records change.
    """
    forest = _Forest()
    ids = list(record_ids)
    for record_id in ids:
        forest.find(record_id)
    judgements = dict(judgements or {})
    conflicts: list[tuple[str, str]] = []
    for (a, b), same in judgements.items():
        if not same:
            forest.forbid(a, b)
    for (a, b), same in sorted(judgements.items()):
        if same:
            if forest.can_join(a, b):
                forest.union(a, b)
            else:
                conflicts.append((a, b))
    model_edges = [(p, a, b) for a, b, p in edges if p is not None and p >= threshold
                   and (a, b) not in judgements and (b, a) not in judgements]
    model_edges.sort(key=lambda e: (-e[0], e[1], e[2]))
    for _, a, b in model_edges:
        if forest.can_join(a, b):
            forest.union(a, b)
    smallest: dict[Hashable, str] = {}
    for record_id in forest.parent:
        root = forest.find(record_id)
        if root not in smallest or record_id < smallest[root]:
            smallest[root] = record_id
    return {record_id: smallest[forest.find(record_id)] for record_id in forest.parent}, conflicts

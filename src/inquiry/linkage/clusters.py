"""Clusters from scored pairs and human judgements; nothing is ever merged destructively.

The rule: clusters are rebuilt every time from the pairs and the judgements.

1. A "same" judgement is an edge that is always taken first.
2. Model edges (probability >= threshold) follow, strongest first.
3. A "not same" judgement is a cannot-link constraint: an edge is skipped if taking it would put
   two records judged "not same" into one cluster, even through other records. So "A is not B"
   splits a chain A-C-B at its weakest edge instead of being bypassed by transitive closure.
4. A "same" judgement that contradicts "not same" judgements (A=B, B=C, A≠C) is not taken and is
   reported as a conflict for a human to resolve.
5. Source lists (when ``sources`` is given): a list names a person once, so a model edge that
   would put two records of the same list into one cluster is skipped unless the model itself
   says those two records are the same person with probability >= ``same_source_threshold``
   (a genuine duplicate inside a list). Joining the two clusters of two homonyms from one list
   through a third list's record is what this prevents.
6. Cohesion: a model edge that would make a cluster of three or more records is skipped unless
   the mean probability over all pairs across the two clusters is at least ``min_cohesion``
   (pairs that were not scored count as 0). One good edge does not pull a whole cluster in
   when the other members disagree with it.

Rules 5 and 6 apply to model edges only; a human "same" judgement is taken regardless.

This is Kruskal-style greedy agglomeration with cannot-link constraints; undoing a merge is
recording a judgement and recomputing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np

__all__ = ["cluster_with_judgements", "SAME_SOURCE_THRESHOLD", "MIN_COHESION"]

# Two records of one list are joined only when the model is this sure they are one person.
SAME_SOURCE_THRESHOLD = 0.99
# Mean probability across two clusters that a merge into three or more records needs.
MIN_COHESION = 0.3


class _Pairs:
    """Probability of any record pair by index, 0.0 when the pair was not scored."""

    def __init__(self, n: int, left: list[int], right: list[int], probability: list[float]) -> None:
        lo = np.minimum(left, right).astype(np.int64)
        hi = np.maximum(left, right).astype(np.int64)
        keys = lo * n + hi
        order = np.argsort(keys, kind="stable")
        self.n, self.keys, self.values = n, keys[order], np.asarray(probability, dtype=float)[order]

    def get(self, a: int, b: int) -> float:
        key = min(a, b) * self.n + max(a, b)
        at = int(np.searchsorted(self.keys, key))
        # Several entries for one pair (should not happen): the first is as good as any.
        return float(self.values[at]) if at < len(self.keys) and self.keys[at] == key else 0.0


def cluster_with_judgements(
    record_ids: Iterable[str],
    edges: Iterable[tuple[str, str, float]],
    *,
    threshold: float,
    judgements: Mapping[tuple[str, str], bool] | None = None,
    sources: Mapping[str, str | None] | None = None,
    same_source_threshold: float = SAME_SOURCE_THRESHOLD,
    min_cohesion: float = MIN_COHESION,
) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """Return (record_id -> cluster_id, conflicting "same" judgements).

    ``edges`` are (id_a, id_b, probability), every scored pair (also those below the threshold:
    cohesion reads them). ``sources`` maps a record id to its source list (None or absent: no
    list constraint for that record). The cluster id is the smallest record id in the cluster,
    so it is stable when unrelated records change.
    """
    ids = list(dict.fromkeys(str(r) for r in record_ids))
    index = {record_id: i for i, record_id in enumerate(ids)}

    def at(record_id: str) -> int:
        record_id = str(record_id)
        if record_id not in index:
            index[record_id] = len(ids)
            ids.append(record_id)
        return index[record_id]

    judgements = {(str(a), str(b)): bool(s) for (a, b), s in (judgements or {}).items()}
    left: list[int] = []
    right: list[int] = []
    probability: list[float] = []
    for a, b, p in edges:
        if p is None:
            continue
        left.append(at(a))
        right.append(at(b))
        probability.append(float(p))
    judged = {(at(a), at(b)): same for (a, b), same in judgements.items()}
    n = len(ids)
    source_of: list[str | None] = [None] * n
    if sources:
        for record_id, source in sources.items():
            if source is not None and str(record_id) in index:
                source_of[index[str(record_id)]] = str(source)
    forest = _Forest(n, source_of)
    pairs = _Pairs(n, left, right, probability) if (sources or min_cohesion > 0) and left else None

    conflicts: list[tuple[str, str]] = []
    for (a, b), same in judged.items():
        if not same:
            forest.forbid(a, b)
    for (a, b), same in sorted(judged.items(), key=lambda item: (ids[item[0][0]], ids[item[0][1]])):
        if same:
            if forest.can_join(a, b):
                forest.union(a, b)
            else:
                conflicts.append((ids[a], ids[b]))
    p_all = np.asarray(probability, dtype=float)
    candidates = np.flatnonzero(p_all >= threshold) if len(p_all) else np.empty(0, dtype=int)
    # Strongest first; ties by record id so that the result does not depend on input order.
    candidates = sorted(candidates.tolist(), key=lambda k: (-p_all[k], ids[left[k]], ids[right[k]]))
    for k in candidates:
        a, b = left[k], right[k]
        if (a, b) in judged or (b, a) in judged:
            continue
        if not forest.can_join(a, b):
            continue
        ra, rb = forest.find(a), forest.find(b)
        if ra == rb:
            continue
        if pairs is not None and not _model_may_join(forest, pairs, ra, rb, same_source_threshold, min_cohesion):
            continue
        forest.union(a, b)
    smallest: dict[int, str] = {}
    for i, record_id in enumerate(ids):
        root = forest.find(i)
        if root not in smallest or record_id < smallest[root]:
            smallest[root] = record_id
    return {record_id: smallest[forest.find(i)] for i, record_id in enumerate(ids)}, conflicts


def _model_may_join(forest: _Forest, pairs: _Pairs, ra: int, rb: int, same_source_threshold: float,
                    min_cohesion: float) -> bool:
    members_a, members_b = forest.root_members(ra), forest.root_members(rb)
    sources_a, sources_b = forest.root_sources(ra), forest.root_sources(rb)
    if sources_a and sources_b and not sources_a.isdisjoint(sources_b):
        shared = sources_a & sources_b
        for x in members_a:
            if forest.source_of[x] in shared:
                for y in members_b:
                    if forest.source_of[y] == forest.source_of[x] and pairs.get(x, y) < same_source_threshold:
                        return False
    if min_cohesion > 0 and len(members_a) + len(members_b) > 2:
        total = sum(pairs.get(x, y) for x in members_a for y in members_b)
        if total < min_cohesion * len(members_a) * len(members_b):
            return False
    return True


class _Forest:
    """Union-find over record indices with cannot-link sets, members and source lists per root."""

    def __init__(self, n: int, source_of: list[str | None]) -> None:
        self.parent = list(range(n))
        self.forbidden: dict[int, set[int]] = {}  # root -> roots it may never join
        self.members: dict[int, list[int]] = {}  # only for roots of clusters of two or more
        self.sources: dict[int, set[str]] = {}
        self.source_of = source_of

    def find(self, item: int) -> int:
        parent = self.parent
        root = item
        while parent[root] != root:
            root = parent[root]
        while parent[item] != root:  # path compression
            parent[item], item = root, parent[item]
        return root

    def can_join(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        return ra == rb or rb not in self.forbidden.get(ra, ())

    def forbid(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        self.forbidden.setdefault(ra, set()).add(rb)
        self.forbidden.setdefault(rb, set()).add(ra)

    def root_members(self, root: int) -> list[int]:
        return self.members.get(root) or [root]

    def root_sources(self, root: int) -> set[str]:
        if root in self.sources:
            return self.sources[root]
        source = self.source_of[root]
        return {source} if source is not None else set()

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        small_a = len(self.forbidden.get(ra, ())) < len(self.forbidden.get(rb, ()))
        keep, gone = (rb, ra) if small_a else (ra, rb)
        self.members[keep] = self.root_members(keep) + self.root_members(gone)
        self.sources[keep] = self.root_sources(keep) | self.root_sources(gone)
        self.members.pop(gone, None)
        self.sources.pop(gone, None)
        self.parent[gone] = keep
        moved = self.forbidden.pop(gone, set())
        if moved:
            kept = self.forbidden.setdefault(keep, set())
            for other in moved:
                peers = self.forbidden[other]
                peers.discard(gone)
                peers.add(keep)
                kept.add(other)

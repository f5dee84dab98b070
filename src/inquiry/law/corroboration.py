"""Counting independent sources.

Two pieces of information corroborate each other only if they come from different origins. The
same witness heard twice, a partner report that retells that witness, and two hearsay accounts from
one original informant are each a single origin. Origins are the connected components of a
"same origin" relation, found with union-find:

* a source is joined to its witness (``witness_code``);
* a source is joined to the original informant it names (``original_informant``), in the same
  namespace as witness codes, so hearsay from TSH024 and TSH024's own interview are one origin
  (conservatively, a narrator who relays hearsay is joined to that informant too: anything
  sharing a person counts once);
* a source is joined to every source it is ``derived_from`` (a partner report that retells an
  interview), also when the earlier source is not itself in the set being weighed;
* documentary links are their own origin unless ``derived_from`` says otherwise.

Each origin is weighed by its best piece of information: mode weight × reliability weight (see
``Weights``; non-credible sources weigh 0 and are reported as excluded).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from inquiry.errors import InvalidInput

__all__ = [
    "InfoLink",
    "MODES",
    "Origin",
    "Corroboration",
    "RELIABILITY_LEVELS",
    "SOURCE_KINDS",
    "SourceRef",
    "Weights",
    "corroborate",
]

SOURCE_KINDS = ("interview", "public_hearing", "document", "open_source", "partner_submission")
MODES = ("direct", "hearsay", "documentary")
RELIABILITY_LEVELS = ("high", "medium", "low", "unknown")  # ordered, best first


def _choice(value: Any, allowed: tuple[str, ...], *, field_name: str, row: int | None) -> str:
    if value not in allowed:
        raise InvalidInput(
            "{field_name} must be one of {allowed}, not {value!r}.",
            field=field_name,
            row=row,
            code="invalid_choice",
            field_name=field_name,
            allowed=", ".join(allowed),
            value=value,
        )
    return value


def _code(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip().upper()
    return text or None


@dataclass(frozen=True)
class SourceRef:
    """One source as the law module needs it (build it from a database row or a dict)."""

    id: str
    kind: str
    witness_code: str | None = None
    derived_from: tuple[str, ...] = ()
    original_informant: str | None = None
    reliability: str = "unknown"
    credible: bool = True

    def __post_init__(self) -> None:
        # Codes are compared case- and space-insensitively: "tsh024 " is TSH024.
        object.__setattr__(self, "witness_code", _code(self.witness_code))
        object.__setattr__(self, "original_informant", _code(self.original_informant))
        object.__setattr__(self, "derived_from", tuple(str(d) for d in self.derived_from))
        _choice(self.kind, SOURCE_KINDS, field_name="kind", row=None)
        _choice(self.reliability, RELIABILITY_LEVELS, field_name="reliability", row=None)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, row: int | None = None) -> SourceRef:
        if not data.get("id"):
            raise InvalidInput("A source needs an id.", field="id", row=row, code="missing_field")
        derived = data.get("derived_from") or ()
        if isinstance(derived, str):
            derived = (derived,)
        return cls(
            id=str(data["id"]),
            kind=_choice(data.get("kind"), SOURCE_KINDS, field_name="kind", row=row),
            witness_code=_code(data.get("witness_code")),
            derived_from=tuple(str(d) for d in derived),
            original_informant=_code(data.get("original_informant")),
            reliability=_choice(
                data.get("reliability", "unknown"), RELIABILITY_LEVELS, field_name="reliability", row=row
            ),
            credible=bool(data.get("credible", True)),
        )


@dataclass(frozen=True)
class InfoLink:
    """A piece of information from one source about one act.

    ``elements`` optionally names element references (``"7(1)(e):3"``) this information speaks to
    beyond what the act type shows by itself (see ``inquiry.law.matrix``).
    """

    act_id: str
    source_id: str
    mode: str
    elements: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _choice(self.mode, MODES, field_name="mode", row=None)
        object.__setattr__(self, "elements", tuple(self.elements))

    @classmethod
    def from_mapping(
        cls, data: Mapping[str, Any], *, act_id: str | None = None, row: int | None = None
    ) -> InfoLink:
        act = data.get("act_id", act_id)
        if not act:
            raise InvalidInput("A link needs an act_id.", field="act_id", row=row, code="missing_field")
        if not data.get("source_id"):
            raise InvalidInput("A link needs a source_id.", field="source_id", row=row, code="missing_field")
        elements = data.get("elements") or ()
        if isinstance(elements, str):
            elements = (elements,)
        return cls(
            act_id=str(act),
            source_id=str(data["source_id"]),
            mode=_choice(data.get("mode"), MODES, field_name="mode", row=row),
            elements=tuple(str(e) for e in elements),
        )


@dataclass(frozen=True)
class Weights:
    """How much one origin counts: ``mode[mode] * reliability[reliability]``.

    Defaults: direct 1.0, documentary 0.8, hearsay 0.4; reliability high 1.0, medium 0.75,
    low 0.35, unknown 0.5. A profile can override them (``standard_of_proof.yaml`` ``weights``).
    """

    mode: Mapping[str, float] = field(
        default_factory=lambda: {"direct": 1.0, "documentary": 0.8, "hearsay": 0.4}
    )
    reliability: Mapping[str, float] = field(
        default_factory=lambda: {"high": 1.0, "medium": 0.75, "low": 0.35, "unknown": 0.5}
    )

    def of(self, mode: str, reliability: str) -> float:
        return float(self.mode[mode]) * float(self.reliability[reliability])

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any] | None) -> Weights:
        if not data:
            return cls()
        base = cls()
        out: dict[str, dict[str, float]] = {}
        for part, allowed in (("mode", MODES), ("reliability", RELIABILITY_LEVELS)):
            values = dict(getattr(base, part))
            for key, value in (data.get(part) or {}).items():
                _choice(key, allowed, field_name=f"weights.{part}", row=None)
                try:
                    number = float(value)
                except (TypeError, ValueError):
                    number = -1.0
                if not 0.0 <= number <= 1.0:
                    raise InvalidInput(
                        "weights.{part}.{key} must be a number between 0 and 1.",
                        field=f"weights.{part}.{key}",
                        code="bad_weight",
                        part=part,
                        key=key,
                    )
                values[key] = number
            out[part] = values
        return cls(mode=out["mode"], reliability=out["reliability"])


@dataclass(frozen=True)
class Origin:
    """One independent origin: all the sources that trace back to the same person or document."""

    key: str  # a stable label, e.g. "witness:TSH024" or "source:S12"
    source_ids: tuple[str, ...]
    modes: tuple[str, ...]
    best_mode: str
    reliability: str
    weight: float
    credible_direct: bool
    documentary_reliability: str | None


@dataclass(frozen=True)
class Corroboration:
    act_id: str | None
    origins: tuple[Origin, ...]
    excluded: tuple[str, ...]  # source ids not counted because they are not credible
    unknown_sources: tuple[str, ...]  # linked ids with no SourceRef
    hearsay_without_informant: tuple[str, ...]

    @property
    def independent_count(self) -> int:
        return len(self.origins)

    @property
    def weighted_score(self) -> float:
        return round(sum(o.weight for o in self.origins), 6)

    @property
    def source_ids(self) -> tuple[str, ...]:
        return tuple(sorted({s for o in self.origins for s in o.source_ids}))


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:  # path compression
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # Keep the smaller label as root so component keys are deterministic.
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra


_RANK = {level: i for i, level in enumerate(RELIABILITY_LEVELS)}


def corroborate(
    links: Iterable[InfoLink],
    sources: Mapping[str, SourceRef],
    *,
    weights: Weights | None = None,
    act_id: str | None = None,
) -> Corroboration:
    """Group the links' information into independent origins and weigh each origin.

    ``links`` are usually the links of one act (an incident); pass the links of several acts to
    count origins across them (a pattern). ``sources`` maps source id to ``SourceRef`` and may hold
    more sources than the links use (needed to follow ``derived_from`` chains).
    """
    weights = weights or Weights()
    uf = _UnionFind()
    used: list[tuple[InfoLink, SourceRef]] = []
    unknown: set[str] = set()
    excluded: set[str] = set()
    no_informant: set[str] = set()
    joined: set[str] = set()  # sources already joined to their people and parents

    def join_source(src: SourceRef, seen: set[str]) -> None:
        # Follow derived_from transitively so a report of a report still joins the original.
        if src.id in seen:
            return
        seen.add(src.id)
        node = f"source:{src.id}"
        uf.find(node)
        if src.witness_code:
            uf.union(node, f"person:{src.witness_code}")
        if src.original_informant:
            uf.union(node, f"person:{src.original_informant}")
        for parent in src.derived_from:
            uf.union(node, f"source:{parent}")
            if parent in sources:
                join_source(sources[parent], seen)

    for link in links:
        src = sources.get(link.source_id)
        if src is None:
            unknown.add(link.source_id)
            continue
        if not src.credible:
            excluded.add(src.id)
            continue
        join_source(src, joined)
        if link.mode == "hearsay" and not src.original_informant and not src.derived_from:
            no_informant.add(src.id)
        used.append((link, src))

    groups: dict[str, list[tuple[InfoLink, SourceRef]]] = {}
    for link, src in used:
        groups.setdefault(uf.find(f"source:{src.id}"), []).append((link, src))

    origins = []
    people_by_root: dict[str, list[str]] = {}
    for node in list(uf.parent):
        if node.startswith("person:"):
            people_by_root.setdefault(uf.find(node), []).append(node)
    for root, members in sorted(groups.items()):
        best_weight, best_mode, best_rel = -1.0, "hearsay", "unknown"
        doc_rel: str | None = None
        credible_direct = False
        for link, src in members:
            w = weights.of(link.mode, src.reliability)
            if w > best_weight or (w == best_weight and _RANK[src.reliability] < _RANK[best_rel]):
                best_weight, best_mode, best_rel = w, link.mode, src.reliability
            if link.mode == "direct":
                credible_direct = True
            if link.mode == "documentary" and (doc_rel is None or _RANK[src.reliability] < _RANK[doc_rel]):
                doc_rel = src.reliability
        origins.append(
            Origin(
                key=_origin_label(people_by_root.get(root, []), members),
                source_ids=tuple(sorted({s.id for _, s in members})),
                modes=tuple(sorted({link.mode for link, _ in members})),
                best_mode=best_mode,
                reliability=best_rel,
                weight=round(best_weight, 6),
                credible_direct=credible_direct,
                documentary_reliability=doc_rel,
            )
        )
    origins.sort(key=lambda o: (-o.weight, o.key))
    return Corroboration(
        act_id=act_id,
        origins=tuple(origins),
        excluded=tuple(sorted(excluded)),
        unknown_sources=tuple(sorted(unknown)),
        hearsay_without_informant=tuple(sorted(no_informant)),
    )


def _origin_label(people: list[str], members: list[tuple[InfoLink, SourceRef]]) -> str:
    # Prefer a person code as the readable label of an origin; fall back to the earliest source.
    if people:
        return min(people).replace("person:", "witness:", 1)
    return f"source:{min(s.id for _, s in members)}"

"""A configurable standard of proof, evaluated per incident (act) and per pattern.

Default rule ("reasonable grounds to believe"), per incident:

* (A) at least one credible source gives direct (first-hand) information, and the information
  comes from at least ``min_independent_origins`` independent origins (so the direct source is
  corroborated by at least one other); or
* (B) documentary evidence of at least ``documentary_alone_min_reliability`` reliability.

Origins weighing less than ``min_origin_weight`` (e.g. low-reliability hearsay) are reported and
not counted. Per pattern: at least ``pattern_min_incidents`` incidents meet the standard and
those incidents rest on at least ``pattern_min_independent_origins`` independent origins (one
witness describing five incidents is one origin).

Every verdict carries structured reasons (code + params) and an English sentence; the UI
translates by code.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from inquiry.errors import InvalidInput
from inquiry.law.acts import Act
from inquiry.law.corroboration import (
    RELIABILITY_LEVELS,
    Corroboration,
    InfoLink,
    SourceRef,
    Weights,
    corroborate,
)

__all__ = [
    "REASON_MESSAGES",
    "Reason",
    "StandardOfProof",
    "Verdict",
    "evaluate_incident",
    "evaluate_pattern",
]

# One whole sentence per code, with named placeholders (translated by code in the UI catalogues).
REASON_MESSAGES: dict[str, str] = {
    "unknown_source": "Source {source_id} is linked but was not supplied, so it is not counted.",
    "source_not_credible": "Source {source_id} was assessed as not credible and is not counted.",
    "hearsay_without_informant": (
        "Hearsay in source {source_id} does not name its original informant, so it counts as its own origin."
    ),
    "same_origin": "Sources {source_ids} trace back to one origin ({origin}) and count once.",
    "weak_origin": (
        "Origin {origin} weighs {weight}, below the minimum of {minimum}, and does not count as corroboration."
    ),
    "no_information": "No credible information is linked to {subject}.",
    "credible_direct_source": "A credible source gives first-hand information ({origin}).",
    "no_credible_direct_source": "No credible source gives first-hand information.",
    "corroborated": "Independent origins of the information: {count}; at least {required} required. Corroborated.",
    "not_corroborated": (
        "Independent origins of the information: {count}; at least {required} required. Not corroborated."
    ),
    "documentary_sufficient": "Documentary evidence of {reliability} reliability ({origin}) suffices on its own.",
    "documentary_insufficient": (
        "The best documentary evidence is of {reliability} reliability; {required} reliability is needed "
        "for it to suffice on its own."
    ),
    "standard_met": "The standard of proof ({standard}) is met for {subject}.",
    "standard_not_met": "The standard of proof ({standard}) is not met for {subject}.",
    "pattern_incidents": "Incidents meeting the standard: {met} of {total}; the pattern requires at least {required}.",
    "pattern_origins": (
        "Independent origins behind those incidents: {count}; the pattern requires at least {required}."
    ),
    "act_outside_pattern": "Act {act_id} has an act type outside pattern {pattern} and is not counted.",
}


@dataclass(frozen=True)
class Reason:
    code: str
    params: Mapping[str, Any]
    message: str

    @classmethod
    def make(cls, code: str, **params: Any) -> Reason:
        shown = {k: (", ".join(v) if isinstance(v, tuple | list) else v) for k, v in params.items()}
        return cls(code=code, params=params, message=REASON_MESSAGES[code].format(**shown))


@dataclass(frozen=True)
class Verdict:
    subject: str
    level: str  # "incident" | "pattern" | "element"
    met: bool
    standard: str
    reasons: tuple[Reason, ...]
    corroboration: Corroboration | None = None
    incidents: tuple[Verdict, ...] = ()

    @property
    def status(self) -> str:
        return "met" if self.met else "not_met"


_RANK = {level: i for i, level in enumerate(RELIABILITY_LEVELS)}


def _positive_int(data: Mapping[str, Any], key: str, default: int) -> int:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidInput(
            "{key} must be a whole number of at least 1.", field=key, code="bad_threshold", key=key
        )
    return value


@dataclass(frozen=True)
class StandardOfProof:
    code: str = "reasonable_grounds"
    label: Mapping[str, str] = field(default_factory=lambda: {"en": "reasonable grounds to believe"})
    require_credible_direct: bool = True
    min_independent_origins: int = 2
    documentary_alone_min_reliability: str | None = "high"
    min_origin_weight: float = 0.2
    pattern_min_incidents: int = 3
    pattern_min_independent_origins: int = 3
    weights: Weights = field(default_factory=Weights)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, name: str | None = None) -> StandardOfProof:
        """Build from a ``standard_of_proof.yaml`` document (``default``, ``standards``, ``weights``)."""
        if not isinstance(data, Mapping) or not isinstance(data.get("standards"), Mapping):
            raise InvalidInput(
                "The standard of proof needs a 'standards' mapping.", field="standards", code="missing_field"
            )
        name = name or data.get("default")
        if name not in data["standards"]:
            raise InvalidInput(
                "Unknown standard of proof {name}.", field="default", code="unknown_standard", name=name
            )
        raw = data["standards"][name] or {}
        doc = raw.get("documentary_alone_min_reliability", "high")
        if doc is not None and doc not in RELIABILITY_LEVELS:
            raise InvalidInput(
                "documentary_alone_min_reliability must be one of {allowed} or null.",
                field="documentary_alone_min_reliability",
                code="invalid_choice",
                allowed=", ".join(RELIABILITY_LEVELS),
            )
        try:
            min_weight = float(raw.get("min_origin_weight", 0.2))
        except (TypeError, ValueError):
            min_weight = -1.0
        if not 0.0 <= min_weight <= 1.0:
            raise InvalidInput(
                "min_origin_weight must be a number between 0 and 1.",
                field="min_origin_weight",
                code="bad_threshold",
            )
        return cls(
            code=str(name),
            label=dict(raw.get("label") or {"en": str(name)}),
            require_credible_direct=bool(raw.get("require_credible_direct", True)),
            min_independent_origins=_positive_int(raw, "min_independent_origins", 2),
            documentary_alone_min_reliability=doc,
            min_origin_weight=min_weight,
            pattern_min_incidents=_positive_int(raw, "pattern_min_incidents", 3),
            pattern_min_independent_origins=_positive_int(raw, "pattern_min_independent_origins", 3),
            weights=Weights.from_mapping(data.get("weights")),
        )

    @classmethod
    def from_profile(cls, profile: Any, *, name: str | None = None) -> StandardOfProof:
        """The standard configured by a profile (``inquiry.profiles.Profile``)."""
        return cls.from_mapping(profile.standard_of_proof, name=name)

    def counted_origins(self, corroboration: Corroboration) -> tuple:
        return tuple(o for o in corroboration.origins if o.weight >= self.min_origin_weight)


def _source_reasons(c: Corroboration, standard: StandardOfProof) -> list[Reason]:
    reasons = [Reason.make("unknown_source", source_id=s) for s in c.unknown_sources]
    reasons += [Reason.make("source_not_credible", source_id=s) for s in c.excluded]
    reasons += [Reason.make("hearsay_without_informant", source_id=s) for s in c.hearsay_without_informant]
    for o in c.origins:
        if len(o.source_ids) > 1:
            reasons.append(Reason.make("same_origin", source_ids=o.source_ids, origin=o.key))
        if o.weight < standard.min_origin_weight:
            reasons.append(
                Reason.make("weak_origin", origin=o.key, weight=o.weight, minimum=standard.min_origin_weight)
            )
    return reasons


def evaluate_incident(
    subject: str,
    links: Iterable[InfoLink],
    sources: Mapping[str, SourceRef],
    *,
    standard: StandardOfProof | None = None,
    level: str = "incident",
) -> Verdict:
    """Apply the standard to the information about one incident (the links of one act)."""
    standard = standard or StandardOfProof()
    c = corroborate(links, sources, weights=standard.weights, act_id=subject)
    reasons = _source_reasons(c, standard)
    counted = standard.counted_origins(c)
    if not c.origins:
        reasons.append(Reason.make("no_information", subject=subject))
        reasons.append(Reason.make("standard_not_met", standard=standard.code, subject=subject))
        return Verdict(subject, level, False, standard.code, tuple(reasons), c)

    direct = [o for o in counted if o.credible_direct]
    path_a = len(counted) >= standard.min_independent_origins
    if standard.require_credible_direct:
        if direct:
            reasons.append(Reason.make("credible_direct_source", origin=direct[0].key))
        else:
            reasons.append(Reason.make("no_credible_direct_source"))
        path_a = path_a and bool(direct)
    reasons.append(
        Reason.make(
            "corroborated" if len(counted) >= standard.min_independent_origins else "not_corroborated",
            count=len(counted),
            required=standard.min_independent_origins,
        )
    )

    path_b = False
    docs = [o for o in c.origins if o.documentary_reliability is not None]
    if docs and standard.documentary_alone_min_reliability is not None:
        best = min(docs, key=lambda o: _RANK[o.documentary_reliability])
        path_b = _RANK[best.documentary_reliability] <= _RANK[standard.documentary_alone_min_reliability]
        if path_b:
            reasons.append(
                Reason.make(
                    "documentary_sufficient", reliability=best.documentary_reliability, origin=best.key
                )
            )
        elif not path_a:
            reasons.append(
                Reason.make(
                    "documentary_insufficient",
                    reliability=best.documentary_reliability,
                    required=standard.documentary_alone_min_reliability,
                )
            )
    met = path_a or path_b
    reasons.append(
        Reason.make("standard_met" if met else "standard_not_met", standard=standard.code, subject=subject)
    )
    return Verdict(subject, level, met, standard.code, tuple(reasons), c)


def evaluate_pattern(
    pattern: str,
    acts: Iterable[Act],
    sources: Mapping[str, SourceRef],
    *,
    standard: StandardOfProof | None = None,
    act_type_patterns: Mapping[str, Iterable[str]] | None = None,
) -> Verdict:
    """Apply the standard to a pattern: enough incidents met, resting on enough independent origins.

    ``act_type_patterns`` (act type code -> pattern codes, e.g. from a profile) filters out acts
    whose type does not belong to the pattern; without it every act given is counted.
    """
    standard = standard or StandardOfProof()
    reasons: list[Reason] = []
    incidents: list[Verdict] = []
    met_links: list[InfoLink] = []
    for act in acts:
        if act_type_patterns is not None and pattern not in set(act_type_patterns.get(act.act_type, ())):
            reasons.append(Reason.make("act_outside_pattern", act_id=act.id, pattern=pattern))
            continue
        verdict = evaluate_incident(act.id, act.links, sources, standard=standard)
        incidents.append(verdict)
        if verdict.met:
            met_links.extend(act.links)
    met_count = sum(1 for v in incidents if v.met)
    c = corroborate(met_links, sources, weights=standard.weights, act_id=None)
    origins = len(standard.counted_origins(c))
    reasons.append(
        Reason.make(
            "pattern_incidents", met=met_count, total=len(incidents), required=standard.pattern_min_incidents
        )
    )
    reasons.append(
        Reason.make("pattern_origins", count=origins, required=standard.pattern_min_independent_origins)
    )
    met = met_count >= standard.pattern_min_incidents and origins >= standard.pattern_min_independent_origins
    reasons.append(
        Reason.make("standard_met" if met else "standard_not_met", standard=standard.code, subject=pattern)
    )
    return Verdict(pattern, "pattern", met, standard.code, tuple(reasons), c, tuple(incidents))

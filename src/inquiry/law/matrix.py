"""The elements matrix: which information supports which element of each candidate crime.

Rules (documented in docs/law.md):

* **Specific elements.** An act supports element *n* of crime *c* when its act type maps to *c*
  and lists *n* among the elements it shows by its nature (default: element 1, the conduct), or
  when one of its links names the element explicitly (``InfoLink.elements = ("7(1)(e):3",)``; then
  only those links support it). An element is **met** when at least one act's supporting
  information meets the standard of proof on its own (corroboration is per incident: two
  witnesses of different incidents do not corroborate each other).
* **Contextual element "part of a widespread or systematic attack"** (the second-last element)
  is met when at least one pattern offered for the finding meets the pattern standard (enough
  incidents, enough independent origins), evaluated on ``context_acts`` (all acts of the pattern
  known to the case store; default: the finding's own acts).
* **Contextual element "knew ... part of ... an attack"** (the last element) is met when the
  attack element is met and at least one act that supports this crime's specific elements and
  meets the standard names the perpetrator's organisation, from which knowledge is inferred.
* Either contextual element is also met by information linked to it explicitly that meets the
  standard (e.g. a policy document).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from inquiry.errors import InquiryError, InvalidInput
from inquiry.law.acts import Act, DraftFinding
from inquiry.law.corroboration import InfoLink, SourceRef
from inquiry.law.elements import Element, LegalFramework
from inquiry.law.proof import Reason, StandardOfProof, Verdict, evaluate_incident, evaluate_pattern

__all__ = ["CrimeAssessment", "ElementAssessment", "ElementsMatrix", "elements_matrix", "MATRIX_MESSAGES"]

MATRIX_MESSAGES = {
    "supported_by_act_type": "Act {act_id} ({act_type}) shows this element by its nature.",
    "supported_by_information": "Information linked to act {act_id} is coded against this element.",
    "incident_met": "The information on act {act_id} meets the standard of proof for this element.",
    "incident_not_met": "The information on act {act_id} does not meet the standard of proof for this element.",
    "no_evidence": "No information supports this element.",
    "pattern_met": "Pattern {pattern} meets the standard, showing a widespread or systematic attack.",
    "pattern_not_met": "Pattern {pattern} does not meet the pattern standard.",
    "no_pattern": "No pattern is offered to show a widespread or systematic attack.",
    "attack_not_established": "Knowledge cannot be inferred while the attack is not established.",
    "perpetrator_organisation_identified": (
        "Act {act_id} names the perpetrator's organisation ({organisation}), from which knowledge of the "
        "attack is inferred."
    ),
    "perpetrator_unidentified": (
        "No act that supports this crime and meets the standard names the perpetrator's organisation."
    ),
    "element_text_single_source": (
        "The text of this element rests on a single source transcription; check it against the ICC "
        "publication before citing it."
    ),
    "crime_met": "Every element of {crime} is met.",
    "crime_gaps": "Elements of {crime} not met: {gaps}.",
    "act_type_unrelated": "Act {act_id} ({act_type}) is not mapped to any candidate crime.",
}


def _r(code: str, **params: Any) -> Reason:
    shown = {k: (", ".join(map(str, v)) if isinstance(v, tuple | list) else v) for k, v in params.items()}
    return Reason(code=code, params=params, message=MATRIX_MESSAGES[code].format(**shown))


@dataclass(frozen=True)
class ElementAssessment:
    crime: str
    number: int
    ref: str
    text: str
    contextual: bool
    verification: str
    status: str  # "met" | "not_met" | "no_evidence"
    basis: tuple[str, ...]  # "act_type", "information", "pattern", "organisation"
    supporting_acts: tuple[str, ...]
    source_ids: tuple[str, ...]
    independent_origins: int
    reasons: tuple[Reason, ...]

    @property
    def met(self) -> bool:
        return self.status == "met"


@dataclass(frozen=True)
class CrimeAssessment:
    code: str
    title: str
    status: str  # "met" | "not_met"
    elements: tuple[ElementAssessment, ...]
    gaps: tuple[int, ...]
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class ElementsMatrix:
    finding_id: str
    title: str
    standard: str
    status: str  # "met" when at least one candidate crime has every element met
    crimes: tuple[CrimeAssessment, ...]
    patterns: tuple[Verdict, ...]
    incidents: tuple[Verdict, ...]
    reasons: tuple[Reason, ...]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _element_maps(act_type: Any, crime: str) -> tuple[int, ...]:
    if crime not in tuple(act_type.crimes):
        return ()
    return tuple(act_type.elements.get(crime, (1,)))


def _assess_specific(
    element: Element,
    acts: Iterable[Act],
    act_types: Mapping[str, Any],
    sources: Mapping[str, SourceRef],
    standard: StandardOfProof,
) -> ElementAssessment:
    reasons: list[Reason] = []
    basis: set[str] = set()
    supporting: list[str] = []
    source_ids: set[str] = set()
    best_origins = 0
    met = False
    for act in acts:
        if element.number in _element_maps(act_types[act.act_type], element.crime):
            links: tuple[InfoLink, ...] = act.links
            basis.add("act_type")
            reasons.append(_r("supported_by_act_type", act_id=act.id, act_type=act.act_type))
        else:
            links = tuple(lk for lk in act.links if element.ref in lk.elements)
            if not links:
                continue
            basis.add("information")
            reasons.append(_r("supported_by_information", act_id=act.id))
        supporting.append(act.id)
        verdict = evaluate_incident(act.id, links, sources, standard=standard, level="element")
        source_ids.update(verdict.corroboration.source_ids if verdict.corroboration else ())
        if verdict.corroboration:
            best_origins = max(best_origins, len(standard.counted_origins(verdict.corroboration)))
        reasons.append(_r("incident_met" if verdict.met else "incident_not_met", act_id=act.id))
        met = met or verdict.met
    if not supporting:
        reasons.append(_r("no_evidence"))
    status = "met" if met else ("not_met" if supporting else "no_evidence")
    return _assessment(element, status, basis, supporting, source_ids, best_origins, reasons)


def _assessment(
    element: Element,
    status: str,
    basis: Iterable[str],
    supporting: Iterable[str],
    source_ids: Iterable[str],
    origins: int,
    reasons: list[Reason],
) -> ElementAssessment:
    if element.verification == "single_source":
        reasons.append(_r("element_text_single_source"))
    return ElementAssessment(
        crime=element.crime,
        number=element.number,
        ref=element.ref,
        text=element.full_text,
        contextual=element.contextual,
        verification=element.verification,
        status=status,
        basis=tuple(sorted(set(basis))),
        supporting_acts=tuple(dict.fromkeys(supporting)),
        source_ids=tuple(sorted(set(source_ids))),
        independent_origins=origins,
        reasons=tuple(reasons),
    )


def elements_matrix(
    finding: DraftFinding,
    *,
    sources: Mapping[str, SourceRef] | Iterable[SourceRef],
    profile: Any = None,
    standard: StandardOfProof | None = None,
    context_acts: Iterable[Act] | None = None,
    framework: LegalFramework | None = None,
) -> ElementsMatrix:
    """Assess a draft finding element by element.

    ``profile`` (an ``inquiry.profiles.Profile``; default: the "dprk" profile) supplies the act
    types, the legal framework and the default standard of proof.
    """
    if profile is None:
        from inquiry.profiles import load_profile  # imported here: inquiry.profiles imports inquiry.law

        profile = load_profile()
    framework = framework or profile.framework
    standard = standard or StandardOfProof.from_profile(profile)
    if not isinstance(sources, Mapping):
        sources = {s.id: s for s in sources}
    act_types = profile.act_types
    _validate(finding, framework, act_types, sources, profile)
    context = tuple(context_acts) if context_acts is not None else finding.acts
    for i, act in enumerate(context, start=1):
        if act.act_type not in act_types:
            raise InvalidInput(
                "Context act {act}: unknown act type {act_type}.",
                field="act_type",
                row=i,
                code="unknown_act_type",
                act=act.id,
                act_type=act.act_type,
            )

    pattern_codes = finding.patterns or tuple(
        dict.fromkeys(p for act in finding.acts for p in act_types[act.act_type].patterns)
    )
    type_patterns = {code: tuple(t.patterns) for code, t in act_types.items()}
    pattern_verdicts = tuple(
        evaluate_pattern(p, context, sources, standard=standard, act_type_patterns=type_patterns)
        for p in pattern_codes
    )
    incidents = tuple(evaluate_incident(a.id, a.links, sources, standard=standard) for a in finding.acts)
    met_acts = {v.subject for v in incidents if v.met}

    reasons: list[Reason] = []
    for act in finding.acts:
        if not any(c in act_types[act.act_type].crimes for c in finding.crimes):
            reasons.append(_r("act_type_unrelated", act_id=act.id, act_type=act.act_type))

    crimes = []
    for code in finding.crimes:
        crime = framework.crime(code)
        rows = [
            _assess_specific(e, finding.acts, act_types, sources, standard) for e in crime.specific_elements
        ]
        attack_el, knowledge_el = crime.contextual_elements[-2], crime.contextual_elements[-1]
        attack = _assess_attack(attack_el, pattern_verdicts, finding, act_types, sources, standard)
        rows.append(attack)
        conduct_acts = {a for r in rows[:-1] for a in r.supporting_acts}
        rows.append(
            _assess_knowledge(knowledge_el, attack, finding, met_acts & conduct_acts, sources, standard)
        )
        gaps = tuple(r.number for r in rows if not r.met)
        crime_reasons = (
            [_r("crime_met", crime=code)]
            if not gaps
            else [_r("crime_gaps", crime=code, gaps=tuple(str(g) for g in gaps))]
        )
        crimes.append(
            CrimeAssessment(
                code=code,
                title=crime.title,
                status="not_met" if gaps else "met",
                elements=tuple(rows),
                gaps=gaps,
                reasons=tuple(crime_reasons),
            )
        )
    status = "met" if any(c.status == "met" for c in crimes) else "not_met"
    return ElementsMatrix(
        finding_id=finding.id,
        title=finding.title,
        standard=standard.code,
        status=status,
        crimes=tuple(crimes),
        patterns=pattern_verdicts,
        incidents=incidents,
        reasons=tuple(reasons),
    )


def _explicit(
    element: Element, finding: DraftFinding, sources: Mapping[str, SourceRef], standard: StandardOfProof
) -> tuple[bool, list[str], set[str], list[Reason]]:
    met, acts, ids, reasons = False, [], set(), []
    for act in finding.acts:
        links = tuple(lk for lk in act.links if element.ref in lk.elements)
        if not links:
            continue
        verdict = evaluate_incident(act.id, links, sources, standard=standard, level="element")
        acts.append(act.id)
        ids.update(verdict.corroboration.source_ids if verdict.corroboration else ())
        reasons.append(_r("supported_by_information", act_id=act.id))
        reasons.append(_r("incident_met" if verdict.met else "incident_not_met", act_id=act.id))
        met = met or verdict.met
    return met, acts, ids, reasons


def _assess_attack(
    element: Element,
    patterns: tuple[Verdict, ...],
    finding: DraftFinding,
    act_types: Mapping[str, Any],
    sources: Mapping[str, SourceRef],
    standard: StandardOfProof,
) -> ElementAssessment:
    met, acts, ids, reasons = _explicit(element, finding, sources, standard)
    basis = ["information"] if acts else []
    if not patterns:
        reasons.append(_r("no_pattern"))
    origins = 0
    for verdict in patterns:
        reasons.append(_r("pattern_met" if verdict.met else "pattern_not_met", pattern=verdict.subject))
        if verdict.met:
            met = True
            basis.append("pattern")
            ids.update(verdict.corroboration.source_ids if verdict.corroboration else ())
            acts.extend(v.subject for v in verdict.incidents if v.met)
        if verdict.corroboration:
            origins = max(origins, len(standard.counted_origins(verdict.corroboration)))
    has_evidence = bool(acts) or any(v.incidents for v in patterns)
    status = "met" if met else ("not_met" if has_evidence else "no_evidence")
    return _assessment(element, status, basis, acts, ids, origins, reasons)


def _assess_knowledge(
    element: Element,
    attack: ElementAssessment,
    finding: DraftFinding,
    conduct_acts: set[str],
    sources: Mapping[str, SourceRef],
    standard: StandardOfProof,
) -> ElementAssessment:
    met, acts, ids, reasons = _explicit(element, finding, sources, standard)
    basis = ["information"] if acts else []
    if attack.met:
        identified = [a for a in finding.acts if a.id in conduct_acts and a.perpetrator_org]
        if identified:
            met = True
            basis.append("organisation")
            for a in identified:
                acts.append(a.id)
                reasons.append(
                    _r("perpetrator_organisation_identified", act_id=a.id, organisation=a.perpetrator_org)
                )
        else:
            reasons.append(_r("perpetrator_unidentified"))
    else:
        reasons.append(_r("attack_not_established"))
    status = "met" if met else ("not_met" if acts or attack.status != "no_evidence" else "no_evidence")
    return _assessment(element, status, basis, acts, ids, 0, reasons)


def _validate(
    finding: DraftFinding,
    framework: LegalFramework,
    act_types: Mapping[str, Any],
    sources: Mapping[str, SourceRef],
    profile: Any,
) -> None:
    known = set(framework.crime_codes)
    for code in finding.crimes:
        if code not in known:
            raise InvalidInput(
                "Unknown candidate crime {crime}.", field="crimes", code="unknown_crime", crime=code
            )
    patterns = getattr(profile, "patterns", None)
    for code in finding.patterns:
        if patterns is not None and code not in patterns:
            raise InvalidInput(
                "Unknown pattern {pattern}.", field="patterns", code="unknown_pattern", pattern=code
            )
    organisations = getattr(profile, "organisations", None)
    for row, act in enumerate(finding.acts, start=1):
        if act.act_type not in act_types:
            raise InvalidInput(
                "Act {act}: unknown act type {act_type}.",
                field="act_type",
                row=row,
                code="unknown_act_type",
                act=act.id,
                act_type=act.act_type,
            )
        if act.perpetrator_org and organisations is not None and act.perpetrator_org not in organisations:
            raise InvalidInput(
                "Act {act}: unknown organisation {organisation}.",
                field="perpetrator_org",
                row=row,
                code="unknown_organisation",
                act=act.id,
                organisation=act.perpetrator_org,
            )
        for link in act.links:
            if link.source_id not in sources:
                raise InvalidInput(
                    "Act {act}: source {source} is not among the sources supplied.",
                    field="links.source_id",
                    row=row,
                    code="unknown_source",
                    act=act.id,
                    source=link.source_id,
                )
            for ref in link.elements:
                try:
                    framework.element(ref)
                except InquiryError:
                    raise InvalidInput(
                        "Act {act}: unknown element reference {ref} (use CRIME:NUMBER, e.g. 7(1)(e):3).",
                        field="links.elements",
                        row=row,
                        code="unknown_element",
                        act=act.id,
                        ref=ref,
                    ) from None

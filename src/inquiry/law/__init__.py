"""The law: article 7 elements, independent-source corroboration, the standard of proof and the
elements matrix. Pure: plain dataclasses in, plain dataclasses out (see docs/law.md)."""

from inquiry.law.acts import Act, DraftFinding, attach_links
from inquiry.law.corroboration import Corroboration, InfoLink, Origin, SourceRef, Weights, corroborate
from inquiry.law.elements import Crime, Element, LegalFramework, load_framework
from inquiry.law.matrix import CrimeAssessment, ElementAssessment, ElementsMatrix, elements_matrix
from inquiry.law.proof import Reason, StandardOfProof, Verdict, evaluate_incident, evaluate_pattern

__all__ = [
    "Act",
    "Corroboration",
    "Crime",
    "CrimeAssessment",
    "DraftFinding",
    "Element",
    "ElementAssessment",
    "ElementsMatrix",
    "InfoLink",
    "LegalFramework",
    "Origin",
    "Reason",
    "SourceRef",
    "StandardOfProof",
    "Verdict",
    "Weights",
    "attach_links",
    "corroborate",
    "elements_matrix",
    "evaluate_incident",
    "evaluate_pattern",
    "load_framework",
]

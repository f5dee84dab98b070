"""Every sentence the findings app shows that is not written in a template, marked for translation.

``ERROR_TEMPLATES``: typed errors raised by the findings services (the boundary translates them).
``REASON_TEMPLATES``: the law module's reasons (``inquiry.law`` REASON_MESSAGES and MATRIX_MESSAGES)
and the findings app's own (FINDING_MESSAGES), copied verbatim so makemessages collects them; a test
checks that the copies match. ``reason_text`` renders a reason in the active language by its code.
"""

from __future__ import annotations

from django.utils.translation import get_language, gettext, gettext_noop

ERROR_TEMPLATES = [
    gettext_noop("Give the finding a title."),
    gettext_noop("“{value}” is not a pattern of the mandate."),
    gettext_noop("“{value}” is not a crime under article 7."),
    gettext_noop("Choose at least one candidate crime."),
    gettext_noop("Only a draft finding can be changed."),
    gettext_noop("A finding without acts cannot be approved."),
    gettext_noop("The evidence changed since you opened this finding; review it again before approving."),
    gettext_noop("The standard of proof is not met. To approve anyway, write down why."),
    gettext_noop("This finding is already withdrawn."),
    gettext_noop("Say why the finding is withdrawn."),
    gettext_noop("No act or event is called “{value}”."),
]

REASON_TEMPLATES = {
    # inquiry.law.proof.REASON_MESSAGES
    "unknown_source": gettext_noop("Source {source_id} is linked but was not supplied, so it is not counted."),
    "source_not_credible": gettext_noop("Source {source_id} was assessed as not credible and is not counted."),
    "hearsay_without_informant": gettext_noop(
        "Hearsay in source {source_id} does not name its original informant, so it counts as its own origin."),
    "same_origin": gettext_noop("Sources {source_ids} trace back to one origin ({origin}) and count once."),
    "weak_origin": gettext_noop(
        "Origin {origin} weighs {weight}, below the minimum of {minimum}, and does not count as corroboration."),
    "no_information": gettext_noop("No credible information is linked to {subject}."),
    "credible_direct_source": gettext_noop("A credible source gives first-hand information ({origin})."),
    "no_credible_direct_source": gettext_noop("No credible source gives first-hand information."),
    "corroborated": gettext_noop(
        "Independent origins of the information: {count}; at least {required} required. Corroborated."),
    "not_corroborated": gettext_noop(
        "Independent origins of the information: {count}; at least {required} required. Not corroborated."),
    "documentary_sufficient": gettext_noop(
        "Documentary evidence of {reliability} reliability ({origin}) suffices on its own."),
    "documentary_insufficient": gettext_noop(
        "The best documentary evidence is of {reliability} reliability; {required} reliability is needed "
        "for it to suffice on its own."),
    "standard_met": gettext_noop("The standard of proof ({standard}) is met for {subject}."),
    "standard_not_met": gettext_noop("The standard of proof ({standard}) is not met for {subject}."),
    "pattern_incidents": gettext_noop(
        "Incidents meeting the standard: {met} of {total}; the pattern requires at least {required}."),
    "pattern_origins": gettext_noop(
        "Independent origins behind those incidents: {count}; the pattern requires at least {required}."),
    "act_outside_pattern": gettext_noop("Act {act_id} has an act type outside pattern {pattern} and is not counted."),
    # inquiry.law.matrix.MATRIX_MESSAGES
    "supported_by_act_type": gettext_noop("Act {act_id} ({act_type}) shows this element by its nature."),
    "supported_by_information": gettext_noop("Information linked to act {act_id} is coded against this element."),
    "incident_met": gettext_noop("The information on act {act_id} meets the standard of proof for this element."),
    "incident_not_met": gettext_noop(
        "The information on act {act_id} does not meet the standard of proof for this element."),
    "no_evidence": gettext_noop("No information supports this element."),
    "pattern_met": gettext_noop("Pattern {pattern} meets the standard, showing a widespread or systematic attack."),
    "pattern_not_met": gettext_noop("Pattern {pattern} does not meet the pattern standard."),
    "no_pattern": gettext_noop("No pattern is offered to show a widespread or systematic attack."),
    "attack_not_established": gettext_noop("Knowledge cannot be inferred while the attack is not established."),
    "perpetrator_organisation_identified": gettext_noop(
        "Act {act_id} names the perpetrator's organisation ({organisation}), from which knowledge of the "
        "attack is inferred."),
    "perpetrator_unidentified": gettext_noop(
        "No act that supports this crime and meets the standard names the perpetrator's organisation."),
    "element_text_single_source": gettext_noop(
        "The text of this element rests on a single source transcription; check it against the ICC "
        "publication before citing it."),
    "crime_met": gettext_noop("Every element of {crime} is met."),
    "crime_gaps": gettext_noop("Elements of {crime} not met: {gaps}."),
    "act_type_unrelated": gettext_noop("Act {act_id} ({act_type}) is not mapped to any candidate crime."),
    # inquiry.findings.evaluate.FINDING_MESSAGES
    "finding_no_acts": gettext_noop("The finding groups no acts yet."),
    "finding_incidents": gettext_noop("Incidents meeting the standard of proof: {met} of {total}."),
    "finding_origins": gettext_noop(
        "Independent origins behind the information in this finding: {count}, from {sources} sources."),
    "consent_withdrawn": gettext_noop("Source {source_id} is not counted: the witness withdrew consent."),
    "act_type_not_in_profile": gettext_noop(
        "Act {act_id} has act type {act_type}, which this profile does not know; it is left out of the "
        "elements matrix."),
}


def _standard_label(code: str) -> str:
    """The profile's name of the standard of proof in the active language ("reasonable grounds to believe")."""
    from inquiry.findings.evaluate import standard

    std = standard()
    if std.code != code:
        return code
    lang = (get_language() or "en")[:2]
    return std.label.get(lang) or std.label.get("en") or code


def _readable(shown: dict) -> None:
    """Codes in reason parameters become labels in the active language (act types, patterns, grades)."""
    from inquiry.cases.models import InformationLink
    from inquiry.web.labels import act_type_label, pattern_label

    if isinstance(shown.get("act_type"), str):
        shown["act_type"] = act_type_label(shown["act_type"])
    if isinstance(shown.get("subject"), str):
        shown["subject"] = pattern_label(shown["subject"]) or shown["subject"]
    grades = dict(InformationLink.Reliability.choices)
    for key in ("reliability", "required"):
        if shown.get(key) in grades:
            shown[key] = str(grades[shown[key]])


def reason_text(reason) -> str:
    """The reason's sentence in the active language (English when the code is unknown)."""
    template = REASON_TEMPLATES.get(reason.code)
    if template is None:
        return reason.message
    shown = {k: (", ".join(map(str, v)) if isinstance(v, tuple | list) else v) for k, v in reason.params.items()}
    if "standard" in shown:
        shown["standard"] = _standard_label(str(shown["standard"]))
    _readable(shown)
    try:
        return gettext(template).format(**shown)
    except (KeyError, IndexError, ValueError):
        return reason.message

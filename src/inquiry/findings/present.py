"""Shape evaluations and summaries for the templates: labels and reasons in the active language."""

from __future__ import annotations

from types import SimpleNamespace

from django.utils.translation import get_language

from inquiry.cases.models import Source
from inquiry.findings.crime_titles import crime_title
from inquiry.findings.evaluate import FindingEvaluation
from inquiry.findings.forms import pattern_label
from inquiry.findings.messages import reason_text
from inquiry.findings.selectors import PatternSummary
from inquiry.web.labels import act_type_label


def _label(labels) -> str:
    lang = (get_language() or "en")[:2]
    return labels.get(lang) or labels.get("en") or ""


def _reasons(reasons) -> list[str]:
    return [reason_text(r) for r in reasons]


def present_evaluation(finding, ev: FindingEvaluation) -> dict:
    incidents = []
    for verdict in ev.incidents:
        meta = ev.act_meta.get(verdict.subject, {})
        incidents.append({
            "label": verdict.subject, "meta": meta, "act_type": act_type_label(meta.get("act_type", "")),
            "met": verdict.met, "reasons": _reasons(verdict.reasons),
            "origins": verdict.corroboration.independent_count if verdict.corroboration else 0,
            "sources": len(verdict.corroboration.source_ids) if verdict.corroboration else 0,
        })
    crimes = []
    for crime in ev.matrix.crimes if ev.matrix else ():
        rows = []
        for el in crime.elements:
            finding_acts = [a for a in el.supporting_acts if a in ev.act_meta]
            rows.append({
                "ref": el.ref, "number": el.number, "text": el.text, "contextual": el.contextual,
                "verification": el.verification, "status": el.status, "basis": el.basis,
                "acts": finding_acts, "origins": el.independent_origins, "reasons": _reasons(el.reasons),
                "cells": [ev.cell(finding_acts, col.code) for col in ev.columns],
            })
        crimes.append({"code": crime.code, "title": crime_title(crime.code, crime.title), "title_en": crime.title,
                       "status": crime.status, "gaps": crime.gaps,
                       "reasons": _reasons(crime.reasons), "rows": rows})
    patterns = [{"code": v.subject, "label": pattern_label(v.subject), "met": v.met, "reasons": _reasons(v.reasons)}
                for v in (ev.matrix.patterns if ev.matrix else ())]
    return {
        "met": ev.met, "standard": ev.standard, "standard_label": _label(ev.standard.label), "reasons": _reasons(ev.reasons),
        "independent": ev.corroboration.independent_count, "source_count": len(ev.columns),
        "origins": [{"key": o.key, "sources": o.source_ids, "weight": o.weight, "mode": o.best_mode}
                    for o in ev.corroboration.origins],
        "columns": [{"code": c.code, "witness_code": c.witness_code, "kind": Source.Kind(c.kind).label}
                    for c in ev.columns],
        "incidents": incidents, "crimes": crimes, "patterns": patterns,
        "matrix_met": bool(ev.matrix and ev.matrix.status == "met"),
        "matrix_reasons": _reasons(ev.matrix.reasons) if ev.matrix else [],
        "fingerprint": ev.fingerprint(),
        "patterns_of_finding": [pattern_label(p) for p in finding.patterns],
    }


def present_summary(summary: PatternSummary) -> dict:
    for row in summary.by_pattern:
        row.label = pattern_label(row.key)
        row.reasons = _reasons(row.verdict.reasons) if row.verdict else []
    for row in summary.by_act_type:
        row.label = act_type_label(row.key)
    return {"summary": summary}


def approval_reasons(finding) -> list[str]:
    """The reasons stored at approval, in the active language."""
    return [reason_text(SimpleNamespace(code=r.get("code", ""), params=r.get("params", {}), message=r.get("message", "")))
            for r in (finding.approval or {}).get("reasons", [])]

"""Demo findings: one that meets the standard and one that does not, drafted from existing records."""

from __future__ import annotations

import pytest

from inquiry.findings.demo import findings_demo_load
from inquiry.findings.evaluate import evaluate_finding
from inquiry.findings.models import Finding

pytestmark = pytest.mark.django_db


def test_demo_drafts_a_met_and_a_not_met_finding_once(users, case_file):
    assert findings_demo_load(actor=users["analyst"]) == 2
    assert findings_demo_load(actor=users["analyst"]) == 0

    verdicts = {f.title: evaluate_finding(f) for f in Finding.objects.all()}
    met = [t for t, ev in verdicts.items() if ev.met]
    not_met = [ev for ev in verdicts.values() if not ev.met]
    assert len(met) == 1 and "Fictional camp 15" in met[0]
    (weak,) = not_met
    assert any(r.code == "no_credible_direct_source" for i in weak.incidents for r in i.reasons)


def test_demo_without_acts_drafts_nothing(users):
    assert findings_demo_load(actor=users["analyst"]) == 0

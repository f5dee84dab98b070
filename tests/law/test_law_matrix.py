"""The elements matrix: support, gaps and contextual elements; and the CLI around it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inquiry.cli import main
from inquiry.errors import InvalidInput
from inquiry.law import Act, DraftFinding, InfoLink, SourceRef, elements_matrix

EXAMPLE = Path(__file__).parent / "data" / "finding_kwanliso15.json"

SOURCES = [
    SourceRef("S1", "interview", witness_code="TSH024", reliability="high"),
    SourceRef("S2", "public_hearing", witness_code="TBG031", reliability="high"),
    SourceRef("S3", "interview", witness_code="TLC022", reliability="high"),
    SourceRef("D1", "document", reliability="high"),
]


def _act(act_id: str, act_type: str, *pairs, org: str | None = None, elements=()) -> Act:
    return Act(
        act_id,
        act_type,
        tuple(InfoLink(act_id, s, m, tuple(elements)) for s, m in pairs),
        perpetrator_org=org,
    )


def _camp_context() -> list[Act]:
    return [
        _act("C1", "FORCED_LABOUR", ("S1", "direct"), ("S2", "direct")),
        _act("C2", "FORCED_LABOUR", ("S2", "direct"), ("S3", "direct")),
        _act("C3", "DEATH_IN_CUSTODY", ("D1", "documentary")),
    ]


def _row(matrix, crime: str, number: int):
    c = next(c for c in matrix.crimes if c.code == crime)
    return next(e for e in c.elements if e.number == number)


def test_uncorroborated_act_leaves_a_gap_in_the_conduct_element():
    finding = DraftFinding(
        "F1",
        "imprisonment",
        ("7(1)(e)",),
        (_act("A1", "POLITICAL_PRISON_CAMP_IMPRISONMENT", ("S1", "direct"), org="ORG-MSS"),),
    )
    matrix = elements_matrix(finding, sources=SOURCES, context_acts=_camp_context())
    crime = matrix.crimes[0]
    assert crime.status == "not_met"
    assert {1, 2} <= set(crime.gaps)
    assert _row(matrix, "7(1)(e)", 1).status == "not_met"


def test_elements_without_any_information_are_reported_as_no_evidence():
    finding = DraftFinding(
        "F1",
        "imprisonment",
        ("7(1)(e)",),
        (
            _act(
                "A1", "POLITICAL_PRISON_CAMP_IMPRISONMENT", ("S1", "direct"), ("S2", "direct"), org="ORG-MSS"
            ),
        ),
    )
    matrix = elements_matrix(finding, sources=SOURCES, context_acts=_camp_context())
    assert _row(matrix, "7(1)(e)", 1).status == "met"
    assert _row(matrix, "7(1)(e)", 2).basis == ("act_type",)
    awareness = _row(matrix, "7(1)(e)", 3)
    assert awareness.status == "no_evidence" and "no_evidence" in [r.code for r in awareness.reasons]
    assert matrix.crimes[0].gaps == (3,)


def test_information_coded_against_an_element_fills_the_gap():
    act = _act(
        "A1",
        "POLITICAL_PRISON_CAMP_IMPRISONMENT",
        ("S1", "direct"),
        ("S2", "direct"),
        org="ORG-MSS",
        elements=("7(1)(e):3",),
    )
    matrix = elements_matrix(
        DraftFinding("F1", "", ("7(1)(e)",), (act,)), sources=SOURCES, context_acts=_camp_context()
    )
    assert _row(matrix, "7(1)(e)", 3).basis == ("information",)
    assert matrix.crimes[0].status == "met" and matrix.status == "met"


def test_attack_element_rests_on_pattern_evidence():
    act = _act("A1", "POLITICAL_PRISON_CAMP_IMPRISONMENT", ("S1", "direct"), ("S2", "direct"), org="ORG-MSS")
    finding = DraftFinding("F1", "", ("7(1)(e)",), (act,), patterns=("CAMPS",))
    with_context = elements_matrix(finding, sources=SOURCES, context_acts=_camp_context())
    alone = elements_matrix(finding, sources=SOURCES)
    assert _row(with_context, "7(1)(e)", 4).status == "met"
    assert "pattern" in _row(with_context, "7(1)(e)", 4).basis
    assert _row(alone, "7(1)(e)", 4).status == "not_met"
    assert _row(alone, "7(1)(e)", 5).status == "not_met"


def test_knowledge_element_needs_an_identified_perpetrator_organisation():
    act = _act("A1", "POLITICAL_PRISON_CAMP_IMPRISONMENT", ("S1", "direct"), ("S2", "direct"))
    matrix = elements_matrix(
        DraftFinding("F1", "", ("7(1)(e)",), (act,), patterns=("CAMPS",)),
        sources=SOURCES,
        context_acts=_camp_context(),
    )
    knowledge = _row(matrix, "7(1)(e)", 5)
    assert knowledge.status == "not_met"
    assert "perpetrator_unidentified" in [r.code for r in knowledge.reasons]


def test_candidate_crime_unrelated_to_the_acts_shows_every_specific_element_as_a_gap():
    act = _act("A1", "FORCED_LABOUR", ("S1", "direct"), ("S2", "direct"))
    matrix = elements_matrix(DraftFinding("F1", "", ("7(1)(g)-1",), (act,)), sources=SOURCES)
    rows = matrix.crimes[0].elements
    assert all(r.status == "no_evidence" for r in rows if not r.contextual)
    assert "act_type_unrelated" in [r.code for r in matrix.reasons]


def test_single_source_element_text_is_flagged():
    act = _act("A1", "FORCED_LABOUR", ("S1", "direct"), ("S2", "direct"))
    matrix = elements_matrix(DraftFinding("F1", "", ("7(1)(k)",), (act,)), sources=SOURCES)
    assert "element_text_single_source" in [r.code for r in _row(matrix, "7(1)(k)", 1).reasons]


def test_unknown_crime_act_type_and_source_are_refused_with_the_row():
    good = _act("A1", "FORCED_LABOUR", ("S1", "direct"))
    with pytest.raises(InvalidInput) as info:
        elements_matrix(DraftFinding("F1", "", ("7(1)(z)",), (good,)), sources=SOURCES)
    assert info.value.field == "crimes"
    with pytest.raises(InvalidInput) as info:
        elements_matrix(
            DraftFinding("F1", "", ("7(1)(e)",), (good, _act("A2", "TELEPORTATION"))), sources=SOURCES
        )
    assert (info.value.row, info.value.field) == (2, "act_type")
    with pytest.raises(InvalidInput) as info:
        elements_matrix(
            DraftFinding("F1", "", ("7(1)(e)",), (_act("A1", "FORCED_LABOUR", ("S404", "direct")),)),
            sources=SOURCES,
        )
    assert info.value.field == "links.source_id"


def test_finding_from_mapping_reports_the_bad_act_row():
    with pytest.raises(InvalidInput) as info:
        DraftFinding.from_mapping(
            {"crimes": ["7(1)(e)"], "acts": [{"id": "A1", "act_type": "TORTURE"}, {"id": "A2"}]}
        )
    assert (info.value.row, info.value.field) == (2, "act_type")


def test_cli_check_prints_the_matrix_as_json(capsys):
    assert main(["law", "check", str(EXAMPLE), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    crimes = {c["code"]: c for c in data["crimes"]}
    assert crimes["7(1)(e)"]["status"] == "met"
    assert crimes["7(1)(f)"]["gaps"] == [1, 2, 3, 5]
    assert all("message" in r and "code" in r for r in crimes["7(1)(f)"]["reasons"])


def test_cli_check_prints_a_readable_text_matrix(capsys):
    assert main(["law", "check", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "Verdict: met." in out and "no evidence" in out and "7(1)(f)" in out


def test_cli_crimes_lists_16_crimes_and_75_elements(capsys):
    assert main(["law", "crimes", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["crimes"]) == 16 and data["total_elements"] == 75
    assert main(["law", "crimes"]) == 0
    assert "16 crimes, 75 elements" in capsys.readouterr().out


def test_cli_reports_bad_json_as_an_error_not_a_traceback(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text('{"finding": ', encoding="utf-8")
    assert main(["law", "check", str(bad)]) == 2
    assert "not valid JSON" in capsys.readouterr().err


def test_links_from_a_flat_table_are_attached_to_their_acts():
    from inquiry.law import attach_links

    acts = attach_links(
        [Act("A1", "FORCED_LABOUR"), Act("A2", "TORTURE")],
        [InfoLink("A2", "S1", "direct"), InfoLink("A1", "S2", "direct"), InfoLink("A2", "S3", "hearsay")],
    )
    assert [len(a.links) for a in acts] == [1, 2]
    with pytest.raises(InvalidInput) as info:
        attach_links([Act("A1", "FORCED_LABOUR")], [InfoLink("A9", "S1", "direct")])
    assert (info.value.row, info.value.field) == (1, "act_id")


def test_act_date_must_be_edtf():
    with pytest.raises(InvalidInput) as info:
        Act.from_mapping({"id": "A1", "act_type": "TORTURE", "date": "spring of 1997"}, row=3)
    assert (info.value.row, info.value.field) == (3, "date")
    assert Act.from_mapping({"id": "A1", "act_type": "TORTURE", "date": "1997-21"}).date == "1997-21"

"""``inquiry link``: files in, files out, and errors that name the row."""

from __future__ import annotations

import csv

import pytest

from inquiry.cli import main

HEADER = "record_id,name,birth_date,sex,birth_place,relatives,source\n"
ROWS = (
    "1,김영철,1960,m,회령,,A\n"
    "2,\"KIM, Yong Chol\",1959/1961,M,Hoeryong,,B\n"
    "3,Kim Yong Chol,1975,m,Kaesong,,C\n"
    "4,이순실,1970,f,평양,리철,A\n"
    "5,Ri Sun Sil,1970,f,Pyongyang,Ri Chol;Ri Myong Ok,D\n"
)


def _write(tmp_path, text: str | bytes, name: str = "records.csv"):
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _error(capsys) -> str:
    return capsys.readouterr().err.strip().splitlines()[-1]


def test_link_writes_clusters_and_pairs_next_to_them(tmp_path):
    records = _write(tmp_path, HEADER + ROWS)
    out = tmp_path / "clusters.csv"
    assert main(["link", str(records), "--out", str(out), "--quiet"]) == 0
    with out.open(encoding="utf-8") as handle:
        rows = {r["record_id"]: r for r in csv.DictReader(handle)}
    assert rows["1"]["cluster_id"] == rows["2"]["cluster_id"] != rows["3"]["cluster_id"]
    assert rows["4"]["cluster_id"] == rows["5"]["cluster_id"]
    assert rows["1"]["cluster_size"] == "2"
    with (tmp_path / "clusters.pairs.csv").open(encoding="utf-8") as handle:
        pairs = list(csv.DictReader(handle))
    assert {"id_a", "id_b", "probability", "match_weight", "name_level", "birth_date_weight"} <= set(pairs[0])


def test_judgements_file_splits_a_cluster(tmp_path):
    records = _write(tmp_path, HEADER + ROWS)
    judgements = _write(tmp_path, "id_a,id_b,judgement\n1,2,not same\n", "judgements.csv")
    out = tmp_path / "clusters.csv"
    assert main(["link", str(records), "--out", str(out), "--judgements", str(judgements), "--quiet"]) == 0
    with out.open(encoding="utf-8") as handle:
        rows = {r["record_id"]: r["cluster_id"] for r in csv.DictReader(handle)}
    assert rows["1"] != rows["2"]


def test_progress_goes_to_stderr(tmp_path, capsys):
    records = _write(tmp_path, HEADER + ROWS)
    assert main(["link", str(records), "--out", str(tmp_path / "c.csv")]) == 0
    err = capsys.readouterr().err
    assert "scoring candidate pairs" in err and "clusters" in err


@pytest.mark.parametrize(("content", "expected"), [
    ("record_id,birth_date\n1,1960\n", "row 1: name: The column “name” is missing"),
    ("", "records: The file"),
    (HEADER + "1,김영철,1960,m,,,A\n2,Kim,the sixties,m,,,B\n", "row 3: birth_date:"),
    (HEADER + "1,김영철,1960,m,,,A\n1,Kim,1961,m,,,B\n", "row 3: record_id: record_id “1” repeats row 2"),
    (HEADER + "1,,1960,m,,,A\n", "row 2: name: The name is empty."),
    (HEADER.encode() + "1,김영철,1960,m,,,A\n".encode() + "2,金英哲,1960,m,,,B\n".encode("euc-kr"),
     "row 3: records: The file is not UTF-8"),
])
def test_bad_input_is_an_error_that_names_the_row(tmp_path, capsys, content, expected):
    records = _write(tmp_path, content)
    assert main(["link", str(records), "--out", str(tmp_path / "c.csv"), "--quiet"]) == 2
    assert expected in _error(capsys)


def test_output_in_a_missing_directory_is_an_error_not_a_traceback(tmp_path, capsys):
    records = _write(tmp_path, HEADER + ROWS)
    assert main(["link", str(records), "--out", str(tmp_path / "no" / "c.csv"), "--quiet"]) == 2
    assert "out:" in _error(capsys)


def test_sources_may_repeat_lets_two_records_of_one_list_chain_through_another(tmp_path):
    # Two Kim Yong Chols in list A (different camps), one in list B that fits both, and unrelated
    # people in list C so that the prior share of matches is realistic.
    filler = "".join(f"f{i},{name},{1930 + 2 * i},,,,C\n" for i, name in enumerate(
        ["박순옥", "최명희", "정광호", "강영수", "조미선", "윤철호", "장혜숙", "임동수", "한금순", "오석진",
         "서명수", "신옥희", "권태식", "황정숙", "안춘길", "송미란", "유경애", "홍기철", "고은실", "문상훈"]))
    text = ("record_id,name,birth_date,sex,facility,relatives,source\n"
            "a1,KIM Yong Chol,1960,m,Camp 15,,A\n" "a2,Kim Yong Chol,1961,m,Camp 16,,A\n" "b,김영철,1960,m,,,B\n" + filler)
    records = _write(tmp_path, text)

    def clusters(*extra: str) -> dict[str, str]:
        out = tmp_path / "c.csv"
        assert main(["link", str(records), "--out", str(out), "--quiet", *extra]) == 0
        with out.open(encoding="utf-8") as handle:
            return {r["record_id"]: r["cluster_id"] for r in csv.DictReader(handle)}

    assert clusters()["a1"] != clusters()["a2"]
    assert clusters("--sources-may-repeat")["a1"] == clusters("--sources-may-repeat")["a2"]

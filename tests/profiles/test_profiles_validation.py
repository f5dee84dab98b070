"""A broken profile file is refused with a message naming file, row and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from inquiry.errors import InvalidInput
from inquiry.profiles import load_profile

SHIPPED = Path(load_profile("dprk").path)


@pytest.fixture()
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "draft"
    shutil.copytree(SHIPPED, target)
    return target


def _edit_yaml(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _edit_csv_row(path: Path, row: int, column: str, value: str) -> None:
    import csv

    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        header, rows = reader.fieldnames, list(reader)
    rows[row - 1][column] = value
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)


def test_an_unmodified_copy_loads_as_a_profile_without_code_changes(copy):
    profile = load_profile(path=copy)
    assert profile.name == "dprk" and profile.path == copy.resolve()
    assert len(profile.act_types) == len(load_profile().act_types)


def test_bad_coordinate_in_a_csv_row_names_file_row_and_field(copy):
    _edit_csv_row(copy / "gazetteer" / "adm2.csv", 5, "lat", "north")
    with pytest.raises(InvalidInput) as info:
        load_profile(path=copy)
    err = info.value
    assert (err.row, err.field) == (5, "lat")
    assert "adm2.csv" in str(err) and "row 5" in str(err) and "lat" in str(err)


def test_a_broken_profile_is_not_cached_and_keeps_failing(copy):
    _edit_csv_row(copy / "gazetteer" / "facilities.csv", 2, "province", "KP-99")
    for _ in range(2):
        with pytest.raises(InvalidInput) as info:
            load_profile(path=copy)
        assert (info.value.row, info.value.field) == (2, "province")


def test_act_type_mapping_to_an_unknown_pattern_is_refused(copy):
    _edit_yaml(copy / "act_types.yaml", lambda d: d["act_types"][2]["patterns"].append("NOT_A_PATTERN"))
    with pytest.raises(InvalidInput) as info:
        load_profile(path=copy)
    assert (info.value.row, info.value.field) == (3, "patterns")
    assert "act_types.yaml" in str(info.value) and "NOT_A_PATTERN" in str(info.value)


def test_act_type_mapping_to_an_unknown_crime_is_refused(copy):
    _edit_yaml(copy / "act_types.yaml", lambda d: d["act_types"][0]["crimes"].append("7(1)(z)"))
    with pytest.raises(InvalidInput) as info:
        load_profile(path=copy)
    assert (info.value.row, info.value.field) == (1, "crimes")


def test_act_type_claiming_a_contextual_element_by_its_nature_is_refused(copy):
    def change(d):
        d["act_types"][0]["elements"] = {"7(1)(a)": [2]}

    _edit_yaml(copy / "act_types.yaml", change)
    with pytest.raises(InvalidInput) as info:
        load_profile(path=copy)
    assert info.value.field == "elements"


def test_missing_japanese_label_is_refused(copy):
    _edit_yaml(copy / "patterns.yaml", lambda d: d["patterns"][3]["label"].pop("ja"))
    with pytest.raises(InvalidInput) as info:
        load_profile(path=copy)
    assert (info.value.row, info.value.field) == (4, "label.ja")


def test_organisation_name_with_a_bad_edtf_date_is_refused(copy):
    def change(d):
        d["organisations"][1]["names"][0]["when"] = "spring 1972"

    _edit_yaml(copy / "organisations.yaml", change)
    with pytest.raises(InvalidInput) as info:
        load_profile(path=copy)
    assert (info.value.row, info.value.field) == (2, "names[1].when")


def test_status_for_an_unknown_facility_is_refused(copy):
    _edit_yaml(
        copy / "facility_status.yaml", lambda d: d["facility_status"][0].update(facility="KWANLISO-99")
    )
    with pytest.raises(InvalidInput) as info:
        load_profile(path=copy)
    assert (info.value.row, info.value.field) == (1, "facility")


def test_invalid_standard_of_proof_threshold_is_refused(copy):
    def change(d):
        d["standards"]["reasonable_grounds"]["min_independent_origins"] = 0

    _edit_yaml(copy / "standard_of_proof.yaml", change)
    with pytest.raises(InvalidInput) as info:
        load_profile(path=copy)
    assert info.value.field == "min_independent_origins"


def test_a_csv_row_with_too_many_fields_is_refused(copy):
    path = copy / "gazetteer" / "adm1.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[3] += ",extra"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InvalidInput) as info:
        load_profile(path=copy)
    assert info.value.row == 3 and "adm1.csv" in str(info.value)


def test_coordinates_outside_the_profile_bounding_box_are_refused(copy):
    _edit_csv_row(copy / "gazetteer" / "facilities.csv", 1, "lon", "-126.05")
    with pytest.raises(InvalidInput) as info:
        load_profile(path=copy)
    assert (info.value.row, info.value.field) == (1, "lon")

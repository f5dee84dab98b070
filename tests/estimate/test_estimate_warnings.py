"""The warnings attached to estimates."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from inquiry.estimate import read_overlap_table
from inquiry.estimate.loglinear import loglinear_table_estimate

DATA = Path(__file__).parent / "data"


def table(text: str):
    return read_overlap_table(text.encode())


def test_lists_without_common_records_are_named():
    t = table("A,B,C,Freq\n1,0,0,50\n0,1,0,40\n0,0,1,30\n1,1,0,10\n0,1,1,8\n")
    result = loglinear_table_estimate(t, model="Mt")
    assert any("Lists A and C have no records in common" in w for w in result.warnings)


def test_a_list_sharing_nothing_with_the_others_is_flagged():
    t = table("A,B,C,Freq\n1,0,0,50\n0,1,0,40\n0,0,1,30\n1,1,0,10\n")
    result = loglinear_table_estimate(t, model="Mt")
    assert any("List C shares no records with any other list" in w for w in result.warnings)


def test_a_saturated_model_is_flagged():
    result = loglinear_table_estimate(read_overlap_table(DATA / "spina_bifida_3list.csv"), model="[12,13,23]")
    assert any("saturated" in w for w in result.warnings)


def test_an_interaction_resting_on_few_records_is_flagged():
    t = table("A,B,C,Freq\n1,0,0,300\n0,1,0,250\n0,0,1,200\n1,1,0,40\n1,0,1,35\n0,1,1,30\n1,1,1,2\n")
    result = loglinear_table_estimate(t, model="[12,13,23]")
    assert any("A*B rests on only" in w for w in result.warnings) is False  # 42 records: enough
    sparse = table("A,B,C,Freq\n1,0,0,300\n0,1,0,250\n0,0,1,200\n1,1,0,2\n1,0,1,35\n0,1,1,30\n1,1,1,1\n")
    result = loglinear_table_estimate(sparse, model="[12,3]")
    assert any("A*B rests on only 3 records" in w for w in result.warnings)


def test_an_estimate_far_beyond_the_records_seen_is_flagged_as_extrapolation():
    t = table("A,B,Freq\n1,0,100\n0,1,100\n1,1,1\n")
    result = loglinear_table_estimate(t, model="Mt")
    assert result.estimate > 20 * result.n_observed
    assert any("extrapolation" in w for w in result.warnings)
    assert any("two lists" in w for w in result.warnings)


def test_disjoint_lists_give_an_unbounded_estimate_with_warnings_and_valid_json():
    t = table("A,B,C,Freq\n1,0,0,100\n0,1,0,100\n0,0,1,80\n")
    result = loglinear_table_estimate(t, model="Mt")
    assert any("does not exist" in w for w in result.warnings)
    assert any("diverges" in w for w in result.warnings)
    assert not math.isfinite(result.interval[1])
    assert not math.isfinite(result.estimate)
    text = json.dumps(result.to_json_dict(), allow_nan=False)
    assert json.loads(text)["interval"][1] is None


def test_model_uncertainty_across_near_equal_models_is_reported():
    result = loglinear_table_estimate(read_overlap_table(DATA / "kosovo.csv"), select="bic")
    assert any("within 2 BIC units" in w for w in result.warnings)


def test_a_well_behaved_fit_has_no_fit_warnings():
    result = loglinear_table_estimate(read_overlap_table(DATA / "kosovo.csv"), model="[123,14,34]")
    assert result.warnings == []


@pytest.mark.parametrize("model", ["Mh Chao", "Mth Chao"])
def test_negative_chao_parameters_set_to_zero_are_reported(model):
    result = loglinear_table_estimate(read_overlap_table(DATA / "hare.csv"), model=model)
    dropped = result.diagnostics.get("eta_set_to_zero", [])
    assert bool(dropped) == any("set to zero" in w for w in result.warnings)


def test_a_model_that_fits_badly_is_flagged_and_a_good_one_is_not():
    kosovo = read_overlap_table(DATA / "kosovo.csv")
    bad = loglinear_table_estimate(kosovo, model="M0")  # deviance about 1,104 on 13 df
    assert any("fits the observed cells poorly" in w for w in bad.warnings)
    good = loglinear_table_estimate(kosovo, model="[123,14,34]")  # 9.32 on 4 df, p = 0.053
    assert not any("poorly" in w for w in good.warnings)

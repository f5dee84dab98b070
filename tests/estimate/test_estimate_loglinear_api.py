"""The log-linear API beyond the reference values: arrays, results, edge cases."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from inquiry.errors import InvalidInput
from inquiry.estimate import (
    EstimateResult,
    fit_loglinear,
    loglinear_estimate,
    read_overlap_table,
    search_models,
)
from inquiry.estimate.loglinear import loglinear_table_estimate
from inquiry.estimate.plot import plot_result

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def kosovo():
    return read_overlap_table(DATA / "kosovo.csv")


def test_array_entry_point_matches_the_table_entry_point(kosovo):
    result = loglinear_estimate(kosovo.patterns, kosovo.counts, model="[123,14,34]", lists=list(kosovo.lists))
    assert result.estimate == pytest.approx(10356.5, abs=0.1)
    assert result.diagnostics["formula"] == "EXH*ABA*OSCE + EXH*HRW + OSCE*HRW"
    assert loglinear_estimate(kosovo.patterns, kosovo.counts, model="[123,14,34]").diagnostics["formula"] == \
        "L1*L2*L3 + L1*L4 + L3*L4"


def test_model_and_select_together_are_refused(kosovo):
    with pytest.raises(InvalidInput, match="not both"):
        loglinear_table_estimate(kosovo, model="Mt", select="aic")


def test_unknown_criterion_is_refused(kosovo):
    with pytest.raises(InvalidInput, match="aic or bic"):
        search_models(kosovo, criterion="dic")


def test_aic_selection_picks_the_lowest_aic(kosovo):
    ranking = search_models(kosovo, criterion="aic")
    assert ranking[0].aic == min(f.aic for f in ranking)
    assert ranking[0].aic <= ranking[1].aic


def test_models_whose_mle_does_not_exist_rank_last():
    # no record is on both A and B, so any model with A*B has no finite MLE
    table = read_overlap_table(b"A,B,C,Freq\n1,0,0,60\n0,1,0,50\n0,0,1,40\n1,0,1,15\n0,1,1,12\n")
    ranking = search_models(table, criterion="aic")
    flags = [f.boundary for f in ranking]
    assert flags == sorted(flags)
    assert any(flags) and not ranking[0].boundary


def test_json_dict_is_plain_json_with_numpy_values_converted():
    result = EstimateResult("x", np.int64(5), np.float64(7.5), (np.float64(6.0), float("inf")), "m",
                            diagnostics={"a": np.arange(3), "b": {"c": np.float32(1.5)}, "d": np.bool_(True)})
    data = json.loads(json.dumps(result.to_json_dict(), allow_nan=False))
    assert data["interval"] == [6.0, None]
    assert data["diagnostics"] == {"a": [0, 1, 2], "b": {"c": 1.5}, "d": True}


def test_plot_of_an_unbounded_profile_is_still_drawn(tmp_path):
    table = read_overlap_table(b"A,B,C,Freq\n1,0,0,100\n0,1,0,100\n0,0,1,80\n1,1,0,1\n")
    result = loglinear_table_estimate(table, model="[12,3]")
    path = plot_result(result, tmp_path / "flat.png")
    assert path.stat().st_size > 1000


def test_level_changes_the_width_of_the_interval(kosovo):
    wide = loglinear_table_estimate(kosovo, model="[123,14,34]", level=0.99).interval
    narrow = loglinear_table_estimate(kosovo, model="[123,14,34]", level=0.80).interval
    assert wide[0] < narrow[0] < narrow[1] < wide[1]


def test_poisson_fit_recovers_from_a_poor_warm_start(kosovo):
    from inquiry.estimate.glm import fit_poisson

    fit = fit_loglinear(kosovo, "[123,14,34]")
    X = fit.design_full()
    far = fit_poisson(X, np.concatenate([[4.4e7], fit.cells]))  # fitted values for a huge unseen cell
    y = np.concatenate([[0.0], fit.cells])
    cold = fit_poisson(X, y)
    warm = fit_poisson(X, y, start=np.concatenate([[0.5], far.fitted[1:]]))
    assert np.isfinite(warm.deviance)
    assert warm.deviance == pytest.approx(cold.deviance, rel=1e-8)

"""Log-linear results against the reference values in /work/shared/data/mse/README.md (Rcapture 1.4-4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from inquiry.estimate import closedp, fit_loglinear, read_overlap_table, search_models
from inquiry.estimate.loglinear import loglinear_table_estimate

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def kosovo():
    return read_overlap_table(DATA / "kosovo.csv")


@pytest.fixture(scope="module")
def hare():
    return read_overlap_table(DATA / "hare.csv")


@pytest.fixture(scope="module")
def spina():
    return read_overlap_table(DATA / "spina_bifida_3list.csv")


def test_kosovo_model_123_14_34_matches_rcapture_estimate_se_deviance_and_aic(kosovo):
    fit = fit_loglinear(kosovo, "[123,14,34]")
    assert fit.estimate == pytest.approx(10356.5, abs=0.1)
    assert fit.se == pytest.approx(785.9, abs=0.1)
    assert fit.deviance == pytest.approx(9.3227, abs=1e-4)
    assert fit.df == 4
    assert fit.aic == pytest.approx(132.75, abs=0.01)


def test_kosovo_model_written_with_list_names_is_the_same_model(kosovo):
    named = fit_loglinear(kosovo, "EXH*ABA*OSCE + EXH*HRW + OSCE*HRW")
    assert named.name == "[123,14,34]"
    assert named.estimate == pytest.approx(fit_loglinear(kosovo, "[123,14,34]").estimate, rel=1e-12)


def test_kosovo_123_14_34_has_the_best_bic_of_the_113_hierarchical_models(kosovo):
    ranking = search_models(kosovo, criterion="bic")
    assert len(ranking) == 113
    assert ranking[0].name == "[123,14,34]"


def test_kosovo_profile_likelihood_interval_is_within_half_a_percent_of_rcapture(kosovo):
    result = loglinear_table_estimate(kosovo, model="[123,14,34]")
    low, high = result.interval
    assert low == pytest.approx(8994, rel=0.005)
    assert high == pytest.approx(12110, rel=0.005)
    assert result.estimate == pytest.approx(10356.5, abs=0.1)


def test_hare_closed_population_family_matches_rcapture_closedp(hare):
    fits = {f.name: f for f in closedp(hare)}
    assert fits["M0"].estimate == pytest.approx(75.4, abs=0.1)
    assert fits["M0"].se == pytest.approx(3.5, abs=0.1)
    assert fits["Mt"].estimate == pytest.approx(75.1, abs=0.1)
    assert fits["Mt"].se == pytest.approx(3.4, abs=0.1)
    assert fits["Mh Poisson2"].estimate == pytest.approx(81.5, abs=0.1)
    assert fits["Mh Poisson2"].se == pytest.approx(5.7, abs=0.1)
    assert fits["Mth Poisson2"].estimate == pytest.approx(81.1, abs=0.1)
    assert fits["Mth Poisson2"].se == pytest.approx(5.6, abs=0.1)
    assert round(fits["Mth Poisson2"].aic) == 146


def test_hare_mh_chao_is_chaos_lower_bound(hare):
    # Chao (1987) with the (t-1)/t factor: n + (t-1)/t * f1^2 / (2 f2) from the frequencies of captures
    counts = hare.counts
    k = hare.patterns.sum(axis=1)
    f1, f2, t = counts[k == 1].sum(), counts[k == 2].sum(), hare.n_lists
    expected = hare.n_observed + (t - 1) / t * f1**2 / (2 * f2)
    assert fit_loglinear(hare, "Mh Chao").estimate == pytest.approx(expected, rel=1e-8)


def test_spina_bifida_all_two_way_model_profile_estimate_and_interval_match_rcapture(spina):
    result = loglinear_table_estimate(spina, model="[12,13,23]")
    assert result.diagnostics["profile_mle"] == pytest.approx(742.3, abs=0.1)
    assert result.interval[0] == pytest.approx(660.8, abs=0.1)
    assert result.interval[1] == pytest.approx(1065.2, abs=0.2)
    assert result.diagnostics["df"] == 0


def test_spina_bifida_mt_matches_rcapture(spina):
    fit = fit_loglinear(spina, "Mt")
    assert fit.estimate == pytest.approx(763.9, abs=0.1)
    assert fit.se == pytest.approx(20.6, abs=0.1)

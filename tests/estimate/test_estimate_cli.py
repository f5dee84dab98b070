"""``inquiry estimate`` end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inquiry.cli import main

DATA = Path(__file__).parent / "data"
KOSOVO = str(DATA / "kosovo.csv")


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["estimate", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_output_has_the_documented_keys_and_the_reference_estimate(capsys):
    code, out, _ = run(capsys, KOSOVO, "--model", "[123,14,34]", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert {"method", "n_observed", "estimate", "interval", "model", "diagnostics", "warnings"} <= set(data)
    assert data["method"] == "loglinear"
    assert data["n_observed"] == 4400
    assert data["estimate"] == pytest.approx(10356.5, abs=0.1)
    assert len(data["interval"]) == 2
    assert data["model"] == "[123,14,34]"


def test_model_search_by_bic_is_the_default_and_is_reported(capsys):
    code, out, _ = run(capsys, KOSOVO, "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["model"] == "[123,14,34]"
    assert data["diagnostics"]["selection"]["criterion"] == "bic"
    assert data["diagnostics"]["selection"]["n_models"] == 113


def test_text_report_is_readable(capsys):
    code, out, _ = run(capsys, KOSOVO, "--select", "aic", "--closedp")
    assert code == 0
    assert "estimate of N:" in out and "Best models by AIC" in out and "Mth Poisson2" in out
    assert "Warnings:" in out


def test_bad_input_is_a_one_line_error_naming_the_row_and_column(capsys, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("A,B,Freq\n1,0,3\n0,x,4\n")
    code, out, err = run(capsys, str(path))
    assert code == 2
    assert err.startswith("inquiry: error: row 3: B:")
    assert "Traceback" not in err


def test_a_model_naming_a_missing_list_exits_with_an_error(capsys):
    code, _, err = run(capsys, KOSOVO, "--model", "EXH*UNHCR")
    assert code == 2
    assert "UNHCR" in err


def test_sampler_options_with_the_loglinear_method_are_refused(capsys):
    code, _, err = run(capsys, KOSOVO, "--burnin", "100")
    assert code == 2
    assert "--burnin applies only to --method lcmcr" in err


@pytest.mark.parametrize("suffix", ["png", "svg"])
def test_plot_is_written(capsys, tmp_path, suffix):
    target = tmp_path / f"kosovo.{suffix}"
    code, _, _ = run(capsys, KOSOVO, "--plot", str(target), "--format", "json")
    assert code == 0
    assert target.stat().st_size > 1000


def test_plot_with_an_unknown_suffix_is_refused(capsys, tmp_path):
    code, _, err = run(capsys, KOSOVO, "--plot", str(tmp_path / "x.pdf"))
    assert code == 2
    assert ".png or .svg" in err


def test_strata_column_from_the_command_line(capsys, tmp_path):
    path = tmp_path / "strata.csv"
    rows = ["A,B,C,year,n"]
    for year, scale in (("1998", 1), ("1999", 2)):
        for pattern, count in (("1,0,0", 50), ("0,1,0", 40), ("0,0,1", 30), ("1,1,0", 12), ("1,0,1", 9),
                               ("0,1,1", 8), ("1,1,1", 3)):
            rows.append(f"{pattern},{year},{count * scale}")
    path.write_text("\n".join(rows) + "\n")
    code, out, _ = run(capsys, str(path), "--strata", "year", "--model", "Mt", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert set(data["diagnostics"]["strata"]) == {"1998", "1999"}
    assert data["n_observed"] == 456


def test_dga_from_the_command_line_with_a_plot(capsys, tmp_path):
    pytest.importorskip("inquiry.estimate.dga")
    target = tmp_path / "dga.png"
    code, out, _ = run(capsys, str(DATA / "spina_bifida_3list.csv"), "--method", "dga", "--delta", "1",
                       "--format", "json", "--plot", str(target))
    assert code == 0
    data = json.loads(out)
    assert data["method"] == "dga"
    assert data["interval"][0] <= data["estimate"] <= data["interval"][1]
    assert target.exists()


@pytest.mark.slow
def test_lcmcr_from_the_command_line_with_a_plot(capsys, tmp_path):
    pytest.importorskip("inquiry.estimate.lcmcr")
    target = tmp_path / "lcmcr.svg"
    code, out, _ = run(capsys, str(DATA / "spina_bifida_3list.csv"), "--method", "lcmcr", "--seed", "5",
                       "--chains", "2", "--burnin", "500", "--samples", "200", "--thinning", "2", "--K", "3",
                       "--format", "json", "--plot", str(target))
    assert code == 0
    data = json.loads(out)
    assert data["method"] == "lcmcr"
    assert data["estimate"] > data["n_observed"]
    assert target.exists()

"""`mechkg path` and `mechkg mechanisms` on the mini curation (real files through the whole pipeline)."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from mechkg.app.cli import main
from tests.conftest import MINI


def run(*args: str):
    return CliRunner().invoke(main, [*args, "--curation", str(MINI)])


@pytest.mark.slow
def test_cli_text_no_path_is_clear_and_exits_0():
    result = run("path", "SLE", "allogeneic MSC therapy")
    assert result.exit_code == 0, result.output
    assert "No causal mechanism path" in result.output
    assert "Observed outcome" in result.output and "有效率達60%" in result.output
    assert "Nearest partial chains" in result.output
    assert "let-7f —decreases (expression)→ IL-6 —increases (differentiation)→ Th17 —contributesTo→ SLE" in result.output


def test_cli_exit_2_for_unknown_names_and_bad_options():
    assert run("path", "SLE", "no such therapy").exit_code == 2
    assert run("path", "nowhere", "MSC").exit_code == 2
    assert run("path", "SLE", "MSC", "--predicate", "cures").exit_code == 2
    assert run("mechanisms", "nowhere").exit_code == 2


@pytest.mark.slow
def test_cli_json_contract(tmp_path):
    # Add one mechanistic link to a copy of the mini curation so that a path exists.
    curation = tmp_path / "curation"
    shutil.copytree(MINI, curation)
    with open(curation / "claims" / "sle.yaml", "a", encoding="utf-8") as handle:
        handle.write(
            "- id: mini-msc-let7f\n  subject: MSC\n  predicate: increases\n  object: LET7F\n  source: mini\n"
            "  section: 傳統治療局限與干細胞療法的興起\n  quote: 骨髓MSCs中microRNA Let-7f表達降低\n"
            "  statement: Test link only.\n  evidence: in_vitro\n"
        )
    args = ["--curation", str(curation)]
    out = CliRunner().invoke(main, ["path", "系統性紅斑狼瘡", "間充質干細胞", "--format", "json", *args])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["source"] == "MSC" and data["target"] == "SLE" and data["therapies"] == ["MSC_THERAPY"]
    (path,) = data["paths"]
    assert [n["id"] for n in path["nodes"]] == ["MSC_THERAPY", "MSC", "LET7F", "IL6", "TH17", "SLE"]
    assert {"id", "label", "type"} <= set(path["nodes"][0])
    assert [e["predicate"] for e in path["edges"]] == ["uses", "increases", "decreases", "increases", "contributesTo"]
    assert {"subject", "predicate", "object", "sign", "claims"} <= set(path["edges"][1])
    assert path["edges"][2]["claims"][0]["id"] == "mini-let7f-il6"
    assert path["net_sign"] == -1 and path["verdict"] == "counteracts"
    parts = path["score_parts"]
    assert path["score"] == pytest.approx(parts["evidence"] * parts["length"] * parts["hub"] * parts["specificity"], rel=1e-5)
    assert data["observed"][0]["edge"]["predicate"] == "ameliorates"
    text = CliRunner().invoke(main, ["path", "SLE", "MSC", *args]).output
    assert "1. allogeneic MSC therapy —uses→ MSC —increases→ let-7f —decreases (expression)→ IL-6" in text
    assert "net: counteracts" in text and "「Let-7f表達降低),導致促炎因子IL-6升高」" in text
    summary = CliRunner().invoke(main, ["mechanisms", "SLE", *args])
    assert summary.exit_code == 0 and "MSC_THERAPY" in summary.output and "counteracts" in summary.output
    page = tmp_path / "page.html"
    html = CliRunner().invoke(main, ["path", "SLE", "MSC", "--format", "html", "--out", str(page), *args])
    assert html.exit_code == 0, html.output
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")

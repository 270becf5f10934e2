"""The `mechkg` command: build, validate and show, per the CLI contract of DESIGN.md."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import MINI_SOURCES

from mechkg.app.cli import main


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def mini_args(curation: Path) -> list[str]:
    return ["--curation", str(curation), "--sources", str(MINI_SOURCES)]


def test_build_writes_outputs_and_summary(mini: Path, tmp_path: Path):
    out = tmp_path / "out"
    code, stdout, _ = run("build", *mini_args(mini), "--out", str(out))
    assert code == 0
    assert (out / "mechkg.ttl").stat().st_size > 1000
    assert (out / "mechkg.html").stat().st_size > 1000
    assert "claims: 5" in stdout and "studies: 1" in stdout and "flags: 0" in stdout
    assert "Disease 1" in stdout and "wrote" in stdout and " s from " in stdout


def test_two_builds_are_byte_identical(mini: Path, tmp_path: Path):
    for name in ("a", "b"):
        assert run("build", *mini_args(mini), "--out", str(tmp_path / name))[0] == 0
    for output in ("mechkg.ttl", "mechkg.html"):
        assert (tmp_path / "a" / output).read_bytes() == (tmp_path / "b" / output).read_bytes()


def test_failed_build_leaves_previous_outputs_untouched(mini: Path, tmp_path: Path):
    out = tmp_path / "out"
    assert run("build", *mini_args(mini), "--out", str(out))[0] == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    claims = mini / "claims" / "sle.yaml"
    claims.write_text(claims.read_text(encoding="utf-8").replace("object: IL6", "object: IL-6"), encoding="utf-8")
    code, _, stderr = run("build", *mini_args(mini), "--out", str(out))
    assert code == 1
    assert "claims/sle.yaml:" in stderr and "unknown entity 'IL-6'" in stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.")], "staging folder left behind"


def test_validate_ok_and_bad(mini: Path):
    code, stdout, _ = run("validate", *mini_args(mini))
    assert code == 0 and "valid:" in stdout and "SHACL conforms" in stdout
    (mini / "entities" / "broken.yaml").write_text("- id: X\n  type: Disease\n  label: {en: x}\n", encoding="utf-8")
    code, _, stderr = run("validate", *mini_args(mini))
    assert code == 1
    assert "entities/broken.yaml:3: label.zh-Hant: required key is missing" in stderr
    assert "Traceback" not in stderr


def test_show_json_shape(mini: Path):
    code, stdout, _ = run("show", *mini_args(mini), "IL-6", "--format", "json")
    assert code == 0
    info = json.loads(stdout)
    assert set(info) == {"id", "iri", "type", "labels", "synonyms", "xrefs", "claims", "properties"}
    assert info["id"] == "IL6" and info["iri"] == "https://w3id.org/mechkg/entity/IL6"
    assert info["labels"] == {"en": "interleukin-6", "zh-Hant": "白細胞介素-6"}
    assert info["xrefs"] == ["HGNC:6018"]
    assert {c["id"] for c in info["claims"]} == {"mini-let7f-il6", "mini-il6-th17"}
    claim = next(c for c in info["claims"] if c["id"] == "mini-let7f-il6")
    for key in ("subject", "predicate", "object", "sign", "disease", "quote", "statement", "evidence", "confidence", "flags"):
        assert key in claim
    assert claim["sign"] == -1 and claim["evidence"] == "ECO:0006017"


@pytest.mark.parametrize("name", ["SLE", "sle", "系統性紅斑狼瘡", "Systemic Lupus Erythematosus", "紅斑狼瘡"])
def test_show_resolves_names_in_both_languages(mini: Path, name: str):
    code, stdout, _ = run("show", *mini_args(mini), name, "--format", "json")
    assert code == 0 and json.loads(stdout)["id"] == "SLE"


def test_show_unknown_and_ambiguous_names_exit_2(mini: Path):
    code, _, stderr = run("show", *mini_args(mini), "Th171")
    assert code == 2 and "TH17" in stderr and "candidates" in stderr
    entities = mini / "entities" / "entities.yaml"
    entities.write_text(
        entities.read_text(encoding="utf-8").replace("synonyms: [Th17]", "synonyms: [Th17, SLE]"), encoding="utf-8"
    )
    code, _, stderr = run("show", *mini_args(mini), "SLE")
    assert code == 0  # an exact id wins
    code, _, stderr = run("show", *mini_args(mini), "sle")
    assert code == 0
    entities.write_text(
        entities.read_text(encoding="utf-8").replace("synonyms: [Th17, SLE]", "synonyms: [Th17, lupus]"), encoding="utf-8"
    )
    code, _, stderr = run("show", *mini_args(mini), "lupus")
    assert code == 2 and "ambiguous" in stderr and "SLE" in stderr and "TH17" in stderr


def test_show_text_lists_quotes(mini: Path):
    code, stdout, _ = run("show", *mini_args(mini), "Let-7f")
    assert code == 0
    assert "LET7F —decreases (expression)→ IL6" in stdout
    assert "「Let-7f表達降低),導致促炎因子IL-6升高」" in stdout


def test_usage_error_exits_2():
    assert run("show")[0] == 2
    assert run("build", "--no-such-option")[0] == 2


@pytest.mark.parametrize("command", ["build", "validate", "show"])
def test_help_says_what_and_gives_an_example(command: str):
    code, stdout, _ = run(command, "--help")
    assert code == 0 and "Example" in stdout and "--curation" in stdout


def test_packaged_show_sle_same_entity_in_both_languages():
    by_abbreviation = json.loads(run("show", "SLE", "--format", "json")[1])
    by_chinese = json.loads(run("show", "系統性紅斑狼瘡", "--format", "json")[1])
    assert by_abbreviation == by_chinese
    assert by_abbreviation["id"] == "SLE" and by_abbreviation["claims"]

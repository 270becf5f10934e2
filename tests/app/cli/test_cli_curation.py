"""`mechkg build`, `validate` and `coverage`, per the CLI contract of DESIGN.md; a build of unchanged inputs is not redone."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from cli_helpers import mini_args, run
from conftest import MINI_SOURCES, lexicons_or_skip

from mechkg.app.outputs import MARKER


@pytest.mark.slow
def test_build_writes_outputs_and_summary(mini: Path, tmp_path: Path):
    out = tmp_path / "out"
    code, stdout, _ = run("build", *mini_args(mini), "--out", str(out))
    assert code == 0
    assert (out / "mechkg.ttl").stat().st_size > 1000
    assert (out / "mechkg.html").stat().st_size > 1000
    assert "claims: 5" in stdout and "studies: 1" in stdout and "flags: 0" in stdout
    assert "Disease 1" in stdout and "wrote" in stdout and " s from " in stdout


@pytest.mark.slow
def test_two_builds_are_byte_identical(mini: Path, tmp_path: Path):
    for name in ("a", "b"):
        assert run("build", *mini_args(mini), "--out", str(tmp_path / name))[0] == 0
    for output in ("mechkg.ttl", "mechkg.html"):
        assert (tmp_path / "a" / output).read_bytes() == (tmp_path / "b" / output).read_bytes()


@pytest.mark.slow
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
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.") and p.name != ".out.lock"], (
        "staging folder left behind"
    )


@pytest.mark.slow
def test_validate_ok_and_bad(mini: Path):
    code, stdout, _ = run("validate", *mini_args(mini))
    assert code == 0 and stdout.startswith("valid") and "SHACL conforms" in stdout
    (mini / "entities" / "broken.yaml").write_text("- id: X\n  type: Disease\n  label: {en: x}\n", encoding="utf-8")
    code, _, stderr = run("validate", *mini_args(mini))
    assert code == 1
    assert "entities/broken.yaml:3: label.zh-Hant: required key is missing" in stderr
    assert "Traceback" not in stderr


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()}


@pytest.mark.slow
def test_a_build_of_unchanged_inputs_is_not_redone(mini: Path, tmp_path: Path):
    out = tmp_path / "out"
    assert run("build", *mini_args(mini), "--out", str(out))[0] == 0
    before = snapshot(out)
    started = time.perf_counter()
    code, stdout, _ = run("build", *mini_args(mini), "--out", str(out))
    assert code == 0 and "is up to date" in stdout and "--force rebuilds" in stdout
    assert time.perf_counter() - started < 1.0
    assert snapshot(out) == before
    code, stdout, _ = run("build", *mini_args(mini), "--out", str(out), "--force")
    assert code == 0 and "MechKG built in" in stdout
    assert snapshot(out) != before


@pytest.mark.slow
@pytest.mark.parametrize("change", ["curation byte", "output removed", "output edited", "other sources"])
def test_a_build_is_redone_when_inputs_or_outputs_differ(mini: Path, tmp_path: Path, change: str):
    out = tmp_path / "out"
    args = mini_args(mini)
    assert run("build", *args, "--out", str(out))[0] == 0
    if change == "curation byte":
        entities = mini / "entities" / "entities.yaml"
        entities.write_bytes(entities.read_bytes().replace(b"interleukin-6", b"interleukin-7", 1))
    elif change == "output removed":
        (out / "mechkg.ttl").unlink()
    elif change == "output edited":
        (out / "mechkg.html").write_bytes(b"<p>edited</p>")
    else:
        args = ["--curation", str(mini), "--sources", str(tmp_path / "no-sources")]
    code, stdout, stderr = run("build", *args, "--out", str(out))
    assert code == 0 and "MechKG built in" in stdout and "up to date" not in stdout
    if change == "other sources":
        assert "source text" in stderr and "not found" in stderr  # a notice of the new inputs
    assert json.loads((out / MARKER).read_bytes().split(b"\n", 1)[1])["files"]["mechkg.html"]


@pytest.mark.slow
def test_up_to_date_repeats_the_notices_of_the_build(mini: Path, tmp_path: Path):
    out = tmp_path / "out"
    args = ["--curation", str(mini), "--sources", str(tmp_path / "no-sources"), "--out", str(out)]
    _, _, first = run("build", *args)
    code, stdout, again = run("build", *args)
    assert code == 0 and "up to date" in stdout
    assert "note: source text" in first and again == first


@pytest.fixture
def nothing_to_check_against(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """$MECHKG_SOURCES and $MECHKG_LEXICONS name an empty folder, so the rule's ../shared step is never reached."""
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("MECHKG_SOURCES", str(empty))
    monkeypatch.setenv("MECHKG_LEXICONS", str(empty))
    return empty


def test_a_check_that_could_not_run_is_named_skipped_and_fails_strict(mini: Path, nothing_to_check_against: Path):
    code, stdout, stderr = run("validate", "--curation", str(mini))
    assert code == 0 and stdout.startswith("valid as far as checked: ")
    assert stdout.rstrip().endswith("skipped: quotes of mini (no source text); 1 CURIE unchecked (in no lexicon here)"), (
        stdout
    )  # the other CURIEs are in the lexicon snapshot shipped with MechKG; mirbase:MI0000067 is not
    # the notes say which text is needed (its SHA-256) and how to supply it
    assert "mini_sle.txt with SHA-256 246ea0225061e31aa80b2c4dcc8c2c239485acf60af9909e6bda77ded47d9d38" in stderr
    assert "--sources DIR or $MECHKG_SOURCES" in stderr
    assert "unchecked CURIEs (shape only; in neither the lexicon snapshot nor a full lexicon): mirbase:MI0000067" in stderr
    assert "5 CURIEs checked against the lexicon snapshot shipped with MechKG" in stderr
    code, stdout, stderr = run("validate", "--curation", str(mini), "--strict")
    assert code == 2 and stdout.startswith("valid as far as checked: ")
    assert stderr.splitlines()[-1].startswith("mechkg validate --strict: 2 checks could not run: quotes of mini (no source text)")
    code, stdout, stderr = run("coverage", "--curation", str(mini))
    assert code == 0 and stdout == "mini: not checked: its text was not found (see the note above)\n"
    code, stdout, stderr = run("coverage", "--curation", str(mini), "--strict", "--format", "json")
    assert code == 2 and json.loads(stdout) == {"mini": None}
    assert stderr.splitlines()[-1].startswith(
        "mechkg coverage --strict: 1 check could not run: coverage of mini (no source text)"
    )


def test_with_every_input_found_every_check_runs(mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    given = ["--curation", str(mini), "--sources", str(MINI_SOURCES), "--lexicons", str(lexicons_or_skip())]
    monkeypatch.setenv("MECHKG_SOURCES", str(tmp_path / "elsewhere"))  # the flags come before the variables
    monkeypatch.setenv("MECHKG_LEXICONS", str(tmp_path / "elsewhere"))
    code, stdout, stderr = run("validate", *given, "--strict")
    assert code == 0 and stdout.startswith("valid: ") and stdout.rstrip().endswith("every check ran") and stderr == ""
    code, stdout, _ = run("coverage", *given, "--strict")
    assert stdout.startswith("mini: ") and code == (1 if "UNCITED" in stdout else 0)  # the mini text has uncited lines

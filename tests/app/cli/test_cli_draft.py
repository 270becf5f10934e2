"""`mechkg draft` end to end: a draft of the English fixture, what validate and coverage say of it, exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import run
from conftest import DATA, MINI

ARTICLE = DATA / "draft" / "msc_lupus_en.txt"
LEXICONS = DATA / "draft" / "lexicons"


def _draft(out: Path, *extra: str) -> tuple[int, str, str]:
    args = ["--source-id", "test_en", "--out", str(out), "--curation", str(MINI), "--lexicons", str(LEXICONS)]
    return run("draft", str(ARTICLE), *args, *extra)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_draft_then_validate_then_coverage(tmp_path: Path):
    out = tmp_path / "draft"
    code, stdout, stderr = _draft(out)
    assert code == 0, stderr
    assert f"drafted {out} from {ARTICLE} (en, 9 sentences)" in stdout
    assert "mentions: 21 (7 of 3 known entities, 14 of lexicon terms)" in stdout
    assert "entities: 4 known (copied), 10 proposed with 11 candidate groundings" in stdout
    assert "skeleton claims: 5" in stdout and f"lexicons: {LEXICONS}" in stdout
    assert f"next: mechkg validate --curation {out} --sources {out}/sources" in stdout

    checks = ["--curation", str(out), "--sources", str(out / "sources"), "--lexicons", str(LEXICONS)]
    code, stdout, stderr = run("validate", *checks)
    assert code == 1 and stdout == ""
    lines = stderr.splitlines()
    assert lines[0] == "37 problems in the curation:"
    assert all(" yet; " in line for line in lines[1:]), [line for line in lines[1:] if " yet; " not in line]
    assert "claims/test_en.yaml:8: predicate: claim test-en-s003 has no predicate yet; choose one of: " in stderr
    assert "entities/proposed.yaml:16: xrefs.0.match: candidate grounding MONDO:0007179 (autoimmune disease)" in stderr
    assert "Traceback" not in stderr and "pydantic" not in stderr and "valid string" not in stderr

    code, stdout, stderr = run("coverage", *checks)
    assert code == 0
    assert "test_en: 0 of 9 substantive sentences cited (0.0%); 0 excused; 9 uncited" in stdout
    assert stdout.count(": UNCITED: ") == 9
    assert "5 unfinished claim(s) are not counted here (mechkg validate lists what each still lacks)" in stderr
    assert run("coverage", *checks, "--strict")[0] == 1


def test_refusals_exit_2_with_a_clear_message(tmp_path: Path):
    out = tmp_path / "draft"
    assert _draft(out)[0] == 0
    before = _files(out)
    code, _, stderr = _draft(out)
    assert (
        code == 2
        and stderr == f"mechkg draft: {out} is not empty; give a new folder, or --force to replace a draft written there before\n"
    )
    assert _draft(out, "--force")[0] == 0 and _files(out) == before
    code, _, stderr = run("draft", str(ARTICLE), "--source-id", "Test-EN", "--out", str(tmp_path / "x"))
    assert code == 2 and "source id 'Test-EN' must be lower-case letters" in stderr
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 2_000_001)
    code, _, stderr = run("draft", str(big), "--source-id", "big", "--out", str(tmp_path / "y"))
    assert code == 2 and "an article of at most 2,000,000 bytes is drafted" in stderr
    assert not (tmp_path / "x").exists() and not (tmp_path / "y").exists()
    missing = str(tmp_path / "missing")
    code, _, stderr = run("draft", str(ARTICLE), "--source-id", "z", "--out", str(tmp_path / "z"), "--lexicons", missing)
    assert code == 2 and f"Invalid value for --lexicons: {missing} is not a folder" in stderr
    code, _, stderr = run("draft", missing, "--source-id", "z", "--out", str(tmp_path / "z"))
    assert code == 2 and f"mechkg draft: cannot read {missing}: No such file or directory" in stderr


def test_without_lexicons_only_known_entities_are_proposed(tmp_path: Path):
    empty = tmp_path / "no-lexicons"
    empty.mkdir()
    code, stdout, _ = _draft(tmp_path / "draft", "--lexicons", str(empty))
    assert code == 0
    assert "lexicon matching skipped: no lexicons found" in stdout and "0 proposed with 0 candidate groundings" in stdout
    assert not (tmp_path / "draft" / "entities" / "proposed.yaml").exists()


@pytest.mark.slow
def test_the_draft_is_the_same_under_another_hash_seed(tmp_path: Path):
    assert _draft(tmp_path / "here")[0] == 0
    mechkg = Path(sys.executable).with_name("mechkg")
    args = ["--source-id", "test_en", "--out", str(tmp_path / "there"), "--curation", str(MINI), "--lexicons", str(LEXICONS)]
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([str(mechkg), "draft", str(ARTICLE), *args], check=True, capture_output=True, env=env)
    assert _files(tmp_path / "here") == _files(tmp_path / "there")

"""Source texts: found where resources say, checked against their recorded SHA-256, or a notice when absent."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from conftest import MINI_SOURCES
from curation_edits import edit, line_of

from mechkg.ingest.catalog import catalog_records
from mechkg.ingest.findings import Findings
from mechkg.ingest.records import read_records
from mechkg.ingest.source_texts import read_source_texts


def texts_of(root: Path, sources: Path) -> tuple[dict[str, str], Findings]:
    findings = Findings()
    texts = read_source_texts(catalog_records(read_records(root, findings), findings), sources, findings)
    return texts, findings


def test_the_text_with_the_recorded_hash_is_read(mini: Path):
    texts, findings = texts_of(mini, MINI_SOURCES)
    assert texts["mini"] == (MINI_SOURCES / "mini_sle.txt").read_text(encoding="utf-8")
    assert findings.problems == [] and findings.notices == []


def test_a_text_with_another_hash_is_a_problem_at_the_sha256_line(mini: Path, tmp_path: Path):
    sources = tmp_path / "sources"
    shutil.copytree(MINI_SOURCES, sources)
    changed = (sources / "mini_sle.txt").read_bytes() + b"\n"
    (sources / "mini_sle.txt").write_bytes(changed)
    texts, findings = texts_of(mini, sources)
    assert texts == {}
    line = line_of(mini / "sources.yaml", "sha256:")
    digest = hashlib.sha256(changed).hexdigest()
    assert [str(p) for p in findings.problems] == [
        f"sources.yaml:{line}: sha256: {sources / 'mini_sle.txt'} has sha256 {digest}, not the recorded one: a different text"
    ]


def test_without_a_recorded_hash_any_text_is_taken(mini: Path):
    edit(mini / "sources.yaml", "  sha256: 246ea0225061e31aa80b2c4dcc8c2c239485acf60af9909e6bda77ded47d9d38\n", "")
    texts, findings = texts_of(mini, MINI_SOURCES)
    assert set(texts) == {"mini"} and findings.problems == []


def test_a_missing_text_is_a_notice_not_a_problem(mini: Path, tmp_path: Path):
    texts, findings = texts_of(mini, tmp_path / "nowhere")
    assert texts == {}
    assert findings.problems == []
    assert findings.skipped == ["quotes of mini (no source text)"]
    (notice,) = findings.notices
    assert notice.startswith(f"source text of mini not found (not in {tmp_path / 'nowhere'}): quotes and sections")
    # the exact text needed, and how to supply it
    assert "mini_sle.txt with SHA-256 246ea0225061e31aa80b2c4dcc8c2c239485acf60af9909e6bda77ded47d9d38" in notice
    assert notice.endswith("name it with --sources DIR or $MECHKG_SOURCES")


def test_a_text_that_is_not_utf8_is_a_problem_not_a_crash(mini: Path, tmp_path: Path):
    edit(mini / "sources.yaml", "  sha256: 246ea0225061e31aa80b2c4dcc8c2c239485acf60af9909e6bda77ded47d9d38\n", "")
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "mini_sle.txt").write_bytes("第一行\ncaf\xe9\n".encode("latin-1", errors="replace"))
    texts, findings = texts_of(mini, sources)
    assert texts == {}
    assert [str(p).split(": ", 2)[-1] for p in findings.problems] == [
        f"{sources / 'mini_sle.txt'} line 2 is not UTF-8; save the source text as UTF-8"
    ]


def test_a_pipe_in_place_of_the_text_is_refused_without_blocking(mini: Path, tmp_path: Path):
    sources = tmp_path / "sources"
    sources.mkdir()
    os.mkfifo(sources / "mini_sle.txt")
    texts, findings = texts_of(mini, sources)
    assert texts == {} and any("not a regular file" in str(p) for p in findings.problems)

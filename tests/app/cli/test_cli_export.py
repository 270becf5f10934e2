"""`mechkg export`: one file written atomically, or a folder of files written all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import curation_args, run
from conftest import MINI

from mechkg.app.outputs import MARKER


@pytest.mark.slow
def test_a_single_file_export_replaces_only_its_file(tmp_path: Path):
    (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
    out = tmp_path / "graph.ttl"
    code, stdout, stderr = run("export", *curation_args(MINI), "--format", "turtle", "--out", str(out))
    assert code == 0 and stdout == "" and stderr.splitlines()[-1].startswith(f"wrote {out} (")
    assert out.read_bytes().startswith(b"@prefix") and sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl", "keep.txt"]


@pytest.mark.slow
def test_a_folder_export_is_marked_and_a_file_is_not_a_folder(tmp_path: Path):
    code, _, stderr = run("export", *curation_args(MINI), "--format", "neo4j", "--out", str(tmp_path / "neo4j"))
    assert code == 0 and (tmp_path / "neo4j" / MARKER).is_file() and stderr.count("wrote ") == 2
    (tmp_path / "file").write_text("x", encoding="utf-8")
    code, _, stderr = run("export", *curation_args(MINI), "--format", "kgx", "--out", str(tmp_path / "file"))
    assert code == 2 and "must be a folder" in stderr
    code, _, stderr = run("export", *curation_args(MINI), "--format", "turtle", "--out", str(tmp_path))
    assert code == 2 and "is a folder" in stderr
    # a folder of someone else's files is refused as a usage error (README: exit 2), and left alone
    code, _, stderr = run("export", *curation_args(MINI), "--format", "kgx", "--out", str(tmp_path))
    assert code == 2 and stderr.splitlines()[-1].startswith("mechkg export: ") and "not written by mechkg" in stderr
    assert (tmp_path / "file").read_text(encoding="utf-8") == "x"

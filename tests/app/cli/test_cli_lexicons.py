"""`mechkg lexicons build` and `mechkg lexicons snapshot`, and validate using what they write."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import mini_args, run
from conftest import DATA, MINI

EXCERPTS = DATA / "lexicons"


def test_build_writes_lexicons_that_validate_then_uses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    out = tmp_path / "built"
    files = [str(EXCERPTS / name) for name in ("eco_excerpt.obo", "hgnc_excerpt.tsv", "hsa_excerpt.gff3")]
    code, stdout, stderr = run("lexicons", "build", "--from", files[0], "--from", files[1], files[2], "--out", str(out))
    assert code == 0 and stderr == ""
    assert stdout.splitlines() == [
        f"  {out / 'eco.tsv'}: 4 terms (+1 obsolete) from eco_excerpt.obo (releases/2024-02-02)",
        f"  {out / 'hgnc.tsv'}: 1 terms from hgnc_excerpt.tsv (not stated in the file)",
        f"  {out / 'mirbase_human.tsv'}: 3 terms from hsa_excerpt.gff3 (date 2018-3-5 microRNAs: miRBase v22)",
    ]
    # the mini curation's HGNC:6018 is not in these lexicons: with hgnc.tsv there, that is an error, not a skip
    monkeypatch.setenv("MECHKG_LEXICONS", str(tmp_path / "elsewhere"))
    code, _, stderr = run("validate", *mini_args(MINI), "--lexicons", str(out))
    assert code == 1 and "HGNC:6018 is not in the lexicon hgnc.tsv" in stderr


def test_build_refuses_a_file_it_cannot_read(tmp_path: Path):
    owl = tmp_path / "uberon.owl"
    owl.write_text('<?xml version="1.0"?>\n')
    code, _, stderr = run("lexicons", "build", "--from", str(owl), "--out", str(tmp_path / "out"))
    assert code == 2 and stderr.startswith("mechkg lexicons build: ") and "OWL is not read here" in stderr


def test_snapshot_of_a_curation_and_without_full_lexicons(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    full = tmp_path / "lexicons"
    full.mkdir()
    for name, rows in {
        "mondo.tsv": "MONDO:0007915\tsystemic lupus erythematosus",
        "cl.tsv": "CL:0000134\tmesenchymal stem cell\nCL:0000899\tT-helper 17 cell",
        "mirbase_human.tsv": "mirbase:MI0000067\thsa-let-7f-1",
        "hgnc.tsv": "HGNC:6018\tIL6",
        "mesh.tsv": "MESH:D006801\tHumans\nMESH:D000001\tCalcimycin",
    }.items():
        (full / name).write_text(f"curie\tlabel\n{rows}\n")
    out = tmp_path / "snapshot"
    code, stdout, _ = run("lexicons", "snapshot", "--curation", str(MINI), "--lexicons", str(full), "--out", str(out))
    assert code == 0
    assert stdout.endswith("cl.tsv 2, hgnc.tsv 1, mesh.tsv 1, mirbase_human.tsv 1, mondo.tsv 1\n")
    assert (out / "mesh.tsv").read_text() == "curie\tlabel\nMESH:D006801\tHumans\n"
    assert "provenance is not recorded" in (out / "README.md").read_text()
    monkeypatch.setenv("MECHKG_LEXICONS", str(tmp_path / "absent"))
    code, _, stderr = run("lexicons", "snapshot", "--curation", str(MINI), "--out", str(out))
    assert code == 2 and "no full lexicons found" in stderr

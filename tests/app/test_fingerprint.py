"""The key of a compiled graph: equal exactly when every input a build reads is equal."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from conftest import MINI_SOURCES

from mechkg.app.fingerprint import Inputs, fingerprint
from mechkg.resources import PACKAGE_DIR


def test_the_same_inputs_give_the_same_key(mini: Path):
    first, second = fingerprint(mini, MINI_SOURCES), fingerprint(mini, MINI_SOURCES)
    assert first == second and first.key == second.key and len(first.key) == 64


def test_the_manifest_names_every_kind_of_input(mini: Path):
    manifest = fingerprint(mini, MINI_SOURCES).manifest
    assert {"mechkg", "networkx", "python", "curation", "sources", "lexicons"} <= set(manifest)
    assert "package/app/fingerprint.py" in manifest and "ontology/mechkg.ttl" in manifest
    assert {name for name in manifest if name.startswith("curation/")} == {
        "curation/" + p.relative_to(mini).as_posix() for p in mini.rglob("*") if p.is_file()
    }
    assert not any(name.startswith("package/curation/") or "__pycache__" in name for name in manifest)


def test_one_byte_of_curation_changes_the_key(mini: Path):
    before = fingerprint(mini, MINI_SOURCES)
    claims = mini / "claims" / "sle.yaml"
    data = bytearray(claims.read_bytes())
    data[-2] ^= 0x01
    claims.write_bytes(bytes(data))
    after = fingerprint(mini, MINI_SOURCES)
    assert after.key != before.key and after.changes(before.manifest) == ["curation/claims/sle.yaml"]


def test_a_new_curation_file_changes_the_key(mini: Path):
    before = fingerprint(mini, MINI_SOURCES)
    (mini / "claims" / "more.yaml").write_text("[]\n", encoding="utf-8")
    assert fingerprint(mini, MINI_SOURCES).changes(before.manifest) == ["curation/claims/more.yaml"]


def test_a_used_source_text_is_hashed_and_others_are_stat(mini: Path, tmp_path: Path):
    sources = tmp_path / "sources"
    shutil.copytree(MINI_SOURCES, sources)
    (sources / "unrelated.txt").write_text("not named in sources.yaml", encoding="utf-8")
    manifest = fingerprint(mini, sources).manifest
    used = [name for name in manifest if name.startswith("sources/") and name != "sources/unrelated.txt"]
    assert used and all(len(manifest[name]) == 64 for name in used)
    assert manifest["sources/unrelated.txt"].startswith("size=")
    text = sources / used[0].split("/", 1)[1]
    stat = text.stat()
    text.write_bytes(text.read_bytes()[:-1] + b"!")
    os.utime(text, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # the same mtime: the bytes still count
    assert fingerprint(mini, sources).changes(manifest) == [used[0]]


def test_other_sources_or_lexicons_folders_change_the_key(mini: Path, tmp_path: Path):
    base = fingerprint(mini, MINI_SOURCES, tmp_path / "no-lexicons")
    assert base.manifest["lexicons"] == str((tmp_path / "no-lexicons").absolute())
    lexicons = tmp_path / "lexicons"
    lexicons.mkdir()
    (lexicons / "hgnc.tsv").write_text("HGNC:6018\tIL6\n", encoding="utf-8")
    with_lexicons = fingerprint(mini, MINI_SOURCES, lexicons)
    assert with_lexicons.changes(base.manifest) == ["lexicons", "lexicons/hgnc.tsv"]
    (lexicons / "hgnc.tsv").write_text("HGNC:6018\tIL6\nHGNC:6019\tIL6R\n", encoding="utf-8")
    assert fingerprint(mini, MINI_SOURCES, lexicons).changes(with_lexicons.manifest) == ["lexicons/hgnc.tsv"]


def test_the_package_own_files_are_part_of_the_key(mini: Path):
    manifest = dict(fingerprint(mini, MINI_SOURCES).manifest)
    own = (PACKAGE_DIR / "app" / "fingerprint.py").read_bytes()
    assert manifest["package/app/fingerprint.py"] == hashlib.sha256(own).hexdigest()
    manifest["package/paths/search.py"] = "0" * 64
    assert Inputs(manifest).key != fingerprint(mini, MINI_SOURCES).key


@pytest.mark.parametrize("missing", ["curation", "sources"])
def test_missing_folders_give_a_key_not_an_error(tmp_path: Path, missing: str):
    curation = tmp_path / "nothing" if missing == "curation" else PACKAGE_DIR / "curation"
    inputs = fingerprint(curation, tmp_path / "no-sources", tmp_path / "no-lexicons")
    assert len(inputs.key) == 64

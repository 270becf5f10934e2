"""Which files make up a curation folder, and reading them safely: stray, oversized, non-UTF-8 files are problems."""

from __future__ import annotations

import os
from pathlib import Path

from curation_edits import problems_of

from mechkg.ingest.findings import Findings
from mechkg.ingest.folder import CurationFile, curation_files, read_text
from mechkg.ingest.yaml_lines import MAX_FILE_BYTES


def files_of(root: Path) -> tuple[list[tuple[str, str]], list[str]]:
    findings = Findings()
    found = [(f.name, f.kind) for f in curation_files(root, findings)]
    return found, [str(p) for p in findings.problems]


def test_sources_first_then_record_files_by_path(mini: Path):
    found, problems = files_of(mini)
    assert found == [
        ("sources.yaml", "sources"),
        ("claims/sle.yaml", "claims"),
        ("entities/entities.yaml", "entities"),
        ("excused/headings.yaml", "excused"),
        ("studies/sle.yaml", "studies"),
    ]
    assert problems == []


def test_hidden_and_non_yaml_files_are_left_alone(mini: Path):
    (mini / "claims" / ".draft.yaml").write_text("- not: read\n", encoding="utf-8")
    (mini / "claims" / "README.md").write_text("notes\n", encoding="utf-8")
    (mini / "claims" / "more.yml").write_text("", encoding="utf-8")
    found, problems = files_of(mini)
    assert ("claims/more.yml", "claims") in found
    assert not any(".draft" in name or "README" in name for name, _ in found)
    assert problems == []


def test_yaml_outside_the_record_folders_is_reported(mini: Path):
    (mini / "notes.yaml").write_text("- a\n", encoding="utf-8")
    (mini / "claims" / "old").mkdir()
    (mini / "claims" / "old" / "sle.yaml").write_text("- a\n", encoding="utf-8")
    (mini / "sources").mkdir()
    (mini / "sources" / "more.yaml").write_text("- a\n", encoding="utf-8")
    found, problems = files_of(mini)
    assert len(found) == 5
    suffix = ": not part of the curation format: put it in entities/, claims/, studies/ or excused/"
    assert sorted(problems) == [f"claims/old/sle.yaml{suffix}", f"notes.yaml{suffix}", f"sources/more.yaml{suffix}"]


def test_missing_folder_and_missing_sources_file(tmp_path: Path, mini: Path):
    assert files_of(tmp_path / "nowhere") == ([], [f"{tmp_path / 'nowhere'}: curation folder not found"])
    (mini / "sources.yaml").unlink()
    found, problems = files_of(mini)
    assert ("sources.yaml", "sources") not in found
    assert problems == [f"{mini}: no sources.yaml: a curation folder needs one (see CURATION.md)"]


def _read(path: Path, data: bytes) -> tuple[str | None, list[str]]:
    path.write_bytes(data)
    findings = Findings()
    return read_text(CurationFile(path, "claims/x.yaml", "claims"), findings), [str(p) for p in findings.problems]


def test_read_text_refuses_non_utf8_bom_and_oversized_files(tmp_path: Path):
    path = tmp_path / "x.yaml"
    assert _read(path, "- id: x\n  quote: 細胞\n".encode()) == ("- id: x\n  quote: 細胞\n", [])
    assert _read(path, "- id: x\n  quote: caf\xe9\n".encode("latin-1")) == (
        None,
        ["claims/x.yaml:2: not UTF-8 (byte 0xe9); save the file as UTF-8"],
    )
    assert _read(path, "\ufeff- id: y\n".encode()) == (
        None,
        ["claims/x.yaml:1: starts with a byte-order mark; save as UTF-8 without BOM"],
    )
    text, problems = _read(path, b"#" * (MAX_FILE_BYTES + 1))
    assert text is None
    assert problems == [f"claims/x.yaml: not read: the file is {MAX_FILE_BYTES + 1:,} bytes; the limit is {MAX_FILE_BYTES:,}"]


def test_unreadable_files_are_reported_through_the_loader(mini: Path):
    (mini / "claims" / "latin1.yaml").write_bytes("- id: x\n  quote: caf\xe9\n".encode("latin-1"))
    (mini / "claims" / "bom.yaml").write_bytes("\ufeff- id: y\n".encode())
    problems = problems_of(mini)
    assert any(p.startswith("claims/latin1.yaml:2:") and "not UTF-8" in p for p in problems), problems
    assert any(p.startswith("claims/bom.yaml:1:") and "byte-order mark" in p for p in problems), problems


def test_links_out_of_the_folder_pipes_and_devices_are_not_read(mini: Path, tmp_path: Path):
    secret = tmp_path / "secret.yaml"
    secret.write_text("- id: SECRET_VALUE\n", encoding="utf-8")
    (mini / "claims" / "outside.yaml").symlink_to(secret)
    (mini / "claims" / "device.yaml").symlink_to("/dev/zero")
    os.mkfifo(mini / "claims" / "pipe.yaml")
    problems = problems_of(mini)
    assert any(p.startswith("claims/outside.yaml:") and "leads outside" in p for p in problems), problems
    assert any(p.startswith("claims/device.yaml:") and "leads outside" in p for p in problems), problems
    assert any(p.startswith("claims/pipe.yaml:") and "not a regular file" in p for p in problems), problems
    assert not any("SECRET_VALUE" in p for p in problems)


def test_a_link_inside_the_folder_is_read(mini: Path):
    (mini / "claims" / "alias.yaml").symlink_to(mini / "claims" / "sle.yaml")
    text, problems = _read_file(CurationFile(mini / "claims" / "alias.yaml", "claims/alias.yaml", "claims", mini))
    assert problems == [] and text == (mini / "claims" / "sle.yaml").read_text(encoding="utf-8")


def test_a_device_is_refused_before_a_byte_is_read():
    findings = Findings()
    assert read_text(CurationFile(Path("/dev/zero"), "claims/zero.yaml", "claims"), findings) is None
    assert [str(p) for p in findings.problems] == [
        "claims/zero.yaml: not read: the file is not a regular file (a device, pipe or socket); only plain files are read"
    ]


def _read_file(file: CurationFile) -> tuple[str | None, list[str]]:
    findings = Findings()
    return read_text(file, findings), [str(p) for p in findings.problems]

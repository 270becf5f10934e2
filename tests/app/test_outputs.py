"""The output folder: written all or nothing, never over a folder mechkg did not write, and marked with what it holds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mechkg.app.outputs import MARKER, MARKER_LINE, BuildRecord, current_build, write_atomically
from mechkg.errors import MechKGError


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_write_replaces_the_whole_folder(tmp_path: Path):
    out = tmp_path / "out"
    write_atomically({"a.txt": b"1", "b.txt": b"2"}, out)
    write_atomically({"a.txt": b"3"}, out)
    assert snapshot(out) == {MARKER: MARKER_LINE, "a.txt": b"3"}
    assert MARKER_LINE == b"written by mechkg build\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"], "staging or old folders left behind"


def test_a_folder_not_written_by_mechkg_is_refused(tmp_path: Path):
    precious = tmp_path / "thesis"
    precious.mkdir()
    (precious / "chapter1.tex").write_text("years of work", encoding="utf-8")
    with pytest.raises(MechKGError, match="not written by mechkg build"):
        write_atomically({"mechkg.ttl": b"x"}, precious)
    assert snapshot(precious) == {"chapter1.tex": b"years of work"}


def test_an_interrupted_swap_is_recovered(tmp_path: Path):
    out = tmp_path / "out"
    write_atomically({"a.txt": b"old"}, out)
    # a crash between the two renames: the old build moved aside, the new one not yet in place
    os.replace(out, tmp_path / ".out.old-crashed")
    (tmp_path / ".out.new-crashed").mkdir()
    (tmp_path / ".out.new-crashed" / "a.txt").write_bytes(b"half")
    write_atomically({"a.txt": b"new"}, out)
    assert snapshot(out)["a.txt"] == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_folder_that_is_a_file_is_refused(tmp_path: Path):
    (tmp_path / "out").write_text("x", encoding="utf-8")
    with pytest.raises(MechKGError, match="is not a folder"):
        write_atomically({"a.txt": b"1"}, tmp_path / "out")


def written_build(out: Path, key: str = "k" * 64) -> dict[str, bytes]:
    files = {"mechkg.ttl": b"<a> <b> <c> .", "sub/page.html": b"<p>"}
    write_atomically(files, out, marker=BuildRecord.of(key, files, ("a notice",)).marker())
    return files


def test_the_marker_records_the_key_files_and_notices(tmp_path: Path):
    out = tmp_path / "out"
    written_build(out)
    record = current_build(out, "k" * 64)
    assert record is not None and record.notices == ("a notice",)
    assert set(record.files) == {"mechkg.ttl", "sub/page.html"}
    assert (out / MARKER).read_bytes().startswith(MARKER_LINE)


@pytest.mark.parametrize("damage", ["other key", "file removed", "file changed", "marker garbled", "marker removed"])
def test_a_build_is_current_only_when_key_and_every_file_match(tmp_path: Path, damage: str):
    out = tmp_path / "out"
    written_build(out)
    key = "k" * 64
    if damage == "other key":
        key = "j" * 64
    elif damage == "file removed":
        (out / "sub" / "page.html").unlink()
    elif damage == "file changed":
        (out / "mechkg.ttl").write_bytes(b"<a> <b> <d> .")
    elif damage == "marker garbled":
        (out / MARKER).write_bytes(MARKER_LINE + b"{not json")
    else:
        (out / MARKER).unlink()
    assert current_build(out, key) is None


def test_no_build_is_current_in_a_missing_folder(tmp_path: Path):
    assert current_build(tmp_path / "nothing", "k" * 64) is None

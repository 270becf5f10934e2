"""The output folder: written all or nothing, never over a folder mechkg did not write, and marked with what it holds."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest

from mechkg.app.outputs import (
    MARKER,
    MARKER_LINE,
    BuildRecord,
    current_build,
    exchange_paths,
    output_lock,
    write_atomically,
)
from mechkg.errors import MechKGError


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_write_replaces_the_whole_folder(tmp_path: Path):
    out = tmp_path / "out"
    write_atomically({"a.txt": b"1", "b.txt": b"2"}, out)
    write_atomically({"a.txt": b"3"}, out)
    assert snapshot(out) == {MARKER: MARKER_LINE, "a.txt": b"3"}
    assert MARKER_LINE == b"written by mechkg build\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.lock", "out"], "staging or old folders left behind"


def test_a_folder_not_written_by_mechkg_is_refused(tmp_path: Path):
    precious = tmp_path / "thesis"
    precious.mkdir()
    (precious / "chapter1.tex").write_text("years of work", encoding="utf-8")
    with pytest.raises(MechKGError, match="not written by mechkg"):
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
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.lock", "out"]


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


def _write_many(out: str, tag: str, rounds: int) -> None:
    for number in range(rounds):
        content = f"{tag}-{number}".encode()
        write_atomically({"a.txt": content, "b.txt": content}, Path(out))


def _read_pair(folder: Path) -> tuple[bytes, bytes] | None:
    """Both files of the folder as one reader sees it: the folder opened once, the files read inside it.

    Opening the folder must never fail; ``None`` when the build this reader opened was replaced and
    removed before it read both files (its own snapshot went away, not the folder).
    """
    handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        contents = []
        for name in ("a.txt", "b.txt"):
            descriptor = os.open(name, os.O_RDONLY, dir_fd=handle)
            with os.fdopen(descriptor, "rb") as stream:
                contents.append(stream.read())
        return contents[0], contents[1]
    except FileNotFoundError:
        return None
    finally:
        os.close(handle)


@pytest.mark.slow
def test_concurrent_writers_take_turns_and_readers_never_see_a_missing_or_mixed_folder(tmp_path: Path):
    out = tmp_path / "out"
    write_atomically({"a.txt": b"start", "b.txt": b"start"}, out)
    context = multiprocessing.get_context("spawn")
    writers = [context.Process(target=_write_many, args=(str(out), tag, 15)) for tag in ("x", "y")]
    for writer in writers:
        writer.start()
    seen_missing = mixed = reads = 0
    while any(writer.is_alive() for writer in writers):
        try:
            pair = _read_pair(out)
        except FileNotFoundError:
            seen_missing += 1
            continue
        if pair is not None:
            reads += 1
            mixed += pair[0] != pair[1]
    for writer in writers:
        writer.join()
    assert [writer.exitcode for writer in writers] == [0, 0]
    assert reads > 0 and seen_missing == 0 and mixed == 0
    assert snapshot(out)["a.txt"] in (b"x-14", b"y-14")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.lock", "out"]


def test_a_second_writer_waits_and_gives_up_clearly(tmp_path: Path, capsys):
    out = tmp_path / "out"
    with output_lock(out), pytest.raises(MechKGError, match="another mechkg build is still writing"):
        with output_lock(out, wait_seconds=0.3):
            pass
    assert "waiting for another mechkg build" in capsys.readouterr().err


def test_the_atomic_exchange_swaps_two_folders(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "f").write_bytes(b"A")
    if not exchange_paths(tmp_path / "a", tmp_path / "b"):
        pytest.skip("this file system cannot exchange two paths atomically; the two-rename fallback is tested above")
    assert (tmp_path / "b" / "f").read_bytes() == b"A" and not (tmp_path / "a" / "f").exists()

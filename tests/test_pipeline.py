"""Atomic, crash-safe outputs: a build shows the old outputs or the new ones, never a mix."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import MINI_SOURCES

from mechkg.app.build import MARKER, write_atomically
from mechkg.errors import MechKGError


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_write_replaces_the_whole_folder(tmp_path: Path):
    out = tmp_path / "out"
    write_atomically({"a.txt": b"1", "b.txt": b"2"}, out)
    write_atomically({"a.txt": b"3"}, out)
    assert snapshot(out) == {MARKER: b"written by mechkg build\n", "a.txt": b"3"}
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


BUILD = """
import sys
from pathlib import Path
from mechkg.app.build import build
build(Path(sys.argv[1]), Path(sys.argv[2]), sources_dir=Path(sys.argv[3]))
"""


def run_build(curation: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", BUILD, str(curation), str(out), str(MINI_SOURCES)])


def test_a_build_killed_at_any_moment_leaves_old_or_new_outputs(mini: Path, tmp_path: Path):
    out = tmp_path / "out"
    assert run_build(mini, out).wait() == 0
    old = snapshot(out)
    claims = mini / "claims" / "sle.yaml"
    claims.write_text(claims.read_text(encoding="utf-8").replace("The Th17/Treg imbalance drives SLE.", "Th17 drives SLE."), encoding="utf-8")
    new_out = tmp_path / "reference"
    assert run_build(mini, new_out).wait() == 0
    new = snapshot(new_out)
    assert new != old
    started = time.perf_counter()
    assert run_build(mini, tmp_path / "timing").wait() == 0
    duration = time.perf_counter() - started
    outcomes = set()
    for step in range(12):
        process = run_build(mini, out)
        time.sleep(duration * (0.3 + 0.07 * step))
        process.send_signal(signal.SIGKILL)
        process.wait()
        write_atomically({}, tmp_path / "probe")  # any later call recovers leftovers of its own folder only
        from mechkg.app.build import recover_outputs

        recover_outputs(out.absolute())
        seen = snapshot(out)
        differs = {name for name in set(seen) | set(old) | set(new) if seen.get(name) not in (old.get(name), new.get(name))}
        mixed = {name for name in seen if seen.get(name) != old.get(name)} and {name for name in seen if seen.get(name) != new.get(name)}
        assert seen in (old, new), f"a mix after a kill at step {step}: differs from both {sorted(differs)}; mixed {sorted(mixed)}"
        outcomes.add("old" if seen == old else "new")
        if seen == new:
            break
    assert "old" in outcomes, "no kill landed before the swap; the test did not test anything"

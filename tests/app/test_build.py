"""The main job: every output and the compiled graph, written atomically even when the build is killed."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import MINI_SOURCES

from mechkg.app.build import build
from mechkg.app.cache import cached_path
from mechkg.app.compiled import ARTIFACT_NAME, decode
from mechkg.app.fingerprint import fingerprint
from mechkg.app.outputs import current_build, recover_outputs, write_atomically


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.slow
def test_a_build_writes_the_compiled_graph_into_the_folder_and_the_cache(mini: Path, tmp_path: Path):
    out = tmp_path / "out"
    report = build(mini, out, sources_dir=MINI_SOURCES)
    inputs = fingerprint(mini, MINI_SOURCES)
    assert report.key == inputs.key and current_build(out, inputs.key) is not None
    assert out / ARTIFACT_NAME in report.files and report.cached == cached_path(inputs.key)
    assert (out / ARTIFACT_NAME).read_bytes() == cached_path(inputs.key).read_bytes()
    compiled = decode((out / ARTIFACT_NAME).read_bytes(), inputs)
    assert set(compiled.network) >= {"SLE", "IL6"} and compiled.ntriples == (out / "mechkg.nt").read_bytes()
    assert compiled.notices == report.notices


BUILD = """
import sys
from pathlib import Path
from mechkg.app.build import build
build(Path(sys.argv[1]), Path(sys.argv[2]), sources_dir=Path(sys.argv[3]))
"""


def run_build(curation: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", BUILD, str(curation), str(out), str(MINI_SOURCES)])


@pytest.mark.slow
def test_a_build_killed_at_any_moment_leaves_old_or_new_outputs(mini: Path, tmp_path: Path):
    out = tmp_path / "out"
    assert run_build(mini, out).wait() == 0
    old = snapshot(out)
    claims = mini / "claims" / "sle.yaml"
    claims.write_text(
        claims.read_text(encoding="utf-8").replace("The Th17/Treg imbalance drives SLE.", "Th17 drives SLE."), encoding="utf-8"
    )
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
        recover_outputs(out.absolute())
        seen = snapshot(out)
        differs = {name for name in set(seen) | set(old) | set(new) if seen.get(name) not in (old.get(name), new.get(name))}
        mixed = {name for name in seen if seen.get(name) != old.get(name)} and {
            name for name in seen if seen.get(name) != new.get(name)
        }
        assert seen in (old, new), (
            f"a mix after a kill at step {step}: differs from both {sorted(differs)}; mixed {sorted(mixed)}"
        )
        outcomes.add("old" if seen == old else "new")
        if seen == new:
            break
    assert "old" in outcomes, "no kill landed before the swap; the test did not test anything"

"""The same curation builds byte-identical outputs, whatever Python's hash seed (one pair of builds: the slow part)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def _build(out: Path, seed: str) -> dict[str, bytes]:
    """Every file `mechkg build` writes into ``out`` (the build marker included), built under hash seed ``seed``."""
    env = {**os.environ, "PYTHONHASHSEED": seed}
    mechkg = Path(sys.executable).with_name("mechkg")
    subprocess.run([str(mechkg), "build", "--out", str(out)], check=True, capture_output=True, env=env)
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


def test_two_builds_with_different_hash_seeds_are_byte_identical(tmp_path: Path):
    first, second = _build(tmp_path / "a", "0"), _build(tmp_path / "b", "12345")
    assert sorted(first) == sorted(second)
    assert {"mechkg.html", "mechkg_paths.json", "mechkg.compiled", ".mechkg-build"} <= set(first)
    assert [name for name in first if first[name] != second[name]] == []

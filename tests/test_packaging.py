"""Packaging: the repository's graph/ folder installs as the package `mechkg`, from a wheel, an sdist or editable.

Installed elsewhere from a wheel (built from the tree or from the sdist), `mechkg build` works
with the curation and ontology inside the package; an editable install maps `mechkg` onto the
checkout's graph/ folder; nothing installs a top-level module called `graph`.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import tarfile
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def _venv(where: Path) -> tuple[Path, Path]:
    """A new virtual environment whose dependencies come from the test environment (nothing is downloaded)."""
    venv.create(where, with_pip=False)
    python = where / "bin" / "python"
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], capture_output=True, text=True, check=True
    ).stdout.strip()
    Path(site, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return python, Path(site)


def _pip(python: Path, *args: str) -> None:
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), *args], check=True, capture_output=True)


def _wheel_of(source: Path, out: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(source)],
        check=True,
        capture_output=True,
    )
    return next(out.glob("mechkg-*.whl"))


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("MECHKG_")}


def _where(python: Path, cwd: Path) -> str:
    return subprocess.run(
        [python, "-c", "import mechkg; print(mechkg.__file__)"], cwd=cwd, capture_output=True, text=True, check=True, env=_env()
    ).stdout.strip()


def _no_graph_module(python: Path, cwd: Path) -> bool:
    found = subprocess.run(
        [python, "-c", "import importlib.util as u; print(u.find_spec('graph') is None)"],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
        env=_env(),
    )
    return found.stdout.strip() == "True"


def _builds(mechkg: Path, cwd: Path) -> None:
    result = subprocess.run([mechkg, "build", "--out", "out"], cwd=cwd, capture_output=True, text=True, env=_env())
    assert result.returncode == 0, result.stderr
    assert (cwd / "out" / "mechkg.ttl").stat().st_size > 10_000
    assert (cwd / "out" / "mechkg.html").stat().st_size > 10_000
    assert "claims:" in result.stdout


def _sdist(out: Path) -> Path:
    code = f"from setuptools import build_meta; print(build_meta.build_sdist({str(out)!r}))"
    name = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return out / name.strip().splitlines()[-1]


@pytest.mark.parametrize("origin", ["tree", "sdist"])
def test_wheel_installed_elsewhere_builds(tmp_path: Path, origin: str):
    source = ROOT
    if origin == "sdist":
        archive = _sdist(tmp_path / "sdist")
        with tarfile.open(archive) as tar:
            names = tar.getnames()
            assert any(n.endswith("/graph/curation/sources.yaml") for n in names)
            assert any(n.endswith("/ontology/mechkg.ttl") for n in names)
            tar.extractall(tmp_path / "unpacked", filter="data")
        source = next((tmp_path / "unpacked").iterdir())
    wheel = _wheel_of(source, tmp_path / "wheels")
    python, site = _venv(tmp_path / "venv")
    _pip(python, "install", "--no-deps", "-q", str(wheel))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert _where(python, elsewhere).startswith(str(site))
    assert _no_graph_module(python, elsewhere)
    _builds(python.parent / "mechkg", elsewhere)


def test_editable_install_maps_the_checkout(tmp_path: Path):
    python, _ = _venv(tmp_path / "venv")
    _pip(python, "install", "--no-deps", "--no-build-isolation", "-q", "-e", str(ROOT))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert Path(_where(python, elsewhere)) == ROOT / "graph" / "__init__.py"
    assert _no_graph_module(python, elsewhere)
    # the build itself is tested from the wheel (above); here the command runs from the checkout
    done = subprocess.run([str(python.parent / "mechkg"), "--version"], cwd=elsewhere, capture_output=True, text=True)
    assert done.returncode == 0 and "mechkg" in done.stdout.lower(), done.stderr

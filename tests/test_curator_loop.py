"""The curator's loop: after `bash scripts/build`, an edit to the clone's curation shows at the next command.

``scripts/build`` is run as the README says, on a copy of the clone whose curation is the small
mini curation (so its `mechkg build` is quick); its dependencies come from the test environment
(nothing is downloaded: the new environment sees them through a .pth file). The script must
install MechKG editable, so `mechkg show` on the copy reads the copy's edited YAML.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def _clone(target: Path) -> Path:
    """A copy of the files scripts/build needs, with tests/data/mini as its curation."""
    target.mkdir()
    for name in ("pyproject.toml", "MANIFEST.in", "README.md", "CURATION.md", "ARCHITECTURE.md"):
        shutil.copy2(ROOT / name, target / name)
    skip = shutil.ignore_patterns("__pycache__", "*.pyc", "curation")
    for folder in ("graph", "ontology", "scripts"):
        shutil.copytree(ROOT / folder, target / folder, ignore=skip)
    shutil.copytree(ROOT / "tests" / "data" / "mini", target / "graph" / "curation")
    return target


def _environment(where: Path) -> None:
    """A virtual environment with pip whose other packages are the test environment's."""
    venv.create(where, with_pip=True)
    site = subprocess.run(
        [where / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    Path(site, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")


def test_an_edit_to_the_clones_curation_shows_after_scripts_build(tmp_path: Path):
    clone = _clone(tmp_path / "clone")
    _environment(clone / ".venv")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MECHKG_") or k == "MECHKG_CACHE_DIR"}
    env["PIP_NO_INDEX"] = "1"  # offline: pip and setuptools come from the new environment itself
    env["PIP_NO_BUILD_ISOLATION"] = "0"  # pip reads "0" as: build without isolation
    built = subprocess.run(["bash", "scripts/build"], cwd=clone, capture_output=True, text=True, env=env)
    assert built.returncode == 0, built.stdout + built.stderr
    assert (clone / "build" / "mechkg.html").is_file()
    mechkg = clone / ".venv" / "bin" / "mechkg"
    where = subprocess.run([mechkg.with_name("python"), "-c", "import mechkg; print(mechkg.__file__)"],
                           capture_output=True, text=True, check=True, env=env).stdout.strip()  # fmt: skip
    assert Path(where) == clone / "graph" / "__init__.py"  # editable: the package is the clone's graph/
    entities = clone / "graph" / "curation" / "entities" / "entities.yaml"
    entities.write_text(entities.read_text(encoding="utf-8").replace("interleukin-6", "interleukin six", 1), encoding="utf-8")
    shown = subprocess.run([mechkg, "show", "IL6"], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert shown.returncode == 0 and "interleukin six" in shown.stdout, shown.stdout + shown.stderr

"""The wheel carries the curation and the ontology: installed elsewhere, `mechkg build` works."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_installed_elsewhere_builds(tmp_path: Path):
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels), str(ROOT)],
        check=True,
    )
    wheel = next(wheels.glob("mechkg-*.whl"))
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    env_python = env_dir / "bin" / "python"
    site = subprocess.run(
        [env_python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # the dependencies come from the test environment; the package itself only from the wheel
    Path(site, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(env_python), "install", "--no-deps", "-q", str(wheel)],
        check=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MECHKG_")}
    where = subprocess.run(
        [env_python, "-c", "import mechkg; print(mechkg.__file__)"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout
    assert where.startswith(site), where
    result = subprocess.run(
        [env_dir / "bin" / "mechkg", "build", "--out", "out"], cwd=elsewhere, capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stderr
    assert (elsewhere / "out" / "mechkg.ttl").stat().st_size > 10_000
    assert (elsewhere / "out" / "mechkg.html").stat().st_size > 10_000
    assert "claims:" in result.stdout

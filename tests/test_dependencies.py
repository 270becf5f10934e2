"""Dependency hygiene: every runtime dependency is pinned to a compatible range (a floor and a ceiling)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib")  # Python 3.11+
PYPROJECT = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8"))


def test_runtime_dependencies_have_a_floor_and_a_ceiling():
    loose = []
    for requirement in PYPROJECT["project"]["dependencies"]:
        specifiers = re.split(r"[\s;\[]", requirement, maxsplit=1)[-1] if re.search(r"[<>=~]", requirement) else ""
        if not (">=" in specifiers or "~=" in specifiers) or not ("<" in specifiers.replace("<=", "") or "~=" in specifiers):
            loose.append(requirement)
    assert loose == [], f"pin these to a compatible range (>=X,<Y): {loose}"


def test_the_installed_versions_satisfy_the_ranges():
    from importlib.metadata import version

    from packaging.requirements import Requirement

    for text in PYPROJECT["project"]["dependencies"]:
        requirement = Requirement(text)
        assert requirement.specifier.contains(version(requirement.name), prereleases=True), (text, version(requirement.name))

"""Shared fixtures: the small real curation in tests/data/mini, and the packaged one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph.resources import default_curation_dir, find_lexicons_dir, find_sources_dir

DATA = Path(__file__).parent / "data"
MINI = DATA / "mini"
MINI_SOURCES = DATA / "sources"


def lexicons_or_skip() -> Path:
    """The reference lexicons, or skip: they live in ../shared, not in the repository."""
    folder = find_lexicons_dir()
    if folder is None or not folder.is_dir():
        pytest.skip("reference lexicons not found (set MECHKG_LEXICONS or provide ../shared/reference/lexicons)")
    return folder


def sources_or_skip() -> Path:
    """The full source texts, or skip with the reason."""
    folder = find_sources_dir()
    if folder is None or not folder.is_dir():
        pytest.skip("source texts not found (set MECHKG_SOURCES or provide ../shared/sources)")
    return folder


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A writable copy of the mini curation."""
    target = tmp_path / "curation"
    shutil.copytree(MINI, target)
    return target


@pytest.fixture(scope="session")
def packaged_built():
    """The packaged curation, built once per test session (load, RDF, SHACL, network)."""
    from graph.pipeline import build_graphs

    return build_graphs(default_curation_dir())


@pytest.fixture(scope="session")
def mini_built():
    """The mini curation, built once per test session."""
    from graph.pipeline import build_graphs

    return build_graphs(MINI, sources_dir=MINI_SOURCES)

"""Where source texts and lexicons are found: one rule (flag, then variable, then ../shared beside the checkout), nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from mechkg import resources
from mechkg.resources import LEXICONS_RULE, SOURCES_RULE, checkout_dir, find_lexicons_dir, find_sources_dir, shared_dir

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def no_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MECHKG_SOURCES", raising=False)
    monkeypatch.delenv("MECHKG_LEXICONS", raising=False)


def test_the_flag_comes_first_then_the_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("MECHKG_SOURCES", str(tmp_path / "from-variable"))
    monkeypatch.setenv("MECHKG_LEXICONS", str(tmp_path / "lexicons-variable"))
    assert find_sources_dir(tmp_path / "from-flag") == tmp_path / "from-flag"
    assert find_sources_dir() == tmp_path / "from-variable"
    assert find_lexicons_dir() == tmp_path / "lexicons-variable"


def test_then_shared_beside_the_checkout_this_package_runs_from(no_variables: None):
    assert checkout_dir() == ROOT  # the tests run on an editable install of this checkout
    expected = ROOT.parent / "shared" / "sources"
    assert shared_dir("sources") == expected
    assert find_sources_dir() == (expected if expected.is_dir() else None)


def test_no_other_folder_is_searched(no_variables: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (tmp_path / "shared" / "sources").mkdir(parents=True)
    (tmp_path / "shared" / "reference" / "lexicons").mkdir(parents=True)
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)  # a shared/ folder above the working directory is someone else's
    assert find_sources_dir() != tmp_path / "shared" / "sources"
    assert find_lexicons_dir() != tmp_path / "shared" / "reference" / "lexicons"
    # an installed copy (a wheel in site-packages) has no checkout, so only the flag and the variable count
    monkeypatch.setattr(resources, "PACKAGE_DIR", tmp_path / "site-packages" / "mechkg")
    assert checkout_dir() is None and find_sources_dir() is None and find_lexicons_dir() is None


def test_the_rule_reads_the_same_in_the_readme_and_curation_guide():
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    guide = " ".join((ROOT / "CURATION.md").read_text(encoding="utf-8").split())
    for rule in (SOURCES_RULE, LEXICONS_RULE):
        assert rule in readme and rule in guide, rule

"""`mechkg path` and `mechkg mechanisms` answer from the compiled graph exactly as from a fresh build."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from cli_helpers import run
from conftest import MINI, MINI_SOURCES

LINK = (
    "- id: mini-msc-let7f\n  subject: MSC\n  predicate: increases\n  object: LET7F\n  source: mini\n"
    "  section: 傳統治療局限與干細胞療法的興起\n  quote: 骨髓MSCs中microRNA Let-7f表達降低\n"
    "  statement: Test link only.\n  evidence: in_vitro\n"
)


@pytest.fixture(scope="module")
def curation(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini curation with one more mechanistic link, so that MSC therapy has a path to SLE."""
    folder = tmp_path_factory.mktemp("paths") / "curation"
    shutil.copytree(MINI, folder)
    with open(folder / "claims" / "sle.yaml", "a", encoding="utf-8") as handle:
        handle.write(LINK)
    return folder


@pytest.fixture(scope="module")
def args(curation: Path) -> list[str]:
    return ["--curation", str(curation), "--sources", str(MINI_SOURCES)]


@pytest.fixture(scope="module")
def fresh(curation: Path):
    from mechkg.network.built import build_graphs

    return build_graphs(curation, sources_dir=MINI_SOURCES, check_shapes=False).network


def test_path_json_from_the_compiled_graph_is_a_fresh_builds(fresh, args):
    from mechkg.paths.search import mechanism_paths
    from mechkg.views.paths import result_json

    expected = result_json(fresh, mechanism_paths(fresh, "MSC_THERAPY", "SLE", k=3))
    for _ in range(2):  # compiled on the first run, read on the second
        code, stdout, _ = run("path", *args, "SLE", "MSC_THERAPY", "-k", "3", "--format", "json")
        assert code == 0 and json.loads(stdout) == expected and expected["paths"]


def test_mechanisms_json_from_the_compiled_graph_is_a_fresh_builds(fresh, args):
    from mechkg.paths.search import mechanisms
    from mechkg.views.paths import mechanisms_json

    expected = mechanisms_json(fresh, "SLE", mechanisms(fresh, "SLE"))
    code, stdout, _ = run("mechanisms", *args, "系統性紅斑狼瘡", "--format", "json")
    assert code == 0 and json.loads(stdout) == expected


def test_path_out_is_written_atomically_and_said(tmp_path: Path, args: list[str]):
    out = tmp_path / "paths.json"
    out.write_text("old", encoding="utf-8")
    code, stdout, stderr = run("path", *args, "SLE", "MSC_THERAPY", "--format", "json", "--out", str(out))
    assert code == 0 and stdout == ""
    assert stderr.splitlines()[-1] == f"wrote {out} (1 path)"
    assert len(json.loads(out.read_text(encoding="utf-8"))["paths"]) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["paths.json"], "a temporary file was left behind"


@pytest.mark.parametrize(
    ("option", "message"),
    [(["--predicate", "cures"], "unknown predicate cures"), (["--class", "Spaceship"], "unknown class Spaceship")],
)
def test_unknown_predicates_and_classes_are_usage_errors(option: list[str], message: str, args: list[str]):
    code, _, stderr = run("path", *args, "SLE", "MSC_THERAPY", *option)
    assert code == 2 and message in stderr


def test_unknown_names_exit_2_with_the_command_named(args: list[str]):
    code, _, stderr = run("path", *args, "lupis", "MSC_THERAPY")
    assert code == 2 and stderr.startswith("mechkg path: no entity named 'lupis'")
    code, _, stderr = run("mechanisms", *args, "lupis")
    assert code == 2 and stderr.startswith("mechkg mechanisms: no entity named 'lupis'")

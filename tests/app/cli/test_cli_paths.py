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
    return ["--curation", str(curation)]


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


# --------------------------------------------------------------------------------------------
# Doubt counts and other diseases, through the command line
# --------------------------------------------------------------------------------------------

RA = (
    "- id: RA\n  type: Disease\n  label: {en: rheumatoid arthritis, zh-Hant: 類風濕性關節炎}\n"
    "  synonyms: [RA]\n  ungrounded: test entity only\n"
)


def _variant(tmp_path_factory: pytest.TempPathFactory, extra: str, entities: str = "") -> list[str]:
    """The options of a copy of the mini curation whose MSC -> let-7f link carries ``extra`` YAML lines."""
    folder = tmp_path_factory.mktemp("variant") / "curation"
    shutil.copytree(MINI, folder)
    with open(folder / "claims" / "sle.yaml", "a", encoding="utf-8") as handle:
        handle.write(LINK + extra)
    if entities:
        with open(folder / "entities" / "entities.yaml", "a", encoding="utf-8") as handle:
            handle.write(entities)
    return ["--curation", str(folder)]


@pytest.fixture(scope="module")
def doubtful_args(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    flag = "  confidence: 0.5\n  flags:\n    - {kind: doubtful, origin: review, note: a test flag that calls the link doubtful}\n"
    return _variant(tmp_path_factory, flag)


@pytest.fixture(scope="module")
def other_disease_args(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return _variant(tmp_path_factory, "  disease: RA\n", RA)


def test_path_help_names_the_probably_wrong_kinds_and_the_rank_rule():
    from mechkg.paths.defaults import PROBABLY_WRONG

    code, stdout, _ = run("path", "--help")
    assert code == 0
    assert all(kind in stdout for kind in PROBABLY_WRONG) and "--include-doubtful" in stdout
    for words in ("tier: other-disease hops", "tier: narrower therapy", "tier: generalisations", "tier: umbrella nodes"):
        assert words in stdout
    assert "weight: score = evidence x length x hub x specificity" in stdout and "--other-disease [rank|equal|exclude]" in stdout
    code, stdout, _ = run("mechanisms", "--help")
    assert code == 0 and "--include-doubtful" in stdout and "--other-disease" in stdout


def test_a_doubtful_link_is_walked_only_when_asked_for(doubtful_args: list[str]):
    code, stdout, _ = run("path", *doubtful_args, "SLE", "MSC_THERAPY", "--format", "json")
    assert code == 0 and json.loads(stdout)["paths"] == []
    code, stdout, _ = run("path", *doubtful_args, "SLE", "MSC_THERAPY", "--format", "json", "--include-doubtful")
    data = json.loads(stdout)
    assert code == 0 and len(data["paths"]) == 1 and data["constraints"]["include_doubtful"] is True
    code, stdout, _ = run("path", *doubtful_args, "SLE", "MSC_THERAPY", "--include-doubtful")
    assert "(claims flagged contradicts_biology or doubtful are counted: --include-doubtful)" in stdout
    code, stdout, _ = run("mechanisms", *doubtful_args, "SLE")
    assert code == 0 and "no mechanism path" in stdout
    code, stdout, _ = run("mechanisms", *doubtful_args, "SLE", "--include-doubtful")
    assert code == 0 and "best: allogeneic MSC therapy —uses→ MSC —increases→ let-7f" in stdout


def test_a_link_about_another_disease_is_labelled_and_can_be_left_out(other_disease_args: list[str]):
    code, stdout, _ = run("path", *other_disease_args, "SLE", "MSC_THERAPY")
    assert code == 0 and "   other disease: RA — MSC —increases→ let-7f rests only on claims about it" in stdout
    assert "   tiers: other-disease hops 1, narrower therapy no, generalisations 0, umbrella nodes 0" in stdout
    code, stdout, _ = run("path", *other_disease_args, "SLE", "MSC_THERAPY", "--other-disease", "equal")
    assert code == 0 and "tiers: other-disease hops 0" in stdout and "other disease: RA" in stdout
    code, stdout, _ = run("path", *other_disease_args, "SLE", "MSC_THERAPY", "--other-disease", "exclude", "--format", "json")
    assert code == 0 and json.loads(stdout)["paths"] == []
    code, stdout, _ = run("mechanisms", *other_disease_args, "SLE")
    assert code == 0 and "[other disease: RA]" in stdout
    code, _, stderr = run("path", *other_disease_args, "SLE", "MSC_THERAPY", "--other-disease", "ignore")
    assert code == 2 and "--other-disease" in stderr

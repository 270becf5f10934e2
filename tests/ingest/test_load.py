"""The loader as a whole: a valid curation loads; every step's problems come back together, in file order."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from conftest import MINI, MINI_SOURCES
from curation_edits import edit, load, problems_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mechkg.errors import CurationError
from mechkg.ingest.load import load_curation

NO_LEXICONS = Path(tempfile.gettempdir()) / "mechkg-no-lexicons-here"


def test_mini_curation_loads():
    curation = load(MINI)
    assert set(curation.entities) >= {"SLE", "IL6", "TH17", "MSC_THERAPY"}
    assert curation.claims["mini-let7f-il6"].predicate == "decreases"
    assert curation.studies["STUDY_NANJING"].n == 2800
    assert curation.texts["mini"].startswith("干細胞治療系統性紅斑狼瘡")
    assert curation.locations["mini-il6-th17"][0] == "claims/sle.yaml"
    assert [e.reason for e in curation.excuses] == ["heading"]
    assert curation.root == MINI.resolve()


def test_locations_list_sources_entities_studies_claims_in_file_order():
    curation = load(MINI)
    assert list(curation.locations)[:2] == ["mini", "SLE"]
    assert list(curation.locations)[-4:] == list(curation.claims)[-4:]
    assert curation.locations["SLE"] == ("entities/entities.yaml", 1)


def test_claims_reporting_a_study():
    curation = load(MINI)
    assert [c.id for c in curation.claims_reporting("STUDY_NANJING")] == ["mini-msc-sle"]
    assert curation.claims_reporting("NO_SUCH_STUDY") == []


def test_problems_of_every_step_are_reported_at_once_in_file_order(mini: Path):
    edit(mini / "claims/sle.yaml", "  object: IL6", "  object: IL-6")  # a reference
    edit(mini / "entities/entities.yaml", '"MONDO:0007915"', '"MONDO:7915"')  # an identifier
    edit(mini / "studies/sle.yaml", "  n: 2800", "  n: many")  # a record's shape
    edit(mini / "claims/sle.yaml", "  quote: 加劇Th17/Treg細胞失衡", "  quote: 不在原文中")  # a quote
    problems = problems_of(mini)
    assert len(problems) == 4, problems
    assert problems == sorted(problems, key=lambda p: (p.split(":")[0], int(p.split(":")[1])))
    assert {p.split(":", 1)[0] for p in problems} == {"claims/sle.yaml", "entities/entities.yaml", "studies/sle.yaml"}


def test_curation_error_message_lists_every_problem(mini: Path):
    edit(mini / "claims/sle.yaml", "  object: IL6", "  object: IL-6")
    try:
        load(mini)
    except CurationError as error:
        assert str(error).startswith("1 problem in the curation:\nclaims/sle.yaml:")
    else:
        raise AssertionError("the broken curation loaded")


def test_without_source_texts_and_lexicons_the_checks_that_need_them_become_notices(mini: Path, tmp_path: Path):
    edit(mini / "claims/sle.yaml", "  quote: 加劇Th17/Treg細胞失衡", "  quote: 不在原文中的句子")
    curation = load(mini, sources_dir=tmp_path / "nowhere", lexicons_dir=tmp_path / "nowhere")
    assert len(curation.notices) == 4
    assert "not found" in curation.notices[0] and "not checked" in curation.notices[0]
    assert "nowhere is not a folder, so no full lexicon was read" in curation.notices[1]
    assert "checked against the lexicon snapshot shipped with MechKG" in curation.notices[2]
    assert "unchecked CURIEs" in curation.notices[3]  # mirbase:MI0000067 is cited only by the mini curation
    assert curation.texts == {}


# --- any mutation of a valid file is valid or reported with a file and a line -------------------

MINI_FILES = sorted(p.relative_to(MINI).as_posix() for p in MINI.rglob("*.yaml"))


def _mutate(text: str, kind: str, where: float, other: float, char: str) -> str:
    lines = text.splitlines(keepends=True)
    position = int(where * len(text))
    if kind == "delete line" and lines:
        del lines[int(where * len(lines))]
        return "".join(lines)
    if kind == "duplicate line" and lines:
        index = int(where * len(lines))
        lines.insert(index, lines[index])
        return "".join(lines)
    if kind == "swap characters" and len(text) > 1:
        first, second = sorted((position, int(other * len(text))))
        if first == second:
            return text
        return text[:first] + text[second] + text[first + 1 : second] + text[first] + text[second + 1 :]
    if kind == "truncate":
        return text[:position]
    if kind == "insert character":
        return text[:position] + char + text[position:]
    return text


@pytest.mark.slow
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    file=st.sampled_from(MINI_FILES),
    kind=st.sampled_from(["delete line", "duplicate line", "swap characters", "truncate", "insert character"]),
    where=st.floats(min_value=0, max_value=0.999),
    other=st.floats(min_value=0, max_value=0.999),
    char=st.sampled_from(
        ["\t", ":", "-", "'", '"', "[", "{", "&", "*", "!", "#", "\x00", "\ufeff", "\r", "%", "|", ">", " ", "細"]
    ),
)
def test_any_mutation_is_still_valid_or_reported_with_file_and_line(file, kind, where, other, char):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "curation"
        shutil.copytree(MINI, root)
        path = root / file
        path.write_text(_mutate(path.read_text(encoding="utf-8"), kind, where, other, char), encoding="utf-8")
        line_counts = {p.relative_to(root).as_posix(): p.read_bytes().count(b"\n") + 1 for p in root.rglob("*.yaml")}
        try:
            load_curation(root, sources_dir=MINI_SOURCES, lexicons_dir=NO_LEXICONS)
        except CurationError as error:
            assert error.problems
            for problem in error.problems:
                assert problem.file in line_counts, problem
                assert 1 <= problem.line <= line_counts[problem.file], problem
                assert str(problem).startswith(f"{problem.file}:{problem.line}: ")

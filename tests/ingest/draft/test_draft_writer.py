"""The draft folder: what validate says it lacks, what coverage shows, written whole and the same every time."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DATA

from mechkg.errors import CurationError
from mechkg.ingest.coverage import source_coverage
from mechkg.ingest.draft.proposal import draft_records, read_article
from mechkg.ingest.draft.writer import OutputExists, write_draft
from mechkg.ingest.load import load_curation
from mechkg.resources import default_curation_dir

ARTICLE = DATA / "draft" / "msc_sle_zh.txt"
LEXICONS = DATA / "draft" / "lexicons"
NO_LEXICONS = Path("/nonexistent-lexicons")
"""The copied curated entities carry CURIEs beyond the lexicon excerpts: their shape is checked only."""


@pytest.fixture(scope="module")
def drafted():
    raw, text = read_article(ARTICLE)
    curation = load_curation(default_curation_dir(), lexicons_dir=NO_LEXICONS)
    return raw, draft_records(text, raw, ARTICLE.name, "fixture_zh", curation, LEXICONS)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_validate_lists_what_the_draft_lacks_and_nothing_else(drafted, tmp_path: Path):
    raw, draft = drafted
    out = tmp_path / "draft"
    written = write_draft(draft, raw, ARTICLE.name, out)
    assert written == [
        "claims/fixture_zh.yaml",
        "entities/known.yaml",
        "entities/proposed.yaml",
        "sources.yaml",
        "sources/msc_sle_zh.txt",
    ]
    assert (out / "sources" / ARTICLE.name).read_bytes() == ARTICLE.read_bytes()
    with pytest.raises(CurationError) as caught:
        load_curation(out, sources_dir=out / "sources", lexicons_dir=NO_LEXICONS)
    problems = [str(p) for p in caught.value.problems]
    claims_file = (out / "claims/fixture_zh.yaml").read_text(encoding="utf-8").splitlines()
    predicate_line = claims_file.index("- id: fixture-zh-s004") + 3
    assert claims_file[predicate_line - 1] == "  predicate: null"
    assert (
        f"claims/fixture_zh.yaml:{predicate_line}: predicate: claim fixture-zh-s004 has no predicate yet; "
        "choose one of: administeredAt, ameliorates, associatedWith," in "\n".join(problems)
    )
    lacking = [p for p in problems if "yet" in p]
    assert len(lacking) == len(problems) == 3 * len(draft.claims) + len(draft.proposed) + draft.groundings + 1
    assert sum("has no statement yet; write in one English sentence" in p for p in problems) == len(draft.claims)
    assert sum("has no evidence category yet; choose one of: human_trial," in p for p in problems) == len(draft.claims)
    assert (
        "entities/proposed.yaml:16: xrefs.0.match: candidate grounding HGNC:10672 (CXCL12) of CXCL12 is not confirmed yet"
        in "\n".join(problems)
    )
    assert any(p.startswith("sources.yaml:8: kind: source fixture_zh has no kind yet") for p in problems)


def test_coverage_shows_every_sentence_uncited(drafted, tmp_path: Path):
    raw, draft = drafted
    write_draft(draft, raw, ARTICLE.name, tmp_path / "draft")
    loaded = load_curation(tmp_path / "draft", sources_dir=tmp_path / "draft" / "sources", allow_unfinished=True)
    rows = source_coverage(loaded, "fixture_zh")
    assert len(rows) == draft.sentences == 12 and all(row.uncited for row in rows)
    assert loaded.claims == {} and loaded.unfinished >= {c["id"] for c in draft.claims}
    assert any("7 unfinished claim(s) are not counted" in notice for notice in loaded.notices)


def test_the_same_draft_twice_is_byte_identical(drafted, tmp_path: Path):
    raw, draft = drafted
    raw_again, text_again = read_article(ARTICLE)
    curation = load_curation(default_curation_dir(), lexicons_dir=NO_LEXICONS)
    again = draft_records(text_again, raw_again, ARTICLE.name, "fixture_zh", curation, LEXICONS)
    write_draft(draft, raw, ARTICLE.name, tmp_path / "one")
    write_draft(again, raw, ARTICLE.name, tmp_path / "two")
    assert _files(tmp_path / "one") == _files(tmp_path / "two")


def test_a_non_empty_folder_is_refused_and_force_replaces_only_a_draft(drafted, tmp_path: Path):
    raw, draft = drafted
    out = tmp_path / "draft"
    write_draft(draft, raw, ARTICLE.name, out)
    before = _files(out)
    with pytest.raises(OutputExists, match="is not empty; give a new folder, or --force"):
        write_draft(draft, raw, ARTICLE.name, out)
    (out / "claims" / "fixture_zh.yaml").write_text("- edited\n", encoding="utf-8")
    write_draft(draft, raw, ARTICLE.name, out, force=True)
    assert _files(out) == before
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(OutputExists, match=r"holds files a draft does not write \(notes.txt\)"):
        write_draft(draft, raw, ARTICLE.name, out, force=True)
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    (tmp_path / "empty").mkdir()
    write_draft(draft, raw, ARTICLE.name, tmp_path / "empty")
    assert _files(tmp_path / "empty") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft", "empty"]  # no temporary folder left behind

"""Source coverage: sentences, sections, cited / excused / uncited."""

from __future__ import annotations

from conftest import MINI, MINI_SOURCES, sources_or_skip
from hypothesis import given
from hypothesis import strategies as st

from mechkg.ingest.coverage import source_coverage, split_sentences
from mechkg.ingest.load import load_curation


def test_sentences_know_line_and_section():
    text = "干細胞治療系統性紅斑狼瘡\n甲乙。丙丁;戊\n結論\n己庚!\n"
    sentences = split_sentences(text)
    assert [(s.line, s.text, s.section) for s in sentences] == [
        (1, "干細胞治療系統性紅斑狼瘡", "干細胞治療系統性紅斑狼瘡"),
        (2, "甲乙。", "干細胞治療系統性紅斑狼瘡"),
        (2, "丙丁;", "干細胞治療系統性紅斑狼瘡"),
        (2, "戊", "干細胞治療系統性紅斑狼瘡"),
        (3, "結論", "結論"),
        (4, "己庚!", "結論"),
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)


@given(st.text(alphabet="甲乙丙。;!\n ab", max_size=60))
def test_sentence_spans_are_exact_and_ordered(text):
    sentences = split_sentences(text)
    assert all(text[s.start : s.end] == s.text and s.text.strip() == s.text for s in sentences)
    assert [s.start for s in sentences] == sorted(s.start for s in sentences)
    assert "".join(s.text for s in sentences).replace(" ", "") == text.replace("\n", "").replace(" ", "")


def test_mini_coverage_marks_cited_excused_and_uncited():
    rows = source_coverage(load_curation(MINI, sources_dir=MINI_SOURCES), "mini")
    by_text = {r.sentence.text[:8]: r for r in rows}
    assert by_text["干細胞治療系統性"].excused == "heading"
    assert by_text["研究發現,SLE"].cited_by == ("mini-il6-th17", "mini-let7f-down", "mini-let7f-il6", "mini-th17-sle")
    assert by_text["近年來,干細胞療"].uncited
    assert "STUDY_NANJING" in by_text["近期,新華社報道"].cited_by


def test_packaged_curation_cites_or_excuses_every_sentence():
    """Issue 3's target: every substantive sentence of the article is cited or explicitly excused."""
    from mechkg.resources import default_curation_dir

    sources_or_skip()
    curation = load_curation(default_curation_dir())
    rows = source_coverage(curation, "hangji2024")
    uncited = [f"line {r.sentence.line}: {r.sentence.text}" for r in rows if r.uncited]
    assert not uncited, "uncited sentences:\n" + "\n".join(uncited)

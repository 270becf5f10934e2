"""Quotes are exact spans of their source, sections are its headings; near misses get a hint."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MINI, MINI_SOURCES
from curation_edits import edit, problems_of, reported_at

from mechkg.ingest.catalog import catalog_records
from mechkg.ingest.findings import Findings
from mechkg.ingest.quotes import check_quotes, section_headings
from mechkg.ingest.records import read_records


def quote_problems(root: Path, texts: dict[str, str]) -> list[str]:
    findings = Findings()
    check_quotes(catalog_records(read_records(root, findings), findings), texts, findings)
    return [str(p) for p in findings.problems]


MINI_TEXTS = {"mini": (MINI_SOURCES / "mini_sle.txt").read_text(encoding="utf-8")}


def test_every_quote_and_section_of_the_mini_curation_matches():
    assert quote_problems(MINI, MINI_TEXTS) == []


def test_without_the_text_nothing_is_checked(mini: Path):
    edit(mini / "claims/sle.yaml", "  quote: 加劇Th17/Treg細胞失衡", "  quote: 不在原文中")
    assert quote_problems(mini, {}) == []


def test_section_headings_are_lines_and_line_starts_up_to_a_colon():
    headings = section_headings("干細胞研究的起源與關鍵突破:20世紀60年代,人們發現\n  結論  \n\n")
    assert headings == {"干細胞研究的起源與關鍵突破", "干細胞研究的起源與關鍵突破:20世紀60年代,人們發現", "結論"}


EXACT = "copy an exact span of the source text"
NORMALISED = "it matches only after normalising punctuation, width or spaces: copy the source's exact characters"

# (file, old text, new text, words the message must contain, text on the reported line)
BAD_QUOTES = [
    (
        "claims/sle.yaml",
        "  quote: 加劇Th17/Treg細胞失衡",
        "  quote: 加劇Th17/Treg細胞平衡",
        ["quote: quote is not an exact substring", EXACT],
        "細胞平衡",
    ),
    (
        "claims/sle.yaml",
        "IL-6升高,加劇Th17/Treg細胞失衡\n",
        "IL-6升高\uff0c加劇Th17/Treg細胞失衡\n",
        ["quote: quote is not an exact substring", NORMALISED],
        "IL-6升高\uff0c",
    ),
    ("claims/sle.yaml", "IL-6升高,加劇Th17/Treg細胞失衡\n", "IL-6升高, 加劇Th17/Treg細胞失衡\n", [NORMALISED], "IL-6升高, "),
    (
        "claims/sle.yaml",
        "  section: 干細胞移植治療系統性紅斑狼瘡的臨床試驗",
        "  section: 臨床試驗",
        ["section: '臨床試驗' is not a heading of the source; give a whole line of it"],
        "section: 臨床試驗",
    ),
    (
        "studies/sle.yaml",
        "  quote: 南京鼓樓醫院",
        "  quote: 北京鼓樓醫院",
        ["quote: quote is not an exact substring", EXACT],
        "北京鼓樓",
    ),
    (
        "studies/sle.yaml",
        "  section: 干細胞移植",
        "  section: 干細胞移殖",
        ["section: ", "is not a heading"],
        "section: 干細胞移殖",
    ),
    (
        "studies/sle.yaml",
        "quote: 有效率達60%",
        "quote: 有效率達70%",
        ["figures.0.quote: quote is not an exact substring"],
        "有效率達70%",
    ),
    (
        "studies/sle.yaml",
        "  figures:\n",
        "  arms:\n    - {id: all, label: all patients, quote: 2800余例重症}\n  figures:\n",
        ["arms.0.quote: quote is not an exact substring"],
        "2800余例重症",
    ),
    (
        "excused/headings.yaml",
        "quote: 干細胞治療系統性紅斑狼瘡",
        "quote: 干細胞治療類風濕性關節炎",
        ["quote: quote is not an exact substring"],
        "類風濕",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "words", "on_line"), BAD_QUOTES, ids=[f"{c[0]}:{c[2][:20]}" for c in BAD_QUOTES])
def test_bad_quote_or_section_is_reported_at_its_line(mini: Path, file, old, new, words, on_line):
    edit(mini / file, old, new)
    problems = problems_of(mini)
    assert reported_at(problems, mini, file, on_line, *words), problems

"""The zh-Hant rules: Simplified-only characters are found; labels use standard Traditional forms (OpenCC)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MINI_SOURCES
from hypothesis import given
from hypothesis import strategies as st

from mechkg.ingest.hanzi import ALSO_TRADITIONAL, nonstandard_characters, simplified_only, standard_traditional


def test_simplified_only_characters_are_found_once_each_in_order():
    assert simplified_only("间充质干细胞，细胞") == ["间", "质", "细"]
    assert simplified_only("調节性T细胞") == ["节", "细"]


def test_characters_both_scripts_use_are_allowed():
    assert simplified_only("間充質干細胞 2800余例 孫凌云 并州 Th17細胞 IL-6") == []
    assert ALSO_TRADITIONAL == frozenset("并")


def test_the_mini_source_text_passes():
    assert simplified_only((MINI_SOURCES / "mini_sle.txt").read_text(encoding="utf-8")) == []


@given(st.text(alphabet="間充質干細胞间质细并a1 ", max_size=30))
def test_found_characters_come_from_the_text_without_repeats(text):
    found = simplified_only(text)
    assert len(found) == len(set(found))
    assert all(ch in text for ch in found)
    assert set(found) == set(text) & set("间质细")


@pytest.mark.parametrize(
    ("label", "found"),
    [
        ("間充質干細胞", [("干", "幹")]),
        ("炎癥性腸病", [("癥", "症")]),
        ("1型糖尿病好發于兒童", [("于", "於")]),
        ("干燥綜合征", [("干", "乾"), ("征", "徵")]),
        ("主要組織相容性復合體", [("復", "複")]),
    ],
)
def test_the_source_conversion_errors_are_found_with_their_standard_forms(label, found):
    assert nonstandard_characters(label) == found
    assert nonstandard_characters(standard_traditional(label)) == []


@pytest.mark.parametrize(
    "label",
    [
        "類風濕性關節炎",
        "完全臨床緩解",
        "腸道菌群失調",
        "炎性病灶",
        "巨細胞病毒感染",
        "彌漫性肺泡出血",
        "計畫",
        "是否為因果關係",
        "啟用",
    ],
)
def test_common_taiwan_and_hong_kong_forms_and_regional_words_pass(label):
    assert nonstandard_characters(label) == []


@given(st.text(alphabet="間充質干細胞炎癥症濕於于後后複復臨床群a1 -", max_size=30))
def test_the_standard_form_keeps_length_and_is_a_fixed_point(text):
    fixed = standard_traditional(text)
    assert len(fixed) == len(text)
    assert standard_traditional(fixed) == fixed


def test_every_zh_hant_label_of_the_curation_and_the_ontology_is_standard():
    import re

    import yaml

    root = Path(__file__).parents[2]
    labels = [
        (path.name, record["id"], record["label"]["zh-Hant"])
        for path in sorted((root / "graph" / "curation").glob("*/*.yaml"))
        for record in yaml.safe_load(path.read_text(encoding="utf-8")) or []
        if isinstance(record.get("label"), dict)
    ]
    for path in sorted((root / "ontology").glob("*.ttl")):
        text = path.read_text(encoding="utf-8")
        labels += [(path.name, "", m.group(1)) for m in re.finditer(r'"([^"]*)"@zh-Hant', text)]
    assert len(labels) > 500
    bad = [(where, rid, label, nonstandard_characters(label)) for where, rid, label in labels if nonstandard_characters(label)]
    assert not bad, bad

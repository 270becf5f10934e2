"""The zh-Hant rule: characters that exist only in Simplified Chinese are found; shared ones are allowed."""

from __future__ import annotations

from conftest import MINI_SOURCES
from hypothesis import given
from hypothesis import strategies as st

from mechkg.ingest.hanzi import ALSO_TRADITIONAL, simplified_only


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

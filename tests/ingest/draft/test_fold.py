"""Folding keeps one character for one character, so a match in folded text is a slice of the original."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mechkg.ingest.draft.fold import fold, is_cjk, is_word_char


@given(st.text(max_size=200))
def test_folding_never_changes_the_length(text: str):
    assert len(fold(text)) == len(text)
    assert len(fold(text, keep_case=True)) == len(text)


@given(st.text(max_size=100))
def test_folding_is_idempotent(text: str):
    assert fold(fold(text)) == fold(text)


def test_traditional_variants_and_simplified_fold_alike():
    assert fold("間充質幹細胞") == fold("間充質干細胞") == fold("间充质干细胞")
    assert fold("炎癥") == fold("炎症")
    assert fold("系統性紅斑狼瘡") == fold("系统性红斑狼疮")


def test_width_dashes_and_case():
    assert fold("ＩＬ－１０") == fold("IL-10") == "il-10"
    assert fold("IL\u20106") == fold("IL–6") == "il-6"
    assert fold("Th17 RA", keep_case=True) == "Th17 RA"
    assert fold("ß") == "ß"  # casefold would make two characters


def test_character_classes():
    assert is_cjk("幹") and is_cjk("干") and not is_cjk("A") and not is_cjk("，")
    assert is_word_char("a") and is_word_char("7") and not is_word_char("-") and not is_word_char("細")

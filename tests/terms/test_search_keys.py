"""Search keys: spelling variants of one name get one key; the fold map lets a page fold a query alike."""

from __future__ import annotations

import pytest

from mechkg.terms.search_keys import GREEK_NAMES, fold_han, fold_map, search_key


@pytest.mark.parametrize(
    "variants",
    [
        ("間充質幹細胞", "間充質干細胞", "间充质干细胞"),  # standard Traditional, the article's form, Simplified
        ("系統性紅斑狼瘡", "系统性红斑狼疮"),
        ("炎症", "炎癥"),
        ("衛生", "衞生", "卫生"),
        ("IL-6", "il6", "IL 6", "ＩＬ－６", "Il_6"),
        ("TNF-α", "TNF-alpha", "tnf alpha", "TNFΑ"),
        ("NF-κB", "NF-kappaB", "nf kappa b"),
        ("IFN-γ", "IFN gamma"),
    ],
)
def test_variants_share_one_key(variants: tuple[str, ...]) -> None:
    keys = {search_key(v) for v in variants}
    assert len(keys) == 1, keys


def test_different_names_keep_different_keys() -> None:
    assert search_key("IL-6") != search_key("IL-17")
    assert search_key("幹細胞") != search_key("細胞")
    assert search_key("—/ ·") == ""


def test_fold_is_idempotent_and_leaves_other_characters() -> None:
    for ch in "幹乾干癥症衛衞裡裏里間间發髮":
        assert fold_han(fold_han(ch)) == fold_han(ch)
    assert [fold_han(c) for c in "aZ1é-"] == list("aZ1é-")


def test_fold_map_folds_every_form_of_the_names_characters() -> None:
    names = ["間充質幹細胞", "炎症性腸病", "衛生"]
    fold = fold_map(names)
    assert list(fold) == sorted(fold)  # deterministic
    assert all(fold_han(form) == folded != form for form, folded in fold.items())

    for query in ("間充質干細胞", "间充质干细胞", "炎癥性腸病", "炎症性肠病", "衞生", "卫生"):
        folded = "".join(fold.get(ch, ch) for ch in query)
        assert folded == search_key(query), query
    assert "癥" in fold and "衞" in fold and "乾" in fold  # variants that never occur in the names
    assert "狼" not in fold  # characters of no name are left out


def test_greek_names_cover_the_lowercase_alphabet() -> None:
    assert len({name for name in GREEK_NAMES.values()}) == 24

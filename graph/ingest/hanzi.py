"""Proper Traditional Chinese in ``zh-Hant`` labels: no Simplified-only characters, standard forms.

A ``zh-Hant`` label must not contain a character that exists *only* in Simplified Chinese
(们, 细, 疗 …). Characters that Simplified Chinese shares with Traditional Chinese are allowed,
even where the simplified reading is the one meant: the article writes 干細胞 for 幹細胞 and
2800余例 for 2800餘例, and 干, 余, 云 are also Traditional characters in their own right, so the
rule never rejects the article's own wording. It catches labels typed or pasted in Simplified
Chinese, not every variant-character choice; it cannot judge a character that both scripts use.

The character sets are CC-CEDICT's, as packaged by ``zhon`` (:mod:`zhon.cedict`): a character
listed as simplified and never as traditional is simplified-only. CC-CEDICT lists 并 only as the
simplified form of 並/併, but 并 is also a Traditional character (并州) and the article uses it
23 times, so it is allowed (:data:`ALSO_TRADITIONAL`). Synonyms may be in Simplified Chinese on
purpose (CURATION.md) and are not checked.

>>> simplified_only("間充質干細胞")
[]
>>> simplified_only("间充质干细胞")
['间', '质', '细']

A second rule catches what the first cannot: a character both scripts use, written where
Traditional Chinese has another (the article's 干細胞 for 幹細胞, 炎癥 for 炎症, 好發于 for
好發於). The check is OpenCC's own: the text is converted to Simplified (``t2s``) and back
(``s2t``, which picks the standard Traditional character from the context, 乾燥 but 幹細胞); a
character that does not come back as itself is not the standard form. Only character forms are
compared, never vocabulary (``s2t``, not the regional ``s2twp``/``s2hk`` phrase sets). Where
OpenCC's ``s2t`` prefers a rare variant over the form Taiwan's and Hong Kong's standards both use
(溼 for 濕, 牀 for 床 …), the common form is kept (:data:`COMMON_FORMS`).

>>> standard_traditional("間充質干細胞")
'間充質幹細胞'
>>> nonstandard_characters("炎癥性腸病")
[('癥', '症')]
>>> nonstandard_characters("類風濕性關節炎")
[]
"""

from __future__ import annotations

from functools import lru_cache

__all__ = [
    "ALSO_TRADITIONAL",
    "COMMON_FORMS",
    "REGIONAL_WORDS",
    "nonstandard_characters",
    "simplified_only",
    "standard_traditional",
]

ALSO_TRADITIONAL = frozenset("并")
"""Characters CC-CEDICT lists only as simplified that Traditional Chinese text also uses (the article does)."""


@lru_cache(maxsize=1)
def _simplified_only_chars() -> frozenset[str]:
    from zhon import cedict

    return frozenset(cedict.simplified) - frozenset(cedict.traditional) - ALSO_TRADITIONAL


def simplified_only(text: str) -> list[str]:
    """The characters of ``text`` that exist only in Simplified Chinese, each once, in order."""
    chars = _simplified_only_chars()
    return list(dict.fromkeys(ch for ch in text if ch in chars))


COMMON_FORMS: dict[str, str] = {
    "溼": "濕",
    "牀": "床",
    "羣": "群",
    "竈": "灶",
    "鉅": "巨",
    "瀰": "彌",
    "爲": "為",
    "啓": "啟",
}
"""OpenCC ``s2t`` output -> the form the Taiwan (教育部) and Hong Kong standards both write."""

REGIONAL_WORDS = ("計畫",)
"""Words whose conversion differs only in regional vocabulary (Taiwan 計畫, Hong Kong 計劃): kept as written."""


@lru_cache(maxsize=1)
def _converters() -> tuple[object, object]:
    import opencc

    return opencc.OpenCC("t2s"), opencc.OpenCC("s2t")


def standard_traditional(text: str) -> str:
    """``text`` with every character in its standard Traditional form (same length, same vocabulary)."""
    to_simplified, to_traditional = _converters()
    converted = to_traditional.convert(to_simplified.convert(text))  # type: ignore[attr-defined]
    if len(converted) != len(text):
        return text
    kept = [False] * len(text)
    for word in REGIONAL_WORDS:
        for start in (i for i in range(len(text)) if text.startswith(word, i)):
            kept[start : start + len(word)] = [True] * len(word)
    return "".join(
        old if keep or new == old else COMMON_FORMS.get(new, new) for old, new, keep in zip(text, converted, kept, strict=True)
    )


def nonstandard_characters(text: str) -> list[tuple[str, str]]:
    """Each character of ``text`` not in its standard Traditional form, with that form, each once."""
    pairs = zip(text, standard_traditional(text), strict=True)
    return list(dict.fromkeys((old, new) for old, new in pairs if old != new))

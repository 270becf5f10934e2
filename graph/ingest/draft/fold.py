"""Text folded for matching in both scripts, one character for one character, so offsets stay exact.

A mention found in the folded text is at the same offsets in the original text, so its exact
surface (what a claim quotes) is a slice of the original. Each character is folded on its own:

1. NFKC where it yields one character (full-width ``ＩＬ－６`` -> ``IL-6``, ideographic space);
2. dashes and hyphens (``‐ ‑ ‒ – — −``) -> ``-``, so ``IL‐6`` matches ``IL-6``;
3. lower case where that is one character (``casefold`` would turn ``ß`` into two), unless
   ``keep_case`` (the form short all-caps abbreviations are compared in);
4. a CJK character -> its Simplified form, where OpenCC's ``t2s`` maps the character alone to one
   character: 幹/干 -> 干, 癥/症 -> 症, 間/间 -> 间. Phrase conversion is not used: it may change
   the length, and a term is matched character by character anyway.

>>> fold("間充質幹細胞與ＩＬ－６") == fold("间充质干细胞与il-6")
True
>>> fold("炎癥") == fold("炎症"), len(fold("Straße")) == len("Straße")
(True, True)
>>> fold("Th17 MS", keep_case=True)
'Th17 MS'
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = ["fold", "is_cjk", "is_word_char"]

_DASHES = dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d", "-")


def is_cjk(char: str) -> bool:
    """A CJK ideograph (unified, extension A, or compatibility)."""
    code = ord(char)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3134F


def is_word_char(char: str) -> bool:
    """A character that continues an ASCII word: a term written in Latin letters needs none beside it."""
    return char.isascii() and char.isalnum()


@lru_cache(maxsize=1)
def _to_simplified() -> object:
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=65536)
def _fold_char(char: str, keep_case: bool) -> str:
    folded = unicodedata.normalize("NFKC", char)
    if len(folded) != 1:
        folded = char
    folded = _DASHES.get(folded, folded)
    if not keep_case:
        lower = folded.lower()
        folded = lower if len(lower) == 1 else folded
    if is_cjk(folded):
        simplified = _to_simplified().convert(folded)  # type: ignore[attr-defined]
        folded = simplified if len(simplified) == 1 else folded
    return folded


def fold(text: str, *, keep_case: bool = False) -> str:
    """``text`` folded as the module says: same length, each character folded on its own."""
    return "".join(_fold_char(char, keep_case) for char in text)

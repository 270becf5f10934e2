"""Which Chinese characters exist only in Simplified Chinese: the rule for ``zh-Hant`` labels.

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
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["ALSO_TRADITIONAL", "simplified_only"]

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

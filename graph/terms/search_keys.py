"""Search keys: one normal form for every name a person may type, so that spelling variants meet.

A name and a query match when their keys share a substring. :func:`search_key` makes the key:

1. Unicode NFKC (full-width ``ＩＬ－６`` becomes ``IL-6``), then case folding;
2. a Greek letter becomes its English name (``α`` -> ``alpha``, ``κ`` -> ``kappa``), so ``TNF-α``
   and ``TNF-alpha`` meet;
3. every Chinese character is folded to one script, character by character, with OpenCC
   (:func:`fold_han`): Traditional, Simplified and variant forms of a character get one key, so
   the standard 間充質幹細胞, the article's 間充質干細胞 and the Simplified 间充质干细胞 meet, as do
   症/癥 and 衛/衞;
4. everything that is not a letter or a digit (spaces, hyphens, slashes, punctuation) is dropped,
   so ``IL-6``, ``IL 6`` and ``il6`` meet.

Character by character, not phrase by phrase, so that the same fold can run where OpenCC cannot:
:func:`fold_map` lists, for the characters of a set of names, each Traditional, Simplified or
variant form that folds to something else, and the explorer page folds a query with that map (its
script repeats steps 1, 2 and 4, see ``graph/render/templates/explorer/60-search.js``).

>>> search_key("間充質幹細胞") == search_key("間充質干細胞") == search_key("间充质干细胞")
True
>>> search_key("TNF-α"), search_key("Tnf alpha"), search_key("ＩＬ－６")
('tnfalpha', 'tnfalpha', 'il6')
>>> fold_map(["衛生"])["衞"]
'卫'
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache

__all__ = ["GREEK_NAMES", "fold_han", "fold_map", "search_key", "search_words"]

GREEK_NAMES: dict[str, str] = {
    "α": "alpha",
    "β": "beta",
    "γ": "gamma",
    "δ": "delta",
    "ε": "epsilon",
    "ζ": "zeta",
    "η": "eta",
    "θ": "theta",
    "ι": "iota",
    "κ": "kappa",
    "λ": "lambda",
    "μ": "mu",
    "ν": "nu",
    "ξ": "xi",
    "ο": "omicron",
    "π": "pi",
    "ρ": "rho",
    "σ": "sigma",
    "ς": "sigma",
    "τ": "tau",
    "υ": "upsilon",
    "φ": "phi",
    "χ": "chi",
    "ψ": "psi",
    "ω": "omega",
}
"""Lower-case Greek letter (after NFKC and case folding: ``µ`` is ``μ``) -> its English name."""

# Tried in order to fold a character: the first that changes it wins (t2s leaves some Hong Kong and
# Taiwan variant forms as they are, 衞 for instance, that hk2s and tw2s fold).
_FOLD_CONFIGS = ("t2s", "hk2s", "tw2s")


@lru_cache(maxsize=1)
def _converters() -> dict[str, object]:
    import opencc

    return {name: opencc.OpenCC(name) for name in _FOLD_CONFIGS}


def _is_han(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith(("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH"))


@lru_cache(maxsize=65536)
def _convert_char(config: str, ch: str) -> str:
    out = _converters()[config].convert(ch)  # type: ignore[attr-defined]
    return out if len(out) == 1 else ch


@lru_cache(maxsize=65536)
def fold_han(ch: str) -> str:
    """The one form a Chinese character is searched by (its Simplified form, where OpenCC knows one); others unchanged.

    Folding twice changes nothing: ``fold_han(fold_han(c)) == fold_han(c)``.

    >>> [fold_han(c) for c in "幹干乾症癥衛衞a"]
    ['干', '干', '干', '症', '症', '卫', '卫', 'a']
    """
    if not _is_han(ch):
        return ch
    current = ch
    for _ in range(3):  # a fixed point within a few steps (variant -> traditional -> simplified)
        folded = next((out for config in _FOLD_CONFIGS if (out := _convert_char(config, current)) != current), current)
        if folded == current:
            break
        current = folded
    return current


def _letters(text: str) -> str:
    text = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    return "".join(GREEK_NAMES.get(ch, ch) for ch in text)


def search_words(text: str) -> str:
    """``text`` as the words of its search key: :func:`search_key`'s steps, but a space parts the words where it drops characters.

    For matching word by word (:mod:`mechkg.terms.naming` compares names with a fuzzy word-set
    score); joined without spaces the words are the search key.

    >>> search_words("Let-7f-overexpressing MSCs"), search_words("TNF-α / IL-6"), search_words("間充質干細胞")
    ('let 7f overexpressing mscs', 'tnf alpha il 6', '间充质干细胞')
    """
    words: list[str] = []
    word: list[str] = []
    for ch in _letters(text):
        if unicodedata.category(ch)[0] in "LN":
            word.append(fold_han(ch))
        elif word:
            words.append("".join(word))
            word = []
    if word:
        words.append("".join(word))
    return " ".join(words)


def search_key(text: str) -> str:
    """``text`` in its search form: NFKC, case-folded, Greek letters named, Chinese folded to one script, only letters and digits.

    >>> search_key("IL-6"), search_key("系統性紅斑狼瘡") == search_key("系统性红斑狼疮"), search_key(" - ")
    ('il6', True, '')
    """
    return search_words(text).replace(" ", "")


def fold_map(texts: Iterable[str]) -> dict[str, str]:
    """Each form of the Chinese characters of ``texts`` (Traditional, Simplified, variant) -> the character it folds to.

    A form is any CJK unified ideograph (basic block and extension A) that :func:`fold_han` folds
    to the same character as one of the characters of ``texts``. With the map, a program without
    OpenCC folds any spelling of these names as :func:`search_key` does; a character missing from
    the map folds to itself or occurs in none of ``texts`` in any form, so it cannot make a query
    match. Sorted by character, so the same names give the same map.

    >>> fold_map(["炎症", "幹細胞"])
    {'乾': '干', '幹': '干', '榦': '干', '癥': '症', '細': '细'}
    """
    wanted = {fold_han(ch) for text in texts for ch in _letters(text) if _is_han(ch)}
    forms = _forms_by_fold()
    return dict(sorted((form, folded) for folded in wanted for form in forms.get(folded, ()) if form != folded))


# The CJK unified ideographs a query may hold after NFKC (which maps the compatibility ideographs
# onto these): extension A and the basic block.
_HAN_BLOCKS = ((0x3400, 0x4DC0), (0x4E00, 0xA000))


@lru_cache(maxsize=1)
def _forms_by_fold() -> dict[str, tuple[str, ...]]:
    """Folded character -> every character of :data:`_HAN_BLOCKS` that folds to it (about a second, once)."""
    forms: dict[str, list[str]] = {}
    for start, stop in _HAN_BLOCKS:
        for code in range(start, stop):
            forms.setdefault(fold_han(chr(code)), []).append(chr(code))
    return {folded: tuple(chars) for folded, chars in forms.items()}

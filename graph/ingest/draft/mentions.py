"""Mentions of known entities and lexicon terms in an article, found by one Aho-Corasick automaton.

Every name (a known entity's labels and synonyms, a lexicon term) is folded
(:func:`~mechkg.ingest.draft.fold.fold`) and added to one automaton (pyahocorasick), which finds
all of them in one pass over the folded article. Because folding keeps offsets, the span of a
hit is the exact surface in the original text. A hit counts when:

* a name written in ASCII letters or digits has no ASCII letter or digit right before or after it
  (``IL-6`` not inside ``IL-6R``; ``Th17`` before ``細胞`` is fine), except that a plural ``s``
  may follow (``MSCs``, which the mention then includes);
* a case-sensitive name (short all-caps abbreviations such as ``RA``, ``MS``; gene symbols) is
  spelt with the same capitals in the text (folded with ``keep_case``);
* it is not overlapped by a longer hit: hits are taken longest first (ties: leftmost), and a
  hit that overlaps one already taken is dropped.

At one span a known entity wins over a lexicon term. A lexicon hit keeps all the entries that
share the name (``RA``: several MONDO terms), best first: a name that is the entry's label
before a synonym, the same capitals before a case-insensitive match, the lexicon order of
:data:`~mechkg.ingest.draft.lexicon_terms.LEXICONS`, then the CURIE.

>>> matcher = Matcher([KnownName("IL-6", "IL6"), KnownName("Th17", "TH17"), KnownName("系統性紅斑狼瘡", "SLE")], [])
>>> [(m.surface, m.target) for m in matcher.find("系统性红斑狼疮患者IL-6升高,促進Th17分化;IL-6R不算")]
[('系统性红斑狼疮', 'SLE'), ('IL-6', 'IL6'), ('Th17', 'TH17')]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from mechkg.ingest.draft.fold import fold, is_word_char
from mechkg.ingest.draft.lexicon_terms import LexiconTerm

__all__ = ["KnownName", "Matcher", "Mention"]

_MIN_KNOWN = 2
"""A known entity's name needs at least this many characters (幹細胞 yes, a single character no)."""


@dataclass(frozen=True, slots=True)
class KnownName:
    """One name of a curated entity: a label or a synonym, in any script."""

    text: str
    entity: str
    case_sensitive: bool = False
    via_label: bool = False
    """A label (before a synonym when two entities share a name)."""


@dataclass(frozen=True, slots=True)
class Mention:
    """A name found in the text: where, exactly as written, and what it names.

    ``target`` is the known entity's id, or for a lexicon term the best candidate's CURIE;
    ``candidates`` lists every lexicon entry the name fits, best first (empty for known entities).
    """

    start: int
    end: int
    surface: str
    target: str
    candidates: tuple[LexiconTerm, ...] = ()

    @property
    def known(self) -> bool:
        """Whether the mention names an entity already curated."""
        return not self.candidates


@dataclass(frozen=True, slots=True)
class _Pattern:
    length: int
    known: tuple[KnownName, ...]
    terms: tuple[LexiconTerm, ...]


class Matcher:
    """An automaton over the folded names of known entities and lexicon terms."""

    def __init__(self, known: Iterable[KnownName], terms: Iterable[LexiconTerm]) -> None:
        by_key: dict[str, tuple[list[KnownName], list[LexiconTerm]]] = {}
        for name in known:
            if len(name.text.strip()) >= _MIN_KNOWN:
                by_key.setdefault(fold(name.text.strip()), ([], []))[0].append(name)
        for term in terms:
            by_key.setdefault(fold(term.text), ([], []))[1].append(term)
        self._automaton = ahocorasick.Automaton()
        for key, (names, lexicon) in by_key.items():
            names.sort(key=lambda name: (not name.via_label, name.entity))
            self._automaton.add_word(key, _Pattern(len(key), tuple(names), tuple(lexicon)))
        self.size = len(by_key)
        """How many distinct folded names the automaton holds."""
        if self.size:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[Mention]:
        """Every mention in ``text``, in text order, none overlapping another (see the module docstring)."""
        if not self.size:
            return []
        folded, cased = fold(text), fold(text, keep_case=True)
        hits: list[Mention] = []
        for last, pattern in self._automaton.iter(folded):
            start, end = last + 1 - pattern.length, last + 1
            end = _word_end(text, start, end)
            if end is None:
                continue
            mention = _resolve(text, cased, start, end, pattern)
            if mention is not None:
                hits.append(mention)
        return _longest_first(hits)


def _word_end(text: str, start: int, end: int) -> int | None:
    """The end of a hit at word boundaries (after a plural ``s``), or ``None`` if it is inside a word."""
    head, tail = text[start], text[end - 1]
    if is_word_char(head) and start > 0 and is_word_char(text[start - 1]):
        return None
    if not is_word_char(tail) or end == len(text) or not is_word_char(text[end]):
        return end
    if text[end] == "s" and (end + 1 == len(text) or not is_word_char(text[end + 1])):
        return end + 1
    return None


def _resolve(text: str, cased: str, start: int, end: int, pattern: _Pattern) -> Mention | None:
    """The mention of one hit: a known entity if one fits, else the lexicon entries that fit, best first."""
    span = cased[start : start + pattern.length]
    surface = text[start:end]
    for name in pattern.known:
        if not name.case_sensitive or fold(name.text.strip(), keep_case=True) == span:
            return Mention(start, end, surface, name.entity)
    fitting = [term for term in pattern.terms if not term.case_sensitive or fold(term.text, keep_case=True) == span]
    if not fitting:
        return None
    best: dict[str, tuple[tuple[int, int, int, str], LexiconTerm]] = {}
    for term in fitting:
        key = (not term.via_label, fold(term.text, keep_case=True) != span, term.rank, term.curie)
        order = (int(key[0]), int(key[1]), key[2], key[3])
        if term.curie not in best or order < best[term.curie][0]:
            best[term.curie] = (order, term)
    ranked = tuple(term for _, term in sorted(best.values(), key=lambda item: item[0]))
    return Mention(start, end, surface, ranked[0].curie, ranked)


def _longest_first(hits: list[Mention]) -> list[Mention]:
    """Non-overlapping hits, longest first (ties: leftmost, then known before lexicon), in text order."""
    taken: list[Mention] = []
    used = bytearray(max((hit.end for hit in hits), default=0))
    for hit in sorted(hits, key=lambda m: (m.start - m.end, m.start, not m.known, m.target)):
        if not any(used[hit.start : hit.end]):
            used[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
            taken.append(hit)
    return sorted(taken, key=lambda m: m.start)

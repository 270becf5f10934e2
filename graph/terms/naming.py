"""Names -> entity ids: the one resolver of MechKG, for the CLI, the server, ``/api`` and SPARQL parameters.

A :class:`NameIndex` is built from :class:`NameEntry` values (an id, its labels in any language,
its synonyms, its class) and knows nothing of where they came from:
:func:`mechkg.network.names.name_index` feeds it the network's nodes,
:attr:`mechkg.query.store.SparqlStore.names` a store's ``rdfs:label`` and ``skos:altLabel``. So
every caller reads a name the same way, and fails with the same candidates.

A name is looked up in tiers; the first tier that knows it wins:

1. ``exact``: the id itself, exactly as written;
2. ``id``, ``label``, ``synonym``: compared first by :func:`name_key` (NFKC, case folded), then, if
   none of the three knows that key, by :func:`mechkg.terms.search_keys.search_key`, the key the
   explorer's search uses (Traditional, Simplified and variant characters folded together, Greek
   letters named, hyphens, spaces and punctuation dropped): so ``il6``, ``IL 6``, ``間充質干細胞``
   and ``间充质干细胞`` find what ``IL-6`` and ``間充質幹細胞`` find;
3. ``fuzzy``: the name nearest in spelling, accepted only when it is clearly the best (below).

So a label is never made ambiguous by another entity's synonym (``insulin`` is the label of
INSULIN and a synonym of INS). A name that several entries share within its tier is ambiguous.

**Fuzzy matching** compares :func:`~mechkg.terms.search_keys.search_words` (the search key with
its words kept apart) with RapidFuzz. The score of a name (0-100) is its
``token_sort_ratio`` with the asked name (the spelling, word order aside), plus
:data:`WORDS_BONUS` (at most 100) when every word asked for is in the name: a word of it, or, for
a word with Chinese characters (Chinese is not parted by spaces), part of one of its words. So
``allogeneic MSC`` finds "allogeneic MSC therapy" before "allogeneic BM-MSC transplantation",
and ``間充質`` finds 間充質幹細胞 (MSC). An entity scores as its best name. The best entity is accepted when

- its score is at least :data:`ACCEPT` (85), and
- it is ahead of the runner-up entity by at least :data:`MARGIN` (10);

in both, only names with the asked name's digits, in the same order, take part (``IL-16`` never
becomes IL-17, nor ``Th171`` TH17, and ``interleukin 17`` has no rival in IL-1).

Otherwise the name is unknown, and its candidates are the entities (at most
:data:`MAX_CANDIDATES`, best first) scoring at least :data:`CLOSE` (70): none at all when nothing
is that close (``aspirin``). Names longer than :data:`MAX_FUZZY_CHARS` are not fuzzy-matched.

>>> index = NameIndex([
...     NameEntry("SLE", labels=("systemic lupus erythematosus", "系統性紅斑狼瘡"), synonyms=("lupus",), kind="Disease"),
...     NameEntry("INSULIN", labels=("insulin",)),
...     NameEntry("INS", labels=("insulin receptor",), synonyms=("insulin",)),
... ])
>>> index.resolve("Lupus"), index.resolve("系统性红斑狼疮"), index.resolve("insulin")
('SLE', 'SLE', 'INSULIN')
>>> index.match("insulin").tier
'id'
>>> found = index.match("systemic lupus erythematosis")
>>> found.ids, found.tier, found.note
(('SLE',), 'fuzzy', 'resolved "systemic lupus erythematosis" to SLE (systemic lupus erythematosus; fuzzy match 96)')
>>> index.resolve("lupis")
Traceback (most recent call last):
...
mechkg.errors.UnknownEntity: no entity named 'lupis'; candidates: SLE (systemic lupus erythematosus, Disease)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property

from mechkg.errors import UnknownEntity
from mechkg.terms.search_keys import search_key, search_words

__all__ = [
    "ACCEPT",
    "CLOSE",
    "MARGIN",
    "MAX_CANDIDATES",
    "MAX_FUZZY_CHARS",
    "TIERS",
    "WORDS_BONUS",
    "NameEntry",
    "NameIndex",
    "NameMatch",
    "name_key",
]

TIERS = ("exact", "id", "label", "synonym", "fuzzy")
"""The tiers of a look-up, first to last; ``exact`` is the id as written, ``fuzzy`` the nearest spelling."""

ACCEPT = 85
"""The least fuzzy score a name must reach to be taken for the entity it is nearest to."""

MARGIN = 10
"""How far ahead of the runner-up entity an accepted fuzzy match must be."""

CLOSE = 70
"""The least fuzzy score of an entity listed as a candidate for an unknown name."""

WORDS_BONUS = 20
"""Added to a name's score when every word asked for is in it (one of its words, or part of one for Chinese)."""

MAX_CANDIDATES = 5
"""At most this many candidates for an unknown name."""

MAX_FUZZY_CHARS = 200
"""Longer names are looked up exactly only (a fuzzy match costs time in the length of the name)."""

_DIGITS = re.compile(r"\d+")


def _has_han(word: str) -> bool:
    return any(unicodedata.name(ch, "").startswith("CJK") for ch in word)


def _all_in(asked: frozenset[str], words: frozenset[str]) -> bool:
    """Every asked word is one of ``words``, or (a word with Chinese characters) part of one."""
    return all(word in words or (_has_han(word) and any(word in other for other in words)) for word in asked)


_NAME_TIERS = TIERS[1:4]


def name_key(name: str) -> str:
    """The form names are first compared in: NFKC-normalised, stripped, case-folded.

    >>> name_key("  ＴＧＦ-Β ") == name_key("tgf-β")
    True
    """
    return unicodedata.normalize("NFKC", name).strip().casefold()


@dataclass(frozen=True, slots=True)
class NameEntry:
    """One entity as the index sees it: its id, its labels (any language), its synonyms, its class (if known)."""

    id: str
    labels: tuple[str, ...] = ()
    synonyms: tuple[str, ...] = ()
    kind: str = ""


@dataclass(frozen=True, slots=True)
class NameMatch:
    """What a name matched: the ids (sorted; empty if none), the tier, and for a fuzzy match its score and a note."""

    name: str
    ids: tuple[str, ...]
    tier: str | None
    score: int | None = None
    note: str | None = None
    """For a fuzzy match, the line that says what the name was taken for."""

    @property
    def unique(self) -> bool:
        """True when the name names exactly one entity."""
        return len(self.ids) == 1


class NameIndex:
    """Every entity's names, looked up with one precedence (see the module docstring).

    Entries with the same id are merged, and :attr:`entries` keeps them in one canonical order
    (by id; labels and synonyms sorted), so two indexes of the same names compare equal. The
    index is read-only once built.
    """

    def __init__(self, entries: Iterable[NameEntry]) -> None:
        # Only the first look-up tables are made here: a network builds its index on every look-up,
        # so the search keys, the fuzzy table and the canonical entries wait until someone needs them.
        self._given = tuple(entries)
        self._ids = frozenset(entry.id for entry in self._given)

    def _tiers(self, key: Callable[[str], str]) -> dict[str, dict[str, set[str]]]:
        tiers: dict[str, dict[str, set[str]]] = {tier: {} for tier in _NAME_TIERS}
        by_id, by_label, by_synonym = tiers.values()
        for entry in self._given:
            by_id.setdefault(key(entry.id), set()).add(entry.id)
            for label in entry.labels:
                if label:
                    by_label.setdefault(key(label), set()).add(entry.id)
            for synonym in entry.synonyms:
                if synonym:
                    by_synonym.setdefault(key(synonym), set()).add(entry.id)
        return tiers

    @cached_property
    def _by_name_key(self) -> dict[str, dict[str, set[str]]]:
        return self._tiers(name_key)

    @cached_property
    def _by_search_key(self) -> dict[str, dict[str, set[str]]]:
        tiers = self._tiers(search_key)
        for found in tiers.values():
            found.pop("", None)  # a name of punctuation only names nothing
        return tiers

    @cached_property
    def entries(self) -> tuple[NameEntry, ...]:
        """The entries, merged by id, in one canonical order (by id; labels and synonyms sorted)."""
        merged: dict[str, tuple[set[str], set[str], set[str]]] = {}
        for entry in self._given:
            labels, synonyms, kinds = merged.setdefault(entry.id, (set(), set(), set()))
            labels.update(label for label in entry.labels if label)
            synonyms.update(synonym for synonym in entry.synonyms if synonym)
            kinds.update((entry.kind,) if entry.kind else ())
        return tuple(
            NameEntry(id_, tuple(sorted(labels)), tuple(sorted(synonyms)), min(kinds, default=""))
            for id_, (labels, synonyms, kinds) in sorted(merged.items())
        )

    @cached_property
    def _entry(self) -> dict[str, NameEntry]:
        return {entry.id: entry for entry in self.entries}

    @cached_property
    def _fuzzy_table(self) -> tuple[list[str], list[frozenset[str]], list[tuple[str, ...]], list[tuple[str, ...]]]:
        """The distinct word forms of every name, their word sets, digits, and the ids they name (sorted)."""
        ids_of: dict[str, set[str]] = {}
        for entry in self._given:
            for name in (entry.id, *entry.labels, *entry.synonyms):
                words = search_words(name) if name else ""
                if words:
                    ids_of.setdefault(words, set()).add(entry.id)
        forms = sorted(ids_of)
        return (
            forms,
            [frozenset(form.split()) for form in forms],
            [tuple(_DIGITS.findall(form)) for form in forms],
            [tuple(sorted(ids_of[form])) for form in forms],
        )

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._ids

    def label(self, entity_id: str) -> str:
        """The entity's first label (English before Chinese), or its id when it has none."""
        entry = self._entry.get(entity_id)
        return entry.labels[0] if entry and entry.labels else entity_id

    def describe(self, entity_id: str) -> str:
        """``label, Class`` of an entity, for a candidate list; the class is left out when unknown."""
        entry = self._entry.get(entity_id)
        return ", ".join(part for part in (self.label(entity_id), entry.kind if entry else "") if part)

    def match(self, name: str) -> NameMatch:
        """The ids ``name`` names in the first tier that knows it; ``ids`` is empty when none does."""
        if name in self._ids:
            return NameMatch(name, (name,), "exact")
        for key, tiers in ((name_key(name), self._by_name_key), (search_key(name), self._by_search_key)):
            for tier, found in tiers.items():
                if key in found:
                    return NameMatch(name, tuple(sorted(found[key])), tier)
        rivals = self._scores(name, same_digits=True)
        if rivals:
            best, score = rivals[0]
            runner_up = rivals[1][1] if len(rivals) > 1 else 0
            if score >= ACCEPT and score - runner_up >= MARGIN:
                note = f'resolved "{name}" to {best} ({self.label(best)}; fuzzy match {score})'
                return NameMatch(name, (best,), "fuzzy", score, note)
        return NameMatch(name, (), None)

    def _scores(self, name: str, *, same_digits: bool = False) -> list[tuple[str, int]]:
        """Each entity scoring above zero and its best score, best first (ties by id).

        With ``same_digits`` only names with the asked name's digits, in its order, count.
        """
        from rapidfuzz import fuzz, process

        words = search_words(name) if len(name) <= MAX_FUZZY_CHARS else ""
        if not words:
            return []
        forms, word_sets, digits, ids = self._fuzzy_table
        asked, asked_digits = frozenset(words.split()), tuple(_DIGITS.findall(words))
        best: dict[str, int] = {}
        for _, spelling, i in process.extract(words, forms, scorer=fuzz.token_sort_ratio, processor=None, limit=None):
            if same_digits and digits[i] != asked_digits:
                continue
            score = min(100, round(spelling) + (WORDS_BONUS if _all_in(asked, word_sets[i]) else 0))
            for id_ in ids[i]:
                best[id_] = max(score, best.get(id_, 0))
        return sorted(((id_, score) for id_, score in best.items() if score > 0), key=lambda item: (-item[1], item[0]))

    def resolve(self, name: str, *, strict: bool = True) -> str | None:
        """The id of the one entity ``name`` names.

        With ``strict`` an unknown or ambiguous name raises :class:`~mechkg.errors.UnknownEntity`
        (an ambiguous name lists the ids it names, an unknown one :meth:`candidates`); otherwise
        such a name gives ``None``.
        """
        found = self.match(name)
        if found.unique:
            return found.ids[0]
        if not strict:
            return None
        self.raise_unknown(name, found)
        raise AssertionError("unreachable")  # pragma: no cover

    def raise_unknown(self, name: str, found: NameMatch | None = None) -> None:
        """Raise :class:`~mechkg.errors.UnknownEntity` for ``name``: ambiguous when ``found`` names several ids, else unknown."""
        found = self.match(name) if found is None else found
        ids = list(found.ids) if len(found.ids) > 1 else self.candidates(name)
        described = {id_: self.describe(id_) for id_ in ids if id_ in self._entry}
        raise UnknownEntity(name, ids, ambiguous=len(found.ids) > 1, described=described)

    def candidates(self, name: str) -> list[str]:
        """Ids of the entities whose names are near ``name``: fuzzy score at least :data:`CLOSE`, best first, at most five.

        Ties are in id order, so the answer does not depend on the order the entries came in.
        """
        return [id_ for id_, score in self._scores(name) if score >= CLOSE][:MAX_CANDIDATES]

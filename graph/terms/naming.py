"""Names -> entity ids, with one precedence for every caller: exact id, then id, label, synonym.

A :class:`NameIndex` is built from :class:`NameEntry` values (an id, its labels in any language,
its synonyms) and knows nothing of where they came from: :func:`mechkg.network.names.name_index`
feeds it the network's nodes, :attr:`mechkg.query.store.SparqlStore.names` a store's
``rdfs:label`` and ``skos:altLabel``. So the CLI, the server, the path finder and a SPARQL
parameter all read a name the same way, and fail with the same candidates.

A name is looked up in tiers, the first tier that knows it wins:

1. the id itself, exactly as written;
2. an id, 3. a label, 4. a synonym, each compared after :func:`name_key` (NFKC, case folded).

So a label is never made ambiguous by another entity's synonym (``insulin`` is the label of
INSULIN and a synonym of INS). A name that several entries share within its tier is ambiguous;
one that no tier knows gets near names as candidates (:meth:`NameIndex.candidates`).

Where to extend: what counts as the same spelling (script variants such as 干/幹, simplified and
traditional characters) belongs in :func:`name_key`, which every tier and every caller shares;
how near names are found (fuzzy matching) belongs in :meth:`NameIndex.candidates`.

This module is pure Python (no rdflib, no networkx), so both the network and the query layer
use it, and it can be stored in a compiled graph.

>>> index = NameIndex([
...     NameEntry("SLE", labels=("systemic lupus erythematosus", "系統性紅斑狼瘡"), synonyms=("lupus",)),
...     NameEntry("INSULIN", labels=("insulin",)),
...     NameEntry("INS", labels=("insulin receptor",), synonyms=("insulin",)),
... ])
>>> index.resolve("Lupus"), index.resolve("系統性紅斑狼瘡"), index.resolve("insulin")
('SLE', 'SLE', 'INSULIN')
>>> index.match("insulin").tier
'id'
>>> index.resolve("lupis")
Traceback (most recent call last):
...
mechkg.errors.UnknownEntity: no entity named 'lupis'; candidates: SLE
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from mechkg.errors import UnknownEntity

__all__ = ["TIERS", "NameEntry", "NameIndex", "NameMatch", "name_key"]

TIERS = ("exact", "id", "label", "synonym")
"""The tiers of a look-up, first to last; ``exact`` is the id as written, the others compare keys."""

_CLOSE = 6
"""How many near names difflib offers, and how many names that contain the asked one."""

_MAX_CANDIDATES = 10
"""At most this many candidate ids for an unknown name."""


def name_key(name: str) -> str:
    """The form names are compared in: NFKC-normalised, stripped, case-folded.

    >>> name_key("  ＴＧＦ-Β ") == name_key("tgf-β")
    True
    """
    return unicodedata.normalize("NFKC", name).strip().casefold()


@dataclass(frozen=True, slots=True)
class NameEntry:
    """One entity as the index sees it: its id, its labels (any language), its synonyms."""

    id: str
    labels: tuple[str, ...] = ()
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class NameMatch:
    """What a name matched: the ids (sorted; empty if none) and the tier that matched them."""

    name: str
    ids: tuple[str, ...]
    tier: str | None

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
        # Only the look-up tables are made here: a network builds its index on every look-up,
        # so the canonical entries and the sorted keys wait until someone asks for them.
        self._given = tuple(entries)
        self._tiers: dict[str, dict[str, set[str]]] = {tier: {} for tier in TIERS[1:]}
        by_id, by_label, by_synonym = self._tiers.values()
        for entry in self._given:
            by_id.setdefault(name_key(entry.id), set()).add(entry.id)
            for label in entry.labels:
                if label:
                    by_label.setdefault(name_key(label), set()).add(entry.id)
            for synonym in entry.synonyms:
                if synonym:
                    by_synonym.setdefault(name_key(synonym), set()).add(entry.id)
        self._ids = frozenset(entry.id for entry in self._given)

    @cached_property
    def entries(self) -> tuple[NameEntry, ...]:
        """The entries, merged by id, in one canonical order (by id; labels and synonyms sorted)."""
        merged: dict[str, tuple[set[str], set[str]]] = {}
        for entry in self._given:
            labels, synonyms = merged.setdefault(entry.id, (set(), set()))
            labels.update(label for label in entry.labels if label)
            synonyms.update(synonym for synonym in entry.synonyms if synonym)
        return tuple(
            NameEntry(id_, tuple(sorted(labels)), tuple(sorted(synonyms))) for id_, (labels, synonyms) in sorted(merged.items())
        )

    @cached_property
    def _keys(self) -> list[str]:
        return sorted({key for found in self._tiers.values() for key in found})

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._ids

    def match(self, name: str) -> NameMatch:
        """The ids ``name`` names in the first tier that knows it; ``ids`` is empty when none does."""
        if name in self._ids:
            return NameMatch(name, (name,), "exact")
        key = name_key(name)
        for tier, found in self._tiers.items():
            if key in found:
                return NameMatch(name, tuple(sorted(found[key])), tier)
        return NameMatch(name, (), None)

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
        if found.ids:
            raise UnknownEntity(name, list(found.ids), ambiguous=True)
        raise UnknownEntity(name, self.candidates(name))

    def candidates(self, name: str) -> list[str]:
        """Ids whose names are near ``name``: close spellings (difflib) and names containing it.

        Of the names containing ``name``, those starting with it come first, then shorter ones.
        Sorted, at most ten; the same whatever order the entries came in.
        """
        key = name_key(name)
        close = difflib.get_close_matches(key, self._keys, n=_CLOSE, cutoff=0.6)
        containing = sorted((k for k in self._keys if key and key in k), key=lambda k: (not k.startswith(key), len(k), k))
        ids = {id_ for k in (*close, *containing[:_CLOSE]) for found in self._tiers.values() for id_ in found.get(k, ())}
        return sorted(ids)[:_MAX_CANDIDATES]

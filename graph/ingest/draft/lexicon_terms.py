"""The lexicon terms worth looking for in one article: which lexicons, which of their names, how matched.

``mechkg draft`` proposes standard identifiers for what an article names, from the reference
lexicons (``*.tsv``, see :mod:`mechkg.terms.identifiers`). A lexicon lists hundreds of thousands
of names, most of which never occur in a given article and many of which are too short or too
general to mean anything on their own; these rules keep the matcher small and the noise down:

* **Lexicons used**, in this order of preference (a name several lexicons share lists their
  candidates in this order): CL (``CellType``), MONDO (``Disease``), HGNC (``GeneProduct``),
  miRBase (``MicroRNA``), FamPlex (``ProteinFamilyOrComplex``), GO biological process
  (``BiologicalProcess``), UBERON (``AnatomicalEntity``). Not used: ECO (evidence codes, not
  things an article names), ChEBI (labels only, with its whole role branch: "drug", "agent"),
  MeSH (entry terms as general as "Cells" or "Therapy"). Rows are non-obsolete by construction
  of the lexicons (obsolete ids live in a file of their own, not read here).
* **Names**: a term's label and its synonyms. For HGNC, the approved symbol and the alias and
  previous symbols are matched **case-sensitively** (``IL6``, ``IL-6``; never the word "hsf"),
  the approved name ("interleukin 6") case-insensitively. miRBase names are matched
  case-insensitively, so an arm-less ``miR-146a`` reaches the precursor ``hsa-mir-146a`` as a
  candidate (the lexicon has no arm-less mature names; the curator picks the arm).
* **Noise**: a name needs at least three characters and one letter; a name of three characters
  or fewer counts only as an all-caps abbreviation (``MSC``, ``SLE``) and matches
  case-sensitively, as does any name whose letters are all capitals up to five characters
  (``IL6R``); single general words (:data:`GENERIC_WORDS`) are skipped, and so is a synonym that
  is one lower-case word of at most four letters (``read``, ``back``; a label such as ``lung`` is kept).
* **Only what the article can contain**: a name is kept only when each of its ASCII words
  (folded, :mod:`mechkg.ingest.draft.fold`) occurs in the article as a word, so a lexicon of
  40 000 genes becomes the few dozen names worth an automaton.

>>> words = article_words("IL-6 drives Th17 cells in SLE")
>>> sorted(words)[:5], sorted(term_words("IL-6")), term_words("IL-6") <= words
(['6', 'cell', 'cells', 'drive', 'drives'], ['6', 'il'], True)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from mechkg.ingest.draft.fold import fold

__all__ = [
    "GENERIC_WORDS",
    "LEXICONS",
    "LexiconTerm",
    "article_words",
    "is_abbreviation",
    "lexicon_terms",
    "term_words",
]

LEXICONS: tuple[tuple[str, str], ...] = (
    ("cl.tsv", "CellType"),
    ("mondo.tsv", "Disease"),
    ("hgnc.tsv", "GeneProduct"),
    ("mirbase_human.tsv", "MicroRNA"),
    ("famplex.tsv", "ProteinFamilyOrComplex"),
    ("go_bp.tsv", "BiologicalProcess"),
    ("uberon.tsv", "AnatomicalEntity"),
)
"""Lexicon file -> the MechKG class of an entity grounded in it, in order of preference."""

GENERIC_WORDS = frozenset(
    "cell cells disease diseases disorder disorders condition conditions tissue tissues organ organs "
    "protein proteins gene genes syndrome patient patients process processes response responses growth "
    "signaling signalling activity function system body therapy treatment role development regulation "
    "death transport binding expression secretion injury lesion lesions damage behavior behaviour "
    "membrane blood plasma serum fluid".split()
)
"""Single words too general to propose as an entity, though a lexicon lists them (``cell`` is CL:0000000)."""

MIN_LENGTH = 3
SHORT_CAPS = 5
"""A name of letters all in capitals up to this length is an abbreviation, matched case-sensitively."""
SHORT_SYNONYM = 4
"""A lower-case one-word synonym this short is skipped: an abbreviation a lexicon wrote in lower
case (MONDO's ``read`` for rectum adenocarcinoma) or an everyday word (UBERON's ``back``)."""

_WORD = re.compile(r"[a-z0-9]+")
_MAX_FIELD = 100_000
"""A lexicon line longer than this is not a term list (a corrupt or foreign file): it is skipped."""


@dataclass(frozen=True, slots=True)
class LexiconTerm:
    """One name of one lexicon entry, and how it is to be matched."""

    text: str
    curie: str
    label: str
    """The lexicon's own label (for HGNC the approved symbol), as an xref must quote it."""
    entity_class: str
    name: str
    """An English name for a proposed entity (HGNC: the approved name; others: the label)."""
    via_label: bool
    case_sensitive: bool
    rank: int
    """Position of the lexicon in :data:`LEXICONS` (lower is preferred)."""


def article_words(text: str) -> set[str]:
    """The folded ASCII words of an article, each also without a plural ``s`` (``MSCs`` -> ``mscs``, ``msc``)."""
    words = set(_WORD.findall(fold(text)))
    return words | {word[:-1] for word in words if len(word) > 3 and word.endswith("s")}


def term_words(term: str) -> set[str]:
    """The folded ASCII words of a term; all must be :func:`article_words` of an article for it to occur there."""
    return set(_WORD.findall(term.lower() if term.isascii() else fold(term)))  # ASCII folds to its lower case


def is_abbreviation(term: str) -> bool:
    """Letters all capitals, at most :data:`SHORT_CAPS` characters (``RA``, ``IL6R``): matched case-sensitively."""
    letters = [char for char in term if char.isalpha()]
    return bool(letters) and len(term) <= SHORT_CAPS and all(char.isupper() for char in letters)


def _usable(term: str, via_label: bool) -> bool:
    if len(term) < MIN_LENGTH or not any(char.isalpha() for char in term):
        return False
    if len(term) == MIN_LENGTH and not is_abbreviation(term):
        return False
    if not via_label and len(term) <= SHORT_SYNONYM and term.isalpha() and term.islower():
        return False
    return term.casefold() not in GENERIC_WORDS


def lexicon_terms(folder: Path, words: set[str]) -> Iterator[LexiconTerm]:
    """Every usable name of the used lexicons in ``folder`` whose words all occur in ``words``.

    A lexicon file that is missing is skipped (the caller says which were read). Files are read
    line by line; only the names that pass :func:`term_words` are kept.
    """
    for rank, (file_name, entity_class) in enumerate(LEXICONS):
        path = folder / file_name
        if path.is_file():
            yield from _file_terms(path, entity_class, rank, words)


def _file_terms(path: Path, entity_class: str, rank: int, words: set[str]) -> Iterator[LexiconTerm]:
    hgnc = path.name == "hgnc.tsv"
    with path.open(encoding="utf-8", errors="replace") as handle:
        next(handle, None)
        for line in handle:
            if len(line) > _MAX_FIELD:
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 3 or (len(fields) > 3 and fields[3] not in ("false", "")):
                continue
            curie, label = fields[0], fields[1]
            synonyms = [name for name in fields[2].split("|") if name]
            approved_name = fields[4] if hgnc and len(fields) > 4 and fields[4] else label
            for number, text in enumerate([label, *synonyms]):
                folded = text.lower() if text.isascii() else fold(text)  # ASCII folds to its lower case
                first = _WORD.search(folded)
                if first is None or first.group() not in words:  # the cheap test that rejects almost every name
                    continue
                if not set(_WORD.findall(folded)) <= words or not _usable(text, number == 0):
                    continue
                symbol = hgnc and text != approved_name
                yield LexiconTerm(
                    text=text,
                    curie=curie,
                    label=label,
                    entity_class=entity_class,
                    name=approved_name if hgnc else label,
                    via_label=number == 0,
                    case_sensitive=symbol or (is_abbreviation(text) and path.name != "mirbase_human.tsv"),
                    rank=rank,
                )

"""How much of a source the curation cites: per section, per sentence.

A sentence counts as *cited* when the quote of a claim, a study, an arm or a figure overlaps
it, and as *excused* when an entry of ``excused/`` overlaps it (headings, promotion, narration
…). Everything else is *uncited*: substantive text no claim has captured yet.

>>> [s.text for s in split_sentences("標題\\n甲句。乙句;丙句\\n")]
['標題', '甲句。', '乙句;', '丙句']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from mechkg.ingest.load import Curation

__all__ = ["Sentence", "SentenceCoverage", "source_coverage", "split_sentences"]

_SENTENCE_END = re.compile(r"[^。！？；!;]*[。！？；!;]?")
"""A sentence runs to 。！？；!; or the end of its line. ASCII '?' is not an end: in this source
it stands for characters lost in conversion ("CD4?輔助性T細胞")."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a source text, with its place."""

    line: int
    start: int
    end: int
    text: str
    section: str


@dataclass(frozen=True, slots=True)
class SentenceCoverage:
    """A sentence and what cites or excuses it."""

    sentence: Sentence
    cited_by: tuple[str, ...]
    excused: str | None

    @property
    def uncited(self) -> bool:
        """Neither cited by a quote nor deliberately excused."""
        return not self.cited_by and self.excused is None


def _is_heading(line: str) -> bool:
    text = line.strip()
    return bool(text) and len(text) <= 40 and not re.search(r"[。，,;；!！:：]", text)


def split_sentences(text: str) -> list[Sentence]:
    """Split a source text into sentences, each knowing its line and its section heading."""
    sentences: list[Sentence] = []
    offset = 0
    section = ""
    for number, line in enumerate(text.split("\n"), start=1):
        if _is_heading(line):
            section = line.strip()
        for match in _SENTENCE_END.finditer(line):
            piece = match.group()
            if piece.strip():
                start = offset + match.start() + len(piece) - len(piece.lstrip())
                stripped = piece.strip()
                sentences.append(Sentence(number, start, start + len(stripped), stripped, section))
        offset += len(line) + 1
    return sentences


def _spans(text: str, quotes: Iterable[tuple[str, str]]) -> Iterator[tuple[int, int, str]]:
    for quote, owner in quotes:
        start = text.find(quote)
        while start != -1:
            yield start, start + len(quote), owner
            start = text.find(quote, start + 1)


def source_coverage(curation: Curation, source_id: str) -> list[SentenceCoverage]:
    """Every sentence of one source with the records that cite it or the reason it is excused."""
    text = curation.texts[source_id]
    quotes: list[tuple[str, str]] = [(c.quote, c.id) for c in curation.claims.values() if c.source == source_id and c.quote]
    for study in curation.studies.values():
        if study.source == source_id:
            quotes.append((study.quote, study.id))
            quotes.extend((arm.quote, f"{study.id}/{arm.id}") for arm in study.arms if arm.quote)
            quotes.extend((fig.quote, f"{study.id}/{fig.id}") for fig in study.figures)
    cited = sorted(_spans(text, quotes))
    excuses = sorted(_spans(text, ((e.quote, e.reason) for e in curation.excuses if e.source == source_id)))
    result = []
    for sentence in split_sentences(text):
        by = tuple(sorted({owner for a, b, owner in cited if a < sentence.end and b > sentence.start}))
        reason = next((r for a, b, r in excuses if a < sentence.end and b > sentence.start), None)
        result.append(SentenceCoverage(sentence, by, reason))
    return result

"""An article -> the records of a draft curation: its source, the entities it names, one skeleton claim per sentence.

What a draft proposes, and what it leaves to the curator (every field left to the curator is
written as ``null``, which ``mechkg validate`` reports as not filled in yet, see
:mod:`mechkg.ingest.unfinished`):

* **the source**: ``id`` as given, ``title`` from the first non-empty line (``zh-Hant`` for a
  Traditional Chinese text, ``en`` for an English one; a Simplified Chinese text gets an empty
  English title to write, since the format holds no Simplified title), ``language`` detected
  (:func:`detect_language`), ``file`` and its ``sha256``; ``kind`` left to the curator;
* **known entities**: every curated entity the article names (:mod:`~mechkg.ingest.draft.mentions`),
  copied whole with its groundings, plus the entities they name in ``broader`` and ``uses``, so
  the draft validates on its own;
* **proposed entities**: one per lexicon entry that the article names and no curated entity has as
  an exact xref. Its id is its label in UPPER_SNAKE (a clash gets ``_2``), its class that of the
  lexicon, its English label the lexicon's (for a gene its approved name), the article's spellings
  its synonyms; its ``zh-Hant`` label is left to the curator, and every lexicon entry its names
  fit is a *candidate grounding*: an xref with the lexicon's CURIE and label and ``match: null``
  (the curator sets ``exact``/``close``/… on the right one and deletes the rest). A name that
  fits several entries goes to the entry that another mention names by its label, if any (Treg:
  CL has it as a synonym of two terms, and "regulatory T cell" names one); an abbreviation in
  brackets right after a name is that name's ("autoimmune disease (AID)", not the gene AICDA);
* **skeleton claims**: one per sentence (split as ``mechkg coverage`` splits them,
  :func:`mechkg.ingest.coverage.split_sentences`) that names two or more distinct entities and is
  not itself a heading line or the title line. Its id is ``<source>-s<NNN>`` (the sentence's number in the text), its
  quote the whole sentence (an exact span of the text), its section the heading line above it
  (else the first line), its subject and object the first two entities named, in text order;
  ``predicate``, ``statement`` and ``evidence`` are left to the curator, and ``notes`` lists every
  entity the sentence names.

Nothing here reads the clock or a hash-ordered collection: the same article, curation and
lexicons give the same records.
"""

from __future__ import annotations

import bisect
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mechkg.errors import MechKGError
from mechkg.ingest.coverage import Sentence, split_sentences
from mechkg.ingest.draft.fold import fold, is_cjk
from mechkg.ingest.draft.lexicon_terms import LEXICONS, LexiconTerm, article_words, is_abbreviation, lexicon_terms
from mechkg.ingest.draft.mentions import KnownName, Matcher, Mention
from mechkg.ingest.hanzi import simplified_only
from mechkg.ingest.load import Curation
from mechkg.ingest.model import SOURCE_ID, Entity

__all__ = ["MAX_ARTICLE_BYTES", "MAX_CANDIDATES", "Draft", "DraftError", "detect_language", "draft_records", "read_article"]

MAX_ARTICLE_BYTES = 2_000_000
"""An article larger than this is refused (a long review is ~100 kB)."""
MAX_CANDIDATES = 5
"""At most this many candidate groundings per proposed entity."""
MAX_TITLE = 200
"""A first line longer than this is not taken for a title."""

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class DraftError(MechKGError):
    """The article cannot be drafted (too large, not UTF-8, an unusable name or id)."""


@dataclass(frozen=True)
class Draft:
    """The records of a draft curation, as YAML-ready mappings, and what was found."""

    source: dict[str, Any]
    known: list[dict[str, Any]]
    proposed: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    sentences: int
    mentions: list[Mention]
    lexicons: Path | None
    """The lexicon folder read, or ``None`` when lexicon matching was skipped."""
    lexicon_files: tuple[str, ...] = field(default=())

    @property
    def groundings(self) -> int:
        """Candidate groundings proposed (xrefs of proposed entities)."""
        return sum(len(record["xrefs"]) for record in self.proposed)


def read_article(path: Path) -> tuple[bytes, str]:
    """The article's bytes and text; :class:`DraftError` when it is too large, not UTF-8 or holds control characters."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise DraftError(f"{path} is not a regular file")
        if size > MAX_ARTICLE_BYTES:
            raise DraftError(f"{path} has {size:,} bytes; an article of at most {MAX_ARTICLE_BYTES:,} bytes is drafted")
        raw = path.read_bytes()[: MAX_ARTICLE_BYTES + 1]
    except OSError as error:
        raise DraftError(f"cannot read {path}: {error.strerror or error}") from error
    if len(raw) > MAX_ARTICLE_BYTES:
        raise DraftError(f"{path} grew past {MAX_ARTICLE_BYTES:,} bytes while read")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DraftError(f"{path} line {line} is not UTF-8; save the article as UTF-8 text") from error
    bad = _CONTROL.search(text)
    if bad:
        line = text[: bad.start()].count("\n") + 1
        raise DraftError(f"{path} line {line} holds control character {bad.group()!r}, which a quote cannot carry; remove it")
    if not text.strip():
        raise DraftError(f"{path} is empty")
    return raw, text


def detect_language(text: str) -> str:
    """``zh-Hant``, ``zh-Hans`` or ``en``, the language of an article's text.

    Chinese when at least a fifth of the letters are CJK; Simplified when its Simplified-only
    characters outnumber its characters that have a Simplified form.

    >>> detect_language("間充質幹細胞"), detect_language("间充质干细胞"), detect_language("MSCs and IL-6")
    ('zh-Hant', 'zh-Hans', 'en')
    """
    cjk = [char for char in text if is_cjk(char)]
    latin = sum(char.isascii() and char.isalpha() for char in text)
    if len(cjk) * 5 < len(cjk) + latin or not cjk:
        return "en"
    simplified_chars = set(simplified_only(text))
    simplified = sum(char in simplified_chars for char in cjk)
    traditional = sum(fold(char) != char for char in cjk)
    return "zh-Hans" if simplified > traditional else "zh-Hant"


def known_names(curation: Curation) -> list[KnownName]:
    """Every label and synonym of every curated entity, and the lexicon label of each exact xref."""
    names = []
    for entity in curation.entities.values():
        for text in (entity.label.en, entity.label.zh):
            names.append(KnownName(text, entity.id, is_abbreviation(text), via_label=True))
        texts = [*entity.synonyms, *(xref.label for xref in entity.xrefs if xref.match == "exact")]
        names.extend(KnownName(text, entity.id, is_abbreviation(text)) for text in texts)
    return names


def draft_records(text: str, raw: bytes, file_name: str, source_id: str, curation: Curation, lexicons: Path | None) -> Draft:
    """The draft of one article against a curation's entities and (when given) the lexicons in ``lexicons``."""
    if not re.fullmatch(SOURCE_ID, source_id):
        raise DraftError(f"source id {source_id!r} must be lower-case letters, digits and '_' (like hangji2024)")
    if source_id in curation.sources:
        raise DraftError(f"source id {source_id!r} is already in the curation {curation.root}; choose a new one")
    if re.search(r"[/\\]", file_name) or file_name.lower().endswith((".yaml", ".yml")):
        raise DraftError(f"article file name {file_name!r}: give the article a plain name such as article.txt")
    used_files = tuple(name for name, _ in LEXICONS if lexicons is not None and (lexicons / name).is_file())
    terms = list(lexicon_terms(lexicons, article_words(text))) if lexicons is not None and used_files else []
    mentions = Matcher(known_names(curation), terms).find(text)
    targets = _entity_targets(mentions, curation)
    defined = _defined_abbreviations(text, mentions, targets)
    sentences = split_sentences(text)
    proposed = _proposed_entities(mentions, targets, defined, curation)
    claims = _skeleton_claims(text, sentences, mentions, targets, source_id)
    named = set(targets) & set(curation.entities)
    return Draft(
        source=_source_record(text, raw, file_name, source_id),
        known=[_dump(curation.entities[entity_id]) for entity_id in sorted(_closure(named, curation))],
        proposed=proposed,
        claims=claims,
        sentences=len(sentences),
        mentions=mentions,
        lexicons=lexicons if used_files else None,
        lexicon_files=used_files,
    )


def _source_record(text: str, raw: bytes, file_name: str, source_id: str) -> dict[str, Any]:
    language = detect_language(text)
    first = next((line.strip().lstrip("\ufeff").strip() for line in text.splitlines() if line.strip("\ufeff \t\r")), "")
    title = first if 0 < len(first) <= MAX_TITLE else None
    key = "zh-Hant" if language == "zh-Hant" else "en"
    record: dict[str, Any] = {
        "id": source_id,
        "title": {key: title if language != "zh-Hans" else None},
        "kind": None,
        "language": language,
        "file": file_name,
        "sha256": hashlib.sha256(raw).hexdigest(),
    }
    if language == "zh-Hans" or title is None:
        record["notes"] = f"Drafted by mechkg draft; the first line reads: {first[:MAX_TITLE]}"
    return record


def _entity_targets(mentions: list[Mention], curation: Curation) -> list[str]:
    """For each mention, a curated entity id, or the CURIE of the lexicon entry it is proposed as."""
    exact = {}
    for entity in curation.entities.values():
        for xref in entity.xrefs:
            if xref.match == "exact":
                exact.setdefault(xref.curie, entity.id)
    anchored = {m.candidates[0].curie for m in mentions if m.candidates and (m.candidates[0].via_label or len(m.candidates) == 1)}
    targets: list[str] = []
    for mention in mentions:
        if mention.known:
            targets.append(mention.target)
            continue
        curies = [term.curie for term in mention.candidates]
        known = next((exact[curie] for curie in curies if curie in exact), None)
        targets.append(known or next((curie for curie in curies if curie in anchored), curies[0]))
    return targets


def _defined_abbreviations(text: str, mentions: list[Mention], targets: list[str]) -> set[int]:
    """Lexicon mentions of an abbreviation in brackets right after another mention ("autoimmune disease (AID)").

    Such an abbreviation names what precedes it, not the lexicon entries it happens to spell
    (AID: an alias of the gene AICDA); its target is set to the preceding mention's, in place.
    """
    defined = set()
    for number in range(1, len(mentions)):
        mention, before = mentions[number], mentions[number - 1]
        if mention.known or not is_abbreviation(mention.surface):
            continue
        gap, after = text[before.end : mention.start], text[mention.end : mention.end + 1]
        if gap.strip() in ("(", "（") and after in (")", "）"):
            targets[number] = targets[number - 1]
            defined.add(number)
    return defined


def _proposed_entities(
    mentions: list[Mention], targets: list[str], defined: set[int], curation: Curation
) -> list[dict[str, Any]]:
    """One proposed entity per lexicon entry chosen for a mention, with its candidates and the article's spellings.

    ``targets`` is updated in place: a mention's CURIE becomes the proposed entity's id. The
    candidates of a ``defined`` abbreviation are not the entity's: only its spelling is kept.
    """
    by_primary: dict[str, list[int]] = {}
    for number, mention in enumerate(mentions):
        if not mention.known and targets[number] not in curation.entities:
            by_primary.setdefault(targets[number], []).append(number)
    taken = set(curation.entities) | set(curation.studies)
    records = []
    for primary in sorted(by_primary):
        group = [mentions[number] for number in by_primary[primary]]
        ranked: dict[str, LexiconTerm] = {}
        for number in by_primary[primary]:
            for term in () if number in defined else mentions[number].candidates:
                ranked.setdefault(term.curie, term)
        chosen = ranked[primary]
        candidates = [chosen, *sorted((t for c, t in ranked.items() if c != primary), key=lambda t: (t.rank, t.curie))]
        entity_id = _new_id(chosen.label, taken)
        taken.add(entity_id)
        surfaces = sorted({m.surface for m in group} - {chosen.name})
        for number in by_primary[primary]:
            targets[number] = entity_id
        records.append(
            {
                "id": entity_id,
                "type": chosen.entity_class,
                "label": {"en": chosen.name, "zh-Hant": None},
                "synonyms": surfaces,
                "xrefs": [{"curie": t.curie, "label": t.label, "match": None} for t in candidates[:MAX_CANDIDATES]],
                "notes": "Proposed by mechkg draft from "
                + ", ".join(f"'{surface}'" for surface in sorted({m.surface for m in group}))
                + "; keep the right candidate grounding (set its match) and delete the others.",
            }
        )
    return sorted(records, key=lambda record: record["id"])


def _new_id(label: str, taken: set[str]) -> str:
    """An UPPER_SNAKE entity id from a lexicon label, not clashing with ``taken``."""
    ascii_label = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    base = re.sub(r"[^A-Za-z0-9]+", "_", ascii_label).strip("_").upper() or "ENTITY"
    if not base[0].isalpha():
        base = f"E_{base}"
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}_{number}"
    return candidate


def _skeleton_claims(
    text: str, sentences: list[Sentence], mentions: list[Mention], targets: list[str], source_id: str
) -> list[dict[str, Any]]:
    starts = [sentence.start for sentence in sentences]
    in_sentence: dict[int, list[tuple[Mention, str]]] = {}
    for mention, target in zip(mentions, targets, strict=True):
        index = bisect.bisect_right(starts, mention.start) - 1
        if index >= 0 and mention.end <= sentences[index].end:
            in_sentence.setdefault(index, []).append((mention, target))
    first_line = next((line.strip() for line in text.split("\n") if line.strip()), "")
    claims = []
    for index, sentence in enumerate(sentences):
        named = list(dict.fromkeys(target for _, target in in_sentence.get(index, ())))
        if len(named) < 2 or sentence.text in (sentence.section, first_line):
            continue
        claims.append(
            {
                "id": f"{source_id.replace('_', '-')}-s{index + 1:03d}",
                "subject": named[0],
                "predicate": None,
                "object": named[1],
                "source": source_id,
                "section": sentence.section or first_line,
                "quote": sentence.text,
                "statement": None,
                "evidence": None,
                "notes": "Drafted from a sentence naming "
                + ", ".join(dict.fromkeys(f"{m.surface} ({target})" for m, target in in_sentence[index]))
                + "; subject and object are the first two: check them.",
            }
        )
    return claims


def _closure(ids: set[str], curation: Curation) -> set[str]:
    """``ids`` and every entity they name in ``broader`` or ``uses``, transitively."""
    found, todo = set(), sorted(ids)
    while todo:
        entity_id = todo.pop()
        if entity_id in found or entity_id not in curation.entities:
            continue
        found.add(entity_id)
        entity = curation.entities[entity_id]
        todo.extend((*entity.broader, *entity.uses))
    return found


def _dump(entity: Entity) -> dict[str, Any]:
    return entity.model_dump(mode="json", by_alias=True, exclude_defaults=True)

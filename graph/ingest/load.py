"""Curation YAML -> typed records, with every problem reported at once as ``file:line: field``.

The loader reads a curation folder (see ``CURATION.md``), checks each record's shape with the
models of :mod:`mechkg.ingest.model`, then checks what needs the whole curation: unique ids, references
to known entities and predicates, CURIEs against the offline lexicons, quotes and section
headings against the source text. Problems are collected, not raised one by one, so a curator
fixes a whole batch per run.

>>> from mechkg.resources import default_curation_dir
>>> curation = load_curation(default_curation_dir())
>>> curation.entities["SLE"].label.zh
'系統性紅斑狼瘡'
"""

from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from mechkg.errors import CurationError, Problem
from mechkg.ingest.hanzi import simplified_only
from mechkg.ingest.model import Claim, Entity, Excuse, Source, Study
from mechkg.ingest.yaml_lines import MAX_FILE_BYTES, LocatedDict, LocatedList, YamlProblem, read_yaml_text
from mechkg.resources import find_lexicons_dir, find_sources_dir
from mechkg.terms.identifiers import CONVERTER, LEXICON_FILES, is_valid_curie, lookup_curies
from mechkg.terms.ontology import predicates

__all__ = ["Curation", "load_curation", "section_headings"]

Record = TypeVar("Record", bound=BaseModel)

_KINDS: dict[str, type[BaseModel]] = {
    "sources": Source,
    "entities": Entity,
    "claims": Claim,
    "studies": Study,
    "excused": Excuse,
}


@dataclass(frozen=True)
class Curation:
    """Everything curated, as typed records, plus where each record was written."""

    root: Path
    sources: dict[str, Source]
    entities: dict[str, Entity]
    studies: dict[str, Study]
    claims: dict[str, Claim]
    excuses: tuple[Excuse, ...]
    texts: dict[str, str] = field(default_factory=dict)
    """Full text of each source whose file was found (source id -> text)."""
    locations: dict[str, tuple[str, int]] = field(default_factory=dict)
    """Record id -> (file relative to ``root``, line)."""
    notices: tuple[str, ...] = ()
    """Checks that could not run here, and why (e.g. no source text available)."""

    def claims_reporting(self, study_id: str) -> list[Claim]:
        """The claims that name ``study_id`` as the study that reports them."""
        return [claim for claim in self.claims.values() if claim.study == study_id]


def section_headings(text: str) -> set[str]:
    """Strings a claim may give as its ``section``: whole lines, and line starts up to a colon."""
    headings: set[str] = set()
    for line in text.splitlines():
        line = line.strip()
        if line:
            headings.add(line)
            for colon in (":", ":"):
                if colon in line:
                    headings.add(line.split(colon, 1)[0].strip())
    return headings


class _Collector:
    """Gathers problems and remembers where each record came from."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []
        self.broken: set[str] = set()
        """Ids of records that failed their shape check: already reported, so references to them are not."""

    def add(self, file: str, line: int, field_name: str, message: str) -> None:
        self.problems.append(Problem(file, line, field_name, message))


def _decode(raw: bytes, file: str, out: _Collector) -> str | None:
    if len(raw) > MAX_FILE_BYTES:
        out.add(file, 0, "", f"file is {len(raw):,} bytes; curation files must be under {MAX_FILE_BYTES:,}")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        out.add(file, line, "", f"not UTF-8 (byte 0x{raw[err.start]:02x}); save the file as UTF-8")
        return None
    if text.startswith("\ufeff"):
        out.add(file, 1, "", "starts with a byte-order mark; save as UTF-8 without BOM")
        return None
    return text


def _locate(item: Any, loc: tuple[Any, ...]) -> int:
    """The line of the deepest part of ``loc`` that exists in the located YAML value."""
    line = getattr(item, "line", 0)
    node = item
    for part in loc:
        if isinstance(node, LocatedDict) and part in node:
            line, node = node.lines[part], node[part]
        elif isinstance(node, LocatedList) and isinstance(part, int) and part < len(node):
            line, node = node.lines[part], node[part]
        else:
            break
    return line


def _flat_lines(value: Any, prefix: str = "") -> dict[str, int]:
    """Line of every key and item of a record, by dotted path (``figures.2.measure``)."""
    lines: dict[str, int] = {}
    if isinstance(value, LocatedDict):
        items: Any = value.items()
        numbers: Any = value.lines
    elif isinstance(value, LocatedList):
        items, numbers = enumerate(value), dict(enumerate(value.lines))
    else:
        return lines
    for key, child in items:
        path = f"{prefix}{key}"
        lines[path] = numbers[key]
        lines.update(_flat_lines(child, f"{path}."))
    return lines


def _allowed_keys(model: type[BaseModel]) -> str:
    return ", ".join(info.alias or name for name, info in model.model_fields.items())


def _explain(model: type[BaseModel], item: Any, error: Any) -> tuple[str, str]:
    loc = tuple(error["loc"])
    field_name = ".".join(str(part) for part in loc)
    if error["type"] == "extra_forbidden":
        owner: Any = model
        for part in loc[:-1]:
            if isinstance(part, str) and hasattr(owner, "model_fields") and part in owner.model_fields:
                annotation = owner.model_fields[part].annotation
                args = getattr(annotation, "__args__", ())
                owner = next((a for a in (annotation, *args) if hasattr(a, "model_fields")), owner)
        return field_name, f"unknown key; allowed keys here: {_allowed_keys(owner)}"
    if error["type"] == "missing":
        return field_name, "required key is missing"
    return field_name, f"{error['msg']} (got {error.get('input')!r})"


def _records(path: Path, kind: str, out: _Collector) -> Iterator[tuple[BaseModel, str, int, dict[str, int]]]:
    """Parse one file into records of its kind, reporting what cannot be read."""
    file = path.relative_to(out.root).as_posix()
    text = _decode(path.read_bytes(), file, out)
    if text is None:
        return
    try:
        document = read_yaml_text(text, file)
    except YamlProblem as err:
        out.problems.append(err.problem)
        return
    if document is None:
        out.add(file, 1, "", "file is empty; expected a list of records (or delete the file)")
        return
    if not isinstance(document, LocatedList):
        out.add(file, getattr(document, "line", 1), "", "expected a list of records, each starting with '- '")
        return
    model = _KINDS[kind]
    for index, item in enumerate(document):
        line = document.lines[index]
        if not isinstance(item, LocatedDict):
            out.add(file, line, "", f"expected a record (key: value lines), got {item!r}")
            continue
        try:
            record = model.model_validate(dict(item))
        except ValidationError as err:
            if isinstance(item.get("id"), str):
                out.broken.add(item["id"])
            for error in err.errors():
                field_name, message = _explain(model, item, error)
                out.add(file, _locate(item, tuple(error["loc"])), field_name, message)
            continue
        yield record, file, line, _flat_lines(item)


def _files(root: Path, out: _Collector) -> Iterator[tuple[Path, str]]:
    if not root.is_dir():
        out.add(str(root), 0, "", "curation folder not found")
        return
    if not (root / "sources.yaml").is_file():
        out.add(str(root), 0, "", "no sources.yaml: a curation folder needs one (see CURATION.md)")
    else:
        yield root / "sources.yaml", "sources"
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if path.is_dir() or rel.as_posix() == "sources.yaml" or path.name.startswith("."):
            continue
        kind = rel.parts[0] if len(rel.parts) == 2 else ""
        if kind in _KINDS and kind != "sources" and path.suffix in (".yaml", ".yml"):
            yield path, kind
        elif path.suffix in (".yaml", ".yml"):
            out.add(
                rel.as_posix(),
                0,
                "",
                "not part of the curation format: put it in entities/, claims/, studies/ or excused/",
            )


def _suggest(name: str, known: dict[str, Entity], studies: dict[str, Study]) -> str:
    pool = {**{k: k for k in known}, **{k: k for k in studies}}
    for entity in known.values():
        for text in (entity.label.en, entity.label.zh, *entity.synonyms):
            pool.setdefault(text, entity.id)
    close = difflib.get_close_matches(name, list(pool), n=3, cutoff=0.6)
    ids = sorted({pool[c] for c in close})
    return f" (did you mean {', '.join(ids)}?)" if ids else " (define it in entities/ or use an existing id)"


def _normalised(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _check_quote(quote: str, text: str | None, where: tuple[str, int, str], out: _Collector) -> None:
    if text is None or quote in text:
        return
    hint = (
        "it matches only after normalising punctuation, width or spaces: copy the source's exact characters"
        if _normalised(quote) in _normalised(text)
        else "copy an exact span of the source text"
    )
    out.add(*where, f"quote is not an exact substring of the source: {quote!r}; {hint}")


def load_curation(
    root: Path,
    *,
    sources_dir: Path | None = None,
    lexicons_dir: Path | None = None,
) -> Curation:
    """Read and check a curation folder; raise :class:`CurationError` listing every problem.

    Source texts and lexicons are found as described in :mod:`mechkg.resources`; the checks that
    need them are skipped, with a notice, when they are not available here.
    """
    root = Path(root).resolve()
    out = _Collector(root)
    notices: list[str] = []
    loaded: dict[str, list[tuple[Any, str, int, dict[str, int]]]] = defaultdict(list)
    for path, kind in _files(root, out):
        loaded[kind].extend(_records(path, kind, out))

    locations: dict[str, tuple[str, int]] = {}
    field_lines: dict[str, dict[str, int]] = {}

    def unique(kind: str, label: str) -> dict[str, Any]:
        records: dict[str, Any] = {}
        for record, file, line, key_lines in loaded[kind]:
            if record.id in records or (kind == "studies" and record.id in entities):
                first = locations[record.id]
                out.add(file, line, "id", f"duplicate {label} id {record.id!r} (first at {first[0]}:{first[1]})")
                continue
            records[record.id] = record
            locations[record.id] = (file, line)
            field_lines[record.id] = key_lines
        return records

    sources: dict[str, Source] = unique("sources", "source")
    entities: dict[str, Entity] = unique("entities", "entity")
    studies: dict[str, Study] = unique("studies", "entity")
    claims: dict[str, Claim] = unique("claims", "claim")
    excuses = tuple(record for record, *_ in loaded["excused"])

    texts = _source_texts(sources, locations, sources_dir, out, notices, field_lines)
    headings = {sid: section_headings(text) for sid, text in texts.items()}
    known_predicates = predicates()

    def where(record_id: str, record: Any, field_name: str, *index: int | str) -> tuple[str, int, str]:
        """File, line and field of a record's field, or of one item of it (``figures``, 2)."""
        del record
        file, line = locations[record_id]
        path = ".".join(str(part) for part in (field_name, *index))
        known = field_lines[record_id]
        while path not in known and "." in path:
            path = path.rsplit(".", 1)[0]
        return file, known.get(path, line), path

    def check_ref(record_id: str, record: Any, field_name: str, ref: str, want: tuple[str, ...] = (), *index: int | str) -> None:
        kind = entities[ref].type if ref in entities else ("ClinicalStudy" if ref in studies else None)
        if kind is None and ref in out.broken:
            return  # defined, but invalid: reported where it is defined
        if kind is None:
            out.add(*where(record_id, record, field_name, *index), f"unknown entity {ref!r}{_suggest(ref, entities, studies)}")
        elif want and kind not in want:
            out.add(*where(record_id, record, field_name, *index), f"{ref!r} is a {kind}; expected {' or '.join(want)}")

    def check_source(record_id: str, record: Any) -> str | None:
        if record.source not in sources:
            if record.source in out.broken:
                return None
            out.add(*where(record_id, record, "source"), f"unknown source {record.source!r}; known: {', '.join(sorted(sources))}")
            return None
        return texts.get(record.source)

    def check_section(record_id: str, record: Any) -> None:
        if record.source in headings and record.section.strip() not in headings[record.source]:
            out.add(
                *where(record_id, record, "section"),
                f"{record.section!r} is not a heading of the source; "
                "give a whole line of it, or the start of a line up to its colon",
            )

    def check_traditional(record_id: str, record: Any, field_name: str, text: str) -> None:
        """A zh-Hant label may not use characters that exist only in Simplified Chinese (mechkg.ingest.hanzi)."""
        found = simplified_only(text)
        if found:
            out.add(
                *where(record_id, record, field_name),
                f"zh-Hant text {text!r} has Simplified-only characters {''.join(found)}; "
                "write it in Traditional Chinese (put a Simplified spelling in synonyms)",
            )

    for source in sources.values():
        check_traditional(source.id, source, "title.zh-Hant", source.title.zh)
    for record_id, record in (*entities.items(), *studies.items()):
        check_traditional(record_id, record, "label.zh-Hant", record.label.zh)

    # entities
    for entity in entities.values():
        for number, ref in enumerate(entity.broader):
            check_ref(entity.id, entity, "broader", ref, (), number)
        for number, ref in enumerate(entity.uses):
            check_ref(entity.id, entity, "uses", ref, (), number)
        if (entity.uses or entity.properties) and entity.type != "Therapy":
            out.add(*where(entity.id, entity, "uses"), f"only a Therapy has uses/properties; {entity.id} is a {entity.type}")
        if not entity.xrefs and not entity.ungrounded:
            out.add(*where(entity.id, entity, "xrefs"), "no xrefs and no 'ungrounded' reason; ground it or say why it cannot be")
        if entity.flags and entity.notes is None and not all(f.note for f in entity.flags):
            out.add(*where(entity.id, entity, "flags"), "a flag needs a note")
    _check_cycles(entities, locations, out)
    _check_xrefs(entities, locations, field_lines, lexicons_dir, out, notices)

    # claims
    for claim in claims.values():
        text = check_source(claim.id, claim)
        check_ref(claim.id, claim, "subject", claim.subject)
        check_ref(claim.id, claim, "object", claim.object)
        if claim.predicate not in known_predicates:
            close = difflib.get_close_matches(claim.predicate, list(known_predicates), n=2)
            hint = f"did you mean {', '.join(close)}?" if close else f"one of {', '.join(sorted(known_predicates))}"
            out.add(*where(claim.id, claim, "predicate"), f"unknown predicate {claim.predicate!r}; {hint}")
        for number, ref in enumerate(claim.disease):
            check_ref(claim.id, claim, "disease", ref, ("Disease",), number)
        for number, ref in enumerate(claim.context):
            check_ref(claim.id, claim, "context", ref, (), number)
        if claim.species and claim.species.upper() not in entities:
            out.add(
                *where(claim.id, claim, "species"),
                f"species {claim.species!r} needs the entity {claim.species.upper()} (an OrganismTaxon)",
            )
        if claim.study is not None and claim.study not in studies and claim.study not in out.broken:
            out.add(
                *where(claim.id, claim, "study"),
                f"unknown study {claim.study!r}; studies: {', '.join(sorted(studies)) or 'none'}",
            )
        if claim.aspect and claim.predicate not in ("increases", "decreases", "regulates"):
            out.add(*where(claim.id, claim, "aspect"), "an aspect qualifies only increases, decreases or regulates")
        if claim.flags and claim.confidence > 0.5:
            out.add(
                *where(claim.id, claim, "confidence"), f"a flagged claim must have confidence <= 0.5 (got {claim.confidence})"
            )
        _check_quote(claim.quote, text, where(claim.id, claim, "quote"), out)
        check_section(claim.id, claim)

    # studies
    reported = Counter(claim.study for claim in claims.values() if claim.study)
    for study in studies.values():
        text = check_source(study.id, study)
        check_section(study.id, study)
        _check_quote(study.quote, text, where(study.id, study, "quote"), out)
        for number, ref in enumerate(study.disease):
            check_ref(study.id, study, "disease", ref, ("Disease",), number)
        for number, ref in enumerate(study.interventions):
            check_ref(study.id, study, "interventions", ref, ("Therapy",), number)
        arm_ids = Counter(arm.id for arm in study.arms)
        for number, arm in enumerate(study.arms):
            if arm.intervention:
                check_ref(study.id, study, "arms", arm.intervention, ("Therapy",), number, "intervention")
            if arm.quote:
                _check_quote(arm.quote, text, where(study.id, study, "arms", number, "quote"), out)
        figure_ids = Counter(figure.id for figure in study.figures)
        for duplicate in [i for i, n in (arm_ids + figure_ids).items() if n > 1]:
            out.add(*where(study.id, study, "figures"), f"arm/figure id {duplicate!r} is used twice in {study.id}")
        for number, figure in enumerate(study.figures):
            check_ref(study.id, study, "figures", figure.measure, (), number, "measure")
            if figure.arm and figure.arm not in arm_ids:
                out.add(
                    *where(study.id, study, "figures", number, "arm"), f"figure {figure.id!r} names unknown arm {figure.arm!r}"
                )
            if figure.claim and figure.claim not in claims:
                out.add(
                    *where(study.id, study, "figures", number, "claim"),
                    f"figure {figure.id!r} names unknown claim {figure.claim!r}",
                )
            _check_quote(figure.quote, text, where(study.id, study, "figures", number, "quote"), out)
        if not reported[study.id]:
            out.add(*where(study.id, study, "id"), f"no claim reports study {study.id}; add a claim with 'study: {study.id}'")

    for excuse, file, line, key_lines in loaded["excused"]:
        if excuse.source not in sources:
            if excuse.source in out.broken:
                continue
            out.add(file, line, "source", f"unknown source {excuse.source!r}")
        else:
            _check_quote(excuse.quote, texts.get(excuse.source), (file, key_lines.get("quote", line), "quote"), out)

    if out.problems:
        raise CurationError(out.problems)
    return Curation(
        root=root,
        sources=sources,
        entities=entities,
        studies=studies,
        claims=claims,
        excuses=excuses,
        texts=texts,
        locations=locations,
        notices=tuple(notices),
    )


def _source_texts(
    sources: dict[str, Source],
    locations: dict[str, tuple[str, int]],
    sources_dir: Path | None,
    out: _Collector,
    notices: list[str],
    field_lines: dict[str, dict[str, int]] | None = None,
) -> dict[str, str]:
    folder = find_sources_dir(sources_dir)
    texts: dict[str, str] = {}
    for source in sources.values():
        if not source.file:
            continue
        path = folder / source.file if folder else None
        if path is None or not path.is_file():
            notices.append(
                f"source text {source.file} not found (looked in {folder or 'no shared/sources folder'}); "
                "quotes and sections of that source were not checked"
            )
            continue
        raw = path.read_bytes()
        file, line = locations[source.id]
        line = (field_lines or {}).get(source.id, {}).get("sha256", line)
        if source.sha256 and hashlib.sha256(raw).hexdigest() != source.sha256:
            out.add(
                file,
                line,
                "sha256",
                f"{path} has sha256 {hashlib.sha256(raw).hexdigest()}, not the recorded one: a different text",
            )
            continue
        texts[source.id] = raw.decode("utf-8")
    return texts


def _check_cycles(entities: dict[str, Entity], locations: dict[str, tuple[str, int]], out: _Collector) -> None:
    """``broader`` must form a hierarchy: an entity may not be broader than itself."""
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for parent in entities[node].broader if node in entities else ():
            if state.get(parent) == 1:
                cycle = [*trail[trail.index(parent) :], parent] if parent in trail else [node, parent]
                file, line = locations[node]
                out.add(file, line, "broader", f"broader links form a cycle: {' -> '.join(cycle)}")
            elif parent in entities and parent not in state:
                visit(parent, [*trail, parent])
        state[node] = 2

    for entity_id in sorted(entities):
        if entity_id not in state:
            visit(entity_id, [entity_id])


def _check_xrefs(
    entities: dict[str, Entity],
    locations: dict[str, tuple[str, int]],
    field_lines: dict[str, dict[str, int]],
    lexicons_dir: Path | None,
    out: _Collector,
    notices: list[str],
) -> None:
    wanted: set[str] = set()
    for entity in entities.values():
        file, first = locations[entity.id]
        for number, xref in enumerate(entity.xrefs):
            line = field_lines[entity.id].get(f"xrefs.{number}", first)
            if not is_valid_curie(xref.curie):
                prefix = xref.curie.split(":", 1)[0]
                why = (
                    f"local id does not have the shape of a {prefix} id"
                    if prefix in LEXICON_FILES
                    else f"unknown prefix {prefix!r}; accepted: {', '.join(CONVERTER.get_prefixes())}"
                )
                out.add(file, line, "xrefs", f"malformed CURIE {xref.curie!r}: {why}")
            else:
                wanted.add(xref.curie)
    folder = find_lexicons_dir(lexicons_dir)
    if folder is None or not folder.is_dir():
        notices.append("reference lexicons not found; CURIEs were checked for shape only")
        return
    found = lookup_curies(wanted, folder)
    for entity in entities.values():
        file, first = locations[entity.id]
        for number, xref in enumerate(entity.xrefs):
            line = field_lines[entity.id].get(f"xrefs.{number}", first)
            if xref.curie not in wanted:
                continue
            entry = found.get(xref.curie)
            if entry is None:
                lexicon = LEXICON_FILES[xref.curie.split(":", 1)[0]]
                out.add(
                    file,
                    line,
                    "xrefs",
                    f"{xref.curie} is not in the lexicon {lexicon}; look the term up, do not write it from memory",
                )
            elif entry.obsolete:
                replacement = f"; replaced by {entry.replaced_by}" if entry.replaced_by else ""
                out.add(file, line, "xrefs", f"{xref.curie} ({entry.label}) is obsolete{replacement}")
            elif entry.label != xref.label:
                out.add(file, line, "xrefs", f"{xref.curie} is labelled {entry.label!r} in the lexicon, not {xref.label!r}")

"""Full lexicons from the ontologies' own release files: OBO, HGNC's complete set, miRBase's GFF3.

``mechkg lexicons build --from FILES... --out DIR`` writes the same files, columns and
conventions as the reference lexicons (``curie, label, synonyms, obsolete`` and the extra
columns of HGNC and miRBase; see :data:`mechkg.terms.identifiers.LEXICON_FILES`), so
``--lexicons DIR`` checks a curation against a release its curator chose. Each input's kind is
told from its first line:

* OBO (``format-version:``), parsed by obonet (a maintained OBO parser; pure Python on top of
  networkx, which MechKG already uses). The ontology's prefix names the file (``cl`` -> ``cl.tsv``;
  GO keeps the ``biological_process`` namespace, as the reference ``go_bp.tsv`` does). Synonyms of
  every scope, exact first, then related, narrow, broad. Obsolete terms go to the obsolete file with
  their ``replaced_by``. OWL is not read (obonet reads OBO only): convert it first, e.g. with ROBOT.
* HGNC's complete-set TSV (header ``hgnc_id, symbol, ...``): approved symbols; synonyms are the
  approved name, alias symbols, previous symbols.
* miRBase's genome GFF3 (``##gff-version 3``): hairpin precursors (``mirbase:MI...``) and mature
  miRNAs (``mirbase.mature:MIMAT...``, one row however many loci), each with its related entries.

Rows are sorted by CURIE (numbers in numeric order) and written with ``\\n`` line ends, so the same
inputs give the same bytes. A README.md lists every input with its version and SHA-256.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from mechkg.terms.identifiers import LEXICON_FILES, OBSOLETE_FILE

__all__ = ["BASE_COLUMNS", "Lexicon", "LexiconBuildError", "build_lexicons", "read_release_file"]

BASE_COLUMNS = ("curie", "label", "synonyms", "obsolete")
OBSOLETE_COLUMNS = ("ontology", "curie", "label", "replaced_by")
HGNC_COLUMNS = (*BASE_COLUMNS, "approved_name", "locus_type", "ncbigene", "uniprot")
MIRBASE_COLUMNS = (*BASE_COLUMNS, "type", "related", "hgnc")
_SCOPES = ("EXACT", "RELATED", "NARROW", "BROAD")
_SYNONYM = re.compile(r'^"((?:[^"\\]|\\.)*)"\s+(EXACT|RELATED|NARROW|BROAD)\b')
_MAX_LINE = 1_000_000
"""A line longer than this is not a release file of the kinds read here."""


class LexiconBuildError(ValueError):
    """An input that is not a release file of a kind read here, or two inputs for the same lexicon."""


@dataclass
class Lexicon:
    """The rows one release file gives: its lexicon file, and obsolete terms (OBO only)."""

    file: str
    columns: tuple[str, ...]
    rows: list[tuple[str, ...]]
    source: str
    kind: str
    version: str
    licence: str
    sha256: str
    obsolete: list[tuple[str, ...]] = field(default_factory=list)


def build_lexicons(files: Sequence[Path], out: Path) -> list[Lexicon]:
    """Read every release file in ``files`` and write their lexicons (and a README.md) into ``out``."""
    lexicons = [read_release_file(path) for path in files]
    seen: dict[str, str] = {}
    for lexicon in lexicons:
        if lexicon.file in seen:
            raise LexiconBuildError(f"{lexicon.source} and {seen[lexicon.file]} both give {lexicon.file}; give one")
        seen[lexicon.file] = lexicon.source
    out.mkdir(parents=True, exist_ok=True)
    for lexicon in lexicons:
        _write(out / lexicon.file, lexicon.columns, lexicon.rows)
    obsolete = sorted((row for lexicon in lexicons for row in lexicon.obsolete), key=lambda row: _curie_key(row[1]))
    if obsolete:
        _write(out / OBSOLETE_FILE, OBSOLETE_COLUMNS, obsolete)
    (out / "README.md").write_text(_readme(lexicons, len(obsolete)), encoding="utf-8", newline="\n")
    return lexicons


def read_release_file(path: Path) -> Lexicon:
    """The lexicon of one release file, its kind told from its first line."""
    with path.open("rb") as handle:
        first = handle.readline(_MAX_LINE).decode("utf-8", errors="replace")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if first.startswith("format-version:"):
        return _read_obo(path, digest)
    if first.startswith("hgnc_id\t"):
        return _read_hgnc(path, digest)
    if first.startswith("##gff-version 3"):
        return _read_mirbase(path, digest)
    if first.lstrip().startswith("<?xml") or path.suffix.lower() == ".owl":
        raise LexiconBuildError(
            f"{path}: OWL is not read here (obonet reads OBO only); convert it to OBO first, "
            f"e.g. `robot convert --input {path.name} --output {path.stem}.obo`, or use the ontology's .obo release"
        )
    raise LexiconBuildError(
        f"{path}: not a release file read here: expected OBO (first line 'format-version: ...'), "
        "HGNC's complete-set TSV (header 'hgnc_id<TAB>symbol...') or miRBase's GFF3 ('##gff-version 3')"
    )


def _read_obo(path: Path, digest: str) -> Lexicon:
    import obonet

    graph = obonet.read_obo(path, ignore_obsolete=False)
    ontology = str(graph.graph.get("ontology", "")).strip()
    prefix = _obo_prefix(ontology, graph.nodes)
    if prefix not in LEXICON_FILES:
        raise LexiconBuildError(f"{path}: ontology {ontology!r} (prefix {prefix!r}) has no lexicon here; accepted: {_accepted()}")
    rows: list[tuple[str, ...]] = []
    obsolete: list[tuple[str, ...]] = []
    for curie, data in graph.nodes(data=True):
        if not curie.startswith(f"{prefix}:") or "name" not in data:
            continue
        label = _clean(data["name"])
        if str(data.get("is_obsolete", "")).lower() == "true":
            replaced = " ".join(data.get("replaced_by", []))
            obsolete.append((prefix, curie, label, _clean(replaced)))
            continue
        if prefix == "GO" and data.get("namespace") != "biological_process":
            continue
        rows.append((curie, label, "|".join(_synonyms(label, _obo_synonyms(data.get("synonym", [])))), "false"))
    rows.sort(key=lambda row: _curie_key(row[0]))
    licence = next((_clean(v).split()[-1] for v in _as_list(graph.graph.get("property_value")) if "license" in v.lower()), "")
    version = str(graph.graph.get("data-version", "")) or "no data-version in the file"
    return Lexicon(
        file=LEXICON_FILES[prefix],
        columns=BASE_COLUMNS,
        rows=rows,
        source=path.name,
        kind=f"OBO ({ontology})",
        version=version,
        licence=licence or "not stated in the file",
        sha256=digest,
        obsolete=obsolete,
    )


def _read_hgnc(path: Path, digest: str) -> Lexicon:
    rows: list[tuple[str, ...]] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle, delimiter="\t"):
            if record.get("status") != "Approved" or not (record.get("hgnc_id") or "").startswith("HGNC:"):
                continue
            symbol, name = _clean(record["symbol"]), _clean(record.get("name") or "")
            others = [name, *_split(record.get("alias_symbol")), *_split(record.get("prev_symbol"))]
            rows.append(
                (
                    record["hgnc_id"],
                    symbol,
                    "|".join(_synonyms(symbol, others)),
                    "false",
                    name,
                    _clean(record.get("locus_type") or ""),
                    _clean(record.get("entrez_id") or ""),
                    "|".join(_split(record.get("uniprot_ids"))),
                )
            )
    rows.sort(key=lambda row: _curie_key(row[0]))
    return Lexicon(
        file=LEXICON_FILES["HGNC"],
        columns=HGNC_COLUMNS,
        rows=rows,
        source=path.name,
        kind="HGNC complete set (TSV)",
        version="not stated in the file",
        licence="not stated in the file",
        sha256=digest,
    )


def _read_mirbase(path: Path, digest: str) -> Lexicon:
    names: dict[str, str] = {}
    kinds: dict[str, str] = {}
    related: dict[str, set[str]] = defaultdict(set)
    version = ""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                if "microRNAs:" in line or line.startswith("##date"):
                    version = " ".join(filter(None, (version, " ".join(line.lstrip("#").split()))))
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 9 or fields[2] not in ("miRNA_primary_transcript", "miRNA"):
                continue
            attributes = dict(pair.split("=", 1) for pair in fields[8].split(";") if "=" in pair)
            accession = unquote(attributes.get("Alias") or attributes.get("ID", "")).split("_", 1)[0]
            if not accession:
                continue
            curie = f"mirbase:{accession}" if fields[2] == "miRNA_primary_transcript" else f"mirbase.mature:{accession}"
            names[curie] = _clean(unquote(attributes.get("Name", accession)))
            kinds[curie] = "precursor" if curie.startswith("mirbase:") else "mature"
            parent = attributes.get("Derives_from")
            if kinds[curie] == "mature" and parent:
                precursor = f"mirbase:{unquote(parent).split('_', 1)[0]}"
                related[curie].add(precursor)
                related[precursor].add(curie)
    rows = [
        (
            curie,
            names[curie],
            "|".join(_synonyms(names[curie], [names[curie].split("-", 1)[1] if "-" in names[curie] else ""])),
            "false",
            kinds[curie],
            "|".join(sorted(related[curie], key=_curie_key)),
            "",
        )
        for curie in sorted(names, key=_curie_key)
    ]
    return Lexicon(
        file=LEXICON_FILES["mirbase"],
        columns=MIRBASE_COLUMNS,
        rows=rows,
        source=path.name,
        kind="miRBase genome GFF3",
        version=version or "not stated in the file",
        licence="not stated in the file",
        sha256=digest,
    )


def _obo_prefix(ontology: str, ids: Iterable[str]) -> str:
    """The CURIE prefix of an OBO ontology: its ``ontology:`` tag upper-cased, else its terms' commonest prefix."""
    if ontology:
        return ontology.upper()
    counts: dict[str, int] = defaultdict(int)
    for curie in ids:
        counts[curie.split(":", 1)[0]] += 1
    return max(sorted(counts), key=counts.__getitem__) if counts else ""


def _obo_synonyms(values: Iterable[str]) -> list[str]:
    """Synonym texts of a term, exact first, then related, narrow, broad (file order within a scope)."""
    by_scope: dict[str, list[str]] = defaultdict(list)
    for value in values:
        match = _SYNONYM.match(value)
        if match:
            by_scope[match.group(2)].append(re.sub(r"\\(.)", r"\1", match.group(1)))
    return [text for scope in _SCOPES for text in by_scope[scope]]


def _synonyms(label: str, candidates: Iterable[str]) -> list[str]:
    """Cleaned synonyms, never the label, without case-insensitive duplicates, in the order given."""
    seen = {label.casefold()}
    kept: list[str] = []
    for candidate in candidates:
        text = _clean(candidate)
        if text and text.casefold() not in seen:
            seen.add(text.casefold())
            kept.append(text)
    return kept


def _clean(text: str) -> str:
    """Tabs, newlines and ``|`` replaced by spaces (the lexicon format's separators), ends stripped."""
    return re.sub(r"[\t\r\n|]", " ", str(text)).strip()


def _split(value: str | None) -> list[str]:
    """HGNC's ``|``-separated multi-value field (quoted in the file; csv has removed the quotes)."""
    return [part.strip() for part in (value or "").split("|") if part.strip()]


def _as_list(value: object) -> list[str]:
    if value is None:
        return []
    return [str(item) for item in value] if isinstance(value, list) else [str(value)]


def _curie_key(curie: str) -> tuple[object, ...]:
    """Sort key: the CURIE's text with every run of digits compared as a number (HGNC:5 before HGNC:10)."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", curie))


def _accepted() -> str:
    return ", ".join(sorted(LEXICON_FILES))


def _write(path: Path, columns: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write("\t".join(columns) + "\n")
        for row in rows:
            handle.write("\t".join(row) + "\n")


def _readme(lexicons: list[Lexicon], obsolete: int) -> str:
    lines = [
        "# Lexicons built by `mechkg lexicons build`",
        "",
        "Built from the release files below; same format as the reference lexicons (`curie`, `label`,",
        "`synonyms`, `obsolete`, then any extra columns). Use with `--lexicons DIR`.",
        "",
        "| file | rows | built from | kind | version | licence | sha256 |",
        "| --- | ---: | --- | --- | --- | --- | --- |",
    ]
    for lexicon in sorted(lexicons, key=lambda lexicon: lexicon.file):
        lines.append(
            f"| `{lexicon.file}` | {len(lexicon.rows)} | `{lexicon.source}` | {lexicon.kind} | {lexicon.version} | "
            f"{lexicon.licence} | `{lexicon.sha256}` |"
        )
    if obsolete:
        lines.append(f"| `{OBSOLETE_FILE}` | {obsolete} | the OBO files above | obsolete terms | | | |")
    return "\n".join(lines) + "\n"

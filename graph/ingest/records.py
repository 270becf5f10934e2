"""Curation files -> typed records, each knowing the line of every one of its fields.

A file is read with :mod:`mechkg.ingest.yaml_lines` (values that remember their lines) and each
of its items is checked against the model of its kind (:mod:`mechkg.ingest.model`); a field a
draft left ``null`` for the curator is reported as unfinished and the rest of the record checked
with a placeholder there (:mod:`mechkg.ingest.unfinished`). A record
that fails is reported at the line of the deepest part of the error's location that exists in
the file, with the field as a dotted path (``xrefs.0.curie``) and, for an unknown key, the keys
allowed there.

>>> [item] = parse_records("- {source: mini, quote: 標題, reason: heading}\\n", "excused/e.yaml", "excused", Findings())
>>> item.record.reason, item.place("quote")
('heading', Place(file='excused/e.yaml', line=1, field='quote'))
>>> findings = Findings()
>>> list(parse_records("- {source: mini, quote: 標題, reason: boring}\\n", "excused/e.yaml", "excused", findings))
[]
>>> str(findings.problems[0])[:52]
"excused/e.yaml:1: reason: Input should be 'heading',"
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from mechkg.ingest.findings import Findings, Place
from mechkg.ingest.folder import curation_files, read_text
from mechkg.ingest.model import Claim, Entity, Excuse, Source, Study
from mechkg.ingest.unfinished import unfinished_fields, with_placeholders
from mechkg.ingest.yaml_lines import LocatedDict, LocatedList, YamlProblem, read_yaml_text

__all__ = ["MODELS", "Located", "parse_records", "read_records"]

MODELS: dict[str, type[BaseModel]] = {
    "sources": Source,
    "entities": Entity,
    "claims": Claim,
    "studies": Study,
    "excused": Excuse,
}
"""The model of each kind of curation file."""

RecordT = TypeVar("RecordT", bound=BaseModel)


@dataclass(frozen=True)
class Located(Generic[RecordT]):
    """A record, the file and line where it starts, and the line of each of its keys and items."""

    record: RecordT
    file: str
    line: int
    fields: dict[str, int]
    """Line of every key and item by dotted path (``figures.2.measure``)."""

    def place(self, field_name: str, *index: int | str) -> Place:
        """Where a field is written, or one item of it (``place("figures", 2, "quote")``).

        A path the file does not spell out (a default, a missing key) falls back to its nearest
        written parent, and then to the record's first line.
        """
        path = ".".join(str(part) for part in (field_name, *index))
        while path not in self.fields and "." in path:
            path = path.rsplit(".", 1)[0]
        return Place(self.file, self.fields.get(path, self.line), path)


def read_records(root: Path, findings: Findings) -> dict[str, list[Located[Any]]]:
    """Every record of the curation folder ``root`` that has the shape of its kind, by kind, in file order."""
    loaded: dict[str, list[Located[Any]]] = defaultdict(list)
    for file in curation_files(root, findings):
        text = read_text(file, findings)
        if text is not None:
            loaded[file.kind].extend(parse_records(text, file.name, file.kind, findings))
    return loaded


def parse_records(text: str, file: str, kind: str, findings: Findings) -> Iterator[Located[Any]]:
    """The records of one file's text; what cannot be read, or does not fit the model of ``kind``, is a problem."""
    try:
        document = read_yaml_text(text, file)
    except YamlProblem as err:
        findings.problems.append(err.problem)
        return
    if document is None:
        findings.add(Place(file, 1), "file is empty; expected a list of records (or delete the file)")
        return
    if not isinstance(document, LocatedList):
        findings.add(Place(file, getattr(document, "line", 1)), "expected a list of records, each starting with '- '")
        return
    model = MODELS[kind]
    for item, line in zip(document, document.lines, strict=True):
        if not isinstance(item, LocatedDict):
            findings.add(Place(file, line), f"expected a record (key: value lines), got {item!r}")
            continue
        gaps = unfinished_fields(kind, item)
        for gap in gaps:
            findings.add_unfinished(Place(file, _line_of(item, gap.loc), gap.path), gap.message, str(item.get("id", "")))
        try:
            record = model.model_validate(with_placeholders(item, gaps) if gaps else dict(item))
        except ValidationError as err:
            _report_invalid(model, item, err, file, findings)
            continue
        yield Located(record, file, line, _field_lines(item))


def _report_invalid(model: type[BaseModel], item: LocatedDict, err: ValidationError, file: str, findings: Findings) -> None:
    if isinstance(item.get("id"), str):
        findings.broken.add(item["id"])
    for error in err.errors():
        loc = tuple(error["loc"])
        findings.add(Place(file, _line_of(item, loc), ".".join(str(part) for part in loc)), _explain(model, error))


def _line_of(item: LocatedDict, loc: tuple[Any, ...]) -> int:
    """The line of the deepest part of ``loc`` that exists in the located YAML value."""
    line, node = item.line, item
    for part in loc:
        if isinstance(node, LocatedDict) and part in node:
            line, node = node.lines[part], node[part]
        elif isinstance(node, LocatedList) and isinstance(part, int) and part < len(node):
            line, node = node.lines[part], node[part]
        else:
            break
    return line


def _field_lines(value: Any, prefix: str = "") -> dict[str, int]:
    """Line of every key and item of a record, by dotted path."""
    if isinstance(value, LocatedDict):
        items: Any = value.items()
        numbers: Any = value.lines
    elif isinstance(value, LocatedList):
        items, numbers = enumerate(value), value.lines
    else:
        return {}
    lines: dict[str, int] = {}
    for key, child in items:
        path = f"{prefix}{key}"
        lines[path] = numbers[key]
        lines.update(_field_lines(child, f"{path}."))
    return lines


def _explain(model: type[BaseModel], error: Any) -> str:
    """A curator's message for one pydantic error: allowed keys for an unknown key, plain words for a missing one."""
    if error["type"] == "extra_forbidden":
        return f"unknown key; allowed keys here: {_allowed_keys(_owner(model, tuple(error['loc'])[:-1]))}"
    if error["type"] == "missing":
        return "required key is missing"
    return f"{error['msg']} (got {error.get('input')!r})"


def _owner(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel]:
    """The model that the mapping at ``loc`` is checked against (``xrefs.0`` of an Entity: Xref)."""
    owner: Any = model
    for part in loc:
        if isinstance(part, str) and part in getattr(owner, "model_fields", {}):
            annotation = owner.model_fields[part].annotation
            args = getattr(annotation, "__args__", ())
            owner = next((a for a in (annotation, *args) if hasattr(a, "model_fields")), owner)
    return owner


def _allowed_keys(model: type[BaseModel]) -> str:
    return ", ".join(info.alias or name for name, info in model.model_fields.items())

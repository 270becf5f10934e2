"""Fields a draft leaves for the curator: written ``null``, reported as not filled in yet, the rest checked.

``mechkg draft`` writes a curation folder whose records are complete except for what only a
curator can decide: a claim's ``predicate``, ``statement`` and ``evidence``, an entity's
``zh-Hant`` label, which candidate grounding is right (an xref's ``match``), a source's ``kind``.
It writes those fields as ``null``. Such a field is **unfinished**, and the loader treats it so:

* ``mechkg validate`` reports each one at its line, saying what to write there and the values
  allowed, and fails (exit 1) exactly as for any other problem. A shipped record with a ``null``
  predicate is as invalid as before; only the message is clearer than "not a valid string".
* Every other field of the record is still checked: the record is checked with a placeholder
  in each unfinished field (:func:`with_placeholders`), so a typo in a half-finished claim, or an
  unknown subject, is reported on the same run.
* ``mechkg coverage`` reads a folder with unfinished records (``allow_unfinished``) and leaves
  the unfinished claims out, so a fresh draft shows every sentence uncited.

Only an explicit ``null`` is unfinished; a key left out is still "required key is missing".

>>> gaps = unfinished_fields("claims", {"id": "x-s001", "predicate": None, "statement": "S", "evidence": None})
>>> [gap.path for gap in gaps]
['predicate', 'evidence']
>>> with_placeholders({"id": "x-s001", "predicate": None}, gaps[:1])["predicate"]
'regulates'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from mechkg.ingest.model import EVIDENCE_LEVELS
from mechkg.terms.ontology import predicates

__all__ = ["UNFINISHED", "Gap", "unfinished_fields", "with_placeholders"]

_TEXT = "(to be written)"


def _predicate(record_id: str, _: Mapping[str, Any]) -> str:
    return f"claim {record_id} has no predicate yet; choose one of: {', '.join(sorted(predicates()))}"


def _statement(record_id: str, _: Mapping[str, Any]) -> str:
    return f"claim {record_id} has no statement yet; write in one English sentence what the quote states"


def _evidence(record_id: str, _: Mapping[str, Any]) -> str:
    return f"claim {record_id} has no evidence category yet; choose one of: {', '.join(EVIDENCE_LEVELS)}"


def _label_zh(record_id: str, _: Mapping[str, Any]) -> str:
    return f"entity {record_id} has no zh-Hant label yet; write its Traditional Chinese name in standard forms"


def _label_en(record_id: str, _: Mapping[str, Any]) -> str:
    return f"entity {record_id} has no English label yet"


def _match(record_id: str, xref: Mapping[str, Any]) -> str:
    curie, label = xref.get("curie"), xref.get("label")
    return (
        f"candidate grounding {curie} ({label}) of {record_id} is not confirmed yet; "
        "set match to exact, close, broad or narrow on the right candidate and delete the others"
    )


def _kind(record_id: str, _: Mapping[str, Any]) -> str:
    return f"source {record_id} has no kind yet; say what the text is (review article, primary research article, press report …)"


UNFINISHED: dict[str, dict[str, tuple[Any, Callable[[str, Mapping[str, Any]], str]]]] = {
    "claims": {
        "predicate": ("regulates", _predicate),
        "statement": (_TEXT, _statement),
        "evidence": ("review_assertion", _evidence),
    },
    "entities": {
        "label.en": (_TEXT, _label_en),
        "label.zh-Hant": (_TEXT, _label_zh),
        "xrefs.*.match": ("close", _match),
    },
    "sources": {"kind": (_TEXT, _kind)},
}
"""Kind of record -> dotted path of a field a draft may leave ``null`` (``*``: any item of a list) ->
(the placeholder it is checked with, the message saying what to write there)."""


@dataclass(frozen=True, slots=True)
class Gap:
    """One unfinished field: where (a dotted path and its parts), and what to write there."""

    path: str
    loc: tuple[str | int, ...]
    message: str
    placeholder: Any


def unfinished_fields(kind: str, item: Mapping[str, Any]) -> list[Gap]:
    """The fields of one record (a mapping as read from YAML) written ``null`` that a draft may leave open."""
    record_id = str(item.get("id", "?"))
    gaps = []
    for pattern, (placeholder, message) in UNFINISHED.get(kind, {}).items():
        for loc, owner in _expand(item, tuple(pattern.split("."))):
            gaps.append(Gap(".".join(str(part) for part in loc), loc, message(record_id, owner), placeholder))
    return gaps


def _expand(node: Any, parts: tuple[str, ...], done: tuple[str | int, ...] = ()) -> list[tuple[tuple[str | int, ...], Any]]:
    """The concrete paths matching ``parts`` whose value is ``None``, each with the mapping that holds it."""
    head, rest = parts[0], parts[1:]
    if head == "*":
        children = list(enumerate(node)) if isinstance(node, list) else []
    else:
        children = [(head, node[head])] if isinstance(node, Mapping) and head in node else []
    found = []
    for key, child in children:
        if rest:
            found.extend(_expand(child, rest, (*done, key)))
        elif child is None:
            found.append(((*done, key), node))
    return found


def with_placeholders(item: Mapping[str, Any], gaps: list[Gap]) -> dict[str, Any]:
    """A plain copy of ``item`` with each gap's placeholder in place of its ``null``, for checking the rest."""
    copy: Any = _plain(item)
    for gap in gaps:
        node = copy
        for part in gap.loc[:-1]:
            node = node[part]
        node[gap.loc[-1]] = gap.placeholder
    return dict(copy)


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {key: _plain(child) for key, child in value.items()}
    if isinstance(value, list):
        return [_plain(child) for child in value]
    return value

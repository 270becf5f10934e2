"""JSON-LD 1.1 compaction of an RDF graph with a flat context: pyld's answer without pyld's cost.

``mechkg.jsonld`` used to be made by rdflib (graph -> expanded JSON-LD) and pyld (compaction
with the published context): about 1.5 s for the article's 12k triples, most of it pyld
compacting each IRI anew by scanning every term. The compaction algorithm of JSON-LD 1.1
(https://www.w3.org/TR/json-ld11-api/#compaction-algorithms) is, for a context like MechKG's,
a few rules, and they depend only on an IRI and the kind of its value, so :class:`Compactor`
applies them once per distinct (IRI, kind) and reuses the answer.

What it handles, and refuses (:class:`Unsupported`) beyond:

- a context of prefixes (``"mk": "https://…/"``, ``{"@id": …, "@prefix": true}``), a ``@vocab``,
  ``@version`` 1.1, and terms with an ``@id`` and a ``@type`` (``@id``, ``@vocab`` or a datatype);
  no ``@container``, ``@language``, ``@reverse``, scoped contexts, keyword aliases or ``@base``;
- graphs without blank nodes and RDF lists (MechKG's have none: every node has an IRI).

The answer is pyld's, node for node (the tests compare the bytes of both on the article graph
and on a small graph that has every kind of term and value); :func:`mechkg.export.jsonld.to_jsonld`
falls back to pyld for anything refused here.

>>> from rdflib import Graph, Literal, URIRef
>>> label = "http://www.w3.org/2000/01/rdf-schema#label"
>>> g = Graph()
>>> _ = g.add((URIRef("https://w3id.org/mechkg/entity/IL6"), URIRef(label), Literal("IL-6", lang="en")))
>>> Compactor({"mke": "https://w3id.org/mechkg/entity/", "label": {"@id": label}}).nodes(g)
[{'@id': 'mke:IL6', 'label': {'@language': 'en', '@value': 'IL-6'}}]
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from rdflib import RDF, XSD, BNode, Graph, Literal, URIRef

__all__ = ["Compactor", "Unsupported"]

_GEN_DELIM_END = re.compile(r".*[:/?#\[\]@]$")
_TERM_KEYS = {"@id", "@type", "@prefix"}
_NATIVE = {XSD.boolean, XSD.integer, XSD.double, XSD.string}
"""Datatypes whose values rdflib's JSON-LD writer gives as JSON numbers, booleans and strings.

rdflib (7.x) means to write them so only on request, but reads its ``use_native_types`` option
into a one-element tuple, which is always true; pyld then keeps the native value. The reference
test against rdflib and pyld notices if that ever changes."""
_CONTEXT_KEYWORDS = {"@version", "@vocab"}
_RDF_TYPE, _RDF_NIL = str(RDF.type), str(RDF.nil)
_LISTS = {str(RDF.first), str(RDF.rest)}


class Unsupported(ValueError):
    """A context or graph outside what :class:`Compactor` handles (pyld must do it)."""


@dataclass(frozen=True, slots=True)
class _Term:
    """A term definition: the IRI it stands for, its type coercion, and whether it may be a CURIE prefix."""

    iri: str
    type: str | None
    prefix: bool


class _Kind(NamedTuple):
    """What term selection looks at in a value: ``@type`` or ``@language``, and the preferred entries in order."""

    map: str
    preferred: tuple[str, ...]


_PLAIN = _Kind("@language", ("@null", "@none"))
_REFERENCE = _Kind("@type", ("@id", "@none"))
_TO_ITSELF = _Kind("@type", ("@vocab", "@id", "@none"))
_TO_ID = _Kind("@type", ("@id", "@vocab", "@none"))


def _sort_key(item: Any) -> str:
    return json.dumps(item, sort_keys=True, ensure_ascii=False)


class Compactor:
    """Compacts IRIs, values and whole node objects with one context, as pyld does, remembering each answer."""

    def __init__(self, context: Mapping[str, Any]) -> None:
        """Read the term definitions of ``context`` (the object under ``@context``)."""
        unknown = {k for k in context if k.startswith("@")} - _CONTEXT_KEYWORDS
        if unknown or context.get("@version", 1.1) != 1.1:
            raise Unsupported(f"context keywords {sorted(unknown)} or @version {context.get('@version')}")
        self.vocab: str | None = context.get("@vocab")
        self._local = {k: v for k, v in context.items() if not k.startswith("@")}
        self.terms: dict[str, _Term] = {}
        for name in self._local:
            self._define(name)
        self._inverse = self._inverse_context()
        self._compacted: dict[tuple[str, bool, _Kind | None], str] = {}

    # -- context processing -----------------------------------------------------------------

    def _define(self, name: str) -> _Term:
        """The definition of term ``name``, made (with the terms it uses) on first need."""
        if name in self.terms:
            return self.terms[name]
        value = self._local[name]
        if ":" in name or (isinstance(value, dict) and not value.keys() <= _TERM_KEYS):
            raise Unsupported(f"term {name!r}: {value!r}")
        if isinstance(value, str):
            iri = self._expand(value)
            term = _Term(iri, None, bool(_GEN_DELIM_END.match(iri)) or iri.startswith("_:"))
        elif isinstance(value, dict):
            iri = self._expand(value["@id"]) if "@id" in value else self._vocab_iri(name)
            coercion = value.get("@type")
            term = _Term(iri, None if coercion is None else self._expand(coercion), value.get("@prefix") is True)
        else:
            raise Unsupported(f"term {name!r}: {value!r}")
        if term.iri.startswith("@") or term.type == "@none":
            raise Unsupported(f"term {name!r} is a keyword alias or has @type @none")
        self.terms[name] = term
        return term

    def _vocab_iri(self, name: str) -> str:
        if self.vocab is None:
            raise Unsupported(f"term {name!r} has no @id and the context no @vocab")
        return self.vocab + name

    def _expand(self, value: str) -> str:
        """A term's IRI, a CURIE or an absolute IRI, as an absolute IRI (or a keyword)."""
        if value.startswith("@"):
            return value
        if value in self._local:
            return self._define(value).iri
        prefix, colon, suffix = value.partition(":")
        if colon and (prefix == "_" or suffix.startswith("//")):
            return value
        if colon and prefix in self._local:
            term = self._define(prefix)
            if term.prefix:
                return term.iri + suffix
        if colon:
            return value
        return self._vocab_iri(value)

    def _inverse_context(self) -> dict[str, dict[str, dict[str, str]]]:
        """IRI -> {"@type" | "@language" -> {type, language or "@none" -> term}}, shortest term first."""
        inverse: dict[str, dict[str, dict[str, str]]] = {}
        for name in sorted(self.terms, key=lambda n: (len(n), n)):
            term = self.terms[name]
            entry = inverse.setdefault(term.iri, {"@type": {}, "@language": {}})
            if term.type is not None:
                entry["@type"].setdefault(term.type, name)
            else:
                entry["@language"].setdefault("@none", name)
                entry["@type"].setdefault("@none", name)
        return inverse

    # -- IRI compaction ---------------------------------------------------------------------

    def iri(self, iri: str, *, vocab: bool, kind: _Kind | None = None) -> str:
        """``iri`` as a term, a vocabulary-relative name, a CURIE or itself (IRI compaction)."""
        key = (iri, vocab, kind)
        found = self._compacted.get(key)
        if found is None:
            found = self._compacted[key] = self._compact_iri(iri, vocab, kind)
        return found

    def _compact_iri(self, iri: str, vocab: bool, kind: _Kind | None) -> str:
        if vocab and iri in self._inverse:
            term = self._select(iri, kind or _REFERENCE)
            if term is not None:
                return term
        if vocab and self.vocab and iri.startswith(self.vocab) and iri != self.vocab:
            suffix = iri[len(self.vocab) :]
            if suffix not in self.terms:
                return suffix
        curies = [
            f"{name}:{iri[len(term.iri) :]}"
            for name, term in self.terms.items()
            if term.prefix and term.iri and term.iri != iri and iri.startswith(term.iri)
        ]
        if curies:
            return min(curies, key=lambda curie: (len(curie), curie))
        if any(term.prefix and iri.startswith(name + ":") for name, term in self.terms.items()):
            raise Unsupported(f"absolute IRI {iri!r} confused with a prefix")
        return iri

    def _select(self, iri: str, kind: _Kind) -> str | None:
        """The term for ``iri`` whose type or language matches the value best (term selection)."""
        entries = self._inverse[iri][kind.map]
        return next((entries[p] for p in kind.preferred if p in entries), None)

    def _reference_kind(self, iri: str) -> _Kind:
        """A node reference prefers terms coerced to ``@vocab`` when its IRI compacts to a term for itself."""
        term = self.iri(iri, vocab=True)
        return _TO_ITSELF if term in self.terms and self.terms[term].iri == iri else _TO_ID

    # -- values and nodes ----------------------------------------------------------------------

    def property_value(self, predicate: str, value: URIRef | Literal) -> tuple[str, Any]:
        """The compacted key and value of one (predicate, object) of a node."""
        if isinstance(value, Literal):
            return self._literal(predicate, value)
        target = str(value)
        key = self.iri(predicate, vocab=True, kind=self._reference_kind(target))
        coercion = self.terms[key].type if key in self.terms else None
        compacted = self.iri(target, vocab=coercion == "@vocab")
        return key, compacted if coercion in ("@id", "@vocab") else {"@id": compacted}

    def _literal(self, predicate: str, value: Literal) -> tuple[str, Any]:
        text: Any = value.toPython() if value.datatype in _NATIVE else str(value)
        if isinstance(text, Literal):  # an ill-typed value ("abc"^^xsd:integer) stays its text
            text = str(value)
        if value.datatype is not None:
            datatype = str(value.datatype)
            key = self.iri(predicate, vocab=True, kind=_Kind("@type", (datatype, "@none")))
            if key in self.terms and self.terms[key].type == datatype:
                return key, text
            return key, {"@type": self.iri(datatype, vocab=True), "@value": text}
        if value.language:
            key = self.iri(predicate, vocab=True, kind=_Kind("@language", (value.language, "@none")))
            return key, {"@language": value.language, "@value": text}
        return self.iri(predicate, vocab=True, kind=_PLAIN), text

    def node(self, subject: str, pairs: Iterable[tuple[str, URIRef | Literal]]) -> dict[str, Any]:
        """The compacted node object of ``subject`` with its (predicate, object) pairs, keys and arrays sorted."""
        values: dict[str, list[Any]] = defaultdict(list)
        values["@id"].append(self.iri(subject, vocab=False))
        for predicate, value in pairs:
            if predicate == _RDF_TYPE:
                if not isinstance(value, URIRef):
                    raise Unsupported(f"rdf:type {value!r} is not an IRI")
                values["@type"].append(self.iri(str(value), vocab=True))
            else:
                key, item = self.property_value(predicate, value)
                values[key].append(item)
        return {key: items[0] if len(items) == 1 else sorted(items, key=_sort_key) for key, items in sorted(values.items())}

    def nodes(self, rdf: Graph) -> list[dict[str, Any]]:
        """Every subject of ``rdf`` as a compacted node object, in ``@id`` order (pyld's ``@graph``)."""
        by_subject: dict[str, list[tuple[str, URIRef | Literal]]] = defaultdict(list)
        for s, p, o in rdf:
            predicate = str(p)
            if isinstance(s, BNode) or isinstance(o, BNode) or predicate in _LISTS or str(o) == _RDF_NIL:
                raise Unsupported("blank nodes and RDF lists")
            by_subject[str(s)].append((predicate, o))  # type: ignore[arg-type]
        nodes = [self.node(s, pairs) for s, pairs in by_subject.items()]
        return sorted(nodes, key=lambda n: n["@id"])

"""RDF terms across store boundaries: rdflib <-> pyoxigraph, and W3C results JSON -> rdflib.

Every store answers in rdflib terms, so a :class:`~mechkg.query.results.QueryResult` is the
same whichever store made it; literals come back as rdflib itself would make them from Python
(plain for ``xsd:string``, decimals as ``Decimal``, language tags in their conventional case).

>>> from rdflib import Literal
>>> from_ox(to_ox(Literal("系統性紅斑狼瘡", lang="zh-Hant"))) == Literal("系統性紅斑狼瘡", lang="zh-Hant")
True
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier

from mechkg.query.sparql import SparqlError

__all__ = ["from_json_term", "from_ox", "literal", "to_ox"]


def to_ox(term: Identifier) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise SparqlError(f"cannot bind {term!r}")


def literal(lexical: str, datatype: str | None) -> Literal:
    """A typed literal as rdflib would make it from Python: plain for xsd:string, decimals as rdflib writes them.

    >>> literal("1.50", "http://www.w3.org/2001/XMLSchema#decimal").toPython()
    Decimal('1.50')
    """
    if not datatype or datatype == str(XSD.string):
        return Literal(lexical)
    if datatype == str(XSD.decimal):
        try:
            return Literal(Decimal(lexical), datatype=XSD.decimal)
        except InvalidOperation:
            pass
    return Literal(lexical, datatype=URIRef(datatype))


def _bcp47_case(tag: str) -> str:
    """Conventional case of a language tag (Oxigraph lower-cases them): ``zh-hant`` -> ``zh-Hant``."""
    parts = tag.split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            out.append(part.title())
        elif len(part) == 2 and part.isalpha():
            out.append(part.upper())
        else:
            out.append(part.lower())
    return "-".join(out)


def from_ox(term: Any) -> Identifier | None:
    """A pyoxigraph term as an rdflib term (``xsd:string`` literals become plain literals)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=_bcp47_case(term.language))
        return literal(term.value, term.datatype.value)
    raise SparqlError(f"unsupported term in a result: {term!r}")


def from_json_term(value: Mapping[str, str]) -> Identifier:
    """A term of SPARQL 1.1 Query Results JSON (``{"type": "uri", "value": …}``) as an rdflib term.

    >>> from_json_term({"type": "literal", "value": "lupus", "xml:lang": "en"})
    rdflib.term.Literal('lupus', lang='en')
    """
    kind = value["type"]
    if kind == "uri":
        return URIRef(value["value"])
    if kind == "bnode":
        return BNode(value["value"])
    lang = value.get("xml:lang")
    if lang:
        return Literal(value["value"], lang=lang)
    return literal(value["value"], value.get("datatype"))

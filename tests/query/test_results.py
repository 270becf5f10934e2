"""Query answers in the W3C result formats (JSON, XML, CSV, TSV), RDF formats, and the table people read."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
import xml.etree.ElementTree as ET

import pytest
import rdflib
from rdflib import BNode, Graph, Literal, URIRef

from mechkg.query.results import RESULT_FORMATS, QueryResult, result_graph
from mechkg.query.sparql import SparqlError
from mechkg.terms.vocab import MK, MKE, PREFIXES

SLE = MKE.SLE
ROWS = QueryResult(
    "SELECT",
    vars=("entity", "label", "n", "note"),
    rows=(
        (SLE, Literal("系統性紅斑狼瘡", lang="zh-Hant"), Literal(85), Literal('a "quoted"\tnote\nover two lines')),
        (BNode("b1"), Literal("lupus"), None, Literal("0.5", datatype=rdflib.XSD.decimal)),
    ),
)


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def test_json_is_w3c_results_json():
    data = json.loads(ROWS.serialize("json"))
    assert data["head"] == {"vars": ["entity", "label", "n", "note"]}
    first, second = data["results"]["bindings"]
    assert first["entity"] == {"type": "uri", "value": str(SLE)}
    assert first["label"] == {"type": "literal", "value": "系統性紅斑狼瘡", "xml:lang": "zh-Hant"}
    assert first["n"] == {"type": "literal", "value": "85", "datatype": str(rdflib.XSD.integer)}
    assert second["entity"] == {"type": "bnode", "value": "b1"}
    assert second["label"] == {"type": "literal", "value": "lupus"}, "xsd:string is left implicit"
    assert "n" not in second, "unbound variables are left out"


def test_ask_answers_in_json_xml_and_table():
    yes, no = QueryResult("ASK", boolean=True), QueryResult("ASK", boolean=False)
    assert json.loads(yes.serialize("json")) == {"head": {}, "boolean": True}
    assert b"<boolean>false</boolean>" in no.serialize("xml")
    assert (yes.to_table(), no.to_table()) == ("yes\n", "no\n")


def test_csv_has_a_header_plain_values_and_crlf():
    text = ROWS.serialize("csv").decode("utf-8")
    assert text.startswith("entity,label,n,note\r\n")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1] == [str(SLE), "系統性紅斑狼瘡", "85", 'a "quoted"\tnote\nover two lines']
    assert rows[2] == ["_:b1", "lupus", "", "0.5"]


def test_tsv_writes_terms_in_ntriples_syntax_with_escapes():
    lines = ROWS.serialize("tsv").decode("utf-8").splitlines()
    assert lines[0] == "?entity\t?label\t?n\t?note"
    assert lines[1].split("\t") == [
        f"<{SLE}>",
        '"系統性紅斑狼瘡"@zh-Hant',
        f'"85"^^<{rdflib.XSD.integer}>',
        '"a \\"quoted\\"\\tnote\\nover two lines"',
    ]
    assert lines[2].split("\t")[:3] == ["_:b1", '"lupus"', ""]


def test_xml_is_w3c_results_xml():
    root = ET.fromstring(ROWS.serialize("xml"))  # noqa: S314 - our own output
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    assert [v.get("name") for v in root.findall("r:head/r:variable", ns)] == ["entity", "label", "n", "note"]
    first = root.findall("r:results/r:result", ns)[0]
    assert first.find("r:binding[@name='entity']/r:uri", ns).text == str(SLE)


def test_table_uses_prefixed_names_aligns_cjk_and_counts_rows():
    table = ROWS.to_table().splitlines()
    assert table[0].startswith("entity")
    assert "mke:SLE" in table[2] and "_:b1" in table[3]
    # 系統性紅斑狼瘡 is seven wide characters, fourteen columns on a terminal: the next column lines up
    assert display_width(table[2][: table[2].index(" | 85")]) == display_width(table[3][: table[3].index(" |   ")])
    assert table[-1] == "(2 rows)"
    assert QueryResult("SELECT", vars=("x",), rows=((SLE,),)).to_table().endswith("(1 row)\n")


def test_construct_answers_are_rdf_in_the_asked_format():
    graph = result_graph()
    graph.add((SLE, URIRef(str(MK) + "increasedIn"), MKE.IL6))
    result = QueryResult("CONSTRUCT", graph=graph)
    turtle = result.serialize("table").decode("utf-8")
    assert "mke:SLE" in turtle and "@prefix mke:" in turtle
    for fmt, parse_as in (("turtle", "turtle"), ("nt", "nt"), ("xml", "xml"), ("json", "json-ld")):
        assert set(Graph().parse(data=result.serialize(fmt), format=parse_as)) == set(graph)


def test_result_graph_binds_only_the_project_prefixes():
    assert {prefix for prefix, _ in result_graph().namespaces()} == set(PREFIXES)


def test_as_dicts_leaves_unbound_variables_out():
    assert ROWS.as_dicts()[1] == {
        "entity": BNode("b1"),
        "label": Literal("lupus"),
        "note": Literal("0.5", datatype=rdflib.XSD.decimal),
    }


def test_an_unknown_format_is_an_error_naming_the_known_ones():
    with pytest.raises(SparqlError, match=", ".join(RESULT_FORMATS)):
        ROWS.serialize("yaml")


# --- byte limits (issue #15 item 2) --------------------------------------------------------------

MIXED = QueryResult(
    "SELECT",
    vars=("a", "b"),
    rows=(
        (URIRef("urn:x"), None),
        (None, None),
        (Literal('q"\n狼', lang="zh-Hant"), Literal(3)),
        (BNode("b1"), Literal("x\u2028y")),
    ),
)


def test_json_written_row_by_row_is_json_dumps_byte_for_byte():
    for result in (MIXED, QueryResult("SELECT", vars=("a",), rows=()), QueryResult("ASK", boolean=True)):
        assert result.serialize("json") == json.dumps(result.to_json(), ensure_ascii=False, indent=2).encode() + b"\n"


def _big_select() -> QueryResult:
    return QueryResult("SELECT", vars=("v",), rows=tuple((Literal("x" * 1000 + str(i)),) for i in range(200)))


def _big_graph() -> QueryResult:
    graph = result_graph()
    for i in range(200):
        graph.add((MKE[f"e{i}"], URIRef("urn:note"), Literal("y" * 1000)))
    return QueryResult("CONSTRUCT", graph=graph)


@pytest.mark.parametrize(
    ("result", "fmt"),
    [(_big_select(), f) for f in RESULT_FORMATS] + [(_big_graph(), f) for f in ("turtle", "nt", "xml", "json-ld")],
)
def test_every_format_stops_at_the_byte_limit(result, fmt):
    from mechkg.query.sparql import ResultTooLarge

    full = result.serialize(fmt)
    assert len(full) > 150_000
    assert result.serialize(fmt, max_bytes=len(full)) == full
    with pytest.raises(ResultTooLarge, match="limit of 50,000 bytes"):
        result.serialize(fmt, max_bytes=50_000)

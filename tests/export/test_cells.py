"""Spreadsheet-safe text cells in the tabular exports (Neo4j CSV, KGX TSV)."""

from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from mechkg.export.cells import FORMULA_LEADS, spreadsheet_text
from mechkg.export.kgx import _tsv
from mechkg.export.neo4j import _csv


@given(st.text(max_size=30))
def test_no_text_cell_begins_like_a_formula_and_nothing_else_changes(text):
    safe = spreadsheet_text(text)
    assert not safe.startswith(FORMULA_LEADS)
    assert safe in (text, "'" + text)


def test_neo4j_text_columns_are_neutralised_but_typed_columns_keep_their_format():
    data = _csv(["id:ID", "quote", "sign:int", "tags:string[]"], [["A", "=1+1", -1, "@x"]]).decode()
    row = next(csv.DictReader(io.StringIO(data)))
    assert row == {"id:ID": "A", "quote": "'=1+1", "sign:int": "-1", "tags:string[]": "'@x"}


def test_kgx_cells_are_neutralised_whole_and_lists_keep_their_items():
    data = _tsv(["id", "description", "synonym"], [{"id": "X:1", "description": "+cmd", "synonym": ["-a", "b"]}])
    assert data.decode().splitlines()[1] == "X:1\t'+cmd\t'-a|b"

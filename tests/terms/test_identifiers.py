"""CURIEs: one converter for the accepted prefixes, shape rules per prefix, look-ups in the offline lexicons."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import lexicons_or_skip

from mechkg.terms.identifiers import CONVERTER, LEXICON_FILES, LexiconEntry, is_valid_curie, link, lookup_curies


def test_every_lexicon_prefix_expands_and_compresses_back():
    assert set(CONVERTER.get_prefixes()) == set(LEXICON_FILES)
    for prefix in LEXICON_FILES:
        curie = f"{prefix}:X1"
        assert CONVERTER.compress(CONVERTER.expand(curie, strict=True), strict=True) == curie


@pytest.mark.parametrize(
    ("curie", "valid"),
    [
        ("CL:0000899", True),
        ("CL:899", False),
        ("MONDO:00079150", False),
        ("CHEBI:15377", True),
        ("MESH:D006801", True),
        ("MESH:Q000000", False),
        ("mirbase:MI0000067", True),
        ("mirbase.mature:MIMAT0000067", True),
        ("FPLX:TGFB", True),
        ("NCIT:C38661", False),
        ("CL0000899", False),
    ],
)
def test_shape_of_each_prefix(curie: str, valid: bool):
    assert is_valid_curie(curie) is valid


def test_links_are_for_people():
    assert link("MONDO:0007915") == "https://bioregistry.io/MONDO:0007915"


def test_lookup_reads_only_wanted_rows_and_obsolete_terms(tmp_path: Path):
    (tmp_path / "cl.tsv").write_text(
        "curie\tlabel\tsynonyms\nCL:0000001\tprimary cell\tx\nCL:0000002\tsecond\t\n", encoding="utf-8"
    )
    (tmp_path / "obsolete_cl_mondo_uberon.tsv").write_text(
        "curie\tlabel\treplaced_by\nCL:0000003\tobsolete native cell\tCL:0000001\nCL:0000001\tnot this one\t\n", encoding="utf-8"
    )
    found = lookup_curies(["CL:0000001", "CL:0000003", "CL:0009999", "HGNC:1"], tmp_path)
    assert found == {
        "CL:0000001": LexiconEntry("CL:0000001", "primary cell"),
        "CL:0000003": LexiconEntry("CL:0000003", "obsolete native cell", obsolete=True, replaced_by="CL:0000001"),
    }


def test_lookup_in_the_shipped_lexicons():
    found = lookup_curies(["MONDO:0007915", "HGNC:6018"], lexicons_or_skip())
    assert found["MONDO:0007915"].label == "systemic lupus erythematosus"
    assert found["HGNC:6018"].label == "IL6"

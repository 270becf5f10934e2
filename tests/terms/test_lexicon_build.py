"""`mechkg lexicons build` on small excerpts of real release files (tests/data/lexicons: what each is, in its README)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import DATA, lexicons_or_skip

from mechkg.terms.identifiers import lookup_curies
from mechkg.terms.lexicon_build import LexiconBuildError, build_lexicons, read_release_file

EXCERPTS = DATA / "lexicons"
FILES = [EXCERPTS / "eco_excerpt.obo", EXCERPTS / "hgnc_excerpt.tsv", EXCERPTS / "hsa_excerpt.gff3"]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("built")
    build_lexicons(FILES, out)
    return out


def test_obo_terms_with_synonyms_of_every_scope_and_obsolete_terms_apart(built: Path):
    assert (built / "eco.tsv").read_text(encoding="utf-8") == (
        "curie\tlabel\tsynonyms\tobsolete\n"
        "ECO:0000000\tevidence\tevidence code|evidence_code\tfalse\n"
        "ECO:0000001\tinference from background scientific knowledge\t\tfalse\n"
        "ECO:0000005\tenzymatic activity assay evidence\tenzyme assay evidence|enzyme assays\tfalse\n"
        "ECO:0000020\tprotein inhibition evidence\tspecific protein inhibition evidence\tfalse\n"
    )
    assert (built / "obsolete_cl_mondo_uberon.tsv").read_text(encoding="utf-8") == (
        "ontology\tcurie\tlabel\treplaced_by\nECO\tECO:0000026\tobsolete nucleic acid hybridization evidence\t\n"
    )
    entry = lookup_curies(["ECO:0000026"], built)["ECO:0000026"]
    assert entry.obsolete and entry.label == "obsolete nucleic acid hybridization evidence"


def test_hgnc_approved_symbol_with_name_aliases_and_ids(built: Path):
    assert (built / "hgnc.tsv").read_text(encoding="utf-8").splitlines() == [
        "curie\tlabel\tsynonyms\tobsolete\tapproved_name\tlocus_type\tncbigene\tuniprot",
        "HGNC:18149\tA4GALT\talpha 1,4-galactosyltransferase|A14GALT|Gb3S|P(k)|P1\tfalse\t"
        "alpha 1,4-galactosyltransferase\tgene with protein product\t53947\t",
    ]


def test_mirbase_precursor_and_mature_rows_point_at_each_other(built: Path):
    assert (built / "mirbase_human.tsv").read_text(encoding="utf-8").splitlines() == [
        "curie\tlabel\tsynonyms\tobsolete\ttype\trelated\thgnc",
        "mirbase.mature:MIMAT0000062\thsa-let-7a-5p\tlet-7a-5p\tfalse\tmature\tmirbase:MI0000060\t",
        "mirbase.mature:MIMAT0004481\thsa-let-7a-3p\tlet-7a-3p\tfalse\tmature\tmirbase:MI0000060\t",
        "mirbase:MI0000060\thsa-let-7a-1\tlet-7a-1\tfalse\tprecursor\tmirbase.mature:MIMAT0000062|mirbase.mature:MIMAT0004481\t",
    ]


def test_the_readme_names_each_input_its_version_licence_and_digest(built: Path):
    readme = (built / "README.md").read_text(encoding="utf-8")
    assert (
        "| `eco.tsv` | 4 | `eco_excerpt.obo` | OBO (eco) | releases/2024-02-02 | https://creativecommons.org/publicdomain/zero/1.0/ |"
        in readme
    )
    assert "| miRBase genome GFF3 | date 2018-3-5 microRNAs: miRBase v22 |" in readme
    assert hashlib.sha256(FILES[1].read_bytes()).hexdigest() in readme


def test_the_same_files_give_the_same_bytes(built: Path, tmp_path: Path):
    build_lexicons(list(reversed(FILES)), tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == {p.name: p.read_bytes() for p in built.iterdir()}


def test_what_it_cannot_read_is_refused_with_the_way_out(tmp_path: Path):
    owl = tmp_path / "cl.owl"
    owl.write_text('<?xml version="1.0"?>\n<rdf:RDF/>\n')
    with pytest.raises(LexiconBuildError, match=r"OWL is not read here .* `robot convert --input cl\.owl --output cl\.obo"):
        read_release_file(owl)
    other = tmp_path / "notes.txt"
    other.write_text("hello\n")
    with pytest.raises(LexiconBuildError, match=r"not a release file read here: expected OBO"):
        read_release_file(other)
    unknown = tmp_path / "hp.obo"
    unknown.write_text("format-version: 1.2\nontology: hp\n\n[Term]\nid: HP:0000001\nname: All\n")
    with pytest.raises(LexiconBuildError, match=r"ontology 'hp' \(prefix 'HP'\) has no lexicon here"):
        read_release_file(unknown)
    with pytest.raises(LexiconBuildError, match=r"both give eco\.tsv"):
        build_lexicons([FILES[0], FILES[0]], tmp_path / "out")


def test_built_rows_agree_with_the_reference_lexicons(built: Path):
    """The ECO excerpt's terms are labelled and synonymised exactly as in the reference eco.tsv (built from eco.obo)."""
    reference = lexicons_or_skip() / "eco.tsv"
    ours = (built / "eco.tsv").read_text(encoding="utf-8").splitlines()[1:]
    wanted = {line.split("\t", 1)[0] for line in ours}
    theirs = [line for line in reference.read_text(encoding="utf-8").splitlines() if line.split("\t", 1)[0] in wanted]
    assert ours == theirs

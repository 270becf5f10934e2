"""Xrefs: CURIEs of an accepted prefix and shape, and, where the lexicons are, listed, current and labelled as there."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MINI, lexicons_or_skip
from curation_edits import edit, line_of, problems_of

from mechkg import resources
from mechkg.ingest.catalog import Catalog, catalog_records
from mechkg.ingest.findings import Findings
from mechkg.ingest.records import read_records
from mechkg.ingest.xrefs import check_xrefs
from mechkg.resources import default_curation_dir, find_lexicons_dir
from mechkg.terms.snapshot import SNAPSHOT_DIR


def shipped_catalog() -> Catalog:
    findings = Findings()
    return catalog_records(read_records(default_curation_dir(), findings), findings)


def xrefs_of(root: Path, lexicons: Path | None) -> Findings:
    findings = Findings()
    check_xrefs(catalog_records(read_records(root, findings), findings), lexicons, findings)
    return findings


def write_lexicons(folder: Path) -> Path:
    """A tiny lexicon folder in the shipped format: every mini CURIE, one renamed, one obsolete."""
    folder.mkdir()
    (folder / "mondo.tsv").write_text("curie\tlabel\tsynonyms\tobsolete\nMONDO:0007915\tsystemic lupus erythematosus\t\tfalse\n")
    (folder / "cl.tsv").write_text("curie\tlabel\nCL:0000134\tmesenchymal stem cell\nCL:0000899\tT-helper 17 cell\n")
    (folder / "mirbase_human.tsv").write_text("curie\tlabel\nmirbase:MI0000067\thsa-let-7f-1\n")
    (folder / "hgnc.tsv").write_text("curie\tlabel\nHGNC:6018\tinterleukin 6\n")
    (folder / "mesh.tsv").write_text("curie\tlabel\n")
    (folder / "obsolete_cl_mondo_uberon.tsv").write_text(
        "curie\tlabel\treplaced_by\nMESH:D006801\tobsolete humans\tMESH:D000001\n"
    )
    return folder


def test_shape_problems_need_no_lexicon(mini: Path, tmp_path: Path):
    entities = mini / "entities/entities.yaml"
    edit(entities, '"MONDO:0007915"', '"MONDO:7915"')
    edit(entities, '"CL:0000899"', '"NCIT:C38661"')
    findings = xrefs_of(mini, tmp_path / "no-lexicons")
    problems = [str(p) for p in findings.problems]
    assert problems[0] == (
        f"entities/entities.yaml:{line_of(entities, 'MONDO:7915')}: xrefs: "
        "malformed CURIE 'MONDO:7915': local id does not have the shape of a MONDO id"
    )
    assert problems[1] == (
        f"entities/entities.yaml:{line_of(entities, 'NCIT')}: xrefs: malformed CURIE 'NCIT:C38661': unknown prefix 'NCIT'; "
        "accepted: CHEBI, CL, ECO, FPLX, GO, HGNC, MESH, MONDO, UBERON, mirbase, mirbase.mature"
    )
    assert len(problems) == 2
    # a lexicon folder named but not there is said so; the snapshot shipped with MechKG still checks what it lists
    assert findings.skipped == ["full lexicons (folder not found)", "1 CURIE unchecked (in no lexicon here)"]
    assert findings.notices[0].startswith(f"{tmp_path / 'no-lexicons'} is not a folder, so no full lexicon was read")
    assert findings.notices[1].startswith("3 CURIEs checked against the lexicon snapshot shipped with MechKG")


def test_without_full_lexicons_the_snapshot_checks_and_the_rest_is_unchecked(mini: Path, tmp_path: Path):
    empty = tmp_path / "empty"
    empty.mkdir()
    entities = mini / "entities/entities.yaml"
    edit(entities, "label: IL6, match", "label: IL-6, match")
    edit(entities, '"CL:0000899"', '"CL:0009999"')  # well formed, in no lexicon here: unchecked, not wrong
    findings = xrefs_of(mini, empty)
    assert [str(p) for p in findings.problems] == [
        f"entities/entities.yaml:{line_of(entities, 'HGNC:6018')}: xrefs: HGNC:6018 is labelled 'IL6' in the lexicon, not 'IL-6'"
    ]
    assert findings.skipped == ["2 CURIEs unchecked (in no lexicon here)"]
    assert findings.notices[0] == (
        f"4 CURIEs checked against the lexicon snapshot shipped with MechKG ({SNAPSHOT_DIR}; versions and licences in "
        f"its README.md), 0 against full lexicons in {empty}"
    )
    assert findings.notices[1].startswith(
        "unchecked CURIEs (shape only; in neither the lexicon snapshot nor a full lexicon): CL:0009999, mirbase:MI0000067; "
        "name full lexicons with --lexicons DIR or $MECHKG_LEXICONS (`mechkg lexicons build --from FILES... --out DIR`"
    )


def test_a_plain_clone_checks_every_shipped_curie(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """No --lexicons, no $MECHKG_LEXICONS, no checkout with ../shared beside it: the snapshot checks them all."""
    shipped = default_curation_dir()
    curies = {x.curie for e in shipped_catalog().entities.values() for x in e.xrefs}
    monkeypatch.delenv("MECHKG_LEXICONS", raising=False)
    monkeypatch.setattr(resources, "PACKAGE_DIR", tmp_path / "site-packages" / "mechkg")
    assert find_lexicons_dir() is None
    findings = xrefs_of(shipped, None)
    assert findings.problems == [] and findings.skipped == []
    assert len(findings.notices) == 1 and " against full lexicons (none found)" in findings.notices[0]
    checked = int(findings.notices[0].split(" ", 1)[0])
    assert checked == len(curies) > 300


def test_lexicon_finds_missing_obsolete_and_mislabelled_terms(tmp_path: Path):
    findings = xrefs_of(MINI, write_lexicons(tmp_path / "lexicons"))
    entities = MINI / "entities/entities.yaml"
    assert [str(p) for p in findings.problems] == [
        f"entities/entities.yaml:{line_of(entities, 'HGNC:6018')}: xrefs: HGNC:6018 is labelled 'interleukin 6' in the lexicon, not 'IL6'",
        f"entities/entities.yaml:{line_of(entities, 'MESH:D006801')}: xrefs: MESH:D006801 (obsolete humans) is obsolete; replaced by MESH:D000001",
    ]
    assert findings.notices == []


def test_a_curie_missing_from_its_lexicon(mini: Path, tmp_path: Path):
    lexicons = write_lexicons(tmp_path / "lexicons")
    edit(mini / "entities/entities.yaml", '"CL:0000899"', '"CL:0009999"')
    problems = [str(p) for p in xrefs_of(mini, lexicons).problems]
    expected = "xrefs: CL:0009999 is not in the lexicon cl.tsv; look the term up, do not write it from memory"
    assert f"entities/entities.yaml:{line_of(mini / 'entities/entities.yaml', 'CL:0009999')}: {expected}" in problems


def test_the_shipped_lexicons(mini: Path):
    lexicons = lexicons_or_skip()
    entities = mini / "entities/entities.yaml"
    edit(entities, "label: IL6, match", "label: IL-6, match")
    edit(entities, '"CL:0000899"', '"CL:0009999"')
    edit(entities, '"MESH:D006801"', '"MONDO:0000002"')
    problems = problems_of(mini, lexicons_dir=lexicons)
    assert any("labelled 'IL6'" in p for p in problems), problems
    assert any("CL:0009999 is not in the lexicon cl.tsv" in p for p in problems), problems
    assert any("MONDO:0000002" in p and "obsolete" in p for p in problems), problems

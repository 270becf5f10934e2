"""Every id a record names exists and fits where it is named; unknown ids come with the nearest known ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MINI
from curation_edits import edit, problems_of, reported_at

from mechkg.ingest.catalog import catalog_records
from mechkg.ingest.findings import Findings
from mechkg.ingest.records import read_records
from mechkg.ingest.references import check_references


def references_of(root: Path) -> list[str]:
    findings = Findings()
    check_references(catalog_records(read_records(root, findings), findings), findings)
    return [str(p) for p in findings.problems]


def test_every_reference_of_the_mini_curation_resolves():
    assert references_of(MINI) == []


# (file, old text, new text, words the message must contain, text on the reported line)
BAD_REFERENCES = [
    ("claims/sle.yaml", "  object: IL6", "  object: IL-6", ["object: unknown entity 'IL-6' (did you mean IL6?)"], "object: IL-6"),
    ("claims/sle.yaml", "  object: IL6", "  object: Th17細胞", ["unknown entity 'Th17細胞' (did you mean TH17?)"], "Th17細胞"),
    (
        "claims/sle.yaml",
        "  object: IL6",
        "  object: QQQQ",
        ["unknown entity 'QQQQ' (define it in entities/ or use an existing id)"],
        "QQQQ",
    ),
    (
        "claims/sle.yaml",
        "  predicate: decreasedIn",
        "  predicate: decreasdIn",
        ["predicate: unknown predicate 'decreasdIn'; did you mean decreasedIn"],
        "decreasdIn",
    ),
    (
        "claims/sle.yaml",
        "  predicate: decreasedIn",
        "  predicate: zzz",
        ["unknown predicate 'zzz'; one of administeredAt, ameliorates, associatedWith"],
        "zzz",
    ),
    (
        "claims/sle.yaml",
        "  disease: SLE\n  species: human\n  study",
        "  disease: IL6\n  species: human\n  study",
        ["disease: 'IL6' is a GeneProduct; expected Disease"],
        "disease: IL6",
    ),
    (
        "claims/sle.yaml",
        "  context: [MSC]",
        "  context: [MSC, NOPE]",
        ["context.1: unknown entity 'NOPE'"],
        "context: [MSC, NOPE]",
    ),
    (
        "claims/sle.yaml",
        "  study: STUDY_NANJING",
        "  study: STUDY_NOWHERE",
        ["study: unknown study 'STUDY_NOWHERE'; studies: STUDY_NANJING"],
        "STUDY_NOWHERE",
    ),
    ("claims/sle.yaml", "  source: mini", "  source: other", ["source: unknown source 'other'; known: mini"], "source: other"),
    (
        "entities/entities.yaml",
        "  uses: [MSC]",
        "  uses: [MSCs_cells]",
        ["uses.0: unknown entity 'MSCs_cells'"],
        "uses: [MSCs_cells]",
    ),
    (
        "entities/entities.yaml",
        "- id: IL6\n",
        "- id: IL6\n  broader: [CYTOKINE]\n",
        ["broader.0: unknown entity 'CYTOKINE'"],
        "broader: [CYTOKINE]",
    ),
    (
        "studies/sle.yaml",
        "  interventions: [MSC_THERAPY]",
        "  interventions: [SLE]",
        ["interventions.0: 'SLE' is a Disease; expected Therapy"],
        "interventions: [SLE]",
    ),
    (
        "studies/sle.yaml",
        "  disease: SLE",
        "  disease: [SLE, MSC]",
        ["disease.1: 'MSC' is a CellType; expected Disease"],
        "disease: [SLE, MSC]",
    ),
    (
        "studies/sle.yaml",
        "measure: RESPONSE_RATE",
        "measure: RESPONSE",
        ["figures.0.measure: unknown entity 'RESPONSE'"],
        "measure: RESPONSE",
    ),
    (
        "studies/sle.yaml",
        'unit: "%",',
        'unit: "%", arm: treated,',
        ["figures.0.arm: figure 'response' names unknown arm 'treated'"],
        "arm: treated",
    ),
    (
        "studies/sle.yaml",
        "claim: mini-msc-sle",
        "claim: mini-msc-ra",
        ["figures.0.claim: figure 'response' names unknown claim 'mini-msc-ra'"],
        "mini-msc-ra",
    ),
    (
        "studies/sle.yaml",
        "  figures:\n",
        "  arms:\n    - {id: all, label: all patients, intervention: MSC}\n  figures:\n",
        ["arms.0.intervention: 'MSC' is a CellType; expected Therapy"],
        "intervention: MSC}",
    ),
    ("studies/sle.yaml", "  source: mini", "  source: other", ["source: unknown source 'other'; known: mini"], "source: other"),
    ("excused/headings.yaml", "source: mini", "source: other", ["source: unknown source 'other'"], "source: other"),
]


@pytest.mark.parametrize(("file", "old", "new", "words", "on_line"), BAD_REFERENCES, ids=[c[3][0][:40] for c in BAD_REFERENCES])
def test_bad_reference_is_reported_at_the_field_that_names_it(mini: Path, file, old, new, words, on_line):
    edit(mini / file, old, new)
    problems = problems_of(mini)
    assert reported_at(problems, mini, file, on_line, *words), problems


def test_species_needs_its_organism_entity(mini: Path):
    edit(mini / "entities/entities.yaml", "- id: HUMAN\n", "- id: HOMO\n")
    problems = references_of(mini)
    assert any("species: species 'human' needs the entity HUMAN (an OrganismTaxon)" in p for p in problems), problems


def test_a_study_no_claim_reports_is_reported(mini: Path):
    edit(mini / "claims/sle.yaml", "  study: STUDY_NANJING\n", "")
    edit(mini / "studies/sle.yaml", ", claim: mini-msc-sle", "")
    problems = problems_of(mini)
    assert problems == ["studies/sle.yaml:1: id: no claim reports study STUDY_NANJING; add a claim with 'study: STUDY_NANJING'"]


def test_a_reference_to_an_invalid_record_is_reported_only_where_that_record_is(mini: Path):
    edit(mini / "entities/entities.yaml", "  type: GeneProduct", "  type: Cytokine")  # IL6 fails its shape check
    problems = problems_of(mini)
    assert len(problems) == 1 and problems[0].startswith("entities/entities.yaml:"), problems

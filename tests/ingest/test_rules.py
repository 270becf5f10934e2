"""Rules one record can break on its own: only a Therapy has uses, a flagged claim is not trusted, zh-Hant is Traditional."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MINI
from curation_edits import edit, problems_of, reported_at

from mechkg.ingest.catalog import catalog_records
from mechkg.ingest.findings import Findings
from mechkg.ingest.records import read_records
from mechkg.ingest.rules import check_rules


def test_the_mini_curation_keeps_every_rule():
    findings = Findings()
    check_rules(catalog_records(read_records(MINI, findings), findings), findings)
    assert findings.problems == []


# (file, old text, new text, words the message must contain, text on the reported line)
RULE_BREAKS = [
    (
        "entities/entities.yaml",
        "  ungrounded: no fitting term in the lexicons\n",
        "",
        ["xrefs: no xrefs and no 'ungrounded' reason"],
        "- id: RESPONSE_RATE",
    ),
    (
        "entities/entities.yaml",
        "  synonyms: [IL-6]",
        "  synonyms: [IL-6]\n  uses: [TH17]",
        ["uses: only a Therapy has uses/properties; IL6 is a GeneProduct"],
        "uses: [TH17]",
    ),
    (
        "entities/entities.yaml",
        "  synonyms: [IL-6]",
        "  synonyms: [IL-6]\n  properties: {route: intravenous}",
        ["uses: only a Therapy has uses/properties; IL6 is a GeneProduct"],
        "- id: IL6",
    ),
    (
        "claims/sle.yaml",
        "  predicate: decreasedIn",
        "  predicate: decreasedIn\n  aspect: amount",
        ["aspect: an aspect qualifies only increases, decreases or regulates"],
        "aspect: amount",
    ),
    (
        "claims/sle.yaml",
        "  evidence: author_statement",
        "  evidence: author_statement\n  flags:\n    - {kind: overstated, origin: press_report, note: a press report}",
        ["confidence: a flagged claim must have confidence <= 0.5 (got 0.8)"],
        "- id: mini-msc-sle",
    ),
    (
        "studies/sle.yaml",
        "  figures:\n",
        "  arms:\n    - {id: response, label: all patients}\n  figures:\n",
        ["figures: arm/figure id 'response' is used twice in STUDY_NANJING"],
        "  figures:",
    ),
    (
        "entities/entities.yaml",
        "zh-Hant: 間充質幹細胞}",
        "zh-Hant: 间充质干细胞}",
        ["label.zh-Hant: zh-Hant text '间充质干细胞' has Simplified-only characters 间质细", "synonyms"],
        "间充质干细胞",
    ),
    (
        "studies/sle.yaml",
        "zh-Hant: 南京鼓樓醫院",
        "zh-Hant: 南京鼓楼医院",
        ["label.zh-Hant", "Simplified-only characters 楼医"],
        "鼓楼",
    ),
    ("sources.yaml", "zh-Hant: 干細胞及其", "zh-Hant: 干细胞及其", ["title.zh-Hant", "Simplified-only characters 细"], "干细胞"),
    (
        "entities/entities.yaml",
        "zh-Hant: 間充質幹細胞}",
        "zh-Hant: 間充質干細胞}",
        ["label.zh-Hant: zh-Hant label '間充質干細胞' is not in standard Traditional forms (干->幹)", "synonyms"],
        "間充質干細胞}",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "words", "on_line"), RULE_BREAKS, ids=[c[3][0][:40] for c in RULE_BREAKS])
def test_a_broken_rule_is_reported_at_its_field(mini: Path, file, old, new, words, on_line):
    edit(mini / file, old, new)
    problems = problems_of(mini)
    assert reported_at(problems, mini, file, on_line, *words), problems


def test_a_flagged_claim_with_low_confidence_is_fine(mini: Path):
    edit(
        mini / "claims/sle.yaml",
        "  evidence: author_statement",
        "  evidence: author_statement\n  confidence: 0.5\n  flags:\n    - {kind: overstated, origin: press_report, note: a press report}",
    )
    findings = Findings()
    check_rules(catalog_records(read_records(mini, findings), findings), findings)
    assert findings.problems == []

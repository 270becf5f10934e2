"""Curation files -> records: each record fits its model, or is reported at the line and field that do not."""

from __future__ import annotations

from pathlib import Path

import pytest
from curation_edits import edit, problems_of, reported_at

from mechkg.ingest.findings import Findings, Place
from mechkg.ingest.records import MODELS, Located, parse_records, read_records


def parse(text: str, kind: str, file: str = "claims/x.yaml") -> tuple[list[Located], list[str], set[str]]:
    findings = Findings()
    records = list(parse_records(text, file, kind, findings))
    return records, [str(p) for p in findings.problems], findings.broken


def test_read_records_groups_the_mini_curation_by_kind(mini: Path):
    findings = Findings()
    loaded = read_records(mini, findings)
    assert findings.problems == []
    assert set(loaded) == set(MODELS)
    assert [item.record.id for item in loaded["sources"]] == ["mini"]
    assert loaded["entities"][0].record.id == "SLE"
    assert {item.file for item in loaded["claims"]} == {"claims/sle.yaml"}


def test_a_record_knows_the_line_of_each_field_and_item():
    text = "- id: S1\n  label: {en: a study, zh-Hant: 研究}\n  source: mini\n  section: 結論\n  quote: 有效\n  design: trial\n  disease: [SLE, RA]\n  figures:\n    - {id: f1, measure: X, quote: 有效}\n    - id: f2\n      measure: Y\n      quote: 有效\n"
    [item], problems, _ = parse(text, "studies", "studies/x.yaml")
    assert problems == []
    assert (item.file, item.line) == ("studies/x.yaml", 1)
    assert item.fields["disease.1"] == 7
    assert item.place("figures", 1, "measure") == Place("studies/x.yaml", 11, "figures.1.measure")
    assert item.place("figures", 0, "quote") == Place("studies/x.yaml", 9, "figures.0.quote")
    # what the file does not spell out falls back to its nearest written parent, then to the record's line
    assert item.place("figures", 0, "arm") == Place("studies/x.yaml", 9, "figures.0")
    assert item.place("notes") == Place("studies/x.yaml", 1, "notes")


BAD_FILES = [
    ("not yaml at all", "- id: [unclosed\n", ["not valid YAML"]),
    ("tab indentation", "- id: X\n\ttype: Disease\n", ["not valid YAML"]),
    ("empty file", "", ["file is empty"]),
    ("a mapping, not a list", "id: X\n", ["expected a list"]),
    ("python tag", "- !!python/object/apply:os.system ['echo hacked']\n", ["tag", "not allowed"]),
    ("python scalar tag", "- !!python/name:os.system x\n", ["tag", "not allowed"]),
    ("deep nesting", "- " + "[" * 30 + "]" * 30 + "\n", ["nested deeper"]),
    ("list of strings", "- just a string\n", ["expected a record"]),
]


@pytest.mark.parametrize(("case", "content", "words"), BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_unreadable_file_is_reported(case, content, words):
    records, problems, _ = parse(content, "claims")
    assert records == []
    assert len(problems) == 1
    assert problems[0].startswith("claims/x.yaml:") and all(w in problems[0] for w in words), problems


# (file, old text, new text, words the message must contain, text on the reported line)
SHAPE_EDITS = [
    ("claims/sle.yaml", "  evidence: review_assertion", "  evidence: hearsay", ["evidence", "human_trial"], "hearsay"),
    (
        "claims/sle.yaml",
        "  aspect: expression",
        "  aspekt: expression",
        ["aspekt: unknown key; allowed keys here: id,"],
        "aspekt",
    ),
    (
        "claims/sle.yaml",
        "  evidence: author_statement",
        "  evidence: author_statement\n  confidence: 1.5",
        ["confidence", "less than or equal to 1", "(got 1.5)"],
        "confidence: 1.5",
    ),
    (
        "entities/entities.yaml",
        "zh-Hant: 白細胞介素-6}",
        "zh: 白細胞介素-6}",
        ["label.zh-Hant: required key is missing"],
        "zh: 白細胞介素-6",
    ),
    (
        "entities/entities.yaml",
        "zh-Hant: 白細胞介素-6}",
        "zh-Hant: 白細胞介素-6, fr: x}",
        ["label.fr: unknown key; allowed keys here: en, zh-Hant"],
        "fr: x",
    ),
    (
        "entities/entities.yaml",
        '{curie: "HGNC:6018", label: IL6, match: exact}',
        '{curie: "HGNC:6018", label: IL6, match: exact, url: x}',
        ["xrefs.0.url: unknown key; allowed keys here: curie, label, match"],
        "url: x",
    ),
    ("entities/entities.yaml", "  type: MicroRNA", "  type: MicroRNAs", ["type", "MicroRNA"], "MicroRNAs"),
    ("studies/sle.yaml", "  n: 2800", "  n: many", ["n: ", "valid integer", "(got 'many')"], "n: many"),
    ("studies/sle.yaml", "{id: response, measure", "{id: Response!, measure", ["figures.0.id", "pattern"], "Response!"),
]


@pytest.mark.parametrize(
    ("file", "old", "new", "words", "on_line"), SHAPE_EDITS, ids=[f"{c[0]}:{c[2][:24]}" for c in SHAPE_EDITS]
)
def test_a_record_that_does_not_fit_its_model_is_reported_at_the_field(mini: Path, file, old, new, words, on_line):
    edit(mini / file, old, new)
    problems = problems_of(mini)
    assert reported_at(problems, mini, file, on_line, *words), problems


def test_an_invalid_record_is_remembered_as_broken_so_references_to_it_are_not_reported_again(mini: Path):
    edit(mini / "studies/sle.yaml", "  n: 2800", "  n: many")
    problems = problems_of(mini)
    assert len(problems) == 1, problems  # not also "unknown study STUDY_NANJING" in the claim that names it
    _, _, broken = parse((mini / "studies/sle.yaml").read_text(encoding="utf-8"), "studies", "studies/sle.yaml")
    assert broken == {"STUDY_NANJING"}

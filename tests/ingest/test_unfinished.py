"""Fields left null for the curator: reported as not filled in yet, the rest still checked, never a pass."""

from __future__ import annotations

from pathlib import Path

from curation_edits import edit, line_of, load, problems_of

from mechkg.ingest.coverage import source_coverage


def test_a_null_predicate_is_still_invalid_with_a_message_saying_what_to_write(mini: Path):
    edit(mini / "claims/sle.yaml", "  predicate: decreases\n", "  predicate: null\n")
    edit(mini / "claims/sle.yaml", "  evidence: review_assertion\n", "  evidence:\n")
    line = line_of(mini / "claims/sle.yaml", "predicate: null")
    problems = problems_of(mini)
    assert problems[0].startswith(
        f"claims/sle.yaml:{line}: predicate: claim mini-let7f-il6 has no predicate yet; choose one of: administeredAt,"
    )
    assert "decreases, derivesFrom" in problems[0]
    assert problems[1].endswith(
        "evidence: claim mini-il6-th17 has no evidence category yet; choose one of: "
        "human_trial, case_report, human_observational, animal_model, in_vitro, review_assertion, author_statement"
    )
    assert len(problems) == 2


def test_the_rest_of_an_unfinished_record_is_still_checked(mini: Path):
    edit(
        mini / "claims/sle.yaml",
        "  predicate: decreases\n  aspect: expression\n  object: IL6",
        "  predicate: null\n  aspect: expresion\n  object: IL-6",
    )
    problems = problems_of(mini)
    assert len(problems) == 2, problems  # the record failed its shape check, so its references wait for the next run
    assert "has no predicate yet" in problems[0]
    assert "aspect: Input should be 'amount'" in problems[1]
    edit(mini / "claims/sle.yaml", "  aspect: expresion\n", "")
    problems = problems_of(mini)
    assert [p.split(": ", 2)[1] for p in problems] == ["predicate", "object"]
    assert "unknown entity 'IL-6' (did you mean IL6?)" in problems[1]


def test_a_missing_key_is_not_a_draft_field(mini: Path):
    edit(mini / "claims/sle.yaml", "  predicate: decreases\n", "")
    assert problems_of(mini) == [
        f"claims/sle.yaml:{line_of(mini / 'claims/sle.yaml', 'id: mini-let7f-il6')}: predicate: required key is missing"
    ]


def test_entity_and_source_fields_a_draft_leaves_open(mini: Path):
    edit(mini / "entities/entities.yaml", "zh-Hant: 間充質幹細胞}", "zh-Hant: null}")
    edit(
        mini / "entities/entities.yaml",
        "label: mesenchymal stem cell, match: exact}",
        "label: mesenchymal stem cell, match: null}",
    )
    edit(mini / "sources.yaml", "  kind: excerpt of the source article, for tests\n", "  kind: null\n")
    problems = problems_of(mini)
    assert [p.split(": ", 2)[1] for p in problems] == ["label.zh-Hant", "xrefs.0.match", "kind"]
    assert "entity MSC has no zh-Hant label yet" in problems[0]
    assert "candidate grounding CL:0000134 (mesenchymal stem cell) of MSC is not confirmed yet; set match to exact" in problems[1]
    assert "source mini has no kind yet" in problems[2]


def test_coverage_reads_unfinished_claims_as_not_citing(mini: Path):
    edit(mini / "claims/sle.yaml", "  statement: Raised IL-6 worsens the Th17/Treg imbalance.\n", "  statement: null\n")
    loaded = load(mini, allow_unfinished=True)
    assert "mini-il6-th17" not in loaded.claims and loaded.unfinished == {"mini-il6-th17"}
    assert "mini-let7f-il6" in loaded.claims
    assert loaded.notices[-1].startswith("1 field(s) of a draft are not filled in yet; 1 unfinished claim(s) are not counted")
    cited = {by for row in source_coverage(loaded, "mini") for by in row.cited_by}
    assert "mini-il6-th17" not in cited and "mini-let7f-il6" in cited

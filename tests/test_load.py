"""The loader: a valid curation loads; every kind of bad input is reported with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MINI, MINI_SOURCES

from mechkg.errors import CurationError
from mechkg.ingest.load import load_curation, section_headings


def load(root: Path, **kwargs):
    kwargs.setdefault("sources_dir", MINI_SOURCES)
    return load_curation(root, **kwargs)


def problems_of(root: Path, **kwargs) -> list[str]:
    with pytest.raises(CurationError) as caught:
        load(root, **kwargs)
    return [str(p) for p in caught.value.problems]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    """The last line that contains ``needle`` (a repeated id is reported where it repeats)."""
    found = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if needle in line]
    assert found, f"{needle!r} not in {path}"
    return found[-1]


def test_mini_curation_loads():
    curation = load(MINI)
    assert set(curation.entities) >= {"SLE", "IL6", "TH17", "MSC_THERAPY"}
    assert curation.claims["mini-let7f-il6"].predicate == "decreases"
    assert curation.studies["STUDY_NANJING"].n == 2800
    assert curation.texts["mini"].startswith("干細胞治療系統性紅斑狼瘡")
    assert curation.locations["mini-il6-th17"][0] == "claims/sle.yaml"


# (file, old text, new text, words the message must contain, text on the reported line)
BAD_EDITS = [
    (
        "claims/sle.yaml",
        "  predicate: decreasedIn",
        "  predicate: decreasdIn",
        ["unknown predicate", "decreasedIn"],
        "decreasdIn",
    ),
    ("claims/sle.yaml", "  object: IL6", "  object: IL-6", ["unknown entity 'IL-6'", "IL6"], "object: IL-6"),
    ("claims/sle.yaml", "  evidence: review_assertion", "  evidence: hearsay", ["evidence", "human_trial"], "hearsay"),
    ("claims/sle.yaml", "  aspect: expression", "  aspekt: expression", ["unknown key", "aspect"], "aspekt"),
    ("claims/sle.yaml", "- id: mini-il6-th17", "- id: mini-let7f-il6", ["duplicate claim id"], "- id: mini-let7f-il6"),
    (
        "claims/sle.yaml",
        "  quote: 加劇Th17/Treg細胞失衡",
        "  quote: 加劇Th17/Treg細胞平衡",
        ["not an exact substring"],
        "細胞平衡",
    ),
    (
        "claims/sle.yaml",
        "IL-6升高,加劇Th17/Treg細胞失衡\n",
        "IL-6升高\uff0c加劇Th17/Treg細胞失衡\n",
        ["not an exact substring", "normalising"],
        "IL-6升高\uff0c",
    ),
    (
        "claims/sle.yaml",
        "  section: 干細胞移植治療系統性紅斑狼瘡的臨床試驗",
        "  section: 臨床試驗",
        ["not a heading"],
        "section: 臨床試驗",
    ),
    (
        "claims/sle.yaml",
        "  disease: SLE\n  species: human\n  study",
        "  disease: IL6\n  species: human\n  study",
        ["is a GeneProduct", "Disease"],
        "disease: IL6",
    ),
    ("claims/sle.yaml", "  study: STUDY_NANJING", "  study: STUDY_NOWHERE", ["unknown study"], "STUDY_NOWHERE"),
    (
        "claims/sle.yaml",
        "  evidence: author_statement",
        "  evidence: author_statement\n  confidence: 1.5",
        ["confidence", "less than or equal to 1"],
        "confidence: 1.5",
    ),
    ("entities/entities.yaml", '"MONDO:0007915"', '"MONDO:7915"', ["malformed CURIE", "MONDO"], "MONDO:7915"),
    ("entities/entities.yaml", '"MONDO:0007915"', '"NCIT:C38661"', ["unknown prefix 'NCIT'"], "NCIT"),
    (
        "entities/entities.yaml",
        "zh-Hant: 白細胞介素-6}",
        "zh: 白細胞介素-6}",
        ["label.zh-Hant", "required key is missing"],
        "zh: 白細胞介素-6",
    ),
    ("entities/entities.yaml", "  type: MicroRNA", "  type: MicroRNAs", ["type", "MicroRNA"], "MicroRNAs"),
    (
        "entities/entities.yaml",
        "  ungrounded: no fitting term in the lexicons\n",
        "",
        ["no xrefs and no 'ungrounded'"],
        "- id: RESPONSE_RATE",
    ),
    ("entities/entities.yaml", "  synonyms: [IL-6]", "  synonyms: [IL-6]\n  synonyms: [IL6x]", ["duplicate key"], "IL6x"),
    ("entities/entities.yaml", "  uses: [MSC]", "  uses: [MSCs_cells]", ["unknown entity 'MSCs_cells'"], "uses: [MSCs_cells]"),
    ("studies/sle.yaml", "  n: 2800", "  n: many", ["n", "valid integer"], "n: many"),
    (
        "studies/sle.yaml",
        "  interventions: [MSC_THERAPY]",
        "  interventions: [SLE]",
        ["is a Disease", "Therapy"],
        "interventions: [SLE]",
    ),
    ("studies/sle.yaml", "measure: RESPONSE_RATE", "measure: RESPONSE", ["unknown entity 'RESPONSE'"], "measure: RESPONSE"),
    ("sources.yaml", "  sha256: 246e", "  sha256: 146e", ["sha256", "different text"], "sha256: 146e"),
    (
        "excused/headings.yaml",
        "quote: 干細胞治療系統性紅斑狼瘡",
        "quote: 干細胞治療類風濕性關節炎",
        ["not an exact substring"],
        "類風濕",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "words", "on_line"), BAD_EDITS, ids=[f"{c[0]}:{c[2][:24]}" for c in BAD_EDITS])
def test_bad_edit_is_reported_with_file_and_line(mini: Path, file, old, new, words, on_line):
    path = mini / file
    edit(path, old, new)
    problems = problems_of(mini)
    matching = [p for p in problems if all(w in p for w in words)]
    assert matching, f"no problem mentions {words}: {problems}"
    expected_line = line_of(path, on_line)
    assert any(p.startswith(f"{file}:{expected_line}:") for p in matching), (expected_line, matching)


def test_harmless_broader_link_loads(mini: Path):
    edit(mini / "entities/entities.yaml", "- id: IL6\n", "- id: IL6\n  broader: [TH17]\n")
    assert load(mini).entities["IL6"].broader == ("TH17",)


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
def test_unreadable_file_is_reported(mini: Path, case, content, words):
    (mini / "claims" / "bad.yaml").write_text(content, encoding="utf-8")
    problems = problems_of(mini)
    assert any(p.startswith("claims/bad.yaml:") and all(w in p for w in words) for p in problems), problems


def test_non_utf8_and_bom_are_reported(mini: Path):
    (mini / "claims" / "latin1.yaml").write_bytes("- id: x\n  quote: caf\xe9\n".encode("latin-1"))
    (mini / "claims" / "bom.yaml").write_bytes("\ufeff- id: y\n".encode())
    problems = problems_of(mini)
    assert any(p.startswith("claims/latin1.yaml:2:") and "not UTF-8" in p for p in problems), problems
    assert any(p.startswith("claims/bom.yaml:1:") and "byte-order mark" in p for p in problems), problems


def test_all_problems_are_reported_at_once(mini: Path):
    edit(mini / "claims/sle.yaml", "  object: IL6", "  object: IL-6")
    edit(mini / "entities/entities.yaml", '"MONDO:0007915"', '"MONDO:7915"')
    edit(mini / "studies/sle.yaml", "  n: 2800", "  n: many")
    problems = problems_of(mini)
    assert {p.split(":", 1)[0] for p in problems} >= {"claims/sle.yaml", "entities/entities.yaml", "studies/sle.yaml"}


def test_stray_yaml_file_is_reported(mini: Path):
    (mini / "notes.yaml").write_text("- a\n", encoding="utf-8")
    assert any(p.startswith("notes.yaml") and "not part of the curation format" in p for p in problems_of(mini))


def test_broader_cycle_is_reported(mini: Path):
    edit(mini / "entities/entities.yaml", "- id: IL6\n", "- id: IL6\n  broader: [TH17]\n")
    edit(mini / "entities/entities.yaml", "- id: TH17\n", "- id: TH17\n  broader: [IL6]\n")
    assert any("cycle" in p for p in problems_of(mini))


def test_flagged_claim_needs_low_confidence(mini: Path):
    edit(
        mini / "claims/sle.yaml",
        "  evidence: author_statement",
        "  evidence: author_statement\n  flags:\n    - {kind: overstated, note: a press report}",
    )
    assert any("confidence <= 0.5" in p for p in problems_of(mini))


def test_study_without_reporting_claim_is_reported(mini: Path):
    edit(mini / "claims/sle.yaml", "  study: STUDY_NANJING\n", "")
    edit(mini / "studies/sle.yaml", ", claim: mini-msc-sle", "")
    assert any("no claim reports study STUDY_NANJING" in p for p in problems_of(mini))


def test_missing_source_text_skips_quote_checks_with_a_notice(mini: Path, tmp_path: Path):
    edit(mini / "claims/sle.yaml", "  quote: 加劇Th17/Treg細胞失衡", "  quote: 不在原文中的句子")
    curation = load(mini, sources_dir=tmp_path / "nowhere")
    assert any("not found" in n and "not checked" in n for n in curation.notices)


def test_lexicon_checks_label_existence_and_obsolescence(mini: Path):
    from conftest import lexicons_or_skip

    lexicons = lexicons_or_skip()
    entities = mini / "entities/entities.yaml"
    edit(entities, "label: IL6, match", "label: IL-6, match")
    edit(entities, '"CL:0000899"', '"CL:0009999"')
    edit(entities, '"MESH:D006801"', '"MONDO:0000002"')
    problems = problems_of(mini, lexicons_dir=lexicons)
    assert any("labelled 'IL6'" in p for p in problems), problems
    assert any("CL:0009999 is not in the lexicon cl.tsv" in p for p in problems), problems
    assert any("MONDO:0000002" in p and "obsolete" in p for p in problems), problems


def test_section_headings_include_inline_headings():
    headings = section_headings("干細胞研究的起源與關鍵突破:20世紀60年代,人們發現\n結論\n")
    assert {"干細胞研究的起源與關鍵突破", "結論"} <= headings

"""The record models: what one YAML record may say; unknown keys refused, lists accept a single id."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from mechkg.ingest.model import ENTITY_CLASSES, EVIDENCE_LEVELS, Claim, Entity, Excuse, Source, Study

ENTITY = {"id": "IL6", "type": "GeneProduct", "label": {"en": "interleukin-6", "zh-Hant": "白細胞介素-6"}}
CLAIM = {
    "id": "c1",
    "subject": "IL6",
    "predicate": "increases",
    "object": "TH17",
    "source": "mini",
    "section": "結論",
    "quote": "IL-6升高",
    "statement": "IL-6 raises Th17.",
    "evidence": "review_assertion",
}
STUDY = {
    "id": "S",
    "label": {"en": "a study", "zh-Hant": "研究"},
    "source": "mini",
    "section": "結論",
    "quote": "有效",
    "design": "trial",
    "disease": "SLE",
}


def errors(model, data) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    return [(".".join(str(p) for p in e["loc"]), e["type"]) for e in caught.value.errors()]


def test_records_are_frozen_and_text_is_stripped():
    entity = Entity.model_validate({**ENTITY, "label": {"en": "  interleukin-6 ", "zh-Hant": "白細胞介素-6"}})
    assert entity.label.en == "interleukin-6"
    with pytest.raises(ValidationError):
        entity.id = "X"  # type: ignore[misc]


def test_unknown_and_missing_keys_are_errors():
    assert errors(Entity, {**ENTITY, "colour": "red"}) == [("colour", "extra_forbidden")]
    assert errors(Entity, {k: v for k, v in ENTITY.items() if k != "label"}) == [("label", "missing")]
    assert ("label.zh-Hant", "missing") in errors(Entity, {**ENTITY, "label": {"en": "x", "zh": "y"}})


def test_a_single_id_is_accepted_where_a_list_is_expected():
    assert Entity.model_validate({**ENTITY, "broader": "CYTOKINE", "synonyms": "IL-6"}).broader == ("CYTOKINE",)
    assert Claim.model_validate({**CLAIM, "disease": "SLE", "context": "MSC"}).disease == ("SLE",)
    assert Study.model_validate({**STUDY, "interventions": "MSC_THERAPY"}).interventions == ("MSC_THERAPY",)


def test_claim_defaults_and_evidence_code():
    claim = Claim.model_validate(CLAIM)
    assert claim.confidence == 0.8 and claim.flags == () and claim.study is None
    assert claim.eco == EVIDENCE_LEVELS["review_assertion"] == "ECO:0000304"
    assert errors(Claim, {**CLAIM, "confidence": 1.5}) == [("confidence", "less_than_equal")]
    assert errors(Claim, {**CLAIM, "id": "Claim_1"}) == [("id", "string_pattern_mismatch")]


def test_quotes_are_kept_verbatim():
    assert Claim.model_validate({**CLAIM, "quote": " IL-6升高 "}).quote == " IL-6升高 "


def test_study_numbers_given_as_numbers_become_text():
    study = Study.model_validate({**STUDY, "phase": 2, "journal": 1.5})
    assert (study.phase, study.journal) == ("2", "1.5")
    assert errors(Study, {**STUDY, "registry": "NCT123"}) == [("registry", "string_pattern_mismatch")]


def test_source_url_must_be_a_plain_http_iri():
    source = {"id": "mini", "title": {"zh-Hant": "標題"}, "kind": "article", "language": "zh-Hant"}
    assert Source.model_validate({**source, "url": "https://example.org/a?b=1"}).url == "https://example.org/a?b=1"
    assert errors(Source, {**source, "url": "https://example.org/a b"}) == [("url", "string_pattern_mismatch")]
    assert errors(Source, {**source, "file": "../etc/passwd"}) == [("file", "string_pattern_mismatch")]


def test_entity_classes_and_excuse_reasons_are_closed():
    assert "ClinicalStudy" not in ENTITY_CLASSES
    assert errors(Entity, {**ENTITY, "type": "ClinicalStudy"}) == [("type", "literal_error")]
    assert errors(Excuse, {"source": "mini", "quote": "標題", "reason": "boring"}) == [("reason", "literal_error")]

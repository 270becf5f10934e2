"""Primary-source records, paraphrase claims, corrects and derived_from (mechkg.ingest.primary)."""

from __future__ import annotations

import pytest
from curation_edits import PARAPHRASE, PRIMARY, edit, load, problems_of, reported_at, with_primary

from mechkg.ingest.coverage import source_coverage
from mechkg.resources import default_curation_dir


def test_a_paraphrase_of_a_primary_paper_with_a_doi_loads_without_quote(mini):
    curation = load(with_primary(mini))
    claim = curation.claims["mini-primary-says"]
    assert claim.paraphrase and claim.quote is None and claim.section is None
    assert claim.corrects == ("mini-let7f-il6",)
    source = curation.sources["paper2021"]
    assert source.primary and source.doi == "10.1234/test.2021.001" and source.title.zh is None


def test_a_paraphrase_leaves_coverage_of_the_article_unchanged(mini):
    before = source_coverage(load(mini), "mini")
    after = source_coverage(load(with_primary(mini)), "mini")
    assert [row.cited_by for row in after] == [row.cited_by for row in before]


def test_a_claim_without_quote_on_the_article_is_an_error_at_its_line(mini):
    edit(mini / "claims" / "sle.yaml", "  quote: 骨髓MSCs中microRNA Let-7f表達降低\n", "")
    problems = problems_of(mini)
    assert reported_at(problems, mini, "claims/sle.yaml", "- id: mini-let7f-down", "quote: required key is missing", "paraphrase")


def test_a_paraphrase_on_the_article_source_is_an_error(mini):
    claim = PARAPHRASE.replace("source: paper2021", "source: mini")
    problems = problems_of(with_primary(mini, claim=claim))
    assert reported_at(problems, mini, "claims/sle.yaml", "source: mini", "needs a primary-paper source with a DOI")


def test_a_paraphrase_on_a_primary_source_without_doi_is_an_error(mini):
    source = PRIMARY.replace("  doi: 10.1234/test.2021.001\n", "  no_doi: no public record found\n")
    problems = problems_of(with_primary(mini, source=source))
    assert reported_at(problems, mini, "claims/sle.yaml", "source: paper2021", "has no DOI")


def test_a_paraphrase_may_not_carry_a_quote(mini):
    claim = PARAPHRASE.replace("  paraphrase: true\n", "  paraphrase: true\n  quote: 骨髓MSCs\n")
    problems = problems_of(with_primary(mini, claim=claim))
    assert reported_at(problems, mini, "claims/sle.yaml", "quote: 骨髓MSCs", "a paraphrase has no quote")


@pytest.mark.parametrize(
    ("old", "new", "on_line", "words"),
    [
        ("doi: 10.1234/test.2021.001", "doi: https://doi.org/10.1234/x", "doi: https://doi.org", ["doi:"]),
        ('pmid: "12345678"', "pmid: PMID12345678", "pmid: PMID", ["pmid:"]),
        ('  confirmed_by: ["https://example.org/record/12345678"]\n', "", "- id: paper2021", ["confirmed_by"]),
        ("  doi: 10.1234/test.2021.001\n", "", "- id: paper2021", ["needs a doi, or no_doi"]),
        ("title: {en: A primary paper behind the excerpt}", "title: {zh-Hant: 原始論文}", "title:", ["English title"]),
    ],
)
def test_a_primary_source_record_is_checked_field_by_field(mini, old, new, on_line, words):
    source = PRIMARY.replace(old, new)
    problems = problems_of(with_primary(mini, source=source, claim=""))
    assert reported_at(problems, mini, "sources.yaml", on_line, *words), problems


def test_a_zh_hant_source_needs_a_zh_hant_title(mini):
    edit(mini / "sources.yaml", "title: {zh-Hant: 干細胞及其分泌的外泌體治療自身免疫性疾病的機制（節錄）, en:", "title: {en:")
    problems = problems_of(mini)
    assert reported_at(problems, mini, "sources.yaml", "title: {en:", "zh-Hant source needs a zh-Hant title")


@pytest.mark.parametrize(
    ("old", "new", "on_line", "words"),
    [
        ("corrects: [mini-let7f-il6]", "corrects: [no-such-claim]", "corrects:", ["unknown claim 'no-such-claim'"]),
        ("corrects: [mini-let7f-il6]", "corrects: [mini-primary-says]", "corrects:", ["is a paraphrase"]),
    ],
)
def test_corrects_names_review_claims(mini, old, new, on_line, words):
    problems = problems_of(with_primary(mini, claim=PARAPHRASE.replace(old, new)))
    assert reported_at(problems, mini, "claims/sle.yaml", on_line, *words), problems


def test_only_a_paraphrase_corrects_and_derived_from_names_primary_records(mini):
    with_primary(mini, claim="")
    edit(
        mini / "claims" / "sle.yaml", "  source: mini\n", "  source: mini\n  corrects: [mini-il6-th17]\n  derived_from: [mini]\n"
    )
    problems = problems_of(mini)
    assert reported_at(problems, mini, "claims/sle.yaml", "corrects: [mini-il6-th17]", "only a paraphrase")
    assert reported_at(problems, mini, "claims/sle.yaml", "derived_from: [mini]", "is a full-text source")


def test_derived_from_a_primary_record_loads(mini):
    with_primary(mini, claim="")
    edit(mini / "claims" / "sle.yaml", "  source: mini\n", "  source: mini\n  derived_from: [paper2021]\n")
    claim = next(c for c in load(mini).claims.values() if c.derived_from)
    assert claim.derived_from == ("paper2021",)


def test_every_study_of_the_article_names_its_primary_source():
    curation = load(default_curation_dir())
    assert all(study.derived_from for study in curation.studies.values())
    primary = [s for s in curation.sources.values() if s.primary]
    assert len(primary) >= 20
    assert all(s.confirmed_by for s in primary if s.doi or s.pmid)
    assert all(s.doi or s.no_doi for s in primary)
    paraphrases = [c for c in curation.claims.values() if c.paraphrase]
    assert paraphrases and all(c.corrects and curation.sources[c.source].doi for c in paraphrases)

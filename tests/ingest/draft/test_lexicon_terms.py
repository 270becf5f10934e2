"""Which lexicon names are looked for: only those the article can contain, without the noise."""

from __future__ import annotations

from pathlib import Path

from mechkg.ingest.draft.lexicon_terms import LEXICONS as LEXICONS_USED
from mechkg.ingest.draft.lexicon_terms import article_words, is_abbreviation, lexicon_terms

LEXICONS = Path(__file__).parents[2] / "data" / "draft" / "lexicons"


def _terms(text: str) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for term in lexicon_terms(LEXICONS, article_words(text)):
        found.setdefault(term.text, []).append(f"{term.curie}{'!' if term.case_sensitive else ''}")
    return {text: tuple(curies) for text, curies in found.items()}


def test_only_names_whose_words_all_occur_are_kept():
    terms = _terms("The kidney of lupus patients; regulatory T cells; IL-6R")
    assert "kidney" in terms and "regulatory T cell" in terms and "IL-6R" in terms
    assert "macrophage" not in terms and "multiple sclerosis" not in terms


def test_generic_and_short_names_are_skipped():
    terms = _terms("a cell in MS and HGF")
    assert "cell" not in terms  # CL:0000000 is a general word
    assert "MS" not in terms  # two letters: only known entities may be that short
    assert terms["HGF"] == ("HGNC:6018!",)  # an alias symbol of IL6, matched by its capitals


def test_gene_symbols_are_case_sensitive_and_names_are_not():
    terms = _terms("CXCL12 and C-X-C motif chemokine ligand 12 and mir-146a")
    assert terms["CXCL12"] == ("HGNC:10672!",)
    assert terms["C-X-C motif chemokine ligand 12"] == ("HGNC:10672",)
    assert terms["mir-146a"] == ("mirbase:MI0000477",)  # miRBase names: case-insensitive


def test_plural_words_count():
    assert "macrophage" in _terms("macrophages")
    assert {"mscs", "msc"} <= article_words("MSCs")


def test_abbreviations():
    assert is_abbreviation("SLE") and is_abbreviation("IL6R")
    assert not is_abbreviation("GM-CSF")  # longer than five characters: matched as any name
    assert not is_abbreviation("Treg") and not is_abbreviation("12")


def test_a_folder_without_lexicons_gives_nothing(tmp_path: Path):
    assert list(lexicon_terms(tmp_path, {"kidney"})) == []


def test_each_lexicon_grounds_a_class_of_the_model():
    from mechkg.ingest.model import ENTITY_CLASSES
    from mechkg.terms.identifiers import LEXICON_FILES

    assert {entity_class for _, entity_class in LEXICONS_USED} <= set(ENTITY_CLASSES)
    assert {name for name, _ in LEXICONS_USED} <= set(LEXICON_FILES.values())


def test_short_lower_case_synonyms_are_skipped_but_labels_kept():
    terms = _terms("the back of the kidney and the dorsum")
    assert "back" not in terms  # a synonym of UBERON:0001137 dorsum
    assert terms["dorsum"] == ("UBERON:0001137",) and terms["kidney"] == ("UBERON:0002113",)

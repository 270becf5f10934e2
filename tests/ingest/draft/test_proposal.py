"""The records a draft proposes for the fixture articles (tests/data/draft, written by the team)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import DATA, MINI

from mechkg.ingest.coverage import split_sentences
from mechkg.ingest.draft.proposal import MAX_ARTICLE_BYTES, DraftError, detect_language, draft_records, read_article
from mechkg.ingest.load import load_curation
from mechkg.resources import default_curation_dir

DRAFT = DATA / "draft"
LEXICONS = DRAFT / "lexicons"
NO_LEXICONS = Path("/nonexistent-lexicons")


@pytest.fixture(scope="module")
def shipped():
    return load_curation(default_curation_dir(), lexicons_dir=NO_LEXICONS)


@pytest.fixture(scope="module")
def mini():
    return load_curation(MINI, lexicons_dir=NO_LEXICONS)


def _draft(name: str, curation, lexicons: Path | None = LEXICONS, source_id: str = "fixture"):
    raw, text = read_article(DRAFT / name)
    return text, draft_records(text, raw, name, source_id, curation, lexicons)


def test_chinese_article_against_the_shipped_curation(shipped):
    text, draft = _draft("msc_sle_zh.txt", shipped)
    raw = (DRAFT / "msc_sle_zh.txt").read_bytes()
    assert draft.source == {
        "id": "fixture",
        "title": {"zh-Hant": "間充質幹細胞調節狼瘡免疫的草稿範例"},
        "kind": None,
        "language": "zh-Hant",
        "file": "msc_sle_zh.txt",
        "sha256": hashlib.sha256(raw).hexdigest(),
    }
    assert draft.sentences == len(split_sentences(text)) == 12
    assert {(m.surface, m.target) for m in draft.mentions if m.known} >= {
        ("間充質干細胞", "MSC"),
        ("ＩＬ－１０", "IL10"),
        ("調節性T細胞", "TREG"),
        ("幹細胞療法", "STEM_CELL_TRANSPLANTATION"),
        ("炎癥", "INFLAMMATION"),
    }
    assert [c["id"] for c in draft.claims] == [f"fixture-s{n:03d}" for n in (3, 4, 5, 7, 9, 10, 12)]
    for claim in draft.claims:
        assert claim["quote"] in text and claim["quote"] in {s.text for s in split_sentences(text)}
        assert (claim["predicate"], claim["statement"], claim["evidence"]) == (None, None, None)
        assert claim["section"] in {"背景", "機制", "結語"}
    s004 = draft.claims[1]
    assert (s004["subject"], s004["object"], s004["section"]) == ("IL6", "TH17", "背景")
    assert [(p["id"], [x["curie"] for x in p["xrefs"]]) for p in draft.proposed] == [
        ("CXCL12", ["HGNC:10672"]),
        ("IL6R", ["HGNC:6019"]),
    ]
    assert draft.claims[5]["subject"] == "CSF2"  # GM-CSF: a curated entity found through its synonym
    known = {record["id"] for record in draft.known}
    assert {"MSC", "IL6", "SLE", "AID"} <= known and "RA" not in known
    assert draft.lexicon_files == (
        "cl.tsv",
        "mondo.tsv",
        "hgnc.tsv",
        "mirbase_human.tsv",
        "famplex.tsv",
        "go_bp.tsv",
        "uberon.tsv",
    )


def test_english_article_against_a_small_curation_proposes_lexicon_entities(mini):
    _, draft = _draft("msc_lupus_en.txt", mini)
    proposed = {p["id"]: p for p in draft.proposed}
    assert draft.source["language"] == "en" and draft.source["title"] == {
        "en": "Mesenchymal stromal cells in lupus: a short test article"
    }
    assert sorted(proposed) == [
        "AUTOIMMUNE_DISEASE",
        "CXCL12",
        "HSA_MIR_146A",
        "IL6R",
        "KIDNEY",
        "MACROPHAGE",
        "MULTIPLE_SCLEROSIS",
        "NFKAPPAB",
        "REGULATORY_T_CELL",
        "TYPE_B_SYNOVIAL_CELL",
    ]
    treg = proposed["REGULATORY_T_CELL"]
    assert [x["curie"] for x in treg["xrefs"]] == ["CL:0000815", "CL:0000792"]  # "regulatory T cell" names the first
    assert treg["label"] == {"en": "regulatory T cell", "zh-Hant": None} and treg["synonyms"] == ["Tregs"]
    assert all(x["match"] is None for p in draft.proposed for x in p["xrefs"])
    aid = proposed["AUTOIMMUNE_DISEASE"]
    assert aid["synonyms"] == ["AID"] and [x["curie"] for x in aid["xrefs"]] == ["MONDO:0007179"]  # not AICDA
    assert proposed["IL6R"]["label"]["en"] == "interleukin 6 receptor" and proposed["IL6R"]["xrefs"][0]["label"] == "IL6R"
    assert [c["id"] for c in draft.claims] == ["fixture-s003", "fixture-s004", "fixture-s006", "fixture-s007", "fixture-s009"]
    assert draft.claims[0]["subject"] == "SLE" and draft.claims[0]["object"] == "AUTOIMMUNE_DISEASE"
    assert draft.groundings == 11


def test_without_lexicons_only_known_entities_are_named(mini):
    _, draft = _draft("msc_lupus_en.txt", mini, lexicons=None)
    assert draft.proposed == [] and draft.lexicons is None
    assert {m.target for m in draft.mentions} == {"MSC", "SLE", "IL6", "TH17"}
    _, empty = _draft("msc_lupus_en.txt", mini, lexicons=DRAFT)  # a folder with no lexicon files
    assert empty.lexicons is None and empty.proposed == []


def test_language_detection():
    assert detect_language("間充質幹細胞分泌IL-10") == "zh-Hant"
    assert detect_language("间充质干细胞分泌IL-10") == "zh-Hans"
    assert detect_language("Mesenchymal stem cells secrete IL-10 (間充質幹細胞)") == "en"


def test_a_simplified_article_leaves_its_title_to_the_curator(mini, tmp_path: Path):
    article = tmp_path / "zh_hans.txt"
    article.write_text("间充质干细胞与狼疮\n间充质干细胞可降低IL-6。\n", encoding="utf-8")
    raw, text = read_article(article)
    draft = draft_records(text, raw, article.name, "hans", mini, None)
    assert draft.source["language"] == "zh-Hans" and draft.source["title"] == {"en": None}
    assert "间充质干细胞与狼疮" in draft.source["notes"]
    assert [c["quote"] for c in draft.claims] == ["间充质干细胞可降低IL-6。"]


def test_bad_articles_and_ids_are_refused(mini, tmp_path: Path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (MAX_ARTICLE_BYTES + 1))
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("title\ncaf\xe9".encode("latin-1"))
    control = tmp_path / "control.txt"
    control.write_text("title\nform\x0cfeed", encoding="utf-8")
    for path, message in ((big, "at most 2,000,000 bytes"), (latin1, "line 2 is not UTF-8"), (control, "line 2 holds control")):
        with pytest.raises(DraftError, match=message):
            read_article(path)
    with pytest.raises(DraftError, match="is not a regular file"):
        read_article(tmp_path)
    raw, text = read_article(DRAFT / "msc_lupus_en.txt")
    with pytest.raises(DraftError, match="lower-case letters"):
        draft_records(text, raw, "a.txt", "Bad-Id", mini, None)
    with pytest.raises(DraftError, match="already in the curation"):
        draft_records(text, raw, "a.txt", "mini", mini, None)
    with pytest.raises(DraftError, match="plain name"):
        draft_records(text, raw, "a.yaml", "new", mini, None)

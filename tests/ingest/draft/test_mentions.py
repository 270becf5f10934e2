"""Mentions: one automaton, word boundaries for Latin names, capitals for abbreviations, longest first."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from mechkg.ingest.draft.fold import fold
from mechkg.ingest.draft.lexicon_terms import LexiconTerm
from mechkg.ingest.draft.mentions import KnownName, Matcher

KNOWN = [
    KnownName("IL-6", "IL6"),
    KnownName("Th17", "TH17"),
    KnownName("間充質幹細胞", "MSC", via_label=True),
    KnownName("MSC", "MSC", case_sensitive=True),
    KnownName("骨髓間充質幹細胞", "BM_MSC", via_label=True),
    KnownName("RA", "RA", case_sensitive=True),
    KnownName("系統性紅斑狼瘡", "SLE", via_label=True),
]


def _term(text: str, curie: str, *, label: bool = False, case: bool = False, rank: int = 0) -> LexiconTerm:
    return LexiconTerm(text, curie, text, "CellType", text, via_label=label, case_sensitive=case, rank=rank)


def _found(matcher: Matcher, text: str) -> list[tuple[str, str]]:
    return [(m.surface, m.target) for m in matcher.find(text)]


def test_latin_names_need_word_boundaries_and_may_take_a_plural():
    matcher = Matcher(KNOWN, [])
    assert _found(matcher, "IL-6R and anti-IL-6, MSCs, MSCx") == [("IL-6", "IL6"), ("MSCs", "MSC")]
    assert _found(matcher, "促進Th17細胞") == [("Th17", "TH17")]


def test_abbreviations_match_their_capitals_only():
    matcher = Matcher(KNOWN, [])
    assert _found(matcher, "RA, ra, Ra") == [("RA", "RA")]


def test_both_scripts_and_variant_characters_match_with_the_text_as_written():
    matcher = Matcher(KNOWN, [])
    assert _found(matcher, "間充質干細胞與间充质干细胞") == [("間充質干細胞", "MSC"), ("间充质干细胞", "MSC")]
    assert _found(matcher, "ＩＬ－６升高") == [("ＩＬ－６", "IL6")]


def test_the_longest_match_wins_and_known_entities_beat_lexicon_terms():
    matcher = Matcher(KNOWN, [_term("Th17", "CL:0000899"), _term("細胞", "CL:0000000")])
    assert _found(matcher, "骨髓間充質幹細胞與Th17") == [("骨髓間充質幹細胞", "BM_MSC"), ("Th17", "TH17")]


def test_lexicon_candidates_come_best_first():
    terms = [
        _term("Treg", "CL:0000792"),
        _term("Treg", "CL:0000815"),
        _term("Treg", "CL:0000999", label=True, rank=3),
        _term("TREG", "HGNC:1", case=True),
    ]
    [mention] = Matcher([], terms).find("Tregs rise")
    assert mention.surface == "Tregs" and not mention.known
    assert [t.curie for t in mention.candidates] == ["CL:0000999", "CL:0000792", "CL:0000815"]


NAMES = ["IL-6", "Th17", "MSC", "RA", "間充質幹細胞", "骨髓間充質幹細胞", "系統性紅斑狼瘡", "Treg cell"]
PIECES = st.sampled_from(
    [
        *NAMES,
        "间充质干细胞",
        "ＩＬ－６",
        "il-6",
        "ra",
        "s",
        "R",
        " ",
        "-",
        "(",
        ")",
        "。",
        ";",
        "細胞",
        "干",
        "幹",
        "x",
        "7",
        "\n",
    ]
)


@given(st.lists(PIECES, max_size=30).map("".join))
def test_every_mention_is_the_exact_text_at_its_offsets(text: str):
    matcher = Matcher(KNOWN, [_term("Treg cell", "CL:0000815", label=True)])
    mentions = matcher.find(text)
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.surface
        assert mention.surface.strip() == mention.surface and mention.surface
    for first, second in itertools.pairwise(mentions):
        assert first.end <= second.start
    names = {fold(n.text): n.entity for n in KNOWN}
    for mention in mentions:
        if mention.known:
            key = fold(mention.surface)
            assert names.get(key) == mention.target or names.get(key[:-1]) == mention.target

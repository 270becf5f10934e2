"""The one name resolver: tiers in order (exact id, id, label, synonym, fuzzy), name and search keys, candidates."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mechkg.errors import UnknownEntity
from mechkg.terms.naming import ACCEPT, CLOSE, MARGIN, TIERS, NameEntry, NameIndex, name_key

ENTRIES = [
    NameEntry("SLE", labels=("systemic lupus erythematosus", "系統性紅斑狼瘡"), synonyms=("lupus", "狼瘡")),
    NameEntry("LN", labels=("lupus nephritis",), synonyms=("lupus", "systemic lupus erythematosus")),
    NameEntry("INSULIN", labels=("insulin", "胰島素")),
    NameEntry("INS", labels=("insulin gene",), synonyms=("insulin", "sle")),
    NameEntry("IL6", labels=("interleukin-6",), synonyms=("IL-6",)),
    NameEntry("Il6", labels=("a case-variant id",)),
]


@pytest.fixture(scope="module")
def index() -> NameIndex:
    return NameIndex(ENTRIES)


@pytest.mark.parametrize(
    ("name", "tier", "ids"),
    [
        ("SLE", "exact", ("SLE",)),
        ("Il6", "exact", ("Il6",)),  # exact spelling settles what case-folding makes ambiguous
        ("il6", "id", ("IL6", "Il6")),
        ("sle", "id", ("SLE",)),  # an id beats another entity's synonym
        ("insulin", "id", ("INSULIN",)),  # ... and its own label
        ("systemic lupus erythematosus", "label", ("SLE",)),  # a label beats another entity's synonym
        ("SYSTEMIC  lupus erythematosus", "label", ("SLE",)),  # the search key drops inner spaces
        ("系统性红斑狼疮", "label", ("SLE",)),  # ... and folds Simplified characters onto Traditional ones
        ("interleukin6", "label", ("IL6",)),  # ... and drops hyphens
        ("Interleukin 6x", "fuzzy", ("IL6",)),  # clearly the nearest spelling
        ("系統性紅斑狼瘡", "label", ("SLE",)),
        ("  Insulin Gene ", "label", ("INS",)),
        ("ＩＬ－６", "synonym", ("IL6",)),  # full-width forms fold by NFKC
        ("lupus", "synonym", ("LN", "SLE")),
        ("lupis", None, ()),
    ],
)
def test_the_first_tier_that_knows_a_name_answers(index, name, tier, ids):
    found = index.match(name)
    assert (found.tier, found.ids) == (tier, ids)
    assert found.unique == (len(ids) == 1)


def test_tiers_are_named_in_their_order():
    assert TIERS == ("exact", "id", "label", "synonym", "fuzzy")


def test_resolve_gives_the_one_id_or_raises_with_candidates(index):
    assert index.resolve("狼瘡") == "SLE"
    with pytest.raises(UnknownEntity) as ambiguous:
        index.resolve("Lupus")
    assert ambiguous.value.ambiguous and ambiguous.value.candidates == ["LN", "SLE"]
    with pytest.raises(UnknownEntity) as unknown:
        index.resolve("lupis")
    assert not unknown.value.ambiguous and unknown.value.candidates == ["LN", "SLE"]
    assert index.resolve("lupus", strict=False) is None and index.resolve("lupis", strict=False) is None


def test_candidates_are_the_close_names_best_first_and_none_when_nothing_is_close(index):
    assert index.candidates("interleukin 7") == ["IL6"]  # close, but other digits: never resolved
    assert index.match("interleukin 7").ids == ()
    assert index.candidates("胰島") == ["INSULIN"]  # part of 胰島素
    assert index.candidates("zzzz") == [] and index.candidates("aspirin") == []
    assert index.candidates("") == [] and index.candidates("-") == []


def test_at_most_five_candidates_of_many_close_names():
    many = NameIndex(NameEntry(f"E{n:02}", labels=(f"interleukin {n}",)) for n in range(30))
    assert many.candidates("interleukin") == ["E00", "E01", "E02", "E03", "E04"]  # ties in id order


def test_a_fuzzy_match_needs_the_threshold_and_the_margin():
    index = NameIndex([NameEntry("A", labels=("regulatory cell",), kind="CellType"), NameEntry("B", labels=("regulatory gene",))])
    assert index.match("regulatory cel").ids == ("A",)  # near A, far from B
    tied = index.match("regulatory")  # both contain the word: neither is clearly the best
    assert tied.ids == () and index.candidates("regulatory") == ["A", "B"]
    with pytest.raises(UnknownEntity) as unknown:
        index.resolve("regulatory")
    assert str(unknown.value) == "no entity named 'regulatory'; candidates: A (regulatory cell, CellType), B (regulatory gene)"
    assert CLOSE < ACCEPT and MARGIN > 0


def test_a_fuzzy_match_says_what_it_resolved_to(index):
    assert index.match("systemic lupus erythematosis").ids == ()  # SLE's label, but also LN's synonym: a tie
    found = index.match("lupus nefritis")
    assert (found.ids, found.tier) == (("LN",), "fuzzy") and found.score is not None and found.score >= ACCEPT
    assert found.note == f'resolved "lupus nefritis" to LN (lupus nephritis; fuzzy match {found.score})'
    assert index.match("SLE").note is None


def test_names_too_long_for_a_fuzzy_match_are_only_looked_up_exactly(index):
    assert index.match("systemic lupus erythematosis" * 20).ids == () and index.candidates("x" * 10_000) == []


def test_entries_are_merged_by_id_and_kept_in_one_order():
    index = NameIndex([NameEntry("A", labels=("b", "a")), NameEntry("A", labels=("c",), synonyms=("s", "")), NameEntry("0")])
    assert index.entries == (NameEntry("0"), NameEntry("A", labels=("a", "b", "c"), synonyms=("s",)))
    assert len(index) == 2 and "A" in index and "a" not in index


def test_name_key_folds_width_and_case_but_not_script():
    assert name_key(" ＴＨ17 Cells ") == "th17 cells"
    assert name_key("ß") == "ss"
    assert name_key("系統") != name_key("系统"), "traditional and simplified are different names (for now)"


def test_an_index_survives_pickling(index):
    copy = pickle.loads(pickle.dumps(index))  # noqa: S301 - our own bytes
    assert copy.entries == index.entries and copy.match("lupus") == index.match("lupus")


NAMES = st.text(alphabet="abAB 狼瘡-", min_size=1, max_size=6)


@given(
    st.lists(
        st.builds(NameEntry, st.sampled_from(["X", "Y", "Z", "ab"]), st.tuples(NAMES), st.tuples(NAMES, NAMES)),
        max_size=6,
    ),
    st.randoms(use_true_random=False),
    NAMES,
)
def test_the_answer_does_not_depend_on_the_order_of_the_entries(entries, random, name):
    shuffled = list(entries)
    random.shuffle(shuffled)
    one, other = NameIndex(entries), NameIndex(shuffled)
    assert one.match(name) == other.match(name)
    assert one.candidates(name) == other.candidates(name)
    assert one.entries == other.entries

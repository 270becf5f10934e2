"""The one name resolver: tiers in order (exact id, id, label, synonym), NFKC and case, candidates."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mechkg.errors import UnknownEntity
from mechkg.terms.naming import TIERS, NameEntry, NameIndex, name_key

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
        ("SYSTEMIC  lupus erythematosus", None, ()),  # inner spaces are not folded
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
    assert TIERS == ("exact", "id", "label", "synonym")


def test_resolve_gives_the_one_id_or_raises_with_candidates(index):
    assert index.resolve("狼瘡") == "SLE"
    with pytest.raises(UnknownEntity) as ambiguous:
        index.resolve("Lupus")
    assert ambiguous.value.ambiguous and ambiguous.value.candidates == ["LN", "SLE"]
    with pytest.raises(UnknownEntity) as unknown:
        index.resolve("lupis")
    assert not unknown.value.ambiguous and unknown.value.candidates == ["LN", "SLE"]
    assert index.resolve("lupus", strict=False) is None and index.resolve("lupis", strict=False) is None


def test_candidates_are_close_spellings_and_names_that_contain_the_name(index):
    assert index.candidates("interleukin6") == ["IL6"]  # close
    assert index.candidates("胰島") == ["INSULIN"]  # contained
    assert index.candidates("zzzz") == []
    assert index.candidates("") == []


def test_at_most_ten_candidates_of_many_containing_names():
    many = NameIndex(NameEntry(f"E{n:02}", labels=(f"interleukin {n}",)) for n in range(30))
    assert len(many.candidates("interleukin")) == 10


def test_of_many_names_containing_the_name_those_starting_with_it_and_shorter_ones_come_first():
    entries = [NameEntry(f"LONG{n}", labels=(f"{'long ' * (n + 2)}stem-like thing",)) for n in range(8)]
    entries += [NameEntry("SECRETOME", labels=("stem cell secretome",)), NameEntry("SHORT", labels=("a stem",))]
    # six of the ten names that contain "stem": the one starting with it, then the five shortest
    assert NameIndex(entries).candidates("stem") == ["LONG0", "LONG1", "LONG2", "LONG3", "SECRETOME", "SHORT"]


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

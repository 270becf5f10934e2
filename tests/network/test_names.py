"""Names of the network's nodes: what the network feeds the one resolver, and resolve_name on the mini and the packaged network."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from mechkg.errors import UnknownEntity
from mechkg.network.names import name_entries, name_index, resolve_match, resolve_name
from mechkg.terms.naming import NameEntry
from mechkg.terms.search_keys import GREEK_NAMES, search_key


@pytest.fixture(name="G")
def network_copy(mini_built):
    """A copy of the mini network, free to change."""
    return mini_built.network.copy()


def test_each_node_gives_its_english_and_chinese_labels_and_its_synonyms(G):
    entries = {entry.id: entry for entry in name_entries(G)}
    assert set(entries) == set(G)
    assert entries["SLE"] == NameEntry(
        "SLE", ("systemic lupus erythematosus", "系統性紅斑狼瘡"), ("SLE", "lupus", "紅斑狼瘡"), "Disease"
    )
    assert entries["HUMAN"].synonyms == ()
    assert [entry.id for entry in name_index(G).entries] == sorted(G)


@pytest.mark.parametrize(
    ("name", "node"),
    [
        ("SLE", "SLE"),
        ("sle", "SLE"),
        ("Systemic Lupus Erythematosus", "SLE"),
        ("系統性紅斑狼瘡", "SLE"),
        ("紅斑狼瘡", "SLE"),
        ("ｌｕｐｕｓ", "SLE"),
        ("il-6", "IL6"),
        ("Th17細胞", "TH17"),
    ],
)
def test_ids_labels_and_synonyms_in_both_languages_resolve(G, name, node):
    assert resolve_name(G, name) == node


def test_an_unknown_name_lists_near_names(G):
    with pytest.raises(UnknownEntity) as info:
        resolve_name(G, "Th171")
    assert not info.value.ambiguous and "TH17" in info.value.candidates
    assert resolve_name(G, "Th171", strict=False) is None


def test_a_synonym_two_nodes_share_is_ambiguous_but_a_label_is_not_shadowed_by_a_synonym(G):
    G.nodes["TH17"]["synonyms"] = ["Th17", "lupus", "interleukin-6"]
    with pytest.raises(UnknownEntity) as info:
        resolve_name(G, "lupus")
    assert info.value.ambiguous and info.value.candidates == ["SLE", "TH17"]
    assert resolve_name(G, "lupus", strict=False) is None
    assert resolve_name(G, "interleukin-6") == "IL6"


# ------------------------------------------------------------------------- the packaged graph


@pytest.fixture(scope="module")
def packaged(packaged_built):
    """The packaged network, its name index, and the ids each search key names (built once, for the property test)."""
    index = name_index(packaged_built.network)
    owners: dict[str, set[str]] = {}
    for entry in index.entries:
        for name in (entry.id, *entry.labels, *entry.synonyms):
            owners.setdefault(search_key(name), set()).add(entry.id)
    return packaged_built.network, index, owners


@pytest.mark.parametrize(
    ("name", "node", "tier"),
    [
        ("allogeneic MSC", "ALLO_MSC_THERAPY", "fuzzy"),  # the words of "allogeneic MSC therapy", clearly the best
        ("Let-7f-overexpressing MSC", "LET7F_MSC", "synonym"),
        ("MSC-Exos", "MSC_EXO", "synonym"),
        ("間充質幹細胞", "MSC", "label"),
        ("间充质干细胞", "MSC", "synonym"),
        ("IL-6", "IL6", "synonym"),
        ("il6", "IL6", "id"),
        ("IL 6", "IL6", "id"),  # the search key drops the space
        ("TNF-α", "TNF", "synonym"),
        ("tnf alpha", "TNF", "synonym"),
    ],
)
def test_the_issue_names_resolve_on_the_packaged_graph(packaged, name, node, tier):
    G = packaged[0]
    found = resolve_match(G, name)
    assert (found.ids, found.tier) == ((node,), tier)
    assert (found.note is not None) == (tier == "fuzzy")


@pytest.mark.parametrize("name", ["aspirin", "nosuch", "xyzzy"])
def test_a_name_near_nothing_has_no_candidates(packaged, name):
    with pytest.raises(UnknownEntity) as info:
        resolve_match(packaged[0], name)
    assert info.value.candidates == [] and str(info.value) == f"no entity named {name!r}"


def test_a_near_name_with_other_digits_is_a_candidate_with_its_label_and_class_never_the_answer(packaged):
    with pytest.raises(UnknownEntity) as info:
        resolve_match(packaged[0], "Th171")
    assert info.value.candidates[0] == "TH17" and len(info.value.candidates) <= 5
    assert "TH17 (T-helper 17 cell, CellType)" in str(info.value)


def _variants(name: str) -> st.SearchStrategy[str]:
    """Spellings of ``name`` a person may type: other case, other script, hyphens as spaces or gone, Greek letters named."""
    import opencc

    forms = [
        name.upper(),
        name.lower(),
        name.swapcase(),
        opencc.OpenCC("t2s").convert(name),
        opencc.OpenCC("s2t").convert(name),
        name.replace("-", " "),
        name.replace("-", ""),
        "".join(GREEK_NAMES.get(ch, ch) for ch in name.casefold()),
        f"  {name} ",
    ]
    return st.sampled_from(forms)


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_every_name_of_an_entity_in_any_case_or_script_resolves_to_it(packaged, data):
    G, index, owners = packaged
    node = data.draw(st.sampled_from(sorted(G)))
    entry = next(e for e in index.entries if e.id == node)
    own = [name for name in (entry.id, *entry.labels, *entry.synonyms) if owners[search_key(name)] == {node}]
    assume(own)
    name = data.draw(st.sampled_from(own))
    variant = data.draw(_variants(name))
    assert index.match(variant).ids == (node,), (name, variant)

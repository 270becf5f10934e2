"""Names of the network's nodes: what the network feeds the one resolver, and resolve_name on a built network."""

from __future__ import annotations

import pytest

from mechkg.errors import UnknownEntity
from mechkg.network.names import name_entries, name_index, resolve_name
from mechkg.terms.naming import NameEntry


@pytest.fixture(name="G")
def network_copy(mini_built):
    """A copy of the mini network, free to change."""
    return mini_built.network.copy()


def test_each_node_gives_its_english_and_chinese_labels_and_its_synonyms(G):
    entries = {entry.id: entry for entry in name_entries(G)}
    assert set(entries) == set(G)
    assert entries["SLE"] == NameEntry("SLE", ("systemic lupus erythematosus", "系統性紅斑狼瘡"), ("SLE", "lupus", "紅斑狼瘡"))
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

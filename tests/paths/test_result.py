"""The answer's records (mechkg.paths.result): nodes with short labels, hops, verdicts."""

from __future__ import annotations

import pytest

from mechkg.paths.result import Hop, MechanismPath, Node, short_label
from mechkg.paths.score import ScoreParts
from mechkg.paths.search import mechanism_paths
from tests.paths.tiny_graph import tiny_graph  # noqa: F401 - the G fixture


def test_a_node_carries_both_labels_a_short_name_and_its_class(G):
    node = Node.from_graph(G, "SLE")
    assert node == Node("SLE", "systemic lupus erythematosus", "系統性紅斑狼瘡", "SLE", "Disease")
    assert node.to_dict() == {
        "id": "SLE",
        "label": "systemic lupus erythematosus",
        "label_zh": "系統性紅斑狼瘡",
        "short": "SLE",
        "type": "Disease",
    }
    # no Latin synonym shorter than the label: the label itself; Chinese synonyms are never the short name
    assert short_label(G, "INFLAMMATION") == "inflammation"
    assert short_label(G, "TGFB") == "TGF-β"


@pytest.mark.parametrize(("sign", "verdict"), [(-1, "counteracts"), (1, "aggravates"), (0, "unknown sign"), (None, "connection")])
def test_the_verdict_reads_the_net_sign(sign, verdict):
    assert MechanismPath("T", "D", (), (), sign, ScoreParts(1, 1, 1, 1)).verdict == verdict


def test_a_path_knows_its_mechanism_hops_and_node_ids(G):
    path = mechanism_paths(G, "UC_MSC_THERAPY", "SLE").paths[4]
    assert path.node_ids == ("UC_MSC_THERAPY", "UC_MSC", "MSC", "IL10", "TH17", "SLE")
    assert [h.kind for h in path.hops] == ["entry", "entry", "mechanism", "mechanism", "mechanism"]
    assert path.mechanism_hops == path.hops[2:]
    assert Hop("A", "increases", "B", "mechanism", 1).key == ("A", "increases", "B")

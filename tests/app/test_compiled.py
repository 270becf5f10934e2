"""The compiled graph's file: every check runs before anything is unpickled."""

from __future__ import annotations

import pickle
import struct

import networkx as nx
import pytest

from mechkg.app.compiled import MAGIC, ArtifactError, Compiled, decode, encode, read_manifest
from mechkg.app.fingerprint import Inputs

INPUTS = Inputs({"mechkg": "0.1.0", "curation/a.yaml": "1" * 64})


def compiled() -> Compiled:
    G = nx.MultiDiGraph()
    G.add_edge("MSC", "IL10", key="secretes")
    G.graph["claims"] = {"c1": {"subject": "MSC", "object": "IL10"}}
    return Compiled(
        G,
        b"<https://w3id.org/mechkg/entity/MSC> <https://w3id.org/mechkg/vocab/secretes> <https://w3id.org/mechkg/entity/IL10> .\n",
        ("a note",),
    )


def test_round_trip():
    data = encode(compiled(), INPUTS)
    assert data.startswith(MAGIC)
    back = decode(data, INPUTS)
    assert list(back.network.edges(keys=True)) == [("MSC", "IL10", "secretes")]
    assert back.network.graph == compiled().network.graph and back.notices == ("a note",)
    assert len(back.rdf_graph()) == 1
    assert read_manifest(data) == dict(INPUTS.manifest)


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda d: d[:-1], "truncated or extended"),
        (lambda d: d + b"\0", "truncated or extended"),
        (lambda d: d[:10], "no header"),
        (lambda d: b"", "no header"),
        (lambda d: d[:-5] + bytes([d[-5] ^ 1]) + d[-4:], "contents do not match their checksum"),
        (lambda d: d[:20] + bytes([d[20] ^ 1]) + d[21:], "manifest does not match its key"),
        (lambda d: d[:-1] + bytes([d[-1] ^ 0xFF]), "contents do not match their checksum"),
    ],
)
def test_damage_is_found_before_unpickling(damage, reason, monkeypatch):
    data = damage(encode(compiled(), INPUTS))
    monkeypatch.setattr(pickle, "loads", lambda *a, **k: pytest.fail("unpickled a damaged file"))
    with pytest.raises(ArtifactError, match=reason):
        decode(data, INPUTS)


def test_another_format_version_is_refused():
    data = bytearray(encode(compiled(), INPUTS))
    struct.pack_into(">H", data, len(MAGIC), 99)
    with pytest.raises(ArtifactError, match="is in format 99"):
        decode(bytes(data), INPUTS)


def test_a_graph_of_other_inputs_is_stale_and_says_what_changed():
    data = encode(compiled(), INPUTS)
    newer = Inputs({**INPUTS.manifest, "curation/a.yaml": "2" * 64, "curation/b.yaml": "3" * 64})
    with pytest.raises(ArtifactError, match=r"is stale: made from other inputs \(curation/a.yaml, curation/b.yaml changed\)"):
        decode(data, newer)


def test_a_payload_that_is_not_a_compiled_graph_is_refused():
    good = encode(compiled(), INPUTS)
    payload = pickle.dumps({"not": "compiled"})
    header_size = struct.calcsize(">16sH32sIQ32s")
    manifest = INPUTS.encoded()
    import hashlib

    header = struct.pack(
        ">16sH32sIQ32s", MAGIC, 1, bytes.fromhex(INPUTS.key), len(manifest), len(payload), hashlib.sha256(payload).digest()
    )
    assert good[:header_size][:16] == header[:16]
    with pytest.raises(ArtifactError, match="holds a dict, not a compiled graph"):
        decode(header + manifest + payload, INPUTS)

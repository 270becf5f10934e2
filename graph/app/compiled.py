"""The compiled graph: what the query commands need, in one versioned, checked file.

``mechkg build`` writes it into the output folder and the per-user cache (:mod:`mechkg.app.cache`);
``show``, ``path``, ``mechanisms``, ``sparql`` and ``serve`` load it instead of reading the
curation again. It holds the network (names, claims, everything ``show`` and the path search
read), the RDF graph as N-Triples bytes (for SPARQL stores) and the curation notices.

Layout (big-endian)::

    magic (16 bytes) | format version (u16) | key (32 bytes) | manifest length (u32)
    | payload length (u64) | payload SHA-256 (32 bytes) | manifest (JSON) | payload (pickle)

The key is the SHA-256 of the manifest (:class:`mechkg.app.fingerprint.Inputs`), so the file
says what it was made from. :func:`decode` checks magic, version, lengths, the manifest against
the key, the key against the inputs of the asking command and the payload against its digest,
all before unpickling: a truncated, flipped or stale file is refused with the reason, never read.

The payload is a pickle, which can run code when loaded. That is acceptable for a file the
user's own build wrote into the user's own cache (whoever can write there can already change
the user's installed packages); :mod:`mechkg.app.cache` also refuses files another user owns or
others may write. The digests catch accidents (a crash, a full disk, a flipped bit), not an
attacker. Never load a compiled graph from someone else's output folder.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import struct
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mechkg.app.fingerprint import Inputs
from mechkg.errors import MechKGError

if TYPE_CHECKING:
    import networkx as nx
    from rdflib import Graph

__all__ = ["ARTIFACT_NAME", "FORMAT_VERSION", "ArtifactError", "Compiled", "decode", "encode", "read_manifest", "summarize"]

ARTIFACT_NAME = "mechkg.compiled"
"""The compiled graph's file name in an output folder."""
FORMAT_VERSION = 1
"""Raised whenever the payload's shape changes, so an older file is refused, not misread."""
MAGIC = b"\x89MECHKG-GRAPH\r\n\x1a"
_HEADER = struct.Struct(">16sH32sIQ32s")


class ArtifactError(MechKGError):
    """A compiled graph that cannot be used; the message says why (corrupt, stale, another format)."""


@dataclass(frozen=True)
class Compiled:
    """What the query commands need of a build: the network, the RDF as N-Triples, the notices."""

    network: nx.MultiDiGraph
    ntriples: bytes
    notices: tuple[str, ...] = ()

    def rdf_graph(self) -> Graph:
        """The RDF graph, parsed from the N-Triples (rdflib is imported only here)."""
        from rdflib import Graph

        graph = Graph()
        graph.parse(data=self.ntriples, format="nt")
        return graph


def encode(compiled: Compiled, inputs: Inputs) -> bytes:
    """The file for ``compiled``, made from ``inputs``."""
    manifest = inputs.encoded()
    payload = pickle.dumps(compiled, protocol=pickle.HIGHEST_PROTOCOL)
    header = _HEADER.pack(
        MAGIC,
        FORMAT_VERSION,
        bytes.fromhex(inputs.key),
        len(manifest),
        len(payload),
        hashlib.sha256(payload).digest(),
    )
    return header + manifest + payload


@dataclass(frozen=True)
class _Parts:
    key: bytes
    manifest: bytes
    payload: bytes
    payload_digest: bytes


def _split(data: bytes) -> _Parts:
    if len(data) < _HEADER.size or not data.startswith(MAGIC):
        raise ArtifactError("is not a compiled MechKG graph (no header)")
    _, version, key, manifest_length, payload_length, digest = _HEADER.unpack_from(data)
    if version != FORMAT_VERSION:
        raise ArtifactError(f"is in format {version}; this MechKG reads format {FORMAT_VERSION}")
    end = _HEADER.size + manifest_length + payload_length
    if end != len(data):
        raise ArtifactError(f"is corrupt: {len(data):,} bytes where the header says {end:,} (truncated or extended)")
    manifest = data[_HEADER.size : _HEADER.size + manifest_length]
    if hashlib.sha256(manifest).digest() != key:
        raise ArtifactError("is corrupt: its manifest does not match its key")
    return _Parts(key, manifest, data[_HEADER.size + manifest_length :], digest)


def read_manifest(data: bytes) -> dict[str, str]:
    """The manifest of a compiled graph's inputs (checked against its key; the payload is not read)."""
    manifest: dict[str, str] = json.loads(_split(data).manifest)
    return manifest


def decode(data: bytes, inputs: Inputs) -> Compiled:
    """The compiled graph in ``data``, if it is whole and was made from ``inputs``; else :class:`ArtifactError`."""
    parts = _split(data)
    if parts.key.hex() != inputs.key:
        older: dict[str, Any] = json.loads(parts.manifest)
        changed = inputs.changes(older)
        raise ArtifactError(f"is stale: made from other inputs ({summarize(changed)} changed)")
    if hashlib.sha256(parts.payload).digest() != parts.payload_digest:
        raise ArtifactError("is corrupt: its contents do not match their checksum")
    try:
        compiled = pickle.loads(parts.payload)  # noqa: S301 - checked above; written by the user's own build (module docstring)
    except Exception as error:
        raise ArtifactError(f"cannot be read: {type(error).__name__}: {error}") from None
    if not isinstance(compiled, Compiled):
        raise ArtifactError(f"holds a {type(compiled).__name__}, not a compiled graph")
    return compiled


def summarize(names: list[str], most: int = 3) -> str:
    """``a, b, c and 2 more``: the first few of ``names``, for messages.

    >>> summarize(["curation/a.yaml"]), summarize(list("abcde"))
    ('curation/a.yaml', 'a, b, c and 2 more')
    """
    shown = ", ".join(names[:most]) or "nothing"
    return shown + (f" and {len(names) - most} more" if len(names) > most else "")

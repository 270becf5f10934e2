"""Bulk loading RDF into a persistent Oxigraph store (``mechkg load``), with flat memory.

Quads are parsed by pyoxigraph's streaming parser and written in batches with ``bulk_extend``,
so memory stays flat however large the input; a load killed part-way leaves a store that
reopens (``tests/query/test_bulk_load.py``), and loading again completes it.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import pyoxigraph as ox

from mechkg.errors import MechKGError
from mechkg.query.store_lock import store_lock

__all__ = ["LoadReport", "load_oxigraph"]


class _CountingReader(io.RawIOBase):
    """A binary reader that counts the bytes read, for progress bars."""

    def __init__(self, handle: BinaryIO, on_read: Callable[[int], None]) -> None:
        self._handle = handle
        self._on_read = on_read

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._handle.read(len(buffer))
        buffer[: len(data)] = data
        if data:
            self._on_read(len(data))
        return len(data)


@dataclass(frozen=True)
class LoadReport:
    """What :func:`load_oxigraph` added: triples (quads), bytes read and seconds taken."""

    triples: int
    bytes: int
    seconds: float

    @property
    def triples_per_second(self) -> float:
        """Throughput in triples per second."""
        return self.triples / self.seconds if self.seconds else float("inf")


def load_oxigraph(
    path: Path,
    inputs: Iterable[tuple[BinaryIO, ox.RdfFormat]],
    *,
    clear: bool = False,
    on_read: Callable[[int], None] | None = None,
    batch: int = 200_000,
) -> LoadReport:
    """Stream RDF from ``inputs`` into the persistent Oxigraph store at ``path`` (created if needed).

    ``clear`` empties the store first; ``on_read(n)`` is called with the number of bytes read,
    for a progress bar; ``batch`` quads are written at a time. The store is held exclusively
    (:mod:`mechkg.query.store_lock`): a load into a store that a server or another load is using
    is refused, as is a path that cannot hold a store, each with a one-line
    :class:`~mechkg.errors.MechKGError`.
    """
    with store_lock(path, shared=False):
        return _load(path, inputs, clear=clear, on_read=on_read, batch=batch)


def _open_for_writing(path: Path) -> ox.Store:
    if path.exists() and not path.is_dir():
        raise MechKGError(f"cannot load into {path}: it is a file, not a store folder; choose a folder path")
    try:
        return ox.Store(str(path))
    except OSError as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise MechKGError(f"cannot open the store {path} for writing: {reason}") from None


def _load(
    path: Path,
    inputs: Iterable[tuple[BinaryIO, ox.RdfFormat]],
    *,
    clear: bool,
    on_read: Callable[[int], None] | None,
    batch: int,
) -> LoadReport:
    started = time.perf_counter()
    store = _open_for_writing(path)
    if clear:
        store.clear()
    total_bytes = 0
    count = 0

    def counted(n: int) -> None:
        nonlocal total_bytes
        total_bytes += n
        if on_read is not None:
            on_read(n)

    for handle, fmt in inputs:
        pending: list[ox.Quad] = []
        for quad in ox.parse(input=_CountingReader(handle, counted), format=fmt):
            pending.append(quad)
            if len(pending) >= batch:
                store.bulk_extend(pending)
                count += len(pending)
                pending = []
        if pending:
            store.bulk_extend(pending)
            count += len(pending)
    store.flush()
    store.optimize()
    del store
    return LoadReport(triples=count, bytes=total_bytes, seconds=time.perf_counter() - started)

"""Worker processes that check and run SPARQL queries with hard limits on time, memory and answer size.

Neither rdflib (pure Python) nor pyoxigraph (no timeout or cancellation in its Python API, 0.5)
can stop a query from another thread, so each query runs in a worker process that holds its
own copy of the store. Everything a query costs happens there: checking it
(:func:`mechkg.query.sparql.check_query`: size and nesting limits, parsing, refusing SERVICE,
FROM and UPDATE), running it, and writing its answer (capped in rows and in bytes while it is
written), so the calling process (the server's event loop) never parses a query.

A worker is killed and a fresh one started in the background when its query outlives the time
limit (:class:`~mechkg.query.sparql.QueryTimeout`) or its memory grows by more than
``max_memory`` bytes while it runs (:class:`~mechkg.query.sparql.ResultTooLarge`: a single value
built by string functions or GROUP_CONCAT is made whole by the engine before any cap can see
it). After every query a worker that has kept more than :data:`RECYCLE_BYTES` over its starting
memory is replaced too, so a refused query leaves no memory behind. Workers are started with
``spawn`` (safe beside the server's threads) and open the store from a picklable
:class:`~mechkg.query.stores.StoreSpec`.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from mechkg.query import sparql
from mechkg.query.sparql import MAX_RESULT_BYTES, QueryTimeout, ResultTooLarge, SparqlError, check_query
from mechkg.query.stores import StoreSpec

__all__ = ["MAX_MEMORY_BYTES", "RECYCLE_BYTES", "NotAcceptable", "PoolBusy", "QueryPool", "process_rss"]

MAX_MEMORY_BYTES = 512_000_000
"""How much a worker's memory may grow while it runs one query before it is killed."""
RECYCLE_BYTES = 64_000_000
"""How much more memory than at its start a worker may keep after a query before it is replaced."""
WATCH_INTERVAL = 0.02
"""Seconds between two looks at a running worker's memory."""


class PoolBusy(SparqlError):
    """Every worker stayed busy for the whole time limit."""


class NotAcceptable(SparqlError):
    """The query's form (``kind``) has no result format among those asked for."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        super().__init__(f"no acceptable result format for a {kind} query")


_ERRORS: dict[str, type[SparqlError]] = {
    cls.__name__: cls
    for cls in (
        sparql.QuerySyntaxError,
        sparql.QueryRefused,
        sparql.QueryTooLarge,
        sparql.QueryTooComplex,
        sparql.ResultTooLarge,
        sparql.ParameterError,
    )
}


def _error(name: str, message: str) -> SparqlError:
    """The error a worker reported, as its own class (made without its constructor's extra arguments)."""
    cls = _ERRORS.get(name, SparqlError)
    error = cls.__new__(cls)
    Exception.__init__(error, message)
    return error


def process_rss(pid: int) -> int:
    """The resident memory of process ``pid`` in bytes (0 when it cannot be read)."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as stream:
            return int(stream.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        pass
    try:
        import psutil

        return int(psutil.Process(pid).memory_info().rss)
    except Exception:
        return 0


def _answer(store: Any, message: tuple[str, Any, int | None, int | None]) -> tuple[str, str, Any]:  # pragma: no cover - child
    text, formats, max_results, max_bytes = message
    try:
        checked = check_query(text)
        fmt = formats.get(checked.kind) if isinstance(formats, Mapping) else formats
        if fmt is None:
            return "unacceptable", checked.kind, b""
        result = store.query(text, max_results=max_results, max_bytes=max_bytes)
        return "ok", result.kind, result.serialize(fmt, max_bytes)
    except SparqlError as error:
        return "error", type(error).__name__, str(error)
    except RecursionError:
        return "error", "QueryTooComplex", "the query is nested too deeply to run"
    except MemoryError:
        return "error", "ResultTooLarge", "the query needed more memory than a worker has"
    except Exception as error:
        return "error", type(error).__name__, f"{type(error).__name__}: {error}"


def _worker_main(conn: Connection, spec: StoreSpec) -> None:  # pragma: no cover - runs in a child process
    try:
        store = spec.open()
    except Exception as error:
        conn.send(("failed", type(error).__name__, str(error)))
        return
    conn.send(("ready", "", ""))
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        conn.send(_answer(store, message))


@dataclass
class _Worker:
    process: Any
    conn: Connection
    baseline: int = 0
    """Its resident memory once the store was open."""


class QueryPool:
    """``workers`` processes answering queries on one store, each query cut off after ``timeout`` s.

    Answers are capped at ``max_results`` rows (or triples) and ``max_bytes`` bytes; a worker
    whose memory grows by more than ``max_memory`` bytes during a query is stopped.
    """

    def __init__(
        self,
        spec: StoreSpec,
        *,
        workers: int = 2,
        timeout: float = 10.0,
        max_results: int = 10_000,
        max_bytes: int = MAX_RESULT_BYTES,
        max_memory: int = MAX_MEMORY_BYTES,
    ) -> None:
        self.spec = spec
        self.size = workers
        self.timeout = timeout
        self.max_results = max_results
        self.max_bytes = max_bytes
        self.max_memory = max_memory
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: list[_Worker] = []
        self._lock = threading.Lock()
        self._closed = False
        self.restarts = 0

    def _spawn(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(target=_worker_main, args=(child, self.spec), daemon=True)
        process.start()
        child.close()
        status, kind, message = parent.recv()
        if status != "ready":
            process.join(5)
            raise SparqlError(f"a query worker could not open the store: {kind}: {message}")
        worker = _Worker(process, parent, process_rss(process.pid))
        with self._lock:
            self._all.append(worker)
        return worker

    def start(self) -> QueryPool:
        """Start the workers and wait until each has opened the store."""
        for _ in range(self.size):
            self._idle.put(self._spawn())
        return self

    @property
    def pids(self) -> list[int]:
        """The process ids of the workers alive now."""
        with self._lock:
            return [w.process.pid for w in self._all]

    def _replace(self, worker: _Worker) -> None:
        worker.process.kill()
        worker.process.join(5)
        worker.conn.close()
        with self._lock:
            if worker in self._all:
                self._all.remove(worker)
            self.restarts += 1

        def restart() -> None:
            if not self._closed:
                self._idle.put(self._spawn())

        threading.Thread(target=restart, name="mechkg-worker-restart", daemon=True).start()

    def _wait(self, worker: _Worker) -> None:
        """Wait for ``worker``'s answer; stop it past the time limit or the memory limit."""
        deadline = time.monotonic() + self.timeout
        while not worker.conn.poll(WATCH_INTERVAL):
            if time.monotonic() > deadline:
                self._replace(worker)
                raise QueryTimeout(f"the query ran longer than the time limit of {self.timeout:g} s and was stopped")
            if worker.baseline and process_rss(worker.process.pid) > worker.baseline + self.max_memory:
                self._replace(worker)
                raise ResultTooLarge(
                    f"the query needed more than {self.max_memory // 1_000_000:,} MB of memory and was stopped; "
                    "ask for less (a LIMIT, shorter strings)"
                )

    def run(self, text: str, fmt: str | Mapping[str, str | None]) -> tuple[str, bytes]:
        """The answer to ``text`` serialised in ``fmt``, as (query form, bytes).

        ``fmt`` is a format name, or one per query form (SELECT, ASK, CONSTRUCT, DESCRIBE): the
        worker learns the form when it parses the query; a form mapped to None (or missing)
        raises :class:`NotAcceptable`. Raises the errors of :func:`~mechkg.query.sparql.check_query`,
        :class:`QueryTimeout` past the time limit, :class:`~mechkg.query.sparql.ResultTooLarge`
        past the result caps or the memory limit, :class:`PoolBusy`.
        """
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise PoolBusy(f"all {self.size} query workers stayed busy for {self.timeout:g} s; try again later") from None
        try:
            worker.conn.send((text, dict(fmt) if isinstance(fmt, Mapping) else fmt, self.max_results, self.max_bytes))
            self._wait(worker)
            status, kind, payload = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            self._replace(worker)
            raise SparqlError("the query worker died; it has been restarted") from None
        if worker.baseline and process_rss(worker.process.pid) > worker.baseline + RECYCLE_BYTES:
            self._replace(worker)
        else:
            self._idle.put(worker)
        if status == "ok":
            return kind, payload
        if status == "unacceptable":
            raise NotAcceptable(kind)
        raise _error(kind, payload)

    def close(self) -> None:
        """Stop every worker."""
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.process.kill()
            worker.process.join(5)
            worker.conn.close()

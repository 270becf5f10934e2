"""Worker processes that run SPARQL queries with a hard time limit.

Neither rdflib (pure Python) nor pyoxigraph (no timeout or cancellation in its Python API, 0.5)
can stop a query from another thread, so each query runs in a worker process that holds its
own copy of the store. When a query outlives the limit its worker is killed, a fresh one is
started in the background, and the caller gets :class:`~mechkg.query.sparql.QueryTimeout`: a cut-off
query never keeps a worker busy. Workers are started with ``spawn`` (safe beside the server's
threads) and open the store from a picklable :class:`~mechkg.query.stores.StoreSpec`.

Every query is checked (:func:`mechkg.query.sparql.check_query`) before it is sent, so SERVICE, FROM
and UPDATE never reach a worker.
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from mechkg.query.sparql import QueryTimeout, ResultTooLarge, SparqlError, check_query
from mechkg.query.stores import StoreSpec

__all__ = ["PoolBusy", "QueryPool"]


class PoolBusy(SparqlError):
    """Every worker stayed busy for the whole time limit."""


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
        text, fmt, max_results = message
        try:
            result = store.query(text, max_results=max_results)
            conn.send(("ok", result.kind, result.serialize(fmt)))
        except ResultTooLarge as error:
            conn.send(("too_large", "", str(error)))
        except SparqlError as error:
            conn.send(("error", type(error).__name__, str(error)))
        except Exception as error:
            conn.send(("error", type(error).__name__, f"{type(error).__name__}: {error}"))


@dataclass
class _Worker:
    process: Any
    conn: Connection


class QueryPool:
    """``workers`` processes answering queries on one store, each query cut off after ``timeout`` s."""

    def __init__(self, spec: StoreSpec, *, workers: int = 2, timeout: float = 10.0, max_results: int = 10_000) -> None:
        self.spec = spec
        self.size = workers
        self.timeout = timeout
        self.max_results = max_results
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
        worker = _Worker(process, parent)
        with self._lock:
            self._all.append(worker)
        return worker

    def start(self) -> QueryPool:
        """Start the workers and wait until each has opened the store."""
        for _ in range(self.size):
            self._idle.put(self._spawn())
        return self

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

    def run(self, text: str, fmt: str) -> tuple[str, bytes]:
        """The answer to ``text`` serialised in ``fmt``, as (query form, bytes).

        Raises the errors of :func:`~mechkg.query.sparql.check_query`, :class:`QueryTimeout` past the
        time limit, :class:`~mechkg.query.sparql.ResultTooLarge` past the result cap, :class:`PoolBusy`.
        """
        check_query(text)
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise PoolBusy(f"all {self.size} query workers stayed busy for {self.timeout:g} s; try again later") from None
        try:
            worker.conn.send((text, fmt, self.max_results))
            if not worker.conn.poll(self.timeout):
                self._replace(worker)
                raise QueryTimeout(f"the query ran longer than the time limit of {self.timeout:g} s and was stopped")
            status, kind, payload = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            self._replace(worker)
            raise SparqlError("the query worker died; it has been restarted") from None
        self._idle.put(worker)
        if status == "ok":
            return kind, payload
        if status == "too_large":
            raise ResultTooLarge(payload)
        raise SparqlError(payload)

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

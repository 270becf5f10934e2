"""Running rdflib's recursive SPARQL parser where its recursion cannot crash: a thread with a deep stack.

rdflib's grammar (pyparsing) recurses once per triple pattern of a group and many times per
nested bracket, so about 100 triple patterns in one group, or 25 nested parentheses, exhaust
Python's default recursion limit of 1,000. :func:`deep_call` runs a function on a fresh thread
with a :data:`STACK_BYTES` stack and, while it runs, a recursion limit of :data:`RECURSION_LIMIT`
(measured: a 64 kB query of 8,000 triple patterns needs about 60,000 frames), and gives back its
result or raises its exception. Nesting is bounded separately
(:data:`mechkg.query.sparql.MAX_NESTING`), and the query size by
:data:`mechkg.query.sparql.MAX_QUERY_BYTES`, so the depth any query reaches is bounded.

>>> def depth(n: int) -> int:
...     return 0 if n == 0 else 1 + depth(n - 1)
>>> deep_call(depth, 20_000)
20000
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["RECURSION_LIMIT", "STACK_BYTES", "deep_call"]

T = TypeVar("T")

STACK_BYTES = 512 * 1024 * 1024
"""Stack size of the parsing thread (virtual memory: only the pages used are ever touched)."""
RECURSION_LIMIT = 200_000
"""Python's recursion limit during a deep call (process-wide, restored after; only the deep-stack thread comes near it)."""

_lock = threading.Lock()
_here = threading.local()


def deep_call(function: Callable[..., T], *args: Any) -> T:
    """``function(*args)``, run on a thread with a deep stack; its exception is raised here.

    Called on that thread already (a deep call inside a deep call), it simply calls ``function``.
    """
    if getattr(_here, "deep", False):
        return function(*args)
    outcome: list[Any] = []

    def run() -> None:
        _here.deep = True
        try:
            outcome.append((True, function(*args)))
        except BaseException as error:  # handed to the caller, whatever it is
            outcome.append((False, error))

    with _lock:  # one deep call at a time; the raised limit lasts only as long as it
        limit = sys.getrecursionlimit()
        sys.setrecursionlimit(max(limit, RECURSION_LIMIT))
        previous = threading.stack_size(STACK_BYTES)
        try:
            thread = threading.Thread(target=run, name="mechkg-parse", daemon=True)
            thread.start()
        finally:
            threading.stack_size(previous)
        try:
            thread.join()
        finally:
            sys.setrecursionlimit(limit)
    ok, value = outcome[0]
    if not ok:
        raise value
    return value

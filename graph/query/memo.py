"""A cache bounded in bytes: at most so many bytes of query text are remembered, whatever their number.

An LRU cache that counts entries would keep 512 texts of any size (512 one-megabyte queries:
half a gigabyte per process); :class:`TextCache` counts the UTF-8 bytes of its keys (times a
``weight`` for values bigger than their text, such as a parsed query) and forgets the least
recently used entries past its budget. Texts over an eighth of the budget are never kept.

>>> cache = TextCache(budget=100)
>>> cache.get_or_make("SELECT 1", len)
8
>>> cache.get_or_make("x" * 50, len), len(cache)
(50, 1)
>>> cache.size
8
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

__all__ = ["TextCache"]

V = TypeVar("V")


class TextCache(Generic[V]):
    """Values made from texts, remembered for at most ``budget`` bytes of text times ``weight``."""

    def __init__(self, budget: int, weight: int = 1) -> None:
        self.budget = budget
        self.weight = weight
        self.size = 0
        self._entries: OrderedDict[str, tuple[V, int]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    def get_or_make(self, text: str, make: Callable[[str], V]) -> V:
        """The value for ``text``, made by ``make(text)`` unless remembered; errors are not remembered."""
        with self._lock:
            found = self._entries.get(text)
            if found is not None:
                self._entries.move_to_end(text)
                return found[0]
        value = make(text)
        cost = len(text.encode("utf-8", "surrogatepass")) * self.weight
        if cost > self.budget // 8:
            return value
        with self._lock:
            if text not in self._entries:
                self._entries[text] = (value, cost)
                self.size += cost
                while self.size > self.budget:
                    _, (_, freed) = self._entries.popitem(last=False)
                    self.size -= freed
        return value

    def clear(self) -> None:
        """Forget everything."""
        with self._lock:
            self._entries.clear()
            self.size = 0

"""Indented JSON text: byte for byte what ``json.dumps(value, ensure_ascii=False, indent=1)`` writes, faster.

The JSON exports (JSON-LD, Cytoscape.js, the paths file) are indented with one space so that
they diff line by line. The standard library writes indented JSON with its pure-Python,
generator-based encoder (its C encoder cannot indent), about 1 s for the 8 MB paths file.
:func:`dumps` writes the same text with a plain recursive function and, because the paths file
repeats the same claim and node objects in many records, writes an object that occurs again at
the same depth once and reuses its text.

Values are what ``json`` writes without a ``default`` hook: dicts with ``str`` keys, lists and
tuples, ``str``, ``int``, ``float``, ``bool`` and ``None`` (subclasses of ``str``, ``int`` and
``float`` are written as ``json`` writes them); anything else raises ``TypeError``.

>>> dumps({"b": [1e-05, "中"], "a": {}}, sort_keys=True).decode()
'{\\n "a": {},\\n "b": [\\n  1e-05,\\n  "中"\\n ]\\n}\\n'
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

__all__ = ["dumps"]

_string: Callable[[str], str] = json.encoder.encode_basestring  # type: ignore[attr-defined]
"""The standard library's own string encoder for ``ensure_ascii=False`` (its C version where built)."""
_CONTAINERS = (dict, list, tuple)


class _Writer:
    """One document's text as a list of pieces, and where each container already written lies in it."""

    def __init__(self, sort_keys: bool) -> None:
        self.sort_keys = sort_keys
        self.parts: list[str] = []
        self.spans: dict[tuple[int, int], tuple[int, int]] = {}

    def value(self, value: Any, pad: str) -> None:
        """Write ``value``; ``pad`` is a line break and the indentation of the line it starts on."""
        if type(value) is str:
            self.parts.append(_string(value))
        elif isinstance(value, _CONTAINERS):
            self.container(value, pad)
        else:
            self.parts.append(_scalar(value))

    def container(self, value: dict[str, Any] | list[Any] | tuple[Any, ...], pad: str) -> None:
        """Write a dict, list or tuple, or repeat the pieces it was written as before at this depth."""
        parts = self.parts
        if not value:
            parts.append("{}" if isinstance(value, dict) else "[]")
            return
        key = (id(value), len(pad))
        span = self.spans.get(key)
        if span is not None:
            parts.extend(parts[span[0] : span[1]])
            return
        start = len(parts)
        if isinstance(value, dict):
            self.mapping(value, pad)
        else:
            self.sequence(value, pad)
        self.spans[key] = (start, len(parts))

    def mapping(self, value: dict[str, Any], pad: str) -> None:
        """Write a non-empty dict, one ``"key": value`` line each, keys sorted when asked."""
        parts, inner = self.parts, pad + " "
        separator = "{" + inner
        for key, item in sorted(value.items()) if self.sort_keys else value.items():
            if not isinstance(key, str):
                raise TypeError(f"keys must be str, not {type(key).__name__}")
            if type(item) is str:
                parts.append(f"{separator}{_string(key)}: {_string(item)}")
            else:
                parts.append(f"{separator}{_string(key)}: ")
                self.value(item, inner)
            separator = "," + inner
        parts.append(pad + "}")

    def sequence(self, value: list[Any] | tuple[Any, ...], pad: str) -> None:
        """Write a non-empty list or tuple, one item a line."""
        parts, inner = self.parts, pad + " "
        separator = "[" + inner
        for item in value:
            parts.append(separator)
            self.value(item, inner)
            separator = "," + inner
        parts.append(pad + "]")


_INFINITIES = {float("inf"): "Infinity", float("-inf"): "-Infinity"}


def _scalar(value: Any) -> str:
    """``null``, ``true``, ``false``, a ``str`` subclass, or a number, as ``json`` writes them."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return "NaN" if value != value else _INFINITIES.get(value) or float.__repr__(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def dumps(value: Any, *, sort_keys: bool = False) -> bytes:
    """``json.dumps(value, ensure_ascii=False, indent=1, sort_keys=sort_keys) + "\\n"``, as UTF-8 bytes.

    An object that occurs several times at the same depth is written once; the document must not
    change while it is written (it is not: the exports write what they have just made).
    """
    writer = _Writer(sort_keys)
    writer.value(value, "\n")
    writer.parts.append("\n")
    return "".join(writer.parts).encode("utf-8")

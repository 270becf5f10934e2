"""What the CLI prints to a terminal cannot drive it: control characters are shown, not obeyed.

A label, quote or SPARQL result (from a remote endpoint, say) holding ``ESC [ 2 J`` or an
OSC-8 link sequence would otherwise clear the screen or plant a link when printed raw. When
standard output or error is a terminal, every C0/C1 control character other than newline and tab
is written as a visible escape (``\\x1b``); output to a file or a pipe is left exactly as it is,
so JSON, CSV and Turtle stay byte-exact for the programs that read them.

>>> escape_controls("IL-6\\x1b[2J\\tok\\n")
'IL-6\\\\x1b[2J\\tok\\n'
"""

from __future__ import annotations

import sys
from typing import Any, TextIO

__all__ = ["TerminalSafeStream", "escape_controls", "guard_terminal_streams"]

_KEPT = {"\n", "\t"}
_TABLE = {
    code: f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    for code in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]
    if chr(code) not in _KEPT
}


def escape_controls(text: str) -> str:
    """``text`` with every control character except newline and tab written as a visible escape."""
    return text.translate(_TABLE)


class TerminalSafeStream:
    """A text stream that escapes control characters on their way to ``stream`` (a terminal)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        """Write ``text`` with its control characters escaped."""
        return self._stream.write(escape_controls(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def guard_terminal_streams() -> None:
    """Wrap ``sys.stdout`` and ``sys.stderr`` in :class:`TerminalSafeStream` where they are terminals."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is not None and not isinstance(stream, TerminalSafeStream) and stream.isatty():
            setattr(sys, name, TerminalSafeStream(stream))

"""Files read and written safely: whole-or-nothing writes, bounded reads of regular files only."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

__all__ = ["UnsafeFileError", "read_regular_file", "write_file_atomically"]


class UnsafeFileError(OSError):
    """A file that is not read: not a regular file, outside its folder, or too large. The message never holds its content."""


def read_regular_file(path: Path, max_bytes: int, inside: Path | None = None) -> bytes:
    """The bytes of ``path``, if it is a regular file of at most ``max_bytes`` (inside ``inside``, if given).

    The checks come before any byte is read: a link that leads out of ``inside``, a named pipe (which
    would block), a device (``/dev/zero`` never ends) or an oversized file raises
    :class:`UnsafeFileError` with a message that names the path and the rule, never the content.
    The file is opened once and checked on that open handle, so it cannot be swapped in between.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp()); (folder / "a.yaml").write_text("- id: A")
    7
    >>> read_regular_file(folder / "a.yaml", 100, inside=folder)
    b'- id: A'
    >>> try:
    ...     read_regular_file(Path("/dev/zero"), 100)
    ... except UnsafeFileError as error:
    ...     print(error)
    /dev/zero is not a regular file (a device, pipe or socket); only plain files are read
    """
    if inside is not None and not path.resolve().is_relative_to(inside.resolve()):
        raise UnsafeFileError(f"{path} leads outside {inside} (a link?); only files inside the folder are read")
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise UnsafeFileError(f"{path} cannot be opened: {error.strerror}") from None
    with os.fdopen(handle, "rb") as stream:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeFileError(f"{path} is not a regular file (a device, pipe or socket); only plain files are read")
        if info.st_size > max_bytes:
            raise UnsafeFileError(f"{path} is {info.st_size:,} bytes; the limit is {max_bytes:,}")
        content = stream.read(max_bytes + 1)
    if len(content) > max_bytes:
        raise UnsafeFileError(f"{path} grew past {max_bytes:,} bytes while it was read")
    return content


def write_file_atomically(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` through a synced temporary file in the same folder and a rename.

    Only ``path`` is replaced (whatever else the folder holds stays); a failed write leaves the
    previous file intact and no temporary file behind.

    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "page.html"
    >>> write_file_atomically(target, b"<p>hello</p>")
    >>> target.read_bytes(), sorted(p.name for p in target.parent.iterdir())
    (b'<p>hello</p>', ['page.html'])
    """
    folder = path.parent if str(path.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise

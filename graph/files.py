"""Writing one file so that readers see the old content or the new, never half of it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ["write_file_atomically"]


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

"""The output folder of a build: written all or nothing, and marked with what it was built from.

Every folder MechKG writes holds a :data:`MARKER` file, so MechKG never replaces a folder it did
not make. A build's marker also records the key of its inputs (:mod:`mechkg.app.fingerprint`),
the SHA-256 of each file it wrote and the curation notices, so that a build with unchanged inputs
can see that the folder already holds exactly that build (:func:`current_build`) and stop there.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from mechkg.errors import MechKGError, OutputRefused

__all__ = [
    "LOCK_WAIT_SECONDS",
    "MARKER",
    "MARKER_LINE",
    "BuildRecord",
    "check_target",
    "current_build",
    "exchange_paths",
    "output_lock",
    "recover_outputs",
    "write_atomically",
]

LOCK_WAIT_SECONDS = 600.0
"""How long a build waits for another build into the same folder before it gives up."""
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100

MARKER = ".mechkg-build"
"""A file in every output folder MechKG writes, so it never replaces a folder it did not make."""
MARKER_LINE = b"written by mechkg build\n"
"""The marker's first line; a build's marker continues with its :class:`BuildRecord` as JSON."""


@dataclass(frozen=True)
class BuildRecord:
    """What a build wrote: the key of its inputs, each file's SHA-256, the curation notices."""

    key: str
    files: dict[str, str]
    notices: tuple[str, ...] = ()

    @classmethod
    def of(cls, key: str, files: dict[str, bytes], notices: tuple[str, ...] = ()) -> BuildRecord:
        """The record of writing ``files`` (name -> content) for inputs with ``key``."""
        return cls(key, {name: hashlib.sha256(content).hexdigest() for name, content in files.items()}, tuple(notices))

    def marker(self) -> bytes:
        """The marker file's content for this build."""
        record = {"key": self.key, "files": self.files, "notices": list(self.notices)}
        return MARKER_LINE + json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8") + b"\n"


def _read_record(out_dir: Path) -> BuildRecord | None:
    try:
        content = (out_dir / MARKER).read_bytes()
    except OSError:
        return None
    if not content.startswith(MARKER_LINE):
        return None
    try:
        data = json.loads(content[len(MARKER_LINE) :])
        return BuildRecord(str(data["key"]), {str(k): str(v) for k, v in data["files"].items()}, tuple(data["notices"]))
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def _same_file(path: Path, digest: str) -> bool:
    found = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                found.update(block)
    except OSError:
        return False
    return found.hexdigest() == digest


def current_build(out_dir: Path, key: str) -> BuildRecord | None:
    """The record of the build in ``out_dir`` if it was made from inputs with ``key`` and every file is intact."""
    out_dir = Path(out_dir)
    record = _read_record(out_dir)
    if record is None or record.key != key:
        return None
    if not all(_same_file(out_dir / name, digest) for name, digest in record.files.items()):
        return None
    return record


def recover_outputs(out_dir: Path) -> None:
    """Finish a swap that a crash interrupted: put the last complete build back in place."""
    for leftover in out_dir.parent.glob(f".{out_dir.name}.new-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    previous = sorted(out_dir.parent.glob(f".{out_dir.name}.old-*"), key=lambda p: p.stat().st_mtime)
    if not out_dir.exists() and previous:
        os.replace(previous.pop(), out_dir)
    for stale in previous:
        shutil.rmtree(stale, ignore_errors=True)


def check_target(out_dir: Path) -> None:
    """Refuse (:class:`~mechkg.errors.OutputRefused`) an ``out_dir`` that is a file, or a non-empty folder not MechKG's."""
    if out_dir.is_dir() and any(out_dir.iterdir()) and not (out_dir / MARKER).exists():
        raise OutputRefused(f"{out_dir} is not empty and was not written by mechkg; choose another --out folder or empty it")
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputRefused(f"{out_dir} exists and is not a folder")


def exchange_paths(first: Path, second: Path) -> bool:
    """Swap two existing paths in one atomic step (Linux ``renameat2(RENAME_EXCHANGE)``).

    Returns ``False``, changing nothing, where the system or file system cannot do it; the caller
    then falls back to two renames.
    """
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


@contextlib.contextmanager
def output_lock(out_dir: Path, wait_seconds: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    """Hold the lock of ``out_dir`` (a ``.NAME.lock`` file beside it): one writer at a time.

    A second writer says once on stderr that it waits, and gives up with a clear
    :class:`~mechkg.errors.MechKGError` after ``wait_seconds``. The lock is an advisory
    ``flock``; the operating system releases it when its holder exits, even by a crash.
    """
    out_dir = Path(out_dir).absolute()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    with open(out_dir.parent / f".{out_dir.name}.lock", "a+b") as handle:
        deadline = time.monotonic() + wait_seconds
        said = False
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise MechKGError(
                        f"another mechkg build is still writing {out_dir} after {wait_seconds:.0f} s; try again later"
                    ) from None
                if not said:
                    print(f"waiting for another mechkg build writing {out_dir} …", file=sys.stderr)
                    said = True
                time.sleep(0.1)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _write_synced(staging: Path, files: dict[str, bytes]) -> None:
    for name, content in files.items():
        target = staging / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())


def write_atomically(files: dict[str, bytes], out_dir: Path, *, marker: bytes = MARKER_LINE) -> list[Path]:
    """Replace ``out_dir`` with a folder holding exactly ``files`` (name -> content) and the marker, all or nothing.

    Writers into one folder take turns (:func:`output_lock`). The new folder is written and synced
    beside ``out_dir`` (``.NAME.new-*``), then swapped in with one atomic exchange
    (:func:`exchange_paths`), so a reader finds ``out_dir`` at every moment, holding the old build
    or the new one, never a mix. Where the exchange is not available, two renames swap it (old ->
    ``.NAME.old-*``, new -> ``NAME``); a crash between them leaves both folders whole, and the
    next call puts the old one back before it starts. A non-empty folder without the
    :data:`MARKER` file is not MechKG's, and is refused rather than replaced. ``marker`` is the
    marker's content (a build's :meth:`BuildRecord.marker`).
    """
    out_dir = Path(out_dir).absolute()
    with output_lock(out_dir):
        recover_outputs(out_dir)
        check_target(out_dir)
        staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.new-", dir=out_dir.parent))
        try:
            _write_synced(staging, {**files, MARKER: marker})
            os.chmod(staging, 0o755)  # noqa: S103 - an output folder others may read, as mkdir would make it
            _swap_in(staging, out_dir)
            return [out_dir / name for name in files]
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def _swap_in(staging: Path, out_dir: Path) -> None:
    """Put ``staging`` at ``out_dir``; the previous folder (now at ``staging``'s path, or ``.old-*``) is removed."""
    if out_dir.exists() and exchange_paths(staging, out_dir):
        return  # the old build is now at ``staging``, which the caller removes
    old = None
    if out_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old-", dir=out_dir.parent))
        os.replace(out_dir, old)
    os.replace(staging, out_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)

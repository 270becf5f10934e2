"""One writer or many readers of a persistent store, never both: a lock file beside the store.

Oxigraph opens a store read-only without any lock of its own, so ``mechkg load --clear`` would
succeed under a running ``mechkg serve``, whose workers would then answer the same query with
different data. Both therefore take an advisory ``flock`` on ``.NAME.mechkg-lock`` beside the
store folder: ``serve`` (and ``sparql`` on a persistent store) a shared lock for as long as they
use it, ``load`` an exclusive one, without waiting, so that a load never changes a store in use
and says so in one line. The operating system drops the lock when its holder exits.

>>> import tempfile
>>> store = Path(tempfile.mkdtemp()) / "kg.db"
>>> with store_lock(store, shared=True), store_lock(store, shared=True):
...     "two readers at once"
'two readers at once'
"""

from __future__ import annotations

import contextlib
import fcntl
from collections.abc import Iterator
from pathlib import Path

from mechkg.errors import MechKGError

__all__ = ["StoreInUseError", "lock_path", "store_lock"]


class StoreInUseError(MechKGError):
    """The store is held by another process: a server or a load."""


def lock_path(store: Path) -> Path:
    """The lock file of the persistent store at ``store``."""
    store = Path(store).absolute()
    return store.parent / f".{store.name}.mechkg-lock"


@contextlib.contextmanager
def store_lock(store: Path, *, shared: bool) -> Iterator[None]:
    """Hold the store's lock, shared (readers) or exclusive (a load); refuse at once if it is taken.

    Raises :class:`StoreInUseError` (one line, naming the store) when the other kind is held,
    and :class:`~mechkg.errors.MechKGError` when the lock file cannot be made (no such folder, a
    read-only place).
    """
    path = lock_path(store)
    try:
        handle = open(path, "a+b")
    except OSError as error:
        raise MechKGError(f"cannot use the store {store}: {error.strerror} ({path.parent})") from None
    with handle:
        try:
            fcntl.flock(handle.fileno(), (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = "a load is writing it" if shared else "a running mechkg serve or sparql, or another load, is using it"
            raise StoreInUseError(f"the store {store} is in use ({holder}); try again when it has finished") from None
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

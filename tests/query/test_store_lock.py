"""A persistent store has one writer or many readers: a load never changes a store in use, and says so in one line."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from mechkg.errors import MechKGError
from mechkg.query.bulk_load import load_oxigraph
from mechkg.query.store_lock import StoreInUseError, lock_path, store_lock

TRIPLE = b'<https://w3id.org/mechkg/entity/A> <https://w3id.org/mechkg/vocab/quote> "a" .\n'
MECHKG = [sys.executable, "-c", "from mechkg.app.cli import run; run()"]


def load(store: Path, *, clear: bool = False):
    return load_oxigraph(store, [(io.BytesIO(TRIPLE), ox.RdfFormat.N_TRIPLES)], clear=clear)


def test_a_load_into_a_store_being_read_is_refused_and_changes_nothing(tmp_path: Path):
    store = tmp_path / "kg.db"
    assert load(store).triples == 1
    with store_lock(store, shared=True), pytest.raises(StoreInUseError, match="is in use"):
        load(store, clear=True)
    assert len(ox.Store.read_only(str(store))) == 1


def test_a_reader_is_refused_while_a_load_holds_the_store(tmp_path: Path):
    store = tmp_path / "kg.db"
    with store_lock(store, shared=False), pytest.raises(StoreInUseError, match="a load is writing it"):
        with store_lock(store, shared=True):
            pass


def test_the_lock_is_released_afterwards(tmp_path: Path):
    store = tmp_path / "kg.db"
    with store_lock(store, shared=True):
        pass
    assert load(store).triples == 1 and lock_path(store).name == ".kg.db.mechkg-lock"


def test_a_path_that_cannot_hold_a_store_is_a_one_line_error(tmp_path: Path):
    (tmp_path / "file.db").write_text("not a store", encoding="utf-8")
    with pytest.raises(MechKGError, match="it is a file, not a store folder") as caught:
        load(tmp_path / "file.db")
    assert "\n" not in str(caught.value)
    with pytest.raises(MechKGError, match="cannot use the store") as caught:
        load(tmp_path / "missing" / "deeper" / "kg.db")
    assert "\n" not in str(caught.value)


def test_a_read_only_place_is_a_one_line_error():
    with pytest.raises(MechKGError, match="cannot use the store") as caught:
        load(Path("/proc/mechkg-kg.db"))  # /proc takes no new files, whoever asks
    assert "\n" not in str(caught.value)


@pytest.mark.slow
def test_mechkg_load_under_a_reader_exits_1_with_one_line(tmp_path: Path):
    store = tmp_path / "kg.db"
    data = tmp_path / "a.nt"
    data.write_bytes(TRIPLE)
    with store_lock(store, shared=True):
        done = subprocess.run([*MECHKG, "load", "--store", f"oxigraph:{store}", str(data)], capture_output=True, text=True)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1].startswith("mechkg: the store") and "Traceback" not in done.stderr

"""Bulk loading into a persistent Oxigraph: counts, progress, batches, --clear, and a load killed mid-way."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from mechkg.query.bulk_load import LoadReport, load_oxigraph

MECHKG = [sys.executable, "-c", "from mechkg.app.cli import run; run()"]


def write_triples(path: Path, count: int) -> None:
    """``count`` distinct N-Triples lines (enough for a load that takes a while)."""
    with path.open("w", encoding="utf-8") as handle:
        for number in range(count):
            handle.write(
                f"<https://w3id.org/mechkg/entity/E{number}> <https://w3id.org/mechkg/vocab/quote> "
                f'"quote number {number} 引文"@zh-Hant .\n'
            )


def stored_triples(store_dir: Path) -> int:
    store = ox.Store.read_only(str(store_dir))
    return sum(1 for _ in store.quads_for_pattern(None, None, None))


def test_a_load_counts_triples_and_bytes_in_batches_and_calls_back(tmp_path: Path):
    data = tmp_path / "some.nt"
    write_triples(data, 1_000)
    turtle = tmp_path / "more.ttl"
    turtle.write_text('@prefix mke: <https://w3id.org/mechkg/entity/> .\nmke:A mke:p "甲" , "乙" .\n', encoding="utf-8")
    read: list[int] = []
    with data.open("rb") as nt, turtle.open("rb") as ttl:
        report = load_oxigraph(
            tmp_path / "kg.db", [(nt, ox.RdfFormat.N_TRIPLES), (ttl, ox.RdfFormat.TURTLE)], on_read=read.append, batch=300
        )
    assert report.triples == 1_002 == stored_triples(tmp_path / "kg.db")
    assert report.bytes == sum(read) == data.stat().st_size + turtle.stat().st_size
    assert report.triples_per_second > 0


def test_a_load_adds_to_the_store_unless_told_to_clear_it(tmp_path: Path):
    data = tmp_path / "some.nt"
    write_triples(data, 10)
    store = tmp_path / "kg.db"
    for clear, expected in ((False, 10), (False, 10), (True, 10)):
        with data.open("rb") as handle:
            load_oxigraph(store, [(handle, ox.RdfFormat.N_TRIPLES)], clear=clear)
        assert stored_triples(store) == expected  # the same triples again add nothing
    other = tmp_path / "other.nt"
    other.write_text(
        "<https://w3id.org/mechkg/entity/X> <https://w3id.org/mechkg/vocab/p> <https://w3id.org/mechkg/entity/Y> .\n"
    )
    with other.open("rb") as handle:
        load_oxigraph(store, [(handle, ox.RdfFormat.N_TRIPLES)])
    assert stored_triples(store) == 11
    with other.open("rb") as handle:
        assert load_oxigraph(store, [(handle, ox.RdfFormat.N_TRIPLES)], clear=True).triples == 1
    assert stored_triples(store) == 1


def test_a_report_with_no_time_taken_has_infinite_throughput():
    assert LoadReport(triples=5, bytes=10, seconds=0.0).triples_per_second == float("inf")


@pytest.mark.slow
def test_a_killed_load_leaves_a_store_that_reopens_and_a_rerun_completes(tmp_path: Path):
    data = tmp_path / "big.nt"
    count = 100_000
    write_triples(data, count)
    store_dir = tmp_path / "kg.db"
    load = [*MECHKG, "load", "--store", f"oxigraph:{store_dir}", str(data)]

    started = time.perf_counter()
    assert subprocess.run(load, capture_output=True, check=False).returncode == 0
    duration = time.perf_counter() - started
    assert stored_triples(store_dir) == count

    killed_part_way = False
    for fraction in (0.5, 0.3, 0.7, 0.2):
        process = subprocess.Popen([*load, "--clear"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(duration * fraction)
        process.send_signal(signal.SIGKILL)
        process.wait()
        seen = stored_triples(store_dir)  # reopens after the crash, without repair
        assert 0 <= seen <= count
        if seen < count:
            killed_part_way = True
            break
    assert killed_part_way, "every kill landed after the load had finished; the test tested nothing"

    result = subprocess.run(load, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert stored_triples(store_dir) == count

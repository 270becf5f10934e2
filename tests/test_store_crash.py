"""The persistent Oxigraph store survives a `mechkg load` killed mid-way: it reopens, and a re-run completes."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox

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


def test_a_killed_load_leaves_a_store_that_reopens_and_a_rerun_completes(tmp_path: Path):
    data = tmp_path / "big.nt"
    count = 200_000
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

"""Benchmark (not a test): whole-process times of the commands against Python's own import floors.

Run: ``python benchmarks/bench_cli.py [--runs 5] [--cold-runs 5]`` (with the project's virtual
environment's ``python``; ``mechkg`` is taken from beside it).

Each figure is the median wall time of whole processes, measured side by side: every round runs
each command once, in turn, so a busy moment of the machine falls on all of them alike. The goals
(issue #12) are ratios to two floors measured in the same rounds:

* floor A = ``python -c "import rdflib, networkx"``,
* floor B = ``python -c "import rdflib, networkx, pyvis, pyshacl, pyoxigraph"``;

``mechkg show IL6`` <= 1.3 x A and ``mechkg path SLE MSC`` <= 2 x A (the compiled graph is in the
cache: it was built once before the rounds); a cold ``mechkg build`` (empty cache, new output
folder) <= 4 x B; a rebuild with unchanged curation (the same output folder) <= 1.5 x B. The
packaged curation is used with the sources and lexicons found as usual. Caches and output
folders live in a temporary folder (``$MECHKG_CACHE_DIR`` is set for every process).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

PYTHON = sys.executable
MECHKG = str(Path(sys.executable).with_name("mechkg"))


def timed(argv: list[str], env: dict[str, str]) -> float:
    """Wall seconds of one whole process; a failing command stops the benchmark."""
    started = time.perf_counter()
    result = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({result.returncode}): {result.stderr.decode()[-2000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=7, help="rounds for the floors, show, path and the rebuild")
    parser.add_argument("--cold-runs", type=int, default=5, help="rounds that include a cold build (about 10 s each)")
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="mechkg-bench-cli-"))
    warm_env = {**os.environ, "MECHKG_CACHE_DIR": str(work / "cache")}
    try:
        print("warming up: one build fills the cache and the output folder ...", file=sys.stderr)
        timed([MECHKG, "build", "--out", str(work / "out")], warm_env)
        cold_count = 0

        def cold_build() -> float:
            nonlocal cold_count
            cold_count += 1
            env = {**os.environ, "MECHKG_CACHE_DIR": str(work / f"cold-cache-{cold_count}")}
            seconds = timed([MECHKG, "build", "--out", str(work / f"cold-out-{cold_count}")], env)
            shutil.rmtree(work / f"cold-out-{cold_count}", ignore_errors=True)
            return seconds

        commands: dict[str, Callable[[], float]] = {
            "floor A: import rdflib, networkx": lambda: timed([PYTHON, "-c", "import rdflib, networkx"], warm_env),
            "floor B: + pyvis, pyshacl, pyoxigraph": lambda: timed(
                [PYTHON, "-c", "import rdflib, networkx, pyvis, pyshacl, pyoxigraph"], warm_env
            ),
            "mechkg show IL6": lambda: timed([MECHKG, "show", "IL6"], warm_env),
            "mechkg path SLE MSC": lambda: timed([MECHKG, "path", "SLE", "MSC"], warm_env),
            "mechkg build (unchanged: rebuild)": lambda: timed([MECHKG, "build", "--out", str(work / "out")], warm_env),
            "mechkg build (cold)": cold_build,
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for round_number in range(max(options.runs, options.cold_runs)):
            print(f"round {round_number + 1} ...", file=sys.stderr)
            for name, command in commands.items():
                wanted = options.cold_runs if name == "mechkg build (cold)" else options.runs
                if round_number < wanted:
                    times[name].append(command())
        report(times)
    finally:
        shutil.rmtree(work, ignore_errors=True)


GOALS = {
    "mechkg show IL6": ("floor A: import rdflib, networkx", 1.3),
    "mechkg path SLE MSC": ("floor A: import rdflib, networkx", 2.0),
    "mechkg build (cold)": ("floor B: + pyvis, pyshacl, pyoxigraph", 4.0),
    "mechkg build (unchanged: rebuild)": ("floor B: + pyvis, pyshacl, pyoxigraph", 1.5),
}


def report(times: dict[str, list[float]]) -> None:
    """Print the medians and, for each goal, the measured ratio against it."""
    median = {name: statistics.median(values) for name, values in times.items()}
    print("\n| command | runs | median s | ratio | goal | met |\n|---|---|---|---|---|---|")
    for name, values in times.items():
        if name in GOALS:
            floor, goal = GOALS[name]
            ratio = median[name] / median[floor]
            print(
                f"| {name} | {len(values)} | {median[name]:.2f} | {ratio:.2f} x {floor[:7]} | <= {goal} x | {'yes' if ratio <= goal else 'NO'} |"
            )
        else:
            print(f"| {name} | {len(values)} | {median[name]:.2f} | | | |")


if __name__ == "__main__":
    main()

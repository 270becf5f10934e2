"""`mechkg serve` from the command line: it starts from the compiled graph and answers over HTTP."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import MINI

from mechkg.app.cli import main

MINI_ARGS = ["--curation", str(MINI)]


def test_store_and_endpoint_exclude_each_other():
    result = CliRunner().invoke(main, ["serve", *MINI_ARGS, "--store", "rdflib", "--endpoint", "http://127.0.0.1:9/q"])
    assert result.exit_code == 2 and "exclude each other" in result.stderr


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback test server
        return response.read()


@pytest.mark.slow
def test_serve_answers_from_the_compiled_graph(tmp_path: Path):
    env = {**os.environ, "MECHKG_CACHE_DIR": str(tmp_path / "cache")}
    shown = subprocess.run(
        [sys.executable, "-c", "from mechkg.app.cli import run; run()", "show", "IL6", "--format", "json", *MINI_ARGS],
        env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "building the graph" in shown.stderr  # the first use compiles it into the cache
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-c", "from mechkg.app.cli import run; run()", "serve", *MINI_ARGS, "--port", str(port), "--workers", "1"],
        env=env, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                entity = json.loads(_get(f"http://127.0.0.1:{port}/api/entity/IL6"))
                break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        assert entity == json.loads(shown.stdout)
        rows = _get(
            f"http://127.0.0.1:{port}/sparql?format=csv&query=" + urllib.parse.quote("SELECT ?d WHERE { ?d a mk:Disease }")
        )
        assert rows.decode().splitlines()[1:] == ["https://w3id.org/mechkg/entity/SLE"]
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=30)
    assert "building the graph" not in stderr, "serve rebuilt although the compiled graph was fresh"

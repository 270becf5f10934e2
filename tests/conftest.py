"""Shared fixtures: the small real curation in tests/data/mini, and the packaged one."""

from __future__ import annotations

import http.server
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mechkg.resources import LEXICONS_RULE, SOURCES_RULE, default_curation_dir, find_lexicons_dir, find_sources_dir

DATA = Path(__file__).parent / "data"
MINI = DATA / "mini"
MINI_SOURCES = DATA / "sources"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that needs the whole article built (``packaged_built``, ~5 s once) belongs to the slow suite.

    Run in parallel (scripts/test: pytest-xdist, whole files per worker, in this order), files with
    slow tests go first, so the long ones start early and the many small files fill the workers at the end.
    """
    for item in items:
        if "packaged_built" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)
    if os.environ.get("PYTEST_XDIST_WORKER"):
        slow_files = {item.path for item in items if item.get_closest_marker("slow")}
        items.sort(key=lambda item: item.path not in slow_files)  # stable: each file keeps its own order


def pytest_configure(config: pytest.Config) -> None:
    """Keep compiled graphs in a cache of the test run's own, never in the user's cache folder."""
    os.environ["MECHKG_CACHE_DIR"] = tempfile.mkdtemp(prefix="mechkg-test-cache-")


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove the test run's cache of compiled graphs."""
    shutil.rmtree(os.environ.pop("MECHKG_CACHE_DIR", ""), ignore_errors=True)


def _missing(what: str) -> None:
    """Skip with the reason, or fail where every data check must run (``MECHKG_REQUIRE_DATA=1``: CI)."""
    if os.environ.get("MECHKG_REQUIRE_DATA") == "1":
        pytest.fail(f"MECHKG_REQUIRE_DATA=1 but {what}")
    pytest.skip(f"{what}; set MECHKG_REQUIRE_DATA=1 to fail instead")


def lexicons_or_skip() -> Path:
    """The reference lexicons (found by mechkg.resources' rule), or skip: they live in ../shared, not in the repository."""
    folder = find_lexicons_dir()
    if folder is None or not folder.is_dir():
        _missing(f"reference lexicons not found ({LEXICONS_RULE})")
    assert folder is not None
    return folder


def sources_or_skip() -> Path:
    """The full source texts (found by mechkg.resources' rule), or skip with the reason."""
    folder = find_sources_dir()
    if folder is None or not folder.is_dir():
        _missing(f"source texts not found ({SOURCES_RULE})")
    assert folder is not None
    return folder


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A writable copy of the mini curation."""
    target = tmp_path / "curation"
    shutil.copytree(MINI, target)
    return target


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium (Debian's, driven by Playwright) per test module; see tests/browser_session.py.

    Not per session: Playwright's synchronous API keeps an event loop running in this thread
    while it is open, and other tests' ``asyncio.run`` refuses to start inside it.
    """
    from tests.browser_session import launch_browser

    yield from launch_browser()


@pytest.fixture(scope="session")
def packaged_built():
    """The packaged curation, built once per test session (load, RDF, SHACL, network)."""
    from mechkg.network.built import build_graphs

    return build_graphs(default_curation_dir())


@pytest.fixture(scope="session")
def packaged_table(packaged_built):
    """The packaged graph's all-pairs path table, computed once per test session (it is the slow part of a build)."""
    from mechkg.paths.table import pair_table

    return pair_table(packaged_built.network)


@pytest.fixture(scope="session")
def mini_built():
    """The mini curation, built once per test session."""
    from mechkg.network.built import build_graphs

    return build_graphs(MINI, sources_dir=MINI_SOURCES)


@pytest.fixture(scope="session")
def sparql_built():
    """The SPARQL fixture curation (tests/data/sparql, answers in tests/sparql_fixture.py), built once per session."""
    from sparql_fixture import CURATION, SOURCES

    from mechkg.network.built import build_graphs

    return build_graphs(CURATION, sources_dir=SOURCES)


@pytest.fixture
def outbound_recorder() -> Iterator[tuple[str, list[str]]]:
    """A loopback HTTP listener that records every request it gets: (its SPARQL URL, the paths asked).

    Tests point SERVICE and FROM clauses at it and assert it was never asked anything.
    """
    asked: list[str] = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            self.send_response(200)
            self.end_headers()

        do_POST = do_GET  # noqa: N815

        def log_message(self, *args: object) -> None:
            pass

    listener = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=listener.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{listener.server_address[1]}/sparql", asked
    finally:
        listener.shutdown()

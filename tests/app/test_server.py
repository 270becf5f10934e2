"""`mechkg serve` as a whole: uvicorn with the guard's limits, on loopback unless told (run for real in tests/app/cli/test_cli_serve.py)."""

from __future__ import annotations

import inspect
from pathlib import Path

from mechkg.app import guard, server


def test_server_binds_loopback_by_default():
    assert inspect.signature(server.serve).parameters["host"].default == "127.0.0.1"
    for module in (server, guard):
        assert Path(module.__file__).read_text().count("0.0.0.0") == 0  # noqa: S104


def test_the_limits_it_enforces_are_the_guards():
    assert (server.MAX_BODY_BYTES, server.HEADER_TIMEOUT) == (guard.MAX_BODY_BYTES, guard.HEADER_TIMEOUT)

"""External tools the export tests run when they are installed (rapper, node, npm)."""

from __future__ import annotations

import os
import shutil

import pytest


def require_tool(name: str) -> str:
    """The path of command ``name``, or skip (fail when MECHKG_REQUIRE_TOOLS=1)."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("MECHKG_REQUIRE_TOOLS") == "1":
            pytest.fail(f"{name} is required (MECHKG_REQUIRE_TOOLS=1) but not installed")
        pytest.skip(f"{name} not installed (Debian: apt-get install raptor2-utils); set MECHKG_REQUIRE_TOOLS=1 to fail instead")
    return path

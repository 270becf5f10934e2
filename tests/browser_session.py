"""Browser tests' shared part: Debian's Chromium driven by Playwright, the network blocked.

Chromium is launched from its own binary (``/usr/bin/chromium`` or ``MECHKG_CHROMIUM``), never a
Playwright download. Without it the tests skip, saying how to install it; with
``MECHKG_REQUIRE_BROWSER=1`` (CI sets it) they fail instead. A :class:`Session` aborts and records
every request that is not a ``file:`` or ``data:`` URL (or, for a served page, not on the given
loopback origin), and :meth:`Session.close` asserts that none was made and no script failed.
The ``browser`` fixture (tests/conftest.py) is one Chromium per test module.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
INSTALL_HINT = (
    "Chromium is needed for the browser tests: install it with `apt-get install chromium` "
    "(or point MECHKG_CHROMIUM at a Chromium binary); Playwright itself comes with `pip install -e '.[test]'`."
)


def unavailable(reason: str) -> None:
    if os.environ.get("MECHKG_REQUIRE_BROWSER") == "1":
        pytest.fail(f"MECHKG_REQUIRE_BROWSER=1 but {reason}. {INSTALL_HINT}")
    pytest.skip(f"{reason}. {INSTALL_HINT}")


def chromium_binary() -> str | None:
    for candidate in (os.environ.get("MECHKG_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def launch_browser() -> Iterator[Any]:
    executable = chromium_binary()
    if executable is None:
        unavailable("no Chromium found")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the Python package `playwright` is not installed")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


class Session:
    """One browser page on one explorer file, with the network cut and everything recorded."""

    def __init__(
        self,
        browser: Any,
        path: Path | str,
        fragment: str = "",
        *,
        viewport: tuple[int, int] = (1400, 900),
        allow_origin: str | None = None,
    ) -> None:
        self.allow_origin = allow_origin
        self.blocked: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]}, has_touch=viewport[0] < 600)
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda err: self.errors.append(str(err)))
        self.page.goto((path.as_uri() if isinstance(path, Path) else path) + fragment)
        self.page.wait_for_selector("html[data-ready=true]", timeout=30_000)

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:")) or (self.allow_origin and url.startswith(self.allow_origin + "/")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def js(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)

    def panel_text(self) -> str:
        return str(self.page.inner_text("#panel"))

    def close(self) -> None:
        assert self.blocked == [], f"the page tried the network: {self.blocked}"
        assert self.errors == [], f"script errors: {self.errors}"
        self.context.close()

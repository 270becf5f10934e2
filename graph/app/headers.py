"""Security headers of ``mechkg serve``: every response says what a browser may do with it.

Every answer carries ``X-Content-Type-Options: nosniff``, ``Referrer-Policy: no-referrer``,
``X-Frame-Options: DENY`` and a Content-Security-Policy; an answer that is not a page gets
:data:`DEFAULT_CSP` (nothing may load or run). The pages set their own: the explorer
:func:`explorer_csp` (its inline scripts by hash, fetches only to this server), the SPARQL editor
:data:`mechkg.app.editor.EDITOR_CSP`.

>>> explorer_csp("<script>go()</script><script type=\\"application/json\\">{}</script>").split("; ")[1]
"script-src 'sha256-5KYv+PUboo5h+0+YAtGRPbwv5d/QxzHslP4YGnUaxRw='"
"""

from __future__ import annotations

import base64
import hashlib
import re
from typing import Any

__all__ = ["DEFAULT_CSP", "SECURITY_HEADERS", "SecurityHeaders", "explorer_csp"]

SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}
"""Sent with every response."""
DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
"""The policy of every response that does not set its own (JSON, text, files)."""

_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def explorer_csp(page: str) -> str:
    """The explorer page's policy: exactly its inline scripts may run, it may fetch from this server only.

    Inline styles are allowed (vis-network and the page script style the elements they make);
    the data block (``type="application/json"``) is never run, so it needs no hash.
    """
    hashes = sorted({base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() for s in _INLINE_SCRIPT.findall(page)})
    scripts = " ".join(f"'sha256-{h}'" for h in hashes) or "'none'"
    return (
        f"default-src 'none'; script-src {scripts}; style-src 'unsafe-inline'; img-src 'self' data:; "
        "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    )


class SecurityHeaders:
    """ASGI middleware: adds :data:`SECURITY_HEADERS`, and :data:`DEFAULT_CSP` unless the response has a policy."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        """Pass the request on; add the headers to the response's start."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {key.lower() for key, _ in headers}
                wanted = {**SECURITY_HEADERS, "content-security-policy": DEFAULT_CSP}
                headers += [(k.encode(), v.encode()) for k, v in wanted.items() if k.encode() not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)

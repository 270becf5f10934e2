"""Who may talk to ``mechkg serve``: a Host allow-list, and no form POSTs from foreign web pages.

Two browser attacks reach a server bound to loopback. **DNS rebinding**: a page on
``evil.example`` re-points its own name at 127.0.0.1 and then reads the server as a same-origin
site; its requests carry ``Host: evil.example``, so a request whose Host is not an allowed name
gets 400. **Cross-origin form POSTs**: any page may send a form-encoded (or text/plain, multipart)
POST without a CORS preflight; such a POST whose ``Origin`` is neither the server's own nor one
allowed with ``--cors`` gets 403. Requests without an ``Origin`` (curl, scripts, SPARQL clients)
are not browser cross-origin requests and pass.

>>> sorted(allowed_hosts("127.0.0.1"))
['127.0.0.1', '::1', 'localhost']
>>> host_name("[::1]:8000"), host_name("LocalHost:8000"), host_name("bad host")
('::1', 'localhost', None)
"""

from __future__ import annotations

import ipaddress
import urllib.parse
from collections.abc import Iterable
from typing import Any

from mechkg.app.guard import plain_error

__all__ = ["LOOPBACK_NAMES", "HostOriginGuard", "allowed_hosts", "host_name", "is_loopback"]

LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})
"""Names a loopback server answers to by default."""
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def is_loopback(host: str) -> bool:
    """Whether binding ``host`` keeps the server on this machine."""
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def allowed_hosts(bind: str, extra: Iterable[str] = ()) -> frozenset[str]:
    """The Host names to answer: the loopback names, the bound address (unless a wildcard) and ``extra``."""
    names = set(LOOPBACK_NAMES) | {name.strip().lower().strip("[]") for name in extra if name.strip()}
    if bind not in ("0.0.0.0", "::", ""):  # noqa: S104 - compared, not bound
        names.add(bind.lower().strip("[]"))
    return frozenset(names)


def host_name(header: str) -> str | None:
    """The host name of a ``Host`` header or an origin's netloc, lower case, without port or brackets."""
    try:
        parsed = urllib.parse.urlsplit(f"//{header.strip()}")
        name = parsed.hostname
        parsed.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        return None
    if not name or any(ch.isspace() for ch in header.strip()):
        return None
    return name.lower()


class HostOriginGuard:
    """ASGI middleware: 400 for a Host not in ``hosts``, 403 for a state-changing request from a foreign ``Origin``."""

    def __init__(self, app: Any, hosts: frozenset[str], cors: Iterable[str] = ()) -> None:
        self.app = app
        self.hosts = hosts
        self.cors = frozenset(cors)

    def _refusal(self, scope: Any) -> Any:
        headers = {key.lower(): value for key, value in scope["headers"]}
        host = host_name(headers.get(b"host", b"").decode("latin-1"))
        if host not in self.hosts:
            names = ", ".join(sorted(self.hosts))
            return plain_error(
                400, f"Host not allowed; this server answers to {names} (start it with --allow-host NAME to add one)"
            )
        origin = headers.get(b"origin")
        if origin is None or scope.get("method", "GET") in _SAFE_METHODS:
            return None
        text = origin.decode("latin-1")
        if "*" in self.cors or text in self.cors:
            return None
        parsed = urllib.parse.urlsplit(text)
        if parsed.scheme in ("http", "https") and host_name(parsed.netloc) in self.hosts:
            return None
        return plain_error(403, "cross-origin POST refused: this page's origin is not allowed (see mechkg serve --cors)")

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        """Refuse the request outright, or pass it on untouched."""
        if scope["type"] == "http":
            refusal = self._refusal(scope)
            if refusal is not None:
                await refusal(scope, receive, send)
                return
        await self.app(scope, receive, send)

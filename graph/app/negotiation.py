"""Content negotiation for ``/sparql``: which result format a client asked for.

SELECT and ASK results are offered as the W3C SPARQL 1.1 result formats (:data:`RESULT_TYPES`),
CONSTRUCT and DESCRIBE results as RDF (:data:`GRAPH_TYPES`); ``?format=`` names one directly
(:data:`FORMAT_NAMES`), otherwise the ``Accept`` header chooses (:func:`negotiate`).
"""

from __future__ import annotations

__all__ = ["FORMAT_NAMES", "GRAPH_TYPES", "RESULT_TYPES", "negotiate"]

RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
"""Media types of SELECT/ASK results -> the serialisation's name; the first is the default."""
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
    "application/ld+json": "json-ld",
}
"""Media types of CONSTRUCT/DESCRIBE results -> the serialisation's name; the first is the default."""
FORMAT_NAMES = {"json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv", "turtle": "turtle", "ttl": "turtle", "nt": "nt",
                "ntriples": "nt", "rdfxml": "xml", "jsonld": "json-ld"}  # fmt: skip
"""``?format=`` values -> the serialisation's name."""


def _quality(params: list[str]) -> float:
    """The ``q`` value among a media range's parameters (1 when absent, 0 when malformed)."""
    for param in params:
        key, _, value = param.partition("=")
        if key.strip() == "q":
            try:
                return float(value)
            except ValueError:
                return 0.0
    return 1.0


def _match(media: str, offered: dict[str, str]) -> str:
    """The offered media type that the range ``media`` (``type/sub``, ``type/*``, ``*/*``) accepts, or ''."""
    if media in offered:
        return media
    if media == "*/*":
        return next(iter(offered))
    if media.endswith("/*"):
        return next((m for m in offered if m.startswith(media[:-1])), "")
    return ""


def negotiate(accept: str, offered: dict[str, str]) -> str | None:
    """The offered media type the ``Accept`` header prefers (q-values, ``type/*``, ``*/*``), or None.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+json", RESULT_TYPES)
    'application/sparql-results+json'
    >>> negotiate("image/png", RESULT_TYPES) is None
    True
    """
    if not accept.strip():
        return next(iter(offered))
    best: tuple[float, int, str] | None = None
    for position, item in enumerate(accept.split(",")):
        media, *params = (part.strip() for part in item.split(";"))
        quality = _quality(params)
        match = _match(media.lower(), offered) if quality > 0 else ""
        if match and (best is None or (quality, -position) > (best[0], best[1])):
            best = (quality, -position, match)
    return best[2] if best else None

"""``mechkg serve``: the explorer, a read-only SPARQL endpoint and the JSON API over HTTP."""

from __future__ import annotations

from pathlib import Path

import click

from mechkg.app.cli.group import compiled_graph, curation_options, main, reported
from mechkg.app.cli.sparql import STORE_HELP

__all__ = ["serve"]


@main.command()
@curation_options
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind; keep 127.0.0.1 unless you mean it.")
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--store", default=None, help=STORE_HELP)
@click.option("--endpoint", default=None, metavar="URL", help="Answer /sparql from this endpoint instead.")
@click.option("--timeout", default=10.0, show_default=True, type=float, help="Seconds a query may run before it is stopped.")
@click.option("--max-results", default=10_000, show_default=True, type=int, help="Most result rows a query may return.")
@click.option(
    "--max-result-bytes",
    default=16_000_000,
    show_default=True,
    type=click.IntRange(min=1),
    help="Largest answer in bytes, in any format (SELECT, CONSTRUCT, DESCRIBE); larger ones get 413.",
)
@click.option("--workers", default=2, show_default=True, type=int, help="Query worker processes.")
@click.option("--cors", multiple=True, metavar="ORIGIN", help="Allow browser pages from ORIGIN (repeatable; '*' for any).")
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="NAME",
    help="Also answer requests for Host NAME (repeatable); by default only 127.0.0.1, localhost and ::1 (and --host).",
)
def serve(
    curation: Path,
    host: str,
    port: int,
    store: str | None,
    endpoint: str | None,
    timeout: float,
    max_results: int,
    max_result_bytes: int,
    workers: int,
    cors: tuple[str, ...],
    allow_hosts: tuple[str, ...],
) -> None:
    """Serve the explorer (/), a SPARQL 1.1 endpoint (/sparql) and a JSON API (/api/…).

    The explorer's paths panel searches any therapy-disease pair live (/api/pair-paths); a browser
    opening /sparql gets a SPARQL editor (YASGUI, bundled) with the named queries as examples; the
    API is described at /api (a page) and /api/openapi.json (OpenAPI 3.1).

    The endpoint is read-only: updates, SERVICE and FROM are refused; each query is checked and
    run in a worker process and is stopped after --timeout seconds (or when its worker's memory
    grows by 512 MB). Queries may be 64 kB long (in the URL, a form or a body) and nest
    brackets 16 levels deep; answers are capped by --max-results and --max-result-bytes.
    Connections that send no request within 5 s are closed and never crowd out real clients. Requests naming another Host (DNS
    rebinding) and POSTs from foreign web pages are refused; binding a non-loopback --host warns. The explorer and /api/entity use
    the curation (--curation); /sparql uses --store / --endpoint when given.

    \b
    Examples:
      mechkg serve                                   # http://127.0.0.1:8000/
      mechkg serve --store oxigraph:kg.db --timeout 5 --cors https://yasgui.triply.cc
    """
    from mechkg.app.server import serve as run_server
    from mechkg.app.store_spec import reading_store

    if store and endpoint:
        raise click.UsageError("--store and --endpoint exclude each other")
    with reported("serve"):
        compiled = compiled_graph(curation)
    with reported("serve"), reading_store(store):
        click.echo(
            f"MechKG: http://{host}:{port}/  (SPARQL endpoint and editor: http://{host}:{port}/sparql, "
            f"API: http://{host}:{port}/api)",
            err=True,
        )
        run_server(
            network=compiled.network,
            ntriples=compiled.ntriples,
            store=endpoint or store,
            host=host,
            port=port,
            timeout=timeout,
            max_results=max_results,
            max_result_bytes=max_result_bytes,
            workers=workers,
            cors=list(cors),
            allow_hosts=list(allow_hosts),
        )

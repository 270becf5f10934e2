"""``mechkg sparql`` and ``mechkg load``: questions in SPARQL, and filling a persistent store."""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path
from typing import Any

import click

from mechkg.app.cli.group import compiled_graph, curation_options, main, reported

__all__ = ["STORE_HELP", "load", "sparql"]

STORE_HELP = (
    "Where to run: rdflib or oxigraph (the curation in memory), oxigraph:PATH (a store filled by "
    "`mechkg load`). [default: the curation in embedded Oxigraph, see graph/query/stores.py]"
)


def _list_queries() -> None:
    from mechkg.query.named import named_queries
    from mechkg.query.param_values import closed_values

    for q in named_queries().values():
        click.echo(f"{q.name}: {q.title}")
        click.echo(f"    {q.question_en}")
        click.echo(f"    {q.question_zh}")
        for p in q.parameters:
            values = closed_values(p.values_of) if p.values_of else ()
            allowed = f"; one of: {', '.join(values)}" if values else (f"; a value of {p.values_of}" if p.values_of else "")
            click.echo(f"    --param {p.name}=…  ({p.kind}{', required' if p.required else ''}) {p.description}{allowed}")
        for example in q.examples:
            click.echo(f"    e.g. {example}")


def _parameters(params: tuple[str, ...]) -> dict[str, str]:
    values: dict[str, str] = {}
    for item in params:
        key, eq, value = item.partition("=")
        if not eq or not key:
            raise click.UsageError(f"--param needs KEY=VALUE, not {item!r}")
        values[key.strip()] = value
    return values


def _is_file(name: str) -> bool:
    """Whether ``name`` names a file; query text too long to be a path (OSError: name too long) is not one."""
    try:
        return "\n" not in name and Path(name).is_file()
    except (OSError, ValueError):
        return False


def _target(query: str) -> Any:
    """A named query, the text of a .rq file, or the query text itself."""
    from mechkg.query.named import named_queries, named_query

    if query in named_queries():
        return named_query(query)
    if _is_file(query):
        return Path(query).read_text(encoding="utf-8")
    if re.fullmatch(r"[a-z0-9][a-z0-9-]*", query):
        return named_query(query)  # raises UnknownQuery with close names
    return query


@main.command()
@curation_options
@click.argument("query", required=False)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "xml", "csv", "tsv"]),
    default="table",
    show_default=True,
    help="SELECT/ASK output (json = W3C SPARQL 1.1 Query Results JSON); CONSTRUCT/DESCRIBE always print Turtle.",
)
@click.option(
    "--list",
    "list_queries",
    is_flag=True,
    help="List the named queries, their parameters and examples (each answers on the shipped graph).",
)
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE",
              help="A named query's parameter; entities may be given by id, label or synonym. Repeatable.")  # fmt: skip
@click.option("--store", default=None, help=STORE_HELP)
@click.option("--endpoint", default=None, metavar="URL", help="Run on a SPARQL 1.1 Protocol endpoint instead.")
@click.option(
    "--max-result-bytes",
    default=16_000_000,
    show_default=True,
    type=click.IntRange(min=1),
    help="Largest answer in bytes (as printed); a larger one is refused (exit 1), as by `mechkg serve`.",
)
def sparql(
    curation: Path,
    query: str | None,
    fmt: str,
    list_queries: bool,
    params: tuple[str, ...],
    store: str | None,
    endpoint: str | None,
    max_result_bytes: int,
) -> None:
    """Run a SPARQL query: a named query, a .rq file, or the query text itself.

    The prefixes mk, mke, mkc, mks, rdf, rdfs, skos, prov, dcterms, obo … are pre-bound.
    Updates, SERVICE and FROM are refused; a syntax error names its line and column (exit 2), as
    does a query longer than 64 kB or nesting brackets more than 16 levels deep. An answer
    larger than --max-result-bytes is refused (exit 1).

    \b
    Examples:
      mechkg sparql --list
      mechkg sparql cytokines-by-therapy --param therapy=MSC_EXO_THERAPY --param disease=SLE
      mechkg sparql 'SELECT ?d ?label WHERE { ?d a mk:Disease ; rdfs:label ?label }' --format csv
      mechkg sparql my-question.rq --store oxigraph:kg.db
      mechkg sparql flags --endpoint http://127.0.0.1:7878/query
    """
    if list_queries:
        _list_queries()
        return
    if not query:
        raise click.UsageError("give a query (a name from --list, a .rq file or SPARQL text), or --list")
    if store and endpoint:
        raise click.UsageError("--store and --endpoint exclude each other")
    values = _parameters(params)
    from mechkg.app.store_spec import reading_store, store_spec_for
    from mechkg.query.named import run_query

    with reported("sparql"), reading_store(store), tempfile.TemporaryDirectory(prefix="mechkg-sparql-") as workdir:
        target = _target(query)
        spec = store_spec_for(endpoint or store, lambda: compiled_graph(curation).ntriples, Path(workdir))
        opened = spec.open()
        opened.max_bytes = max_result_bytes
        result = run_query(opened, target, params=values)
        text = result.serialize("turtle" if result.graph is not None else fmt, max_result_bytes).decode("utf-8")
    click.echo(text, nl=False)


def _load_files(location: str, files: tuple[Path, ...], clear: bool) -> Any:
    from mechkg.query.bulk_load import load_oxigraph
    from mechkg.query.oxigraph_store import rdf_format

    formats = [rdf_format(f) for f in files]
    size = sum(f.stat().st_size for f in files)
    handles = [open(f, "rb") for f in files]
    try:
        with click.progressbar(length=size, label="loading", file=sys.stderr, show_pos=False) as bar:
            return load_oxigraph(Path(location), zip(handles, formats, strict=True), clear=clear, on_read=bar.update)
    finally:
        for handle in handles:
            handle.close()


def _load_curation(location: str, curation: Path, clear: bool) -> Any:
    import io

    import pyoxigraph as ox

    from mechkg.network.built import build_graphs
    from mechkg.query.bulk_load import load_oxigraph

    built = build_graphs(curation)
    data = built.rdf.serialize(format="nt", encoding="utf-8")
    return load_oxigraph(Path(location), [(io.BytesIO(data), ox.RdfFormat.N_TRIPLES)], clear=clear)


@main.command()
@curation_options
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--store", "store", required=True, metavar="oxigraph:PATH", help="The persistent Oxigraph store to fill.")
@click.option("--clear", is_flag=True, help="Empty the store first.")
def load(curation: Path, files: tuple[Path, ...], store: str, clear: bool) -> None:
    """Fill a persistent Oxigraph store from the built graph, or from RDF FILES.

    Without FILES the curation is built and loaded; with FILES (Turtle, N-Triples, N-Quads,
    TriG, RDF/XML, JSON-LD by extension) those are streamed in with a progress bar.

    \b
    Examples:
      mechkg load --store oxigraph:kg.db                 # the packaged curation
      mechkg load --store oxigraph:kg.db big.nt other.ttl
      mechkg sparql flags --store oxigraph:kg.db
    """
    from mechkg.query.stores import parse_store_spec

    with reported("load"):
        engine, location = parse_store_spec(store)
        if engine != "oxigraph" or not location:
            raise click.UsageError("--store must be oxigraph:PATH (a folder for the persistent store)")
        if files:
            report = _load_files(location, files, clear)
        else:
            report = _load_curation(location, curation, clear)
    click.echo(
        f"loaded {report.triples:,} triples ({report.bytes / 1e6:.1f} MB) into {location} in {report.seconds:.2f} s: "
        f"{report.triples_per_second:,.0f} triples/s"
    )

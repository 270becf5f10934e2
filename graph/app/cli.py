"""The ``mechkg`` command: build, validate and look into the MechKG knowledge graph.

Exit codes: 0 success; 1 the curation (or the built graph) is invalid; 2 a usage error, or a
name that matches no entity or several.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from mechkg.errors import CurationError, MechKGError, UnknownEntity
from mechkg.resources import default_curation_dir

__all__ = ["main"]

F = TypeVar("F", bound=Callable[..., Any])


def curation_options(command: F) -> F:
    """The options every command that reads the graph shares, defined once."""
    command = click.option(
        "--lexicons",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Folder of reference lexicons (*.tsv) for checking CURIEs. "
        "[default: $MECHKG_LEXICONS, else shared/reference/lexicons beside the project]",
    )(command)
    command = click.option(
        "--sources",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Folder of full source texts for checking quotes. "
        "[default: $MECHKG_SOURCES, else shared/sources beside the project]",
    )(command)
    command = click.option(
        "--curation",
        type=click.Path(file_okay=False, path_type=Path),
        default=default_curation_dir,
        show_default="the curation shipped in the package",
        help="Curation folder to read (same format as the packaged one; see CURATION.md).",
    )(command)
    return command


def _fail_on_curation(error: CurationError) -> None:
    click.echo(str(error), err=True)
    sys.exit(1)


def _notices(notices: tuple[str, ...]) -> None:
    for notice in notices:
        click.echo(f"note: {notice}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="mechkg")
def main() -> None:
    """MechKG: how stem cells and their exosomes act on autoimmune diseases.

    An evidence-backed, bilingual (繁體中文 / English) knowledge graph: every edge carries the
    sentence of the source it came from.

    \b
    Examples:
      mechkg build --out build/          # validate, then write build/mechkg.ttl and mechkg.html
      mechkg validate                    # check the curation; exit 1 listing every problem
      mechkg show 系統性紅斑狼瘡          # one entity with its claims (also: show SLE --format json)
    """


@main.command()
@curation_options
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("build"),
    show_default=True,
    help="Folder to write the outputs into.",
)
def build(curation: Path, sources: Path | None, lexicons: Path | None, out: Path) -> None:
    """Validate the curation and write the graph: mechkg.ttl (RDF) and mechkg.html (explorer).

    The outputs are written atomically: if anything fails, the previous build is left as it was.

    \b
    Example:
      mechkg build --out build/ && xdg-open build/mechkg.html
    """
    from mechkg.app.build import build as run_build

    try:
        report = run_build(curation, out, sources_dir=sources, lexicons_dir=lexicons)
    except CurationError as error:
        _fail_on_curation(error)
        return
    _notices(report.notices)
    click.echo(f"MechKG built in {report.seconds:.2f} s from {curation}")
    click.echo(
        f"  entities: {sum(v for k, v in report.by_class.items() if k != 'ClinicalStudy')} "
        f"({report.grounded} grounded, {report.ungrounded} ungrounded)   "
        f"claims: {report.claims}   studies: {report.studies}   flags: {report.flags}"
    )
    click.echo(f"  edges: {report.edges}   triples: {report.triples}")
    click.echo("  by class: " + ", ".join(f"{name} {count}" for name, count in report.by_class.items()))
    for path in report.files:
        click.echo(f"  wrote {path} ({path.stat().st_size:,} bytes)")


@main.command()
@curation_options
def validate(curation: Path, sources: Path | None, lexicons: Path | None) -> None:
    """Check the curation: YAML, keys, ids, references, CURIEs, quotes, SHACL shapes.

    Every problem is listed as FILE:LINE: FIELD: what is wrong, and the exit code is 1.

    \b
    Example:
      mechkg validate --curation my-curation/
    """
    from mechkg.network.built import build_graphs

    try:
        built = build_graphs(curation, sources_dir=sources, lexicons_dir=lexicons)
    except CurationError as error:
        _fail_on_curation(error)
        return
    _notices(built.curation.notices)
    c = built.curation
    click.echo(
        f"valid: {len(c.entities)} entities, {len(c.claims)} claims, {len(c.studies)} studies, "
        f"{len(c.sources)} source(s); SHACL conforms"
    )


@main.command()
@curation_options
@click.argument("name")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def show(curation: Path, sources: Path | None, lexicons: Path | None, name: str, fmt: str) -> None:
    """Show one entity and every claim about it (as subject or object).

    NAME is an id, a label or a synonym, in English or Chinese, case-insensitive. An unknown
    or ambiguous name exits with 2 and lists candidates.

    \b
    Examples:
      mechkg show SLE --format json
      mechkg show 系統性紅斑狼瘡
      mechkg show "regulatory T cell"
    """
    from mechkg.network.built import build_graphs
    from mechkg.network.names import resolve_name
    from mechkg.views.entity import entity_json, entity_text

    try:
        built = build_graphs(curation, sources_dir=sources, lexicons_dir=lexicons, check_shapes=False)
        node = resolve_name(built.network, name)
    except CurationError as error:
        _fail_on_curation(error)
        return
    except UnknownEntity as error:
        click.echo(f"mechkg show: {error}", err=True)
        sys.exit(2)
    assert node is not None
    info = entity_json(built.network, node)
    if fmt == "json":
        click.echo(json.dumps(info, ensure_ascii=False, indent=2))
    else:
        click.echo(entity_text(info))


@main.command()
@curation_options
@click.option("--source", "source_id", default=None, help="Report only this source id. [default: every source with a text]")
@click.option("--all", "show_all", is_flag=True, help="List every sentence, not only the uncited ones.")
@click.option("--strict", is_flag=True, help="Exit 1 when a sentence is neither cited nor excused.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def coverage(
    curation: Path, sources: Path | None, lexicons: Path | None, source_id: str | None, show_all: bool, strict: bool, fmt: str
) -> None:
    """Report, per section of a source, how many sentences claims and studies cite.

    A sentence is cited when a claim, study, arm or figure quote overlaps it; sentences left
    out on purpose are listed in excused/*.yaml with the reason. Uncited sentences are listed.

    \b
    Example:
      mechkg coverage --strict        # exit 1 if any substantive sentence is uncited
    """
    from mechkg.ingest.coverage import source_coverage
    from mechkg.ingest.load import load_curation

    try:
        loaded = load_curation(curation, sources_dir=sources, lexicons_dir=lexicons)
    except CurationError as error:
        _fail_on_curation(error)
        return
    _notices(loaded.notices)
    wanted = [source_id] if source_id else sorted(loaded.texts)
    missing = [s for s in wanted if s not in loaded.texts]
    if missing:
        raise click.UsageError(
            f"no text available for source {', '.join(missing)}; known with text: {', '.join(sorted(loaded.texts))}"
        )
    report: dict[str, Any] = {}
    uncited_total = 0
    for sid in wanted:
        rows = source_coverage(loaded, sid)
        uncited_total += sum(row.uncited for row in rows)
        report[sid] = rows
    if fmt == "json":
        click.echo(
            json.dumps(
                {
                    sid: [
                        {
                            "line": r.sentence.line,
                            "section": r.sentence.section,
                            "text": r.sentence.text,
                            "cited_by": list(r.cited_by),
                            "excused": r.excused,
                        }
                        for r in rows
                    ]
                    for sid, rows in report.items()
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for sid, rows in report.items():
            _coverage_text(sid, rows, show_all)
    if strict and uncited_total:
        sys.exit(1)


def _coverage_text(source_id: str, rows: list[Any], show_all: bool) -> None:
    sections: dict[str, list[Any]] = {}
    for row in rows:
        sections.setdefault(row.sentence.section or "(before the first heading)", []).append(row)
    cited = sum(bool(r.cited_by) for r in rows)
    excused = sum(r.excused is not None and not r.cited_by for r in rows)
    uncited = sum(r.uncited for r in rows)
    substantive = len(rows) - excused
    share = 100 * cited / substantive if substantive else 100.0
    click.echo(
        f"{source_id}: {cited} of {substantive} substantive sentences cited ({share:.1f}%); {excused} excused; {uncited} uncited"
    )
    for section, section_rows in sections.items():
        n_cited = sum(bool(r.cited_by) for r in section_rows)
        n_uncited = sum(r.uncited for r in section_rows)
        click.echo(f"  {section}: {n_cited}/{len(section_rows)} cited" + (f", {n_uncited} UNCITED" if n_uncited else ""))
        for row in section_rows:
            if row.uncited or show_all:
                status = (
                    "UNCITED"
                    if row.uncited
                    else (
                        "excused: " + row.excused if row.excused and not row.cited_by else "cited by " + ", ".join(row.cited_by)
                    )
                )
                click.echo(f"    line {row.sentence.line}: {status}: {row.sentence.text}")


_STORE_HELP = (
    "Where to run: rdflib or oxigraph (the curation in memory), oxigraph:PATH (a store filled by "
    "`mechkg load`). [default: the curation in embedded Oxigraph, see graph/query/stores.py]"
)


def _sparql_fail(error: MechKGError) -> None:
    from mechkg.query.sparql import ParameterError, QueryRefused, QuerySyntaxError, UnknownQuery

    click.echo(f"mechkg sparql: {error}", err=True)
    usage = (QuerySyntaxError, QueryRefused, UnknownQuery, UnknownEntity, ParameterError)
    sys.exit(2 if isinstance(error, usage) else 1)


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
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and their parameters.")
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE",
              help="A named query's parameter; entities may be given by id, label or synonym. Repeatable.")  # fmt: skip
@click.option("--store", default=None, help=_STORE_HELP)
@click.option("--endpoint", default=None, metavar="URL", help="Run on a SPARQL 1.1 Protocol endpoint instead.")
def sparql(
    curation: Path,
    sources: Path | None,
    lexicons: Path | None,
    query: str | None,
    fmt: str,
    list_queries: bool,
    params: tuple[str, ...],
    store: str | None,
    endpoint: str | None,
) -> None:
    """Run a SPARQL query: a named query, a .rq file, or the query text itself.

    The prefixes mk, mke, mkc, mks, rdf, rdfs, skos, prov, dcterms, obo … are pre-bound.
    Updates, SERVICE and FROM are refused; a syntax error names its line and column (exit 2).

    \b
    Examples:
      mechkg sparql --list
      mechkg sparql cytokines-by-therapy --param therapy=MSC_EXO_THERAPY --param disease=SLE
      mechkg sparql 'SELECT ?d ?label WHERE { ?d a mk:Disease ; rdfs:label ?label }' --format csv
      mechkg sparql my-question.rq --store oxigraph:kg.db
      mechkg sparql flags --endpoint http://127.0.0.1:7878/query
    """
    import re

    from mechkg.network.built import build_graphs
    from mechkg.query.named import named_queries, named_query, run_query
    from mechkg.query.sparql import SparqlError, UnknownQuery
    from mechkg.query.stores import open_store

    if list_queries:
        for q in named_queries().values():
            click.echo(f"{q.name}: {q.title}")
            click.echo(f"    {q.question_en}")
            click.echo(f"    {q.question_zh}")
            for p in q.parameters:
                click.echo(f"    --param {p.name}=…  ({p.kind}{', required' if p.required else ''}) {p.description}")
        return
    if not query:
        raise click.UsageError("give a query (a name from --list, a .rq file or SPARQL text), or --list")
    if store and endpoint:
        raise click.UsageError("--store and --endpoint exclude each other")
    values: dict[str, str] = {}
    for item in params:
        key, eq, value = item.partition("=")
        if not eq or not key:
            raise click.UsageError(f"--param needs KEY=VALUE, not {item!r}")
        values[key.strip()] = value
    try:
        target: Any
        if query in named_queries():
            target = named_query(query)
        elif Path(query).is_file():
            target = Path(query).read_text(encoding="utf-8")
        elif re.fullmatch(r"[a-z0-9][a-z0-9-]*", query):
            target = named_query(query)  # raises UnknownQuery with close names
        else:
            target = query
        chosen = open_store(
            endpoint or store,
            graph=lambda: build_graphs(curation, sources_dir=sources, lexicons_dir=lexicons, check_shapes=False).rdf,
        )
        result = run_query(chosen, target, params=values)
    except CurationError as error:
        _fail_on_curation(error)
        return
    except (SparqlError, UnknownQuery, UnknownEntity) as error:
        _sparql_fail(error)
        return
    click.echo(result.serialize("turtle" if result.graph is not None else fmt).decode("utf-8"), nl=False)


@main.command()
@curation_options
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--store", "store", required=True, metavar="oxigraph:PATH", help="The persistent Oxigraph store to fill.")
@click.option("--clear", is_flag=True, help="Empty the store first.")
def load(curation: Path, sources: Path | None, lexicons: Path | None, files: tuple[Path, ...], store: str, clear: bool) -> None:
    """Fill a persistent Oxigraph store from the built graph, or from RDF FILES.

    Without FILES the curation is built and loaded; with FILES (Turtle, N-Triples, N-Quads,
    TriG, RDF/XML, JSON-LD by extension) those are streamed in with a progress bar.

    \b
    Examples:
      mechkg load --store oxigraph:kg.db                 # the packaged curation
      mechkg load --store oxigraph:kg.db big.nt other.ttl
      mechkg sparql flags --store oxigraph:kg.db
    """
    import io

    from mechkg.query.sparql import SparqlError
    from mechkg.query.stores import load_oxigraph, parse_store_spec, rdf_format

    try:
        engine, location = parse_store_spec(store)
        if engine != "oxigraph" or not location:
            raise click.UsageError("--store must be oxigraph:PATH (a folder for the persistent store)")
        if files:
            formats = [rdf_format(f) for f in files]
            size = sum(f.stat().st_size for f in files)
            handles = [open(f, "rb") for f in files]
            try:
                with click.progressbar(length=size, label="loading", file=sys.stderr, show_pos=False) as bar:
                    report = load_oxigraph(Path(location), zip(handles, formats, strict=True), clear=clear, on_read=bar.update)
            finally:
                for handle in handles:
                    handle.close()
        else:
            import pyoxigraph as ox

            from mechkg.network.built import build_graphs

            built = build_graphs(curation, sources_dir=sources, lexicons_dir=lexicons)
            data = built.rdf.serialize(format="nt", encoding="utf-8")
            report = load_oxigraph(Path(location), [(io.BytesIO(data), ox.RdfFormat.N_TRIPLES)], clear=clear)
    except CurationError as error:
        _fail_on_curation(error)
        return
    except SparqlError as error:
        click.echo(f"mechkg load: {error}", err=True)
        sys.exit(1)
    click.echo(
        f"loaded {report.triples:,} triples ({report.bytes / 1e6:.1f} MB) into {location} in {report.seconds:.2f} s: "
        f"{report.triples_per_second:,.0f} triples/s"
    )


@main.command()
@curation_options
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind; keep 127.0.0.1 unless you mean it.")
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--store", default=None, help=_STORE_HELP)
@click.option("--endpoint", default=None, metavar="URL", help="Answer /sparql from this endpoint instead.")
@click.option("--timeout", default=10.0, show_default=True, type=float, help="Seconds a query may run before it is stopped.")
@click.option("--max-results", default=10_000, show_default=True, type=int, help="Most result rows a query may return.")
@click.option("--workers", default=2, show_default=True, type=int, help="Query worker processes.")
@click.option("--cors", multiple=True, metavar="ORIGIN", help="Allow browser pages from ORIGIN (repeatable; '*' for any).")
def serve(
    curation: Path,
    sources: Path | None,
    lexicons: Path | None,
    host: str,
    port: int,
    store: str | None,
    endpoint: str | None,
    timeout: float,
    max_results: int,
    workers: int,
    cors: tuple[str, ...],
) -> None:
    """Serve the explorer (/), a SPARQL 1.1 endpoint (/sparql) and a JSON API (/api/…).

    The endpoint is read-only: updates, SERVICE and FROM are refused; each query runs in a
    worker process and is stopped after --timeout seconds. The explorer and /api/entity use
    the curation (--curation); /sparql uses --store / --endpoint when given.

    \b
    Examples:
      mechkg serve                                   # http://127.0.0.1:8000/
      mechkg serve --store oxigraph:kg.db --timeout 5 --cors https://yasgui.triply.cc
    """
    from mechkg.app.server import serve as run_server
    from mechkg.network.built import build_graphs

    if store and endpoint:
        raise click.UsageError("--store and --endpoint exclude each other")
    try:
        built = build_graphs(curation, sources_dir=sources, lexicons_dir=lexicons, check_shapes=False)
    except CurationError as error:
        _fail_on_curation(error)
        return
    click.echo(f"MechKG: http://{host}:{port}/  (SPARQL endpoint: http://{host}:{port}/sparql)", err=True)
    run_server(
        built=built,
        store=endpoint or store,
        host=host,
        port=port,
        timeout=timeout,
        max_results=max_results,
        workers=workers,
        cors=list(cors),
    )


def _path_graph(curation: Path, sources: Path | None, lexicons: Path | None) -> Any:
    from mechkg.network.built import build_graphs

    try:
        return build_graphs(curation, sources_dir=sources, lexicons_dir=lexicons, check_shapes=False).network
    except CurationError as error:
        _fail_on_curation(error)


def _check_terms(values: tuple[str, ...], known: Any, what: str) -> tuple[str, ...] | None:
    unknown = [v for v in values if v not in known]
    if unknown:
        raise click.UsageError(f"unknown {what} {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    return values or None


@main.command()
@curation_options
@click.argument("disease")
@click.argument("therapy")
@click.option("-k", "k", type=click.IntRange(min=1), default=10, show_default=True, help="Number of paths.")
@click.option("--max-hops", type=click.IntRange(min=2), default=6, show_default=True, help="Most mechanistic hops per path.")
@click.option("--mode", type=click.Choice(["causal", "exploratory"]), default="causal", show_default=True)
@click.option("--via", multiple=True, help="Pass through this entity (or a narrower one); repeatable.")
@click.option("--avoid", multiple=True, help="Never pass through this entity; repeatable.")
@click.option("--min-evidence", type=click.Choice(["human", "animal", "any"]), default="any", show_default=True)
@click.option("--predicate", "predicate_names", multiple=True, help="Allowed mechanistic predicate; repeatable. [default: all]")
@click.option("--class", "class_names", multiple=True, help="Allowed class of intermediate nodes; repeatable. [default: all]")
@click.option("--disease-context", is_flag=True, help="Use only claims made about DISEASE (or a narrower disease).")
@click.option("--no-inherit", is_flag=True, help="Do not start from more general kinds of the therapy or what it uses.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Write here instead of stdout.")
def path(
    curation: Path,
    sources: Path | None,
    lexicons: Path | None,
    disease: str,
    therapy: str,
    k: int,
    max_hops: int,
    mode: str,
    via: tuple[str, ...],
    avoid: tuple[str, ...],
    min_evidence: str,
    predicate_names: tuple[str, ...],
    class_names: tuple[str, ...],
    disease_context: bool,
    no_inherit: bool,
    fmt: str,
    out: Path | None,
) -> None:
    """Mechanism paths: how could THERAPY act on DISEASE? Ranked, signed, every hop with its quote.

    DISEASE and THERAPY are ids, labels or synonyms (English or 繁體中文). THERAPY may also be a
    class of therapies or what they use ("MSC", "間充質干細胞", "exosome"): then all such
    therapies. "No path" prints the nearest partial chains and exits 0; an unknown or
    ambiguous name exits 2.

    \b
    Examples:
      mechkg path SLE "UC-MSC therapy"
      mechkg path 系統性紅斑狼瘡 間充質干細胞 -k 5 --via Th17
      mechkg path IBD exosome --format json
      mechkg path IBD exosome --mode exploratory --format html --out ibd-exosome.html
    """
    from mechkg.ingest.model import ENTITY_CLASSES
    from mechkg.paths.report import highlight_steps, result_text
    from mechkg.paths.search import mechanism_paths
    from mechkg.terms.ontology import predicates
    from mechkg.views.paths import result_json

    chosen_predicates = _check_terms(predicate_names, predicates(), "predicate")
    chosen_classes = _check_terms(class_names, ENTITY_CLASSES, "class")
    G = _path_graph(curation, sources, lexicons)
    try:
        result = mechanism_paths(
            G,
            therapy,
            disease,
            k=k,
            max_hops=max_hops,
            mode=mode,  # type: ignore[arg-type]
            via=via,
            avoid=avoid,
            predicates=chosen_predicates,
            classes=chosen_classes,
            min_evidence=min_evidence,  # type: ignore[arg-type]
            disease_context=disease_context,
            inherit=not no_inherit,
        )
    except UnknownEntity as error:
        click.echo(f"mechkg path: {error}", err=True)
        sys.exit(2)
    if fmt == "json":
        text = json.dumps(result_json(G, result), ensure_ascii=False, indent=2) + "\n"
    elif fmt == "html":
        from mechkg.render.page import explorer_html

        title = f"MechKG: {result.query} → {G.nodes[result.target]['label_en']}"
        text = explorer_html(G, title=title, highlight_paths=highlight_steps(result, G))
    else:
        text = result_text(G, result)
    if out is None:
        click.echo(text, nl=False)
    else:
        import os
        import tempfile

        # Atomic: a temporary file beside the target, then one rename.
        handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.resolve().parent)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(text.encode("utf-8"))
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
            os.replace(temporary, out)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
        click.echo(f"wrote {out} ({len(result.paths)} path{'s' if len(result.paths) != 1 else ''})", err=True)


@main.command()
@curation_options
@click.argument("disease")
@click.option("--mode", type=click.Choice(["causal", "exploratory"]), default="causal", show_default=True)
@click.option("--max-hops", type=click.IntRange(min=2), default=6, show_default=True)
@click.option("--min-evidence", type=click.Choice(["human", "animal", "any"]), default="any", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def mechanisms(
    curation: Path,
    sources: Path | None,
    lexicons: Path | None,
    disease: str,
    mode: str,
    max_hops: int,
    min_evidence: str,
    fmt: str,
) -> None:
    """For every therapy with a path to DISEASE: its best mechanism path and net sign.

    \b
    Example:
      mechkg mechanisms SLE
    """
    from mechkg.paths.report import mechanisms_text
    from mechkg.paths.search import mechanisms as therapy_mechanisms
    from mechkg.views.paths import mechanisms_json

    G = _path_graph(curation, sources, lexicons)
    try:
        from mechkg.network.names import resolve_name

        target = resolve_name(G, disease)
        assert target is not None
        rows = therapy_mechanisms(G, target, mode=mode, max_hops=max_hops, min_evidence=min_evidence)  # type: ignore[arg-type]
    except UnknownEntity as error:
        click.echo(f"mechkg mechanisms: {error}", err=True)
        sys.exit(2)
    if fmt == "json":
        click.echo(json.dumps(mechanisms_json(G, target, rows), ensure_ascii=False, indent=2))
    else:
        click.echo(mechanisms_text(G, target, rows), nl=False)


_EXPORT_FORMATS = ("turtle", "ntriples", "jsonld", "kgx", "graphml", "cytoscape", "neo4j", "paths")
_MULTI_FILE_FORMATS = ("kgx", "neo4j")


@main.command()
@curation_options
@click.option("--format", "fmt", type=click.Choice(_EXPORT_FORMATS), required=True, help="Export format.")
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=None,
    help="File to write (kgx, neo4j: folder for their files). [default: standard output; kgx, neo4j: the current folder]",
)
def export(curation: Path, sources: Path | None, lexicons: Path | None, fmt: str, out: Path | None) -> None:
    """Export the graph for other tools: RDF, JSON-LD, KGX (Biolink), GraphML, Cytoscape.js, Neo4j, paths.

    paths: the precomputed therapy-disease mechanism paths as DrugMechDB-style JSON records
    (nodes, links with their claims, quotes and evidence, references).
    The same input always gives byte-identical files. kgx writes mechkg_kgx_nodes.tsv,
    mechkg_kgx_edges.tsv and the JSON-LD context of their prefixes, neo4j writes
    mechkg_neo4j_nodes.csv and mechkg_neo4j_relationships.csv into the --out folder (load the
    latter with: neo4j-admin database import full --array-delimiter="|" --multiline-fields=true --nodes=mechkg_neo4j_nodes.csv
    --relationships=mechkg_neo4j_relationships.csv neo4j).

    \b
    Examples:
      mechkg export --format turtle --out mechkg.ttl
      mechkg export --format kgx --out kgx/
      mechkg export --format cytoscape > mechkg.cyjs
      mechkg export --format paths --out mechkg_paths.json
    """
    from mechkg.app.build import write_atomically
    from mechkg.export.formats import export as run_export
    from mechkg.network.built import build_graphs

    try:
        built = build_graphs(curation, sources_dir=sources, lexicons_dir=lexicons)
    except CurationError as error:
        _fail_on_curation(error)
        return
    _notices(built.curation.notices)
    files = run_export(built, fmt)
    if fmt in _MULTI_FILE_FORMATS:
        folder = out or Path(".")
        if folder.exists() and not folder.is_dir():
            raise click.UsageError(f"--out {folder} must be a folder for --format {fmt}")
        for path in write_atomically(files, folder):
            click.echo(f"wrote {path} ({path.stat().st_size:,} bytes)", err=True)
        return
    (content,) = files.values()
    if out is None:
        click.echo(content, nl=False)
        return
    if out.is_dir():
        raise click.UsageError(f"--out {out} is a folder; give a file name for --format {fmt}")
    from mechkg.files import write_file_atomically

    write_file_atomically(out, content)
    click.echo(f"wrote {out} ({len(content):,} bytes)", err=True)


def run() -> None:
    """Entry point that turns any unexpected MechKGError into a clean message."""
    try:
        main()
    except MechKGError as error:
        click.echo(f"mechkg: {error}", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()

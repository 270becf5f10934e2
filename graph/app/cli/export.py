"""``mechkg export``: the graph in the formats other tools read."""

from __future__ import annotations

from pathlib import Path

import click

from mechkg.app.cli.group import curation_options, echo_notices, main, reported

__all__ = ["EXPORT_FORMATS", "export"]

EXPORT_FORMATS = ("turtle", "ntriples", "jsonld", "kgx", "graphml", "cytoscape", "neo4j", "paths")
"""The formats of ``--format``, as :func:`mechkg.export.formats.export` names them."""
_MULTI_FILE_FORMATS = ("kgx", "neo4j")


def _write_folder(files: dict[str, bytes], folder: Path, fmt: str) -> None:
    from mechkg.app.outputs import write_atomically

    if folder.exists() and not folder.is_dir():
        raise click.UsageError(f"--out {folder} must be a folder for --format {fmt}")
    for path in write_atomically(files, folder):
        click.echo(f"wrote {path} ({path.stat().st_size:,} bytes)", err=True)


@main.command()
@curation_options
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True, help="Export format.")
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=None,
    help="File to write (kgx, neo4j: folder for their files). [default: standard output; kgx, neo4j: the current folder]",
)
def export(curation: Path, fmt: str, out: Path | None) -> None:
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
    from mechkg.export.formats import export as run_export
    from mechkg.files import write_file_atomically
    from mechkg.network.built import build_graphs

    with reported("export"):
        built = build_graphs(curation)
        echo_notices(built.curation.notices)
        files = run_export(built, fmt)
        if fmt in _MULTI_FILE_FORMATS:
            _write_folder(files, out or Path("."), fmt)
            return
    (content,) = files.values()
    if out is None:
        click.echo(content, nl=False)
        return
    if out.is_dir():
        raise click.UsageError(f"--out {out} is a folder; give a file name for --format {fmt}")
    write_file_atomically(out, content)
    click.echo(f"wrote {out} ({len(content):,} bytes)", err=True)

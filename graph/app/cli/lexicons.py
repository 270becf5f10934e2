"""``mechkg lexicons``: build full lexicons from release files, and regenerate the shipped snapshot."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from mechkg.app.cli.group import curation_options, main
from mechkg.resources import LEXICONS_DEFAULT

__all__ = ["lexicons"]


@main.group()
def lexicons() -> None:
    """Lexicons that CURIEs are checked against: build them, or refresh the snapshot MechKG ships.

    `mechkg validate` checks each CURIE against full lexicons when it finds them (--lexicons DIR,
    $MECHKG_LEXICONS, ../shared/reference/lexicons), else against the snapshot shipped in the
    package (the rows of the CURIEs the shipped curation cites); a CURIE in neither is unchecked.
    """


@lexicons.command()
@click.option(
    "--from",
    "files",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    multiple=True,
    required=True,
    help="A release file: OBO (cl.obo, mondo.obo, uberon.obo, eco.obo, go.obo, ...), HGNC's hgnc_complete_set.txt, "
    "or miRBase's hsa.gff3. Repeat for each; several after one --from are also accepted.",
)
@click.argument("more", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True, help="Folder to write the lexicons into.")
def build(files: tuple[Path, ...], more: tuple[Path, ...], out: Path) -> None:
    """Build full lexicons (the reference lexicons' format) from the ontologies' release files.

    Each file's kind is told from its first line. OWL is not read: use the .obo release, or convert
    with ROBOT. The folder gets one TSV per lexicon and a README.md naming each input's version and
    SHA-256; use it with `mechkg validate --lexicons DIR`. Exit 2 for a file of another kind.

    \b
    Example:
      mechkg lexicons build --from cl.obo mondo.obo hgnc_complete_set.txt hsa.gff3 --out my-lexicons
      mechkg validate --strict --lexicons my-lexicons
    """
    from mechkg.terms.lexicon_build import LexiconBuildError, build_lexicons

    try:
        built = build_lexicons([*files, *more], out)
    except (LexiconBuildError, UnicodeDecodeError) as error:
        click.echo(f"mechkg lexicons build: {error}", err=True)
        sys.exit(2)
    for lexicon in built:
        obsolete = f" (+{len(lexicon.obsolete)} obsolete)" if lexicon.obsolete else ""
        click.echo(f"  {out / lexicon.file}: {len(lexicon.rows):,} terms{obsolete} from {lexicon.source} ({lexicon.version})")


@lexicons.command()
@curation_options
@click.option(
    "--lexicons",
    "lexicons_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help=f"Full lexicons to take the rows from. [default: {LEXICONS_DEFAULT}]",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder to write the snapshot into. [default: the snapshot in the package, graph/terms/lexicon_snapshot]",
)
def snapshot(curation: Path, lexicons_dir: Path | None, out: Path | None) -> None:
    """Regenerate the lexicon snapshot: the full lexicons' rows for every CURIE the curation cites.

    Run after adding xrefs to the curation, with full lexicons at hand; commit the result. The
    output depends only on the curation and the lexicons. Exit 2 when no full lexicons are found.

    \b
    Example:
      mechkg lexicons snapshot --lexicons ../shared/reference/lexicons
    """
    from mechkg.ingest.catalog import catalog_records
    from mechkg.ingest.findings import Findings
    from mechkg.ingest.records import read_records
    from mechkg.resources import find_lexicons_dir
    from mechkg.terms.snapshot import SNAPSHOT_DIR, write_snapshot

    folder = find_lexicons_dir(lexicons_dir)
    if folder is None or not folder.is_dir():
        click.echo(
            f"mechkg lexicons snapshot: no full lexicons found ({folder or LEXICONS_DEFAULT}); name them with --lexicons DIR",
            err=True,
        )
        sys.exit(2)
    findings = Findings()
    catalog = catalog_records(read_records(curation, findings), findings)
    curies = {xref.curie for entity in catalog.entities.values() for xref in entity.xrefs}
    target = out or SNAPSHOT_DIR
    try:
        counts = write_snapshot(curies, folder, target)
    except FileNotFoundError as error:
        click.echo(f"mechkg lexicons snapshot: {error}", err=True)
        sys.exit(2)
    click.echo(f"snapshot of {len(curies)} CURIEs from {folder} in {target}: " + ", ".join(f"{n} {c}" for n, c in counts.items()))

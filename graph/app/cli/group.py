"""The ``mechkg`` click group, the options every graph-reading command shares, and the one error path.

Exit codes (as README.md's table says): 0 done; 1 invalid data (the curation or the built graph,
an uncited sentence under ``coverage --strict``, a query that failed while running); 2 a usage
error: a bad option, argument or ``--param`` value, a name that matches no entity or several, an
output folder MechKG did not write, or under ``--strict`` a check that could not run.
:func:`reported` turns MechKG's errors into those messages and codes for every command; :func:`run`
(the console script) catches the rest.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from mechkg.errors import CurationError, MechKGError, OutputRefused, UnknownEntity
from mechkg.resources import LEXICONS_DEFAULT, SOURCES_DEFAULT, default_curation_dir

if TYPE_CHECKING:
    import networkx as nx

    from mechkg.app.compiled import Compiled

__all__ = ["compiled_graph", "curation_options", "echo_notices", "main", "reference_options", "reported", "resolved", "run"]

F = TypeVar("F", bound=Callable[..., Any])


def curation_options(command: F) -> F:
    """``--curation``: the option every command that reads the graph shares, defined once."""
    return click.option(
        "--curation",
        type=click.Path(file_okay=False, path_type=Path),
        default=default_curation_dir,
        show_default="the curation shipped in the package",
        help="Curation folder to read (same format as the packaged one; see CURATION.md).",
    )(command)


def reference_options(command: F) -> F:
    """``--sources`` and ``--lexicons``: what build, validate and coverage check the curation against.

    The graph itself does not depend on them, so the commands that only read it do not take them
    (they still check against what :mod:`mechkg.resources`' rule finds, as the compiled graph's key says).
    """
    command = click.option(
        "--lexicons",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help=f"Folder of reference lexicons (*.tsv) to check CURIEs against. [default: {LEXICONS_DEFAULT}]",
    )(command)
    return click.option(
        "--sources",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help=f"Folder of full source texts to check quotes against. [default: {SOURCES_DEFAULT}]",
    )(command)


def _exit_code(error: MechKGError) -> int | None:
    """2 for an error the user fixes by asking differently, 1 for another SPARQL failure, None for the rest."""
    if isinstance(error, (UnknownEntity, OutputRefused)):
        return 2
    if "mechkg.query.sparql" not in sys.modules:  # not loaded: no SPARQL error can have been raised
        return None
    from mechkg.query.sparql import ParameterError, QueryRefused, QuerySyntaxError, SparqlError, UnknownQuery

    if not isinstance(error, SparqlError):
        return None
    return 2 if isinstance(error, (QuerySyntaxError, QueryRefused, UnknownQuery, ParameterError)) else 1


@contextmanager
def reported(command: str) -> Iterator[None]:
    """Run the block; turn MechKG's errors into the CLI contract's message and exit code.

    An invalid curation prints its problem list and exits 1; an unknown or ambiguous name, or a
    query that is malformed, refused, unknown or badly parameterised, prints ``mechkg COMMAND:
    message`` and exits 2; any other SPARQL failure does the same with exit 1. Other MechKG
    errors go on to :func:`run`.
    """
    try:
        yield
    except CurationError as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    except MechKGError as error:
        code = _exit_code(error)
        if code is None:
            raise
        click.echo(f"mechkg {command}: {error}", err=True)
        sys.exit(code)


def echo_notices(notices: tuple[str, ...]) -> None:
    """Print the curation's notices (what was not checked, and why) to standard error."""
    for notice in notices:
        click.echo(f"note: {notice}", err=True)


def resolved(G: nx.MultiDiGraph, name: str) -> str:
    """The id of the node ``name`` names (:func:`mechkg.network.names.resolve_match`); a fuzzy match says so on stderr.

    An unknown or ambiguous name raises :class:`~mechkg.errors.UnknownEntity` (exit 2 under :func:`reported`).
    """
    from mechkg.network.names import resolve_match

    found = resolve_match(G, name)
    if found.note:
        click.echo(found.note, err=True)
    return found.ids[0]


def compiled_graph(curation: Path) -> Compiled:
    """The compiled graph of ``curation`` (sources and lexicons found by the rule of :mod:`mechkg.resources`), cached or rebuilt.

    It comes from the per-user cache or is rebuilt (one line on stderr says so).
    """
    from mechkg.app.cache import load_compiled

    return load_compiled(curation, None, None, say=lambda line: click.echo(line, err=True))


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="mechkg")
def main() -> None:
    """MechKG: how stem cells and their exosomes act on autoimmune diseases.

    An evidence-backed, bilingual (繁體中文 / English) knowledge graph: every edge carries the
    sentence of the source it came from.

    \b
    Examples:
      mechkg build --out build/          # validate, then write the page, every export, the compiled graph
      mechkg validate                    # check the curation; exit 1 listing every problem
      mechkg show 系統性紅斑狼瘡          # one entity with its claims (also: show SLE --format json)

    \b
    Exit codes:
      0  done (validate names any check it could not run)
      1  invalid data: the curation or the built graph, an uncited sentence
         under coverage --strict, a query that failed while running
      2  usage error: a bad option, argument or --param value, an unknown or
         ambiguous name, an output folder MechKG did not write, or under
         --strict a check that could not run
    """


def run() -> None:
    """Entry point: control characters shown, not obeyed, on a terminal; any unexpected MechKGError a clean message."""
    from mechkg.app.cli.terminal import guard_terminal_streams

    guard_terminal_streams()
    try:
        main()
    except MechKGError as error:
        click.echo(f"mechkg: {error}", err=True)
        sys.exit(1)

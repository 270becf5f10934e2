"""The ``mechkg`` command: build, validate and look into the MechKG knowledge graph.

One module per command family registers its commands on the group of :mod:`mechkg.app.cli.group`:
:mod:`~mechkg.app.cli.curation` (build, validate, coverage), :mod:`~mechkg.app.cli.show`,
:mod:`~mechkg.app.cli.sparql` (sparql, load), :mod:`~mechkg.app.cli.serve`,
:mod:`~mechkg.app.cli.paths` (path, mechanisms), :mod:`~mechkg.app.cli.export`,
:mod:`~mechkg.app.cli.lexicons` (lexicons build, lexicons snapshot) and
:mod:`~mechkg.app.cli.draft`. Each imports
only click at start-up and the rest inside its commands, so ``mechkg show`` pays for what it uses.

Exit codes (as README.md's table says): 0 done; 1 invalid data (the curation or the built graph,
an uncited sentence under ``coverage --strict``, a query that failed while running); 2 a usage
error: a bad option, argument or ``--param`` value, a name that matches no entity or several, an
output folder MechKG did not write, or under ``--strict`` a check that could not run.
"""

from mechkg.app.cli import curation, draft, export, lexicons, paths, serve, show, sparql  # noqa: F401 - importing registers the commands
from mechkg.app.cli.group import main, run

__all__ = ["main", "run"]

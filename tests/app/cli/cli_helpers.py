"""Running the `mechkg` command in-process, as the CLI tests do."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from conftest import MINI_SOURCES

from mechkg.app.cli import main


def run(*args: str) -> tuple[int, str, str]:
    """Exit code, standard output and standard error of ``mechkg ARGS``."""
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def mini_args(curation: Path) -> list[str]:
    """The options that point a checking command (build, validate, coverage) at a (copy of the) mini curation and its source text."""
    return ["--curation", str(curation), "--sources", str(MINI_SOURCES)]


def curation_args(curation: Path) -> list[str]:
    """The option that points a command that only reads the graph (show, path, export …) at a curation."""
    return ["--curation", str(curation)]

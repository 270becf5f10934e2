"""The `mechkg` group: usage errors, help, and the one error path of every command."""

from __future__ import annotations

import subprocess
import sys

import click
import pytest
from cli_helpers import run

from mechkg.app.cli.group import reported
from mechkg.errors import CurationError, MechKGError, Problem, UnknownEntity


def test_usage_error_exits_2():
    assert run("show")[0] == 2
    assert run("build", "--no-such-option")[0] == 2


@pytest.mark.parametrize("command", ["build", "validate", "show"])
def test_help_says_what_and_gives_an_example(command: str):
    code, stdout, _ = run(command, "--help")
    assert code == 0 and "Example" in stdout and "--curation" in stdout


def test_every_command_is_registered():
    from mechkg.app.cli import main

    assert set(main.commands) == {
        "build",
        "validate",
        "show",
        "coverage",
        "sparql",
        "load",
        "serve",
        "path",
        "mechanisms",
        "export",
    }


def exit_of(error: Exception) -> tuple[int, str]:
    @click.command()
    def command() -> None:
        with reported("show"):
            raise error

    result = click.testing.CliRunner().invoke(command, [])
    return result.exit_code, result.stderr


def test_reported_turns_errors_into_the_contracts_messages_and_codes():
    from mechkg.query.sparql import ParameterError, QueryRefused, QueryTimeout, UnknownQuery

    code, stderr = exit_of(CurationError([Problem("claims/a.yaml", 3, "object", "unknown entity 'X'")]))
    assert code == 1 and stderr.startswith("1 problem in the curation:\nclaims/a.yaml:3: object: unknown entity 'X'")
    assert exit_of(UnknownEntity("lupis", ["SLE"])) == (2, "mechkg show: no entity named 'lupis'; candidates: SLE\n")
    for usage in (QueryRefused("no updates"), UnknownQuery("nope"), ParameterError("bad")):
        assert exit_of(usage)[0] == 2
    assert exit_of(QueryTimeout("too slow")) == (1, "mechkg show: too slow\n")


@pytest.mark.slow
def test_other_errors_reach_run_which_prints_one_line_and_a_foreign_folder_is_a_usage_error(tmp_path):
    code, stderr = exit_of(MechKGError("out is not a folder"))
    assert code == 1 and stderr == ""  # not handled by reported(); the exception goes on
    precious = tmp_path / "thesis"
    precious.mkdir()
    (precious / "chapter1.tex").write_text("years of work", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", "from mechkg.app.cli import run; run()", "build", "--out", str(precious)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 2 and result.stderr.startswith("mechkg build: ") and "not written by mechkg" in result.stderr
    assert "Traceback" not in result.stderr and [p.name for p in precious.iterdir()] == ["chapter1.tex"]


CHECKING = ["build", "validate", "coverage"]
READING = ["show", "sparql", "load", "serve", "path", "mechanisms", "export"]


@pytest.mark.parametrize("command", CHECKING + READING)
def test_every_command_has_the_curation_option_and_only_the_checking_ones_the_reference_folders(command: str):
    code, stdout, _ = run(command, "--help")
    assert code == 0 and "--curation" in stdout
    checks = command in CHECKING
    assert ("--sources" in stdout) == checks and ("--lexicons" in stdout) == checks
    if checks:  # the one rule of mechkg.resources, in its own words
        flat = " ".join(stdout.split())
        assert "$MECHKG_SOURCES, else ../shared/sources beside the MechKG checkout (clone) MechKG runs from" in flat
        assert "$MECHKG_LEXICONS, else ../shared/reference/lexicons beside the MechKG checkout (clone) MechKG runs from" in flat

"""The `mechkg` group: usage errors, help, and the one error path of every command."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from cli_helpers import run

from mechkg.app.cli.group import reported
from mechkg.errors import CurationError, MechKGError, Problem, UnknownEntity


def test_usage_error_exits_2():
    assert run("show")[0] == 2
    assert run("build", "--no-such-option")[0] == 2


@pytest.mark.parametrize("command", ["build", "validate", "show", "draft"])
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
        "draft",
        "lexicons",
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


def _readme_exit_codes() -> dict[int, str]:
    """README.md's table of exit codes: code -> meaning."""
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    return {int(m[1]): m[2] for m in re.finditer(r"^\| (\d) \| (.+) \|$", readme, flags=re.MULTILINE)}


@pytest.mark.slow
def test_the_readme_exit_codes_are_the_commands(mini, tmp_path, monkeypatch):
    codes = _readme_exit_codes()
    assert sorted(codes) == [0, 1, 2]
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("MECHKG_SOURCES", str(empty))
    monkeypatch.setenv("MECHKG_LEXICONS", str(empty))
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine", encoding="utf-8")
    cases = [  # (what the README says, the command)
        ("done", ["validate", "--curation", str(mini)]),
        ("an unknown or ambiguous name", ["show", "--curation", str(mini), "no-such-entity"]),
        ("a bad option", ["show", "--curation", str(mini), "IL6", "--format", "yaml"]),
        ("`--param` value", ["sparql", "--curation", str(mini), "flags", "--param", "kind=bogus"]),
        ("an output folder MechKG did not write", ["export", "--curation", str(mini), "--format", "kgx", "--out", str(foreign)]),
        ("under `--strict` a check that could not run", ["validate", "--curation", str(mini), "--strict"]),
    ]
    for said, args in cases:
        (code,) = [c for c, meaning in codes.items() if said in meaning]
        assert run(*args)[0] == code, (said, args)
    (mini / "entities" / "broken.yaml").write_text("- id: X\n", encoding="utf-8")
    assert "invalid data" in codes[run("validate", "--curation", str(mini))[0]]

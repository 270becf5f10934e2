"""The architecture is a contract: one-way layers, no import cycles, no private names across modules.

The layers are stated once, in ``pyproject.toml`` (import-linter); these tests run that contract
and add what it does not check: no cycle between any two modules, even within one layer, and no
``_private`` name imported from another module. Doctests of every module run here too, since the
package folder (``graph/``) is not named like the package (``mechkg``).
"""

from __future__ import annotations

import ast
import doctest
import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

import mechkg

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = Path(mechkg.__file__).resolve().parent


def _modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(mechkg.__path__, "mechkg."))


def test_layers_contract_is_kept():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def _imports(module: str) -> set[str]:
    """The mechkg modules ``module`` imports anywhere in its body (lazy imports included)."""
    spec = importlib.util.find_spec(module)
    assert spec is not None and spec.origin is not None
    tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("mechkg"):
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                found.add(candidate if importlib.util.find_spec(node.module) and _is_module(candidate) else node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("mechkg"))
    return found - {module}


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def test_no_import_cycles_between_modules():
    graph = nx.DiGraph()
    for module in _modules():
        if module.endswith("__init__"):
            continue
        graph.add_node(module)
        for target in _imports(module):
            if target != "mechkg" and not target.startswith(module + "."):
                graph.add_edge(module, target)
    cycles = list(nx.simple_cycles(graph))
    assert cycles == [], f"import cycles: {cycles[:5]}"


def test_no_private_name_crosses_a_module_boundary():
    offenders = []
    for path in sorted([*PACKAGE.rglob("*.py"), *(ROOT / "tests").glob("*.py")]):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("mechkg"):
                offenders += [f"{path.name}: {node.module}.{a.name}" for a in node.names if a.name.startswith("_")]
    assert offenders == []


def test_every_subpackage_is_listed_for_the_wheel():
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {"mechkg"} | {
        "mechkg." + ".".join(p.parent.relative_to(PACKAGE).parts) for p in PACKAGE.rglob("__init__.py") if p.parent != PACKAGE
    }
    assert found | {"mechkg.ontology"} == listed


_DOCTESTS_THAT_BUILD_THE_ARTICLE = {"mechkg.network.build", "mechkg.export.formats", "mechkg.rdf.triples"}


@pytest.mark.parametrize(
    "module",
    [pytest.param(m, marks=pytest.mark.slow) if m in _DOCTESTS_THAT_BUILD_THE_ARTICLE else m for m in _modules()],
)
def test_doctests(module: str):
    imported = importlib.import_module(module)
    result = doctest.testmod(imported, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, report=True)
    assert result.failed == 0


def test_complexity():
    """No function of the package is more complex than ruff's C901 allows (max-complexity 12)."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "ruff",
            "check",
            "--no-cache",
            "--select",
            "C901",
            "--config",
            "lint.mccabe.max-complexity=12",
            str(PACKAGE),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_modules_are_small():
    """One concept per module: none is longer than 500 lines."""
    long = {
        str(p.relative_to(PACKAGE)): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 500
    }
    assert long == {}

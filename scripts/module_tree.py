"""Print the module tree of ``graph/`` for ARCHITECTURE.md: each module, its line count, its docstring's first line.

python scripts/module_tree.py            # print the tree
python scripts/module_tree.py --write    # replace the tree in ARCHITECTURE.md
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GRAPH = ROOT / "graph"
WIDTH = 80


def _summary(path: Path) -> str:
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    line = " ".join(doc.split("\n\n")[0].split())
    return line if len(line) <= WIDTH else line[: WIDTH - 1] + "…"


def tree() -> list[str]:
    """The lines of the tree: a package line, then its modules (``__init__`` excluded)."""
    lines = []
    packages = sorted(p.parent for p in GRAPH.rglob("__init__.py") if "curation" not in p.parts and p.parent != GRAPH)
    top = sorted(p for p in GRAPH.glob("*.py") if p.name != "__init__.py")
    for module in top:
        count = len(module.read_text(encoding="utf-8").splitlines())
        lines.append(f"{module.name:<30} {count:>4}  {_summary(module)}")
    for package in packages:
        rel = package.relative_to(GRAPH).as_posix() + "/"
        lines.append(f"{rel:<28} {_summary(package / '__init__.py')}")
        for module in sorted(package.glob("*.py")):
            if module.name == "__init__.py":
                continue
            name = module.relative_to(GRAPH).as_posix()
            count = len(module.read_text(encoding="utf-8").splitlines())
            lines.append(f"  {name:<28} {count:>4}  {_summary(module)}")
    return lines


def main() -> None:
    """Print the tree, or write it into ARCHITECTURE.md between the fence after 'Every module'."""
    lines = tree()
    if "--write" not in sys.argv:
        print("\n".join(lines))
        return
    doc = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8").split("\n")
    anchor = next(i for i, line in enumerate(doc) if line.startswith("Every module with its line count"))
    start = next(i for i in range(anchor, len(doc)) if doc[i] == "```")
    end = next(i for i in range(start + 1, len(doc)) if doc[i] == "```")
    doc[start + 1 : end] = lines
    (ROOT / "ARCHITECTURE.md").write_text("\n".join(doc), encoding="utf-8")


if __name__ == "__main__":
    main()

"""The notebooks in notebooks/ run top to bottom, offline, without error (nbclient).

They read the packaged curation; each is executed in a fresh kernel, in a temporary copy so
the saved outputs in the repository are not rewritten by the test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # servers, subprocesses or whole notebooks: the full suite runs them

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks():
    assert {p.name for p in NOTEBOOKS} >= {"01_explore.ipynb", "02_sparql.ipynb", "03_paths.ipynb"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_and_starts_with_a_bilingual_introduction(path: Path, tmp_path: Path):
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    intro = notebook.cells[0]
    assert intro.cell_type == "markdown" and "中文" in intro.source and "English" in intro.source
    saved = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert all(cell.outputs for cell in saved), "saved without outputs"
    NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    errors = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs if o.output_type == "error"]
    assert not errors
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert any("text/html" in o.get("data", {}) for o in outputs)  # tables (and the explorer) rendered
    if path.name in ("02_sparql.ipynb", "03_paths.ipynb"):
        assert any("image/png" in o.get("data", {}) for o in outputs)  # the figure
    if path.name == "03_paths.ipynb":
        text = "".join(o.get("text", "") for o in outputs)
        assert "let-7f —decreases (expression)→ IL6" in text and "net: counteracts" in text  # a path with its evidence
        assert "Let-7f表達" in text  # its Chinese quote

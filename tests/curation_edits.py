"""Helpers for the loader's tests: load the mini curation, edit a copy of it, find the line of a text."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MINI_SOURCES

from mechkg.errors import CurationError
from mechkg.ingest.load import Curation, load_curation


def load(root: Path, **kwargs) -> Curation:
    """Load ``root`` with the mini source texts (unless told otherwise)."""
    kwargs.setdefault("sources_dir", MINI_SOURCES)
    return load_curation(root, **kwargs)


def problems_of(root: Path, **kwargs) -> list[str]:
    """The problems loading ``root`` reports, as ``file:line: field: message`` strings; it must fail."""
    with pytest.raises(CurationError) as caught:
        load(root, **kwargs)
    return [str(p) for p in caught.value.problems]


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in a file; the fixture must contain it."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    """The last line that contains ``needle`` (a repeated id is reported where it repeats)."""
    found = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if needle in line]
    assert found, f"{needle!r} not in {path}"
    return found[-1]


def reported_at(problems: list[str], root: Path, file: str, on_line: str, *words: str) -> bool:
    """Whether a problem names ``file`` at the line holding ``on_line`` and contains every one of ``words``."""
    start = f"{file}:{line_of(root / file, on_line)}:"
    return any(p.startswith(start) and all(w in p for w in words) for p in problems)


PRIMARY = """
- id: paper2021
  title: {en: A primary paper behind the excerpt}
  kind: primary research article
  language: en
  authors: [Doe Jane, Roe Richard]
  journal: Journal of Tests
  year: 2021
  doi: 10.1234/test.2021.001
  pmid: "12345678"
  confirmed_by: ["https://example.org/record/12345678"]
"""

PARAPHRASE = """
- id: mini-primary-says
  subject: LET7F
  predicate: decreases
  object: IL6
  source: paper2021
  paraphrase: true
  corrects: [mini-let7f-il6]
  statement: The primary paper shows the effect in cultured cells only.
  evidence: in_vitro
  disease: SLE
"""


def with_primary(root: Path, source: str = PRIMARY, claim: str = PARAPHRASE) -> Path:
    """``root`` (a copy of the mini curation) with a primary-paper source and a paraphrase claim that corrects one of its claims."""
    (root / "sources.yaml").write_text((root / "sources.yaml").read_text(encoding="utf-8") + source, encoding="utf-8")
    claims = root / "claims" / "sle.yaml"
    claims.write_text(claims.read_text(encoding="utf-8") + claim, encoding="utf-8")
    return root

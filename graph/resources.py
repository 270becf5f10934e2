"""Where MechKG finds its files: the packaged curation and ontology, source texts, lexicons.

The curation and the ontology travel inside the package. The source texts and the reference
lexicons do not (they are large, and the texts are not ours to redistribute); they are looked
for in an explicit directory, then an environment variable, then a ``shared/`` folder beside
the working directory or the project checkout (``../shared`` of a clone).
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

__all__ = [
    "PACKAGE_DIR",
    "default_curation_dir",
    "find_lexicons_dir",
    "find_sources_dir",
    "ontology_dir",
]

PACKAGE_DIR = Path(__file__).resolve().parent


def default_curation_dir() -> Path:
    """The curation shipped in the package (``graph/curation``)."""
    return PACKAGE_DIR / "curation"


@cache
def ontology_dir() -> Path:
    """``ontology/``: inside the installed package, or at the root of a source checkout."""
    for candidate in (PACKAGE_DIR / "ontology", PACKAGE_DIR.parent / "ontology"):
        if (candidate / "mechkg.ttl").is_file():
            return candidate
    raise FileNotFoundError("ontology/mechkg.ttl is missing from the installation")


def _find_shared(subdir: str, explicit: Path | None, env: str) -> Path | None:
    if explicit is not None:
        return explicit
    if os.environ.get(env):
        return Path(os.environ[env])
    for start in (Path.cwd(), PACKAGE_DIR):
        for folder in (start, *start.parents):
            candidate = folder / "shared" / subdir
            if candidate.is_dir():
                return candidate
    return None


def find_sources_dir(explicit: Path | None = None) -> Path | None:
    """The folder of full source texts, or ``None`` when none is available here."""
    return _find_shared("sources", explicit, "MECHKG_SOURCES")


def find_lexicons_dir(explicit: Path | None = None) -> Path | None:
    """The folder of reference lexicons (``*.tsv``), or ``None`` when none is available."""
    return _find_shared("reference/lexicons", explicit, "MECHKG_LEXICONS")

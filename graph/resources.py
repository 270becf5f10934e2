"""Where MechKG finds its files: the packaged curation and ontology, source texts, lexicons.

The curation and the ontology travel inside the package. The source texts and the reference
lexicons do not (they are large, and the texts are not ours to redistribute). Each is looked for
by one rule, :data:`SOURCES_RULE` and :data:`LEXICONS_RULE`, the same words the command-line help,
README.md and CURATION.md use:

1. the folder given on the command line (``--sources DIR``, ``--lexicons DIR``);
2. else the folder named by ``$MECHKG_SOURCES`` / ``$MECHKG_LEXICONS``;
3. else ``shared/sources`` / ``shared/reference/lexicons`` in the folder that holds the MechKG
   checkout the package runs from (``../shared`` of a clone installed editable, as
   ``scripts/build`` and ``scripts/test`` install it). An installed copy of MechKG (a wheel in
   site-packages) has no checkout, so it uses only 1 and 2. No other folder is searched.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

__all__ = [
    "LEXICONS_DEFAULT",
    "LEXICONS_ENV",
    "LEXICONS_RULE",
    "PACKAGE_DIR",
    "SOURCES_DEFAULT",
    "SOURCES_ENV",
    "SOURCES_RULE",
    "checkout_dir",
    "default_curation_dir",
    "find_lexicons_dir",
    "find_sources_dir",
    "ontology_dir",
    "shared_dir",
]

PACKAGE_DIR = Path(__file__).resolve().parent

SOURCES_ENV = "MECHKG_SOURCES"
LEXICONS_ENV = "MECHKG_LEXICONS"

SOURCES_DEFAULT = "$MECHKG_SOURCES, else ../shared/sources beside the MechKG checkout (clone) MechKG runs from"
"""Where source texts are looked for when ``--sources`` is not given (the help's default)."""
LEXICONS_DEFAULT = "$MECHKG_LEXICONS, else ../shared/reference/lexicons beside the MechKG checkout (clone) MechKG runs from"
"""Where reference lexicons are looked for when ``--lexicons`` is not given (the help's default)."""
SOURCES_RULE = f"--sources DIR, else {SOURCES_DEFAULT}"
"""Where source texts are looked for, in the words of the help, README.md and CURATION.md."""
LEXICONS_RULE = f"--lexicons DIR, else {LEXICONS_DEFAULT}"
"""Where reference lexicons are looked for, in the words of the help, README.md and CURATION.md."""


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


def checkout_dir() -> Path | None:
    """The root of the MechKG checkout the package runs from (an editable install), or ``None`` (installed copy)."""
    root = PACKAGE_DIR.parent
    return root if (root / "pyproject.toml").is_file() and PACKAGE_DIR.name == "graph" else None


def shared_dir(subdir: str) -> Path | None:
    """``shared/SUBDIR`` in the folder holding the checkout (``../shared/SUBDIR`` of the clone), or ``None``."""
    root = checkout_dir()
    return root.parent / "shared" / subdir if root is not None else None


def _find(explicit: Path | None, env: str, subdir: str) -> Path | None:
    if explicit is not None:
        return explicit
    if os.environ.get(env):
        return Path(os.environ[env])
    candidate = shared_dir(subdir)
    return candidate if candidate is not None and candidate.is_dir() else None


def find_sources_dir(explicit: Path | None = None) -> Path | None:
    """The folder of full source texts by :data:`SOURCES_RULE`, or ``None`` when the rule names none."""
    return _find(explicit, SOURCES_ENV, "sources")


def find_lexicons_dir(explicit: Path | None = None) -> Path | None:
    """The folder of reference lexicons (``*.tsv``) by :data:`LEXICONS_RULE`, or ``None`` when the rule names none."""
    return _find(explicit, LEXICONS_ENV, "reference/lexicons")

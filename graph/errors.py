"""The one exception tree of MechKG: every failure a user can cause has a name and a place.

>>> str(Problem("claims/sle.yaml", 12, "object", "unknown entity 'IL-6' (did you mean IL6?)"))
"claims/sle.yaml:12: object: unknown entity 'IL-6' (did you mean IL6?)"
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CurationError", "MechKGError", "NoPath", "OutputRefused", "Problem", "UnknownEntity"]


class MechKGError(Exception):
    """Base of every error MechKG raises on purpose."""


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing wrong with the curation, and where: file, 1-based line, field."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class CurationError(MechKGError):
    """The curation is invalid; ``problems`` lists every problem found, in file order."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        count = len(self.problems)
        lines = "\n".join(str(p) for p in self.problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the curation:\n{lines}")


class UnknownEntity(MechKGError):
    """A name matched no entity, or more than one; ``candidates`` are the nearest ids, ``described`` says what each is.

    >>> str(UnknownEntity("lupis", ["SLE"], described={"SLE": "systemic lupus erythematosus, Disease"}))
    "no entity named 'lupis'; candidates: SLE (systemic lupus erythematosus, Disease)"
    """

    def __init__(
        self, name: str, candidates: list[str], *, ambiguous: bool = False, described: dict[str, str] | None = None
    ) -> None:
        self.name = name
        self.candidates = candidates
        self.ambiguous = ambiguous
        self.described = dict(described or {})
        what = "ambiguous name" if ambiguous else "no entity named"
        listed = ", ".join(f"{c} ({self.described[c]})" if self.described.get(c) else c for c in candidates)
        hint = f"; candidates: {listed}" if candidates else ""
        super().__init__(f"{what} {name!r}{hint}")


class NoPath(MechKGError):
    """No mechanism path joins the two entities within the given limits."""


class OutputRefused(MechKGError):
    """An output place MechKG will not write: a file where a folder is needed, or a non-empty folder it did not write."""

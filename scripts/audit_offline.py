"""Audit installed Python packages against a dated, offline snapshot of the PyPA advisory database.

The snapshot is a ``git archive`` tarball of https://github.com/pypa/advisory-database (OSV
records, ``vulns/<package>/<id>.yaml``; CC-BY 4.0). It is read in place, never extracted. The
snapshot's date is the commit time ``git archive`` stamps on its members, and it is printed with
every result: advisories published after it are not known here.

Which packages: the installed closure of ``mechkg``'s runtime requirements, plus those of its
``test`` extra (``--runtime-only`` leaves them out). Why a script of our own rather than
``pip-audit``: pip-audit has no offline mode for a local OSV snapshot; the matching rule of the
OSV format for PyPI (``versions`` lists and ``ECOSYSTEM`` ranges of introduced/fixed/
last_affected events, compared as PEP 440 versions) is short and is tested in
``tests/test_audit_offline.py``.

Exit status: 0 no known advisory affects an installed version; 1 at least one does; 2 the audit
could not run (no snapshot, unreadable snapshot): a check that could not run is not a pass.

    python scripts/audit_offline.py [--snapshot PATH] [--runtime-only] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tarfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

import yaml
from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

DEFAULT_SNAPSHOT_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "reference" / "advisories"
MAX_RECORD_BYTES = 1_000_000
"""An advisory record larger than this is skipped with a warning (real ones are a few kB)."""


@dataclass(frozen=True)
class Finding:
    """One advisory that affects one installed package version."""

    package: str
    version: str
    advisory: str
    aliases: tuple[str, ...]
    fixed: tuple[str, ...]


def _version(text: str) -> Version | None:
    try:
        return Version(text)
    except InvalidVersion:
        return None


def _in_range(version: Version, events: list[dict]) -> bool:
    """OSV ``ECOSYSTEM`` range semantics: events sorted by version, introduced opens, fixed/last_affected close."""
    affected = False
    points: list[tuple[Version, int, str]] = []
    for event in events:
        for kind, order in (("introduced", 0), ("fixed", 1), ("last_affected", 2)):
            if kind in event:
                value = str(event[kind])
                point = Version("0") if value == "0" else _version(value)
                if point is not None:
                    points.append((point, order, kind))
    for point, _order, kind in sorted(points):
        if kind == "introduced" and version >= point:
            affected = True
        elif kind == "fixed" and version >= point:
            affected = False
        elif kind == "last_affected" and version > point:
            affected = False
    return affected


def affects(record: dict, package: str, installed: str) -> bool:
    """Whether OSV ``record`` lists ``installed`` of PyPI ``package`` as affected.

    >>> rec = {"affected": [{"package": {"name": "Jinja2", "ecosystem": "PyPI"},
    ...         "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "2.11.3"}]}]}]}
    >>> affects(rec, "jinja2", "2.11.2"), affects(rec, "jinja2", "3.1.4")
    (True, False)
    """
    if record.get("withdrawn"):
        return False
    version = _version(installed)
    for entry in record.get("affected") or []:
        pkg = entry.get("package") or {}
        if pkg.get("ecosystem") != "PyPI" or canonicalize_name(str(pkg.get("name", ""))) != canonicalize_name(package):
            continue
        if installed in {str(v) for v in entry.get("versions") or []}:
            return True
        for rng in entry.get("ranges") or []:
            if rng.get("type") == "ECOSYSTEM" and version is not None and _in_range(version, rng.get("events") or []):
                return True
    return False


def _fixed_versions(record: dict) -> tuple[str, ...]:
    return tuple(
        str(event["fixed"])
        for entry in record.get("affected") or []
        for rng in entry.get("ranges") or []
        for event in rng.get("events") or []
        if "fixed" in event
    )


def installed_closure(roots: Iterable[str]) -> dict[str, str]:
    """The installed distributions reachable from ``roots`` through their unconditional requirements."""
    seen: dict[str, str] = {}
    todo = [canonicalize_name(name) for name in roots]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        try:
            dist = distribution(name)
        except PackageNotFoundError:
            continue
        seen[name] = dist.version
        for text in dist.requires or []:
            try:
                requirement = Requirement(text)
            except InvalidRequirement:
                continue
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(canonicalize_name(requirement.name))
    return dict(sorted(seen.items()))


def project_roots(runtime_only: bool) -> list[str]:
    """``mechkg``'s runtime requirements, and its ``test`` extra's unless ``runtime_only``."""
    roots = ["mechkg"]
    if not runtime_only:
        for text in distribution("mechkg").requires or []:
            requirement = Requirement(text)
            if requirement.marker is not None and requirement.marker.evaluate({"extra": "test"}):
                roots.append(requirement.name)
    return roots


def find_snapshot(path: Path | None) -> Path:
    """The snapshot tarball: ``path`` itself, or the newest ``*.tar.gz`` in it / the default folder."""
    where = path or DEFAULT_SNAPSHOT_DIR
    if where.is_file():
        return where
    archives = sorted(where.glob("*.tar.gz")) if where.is_dir() else []
    if not archives:
        raise FileNotFoundError(f"no advisory snapshot (*.tar.gz) in {where}; pass --snapshot PATH")
    return archives[-1]


def advisories(snapshot: Path, packages: set[str]) -> Iterator[tuple[str, dict]]:
    """(package, OSV record) for every advisory of ``packages`` in the snapshot."""
    with tarfile.open(snapshot, "r:gz") as archive:
        for member in archive:
            parts = member.name.split("/")
            if not member.isfile() or len(parts) < 3 or parts[-3] != "vulns" or not parts[-1].endswith(".yaml"):
                continue
            package = canonicalize_name(parts[-2])
            if package not in packages:
                continue
            if member.size > MAX_RECORD_BYTES:
                print(f"warning: skipped oversized advisory {member.name}", file=sys.stderr)
                continue
            handle = archive.extractfile(member)
            if handle is not None:
                yield package, yaml.safe_load(handle.read().decode("utf-8")) or {}


def snapshot_date(snapshot: Path) -> str:
    """The commit date ``git archive`` stamped on the snapshot's members (UTC, ISO date)."""
    with tarfile.open(snapshot, "r:gz") as archive:
        first = next(iter(archive))
        return dt.datetime.fromtimestamp(first.mtime, tz=dt.UTC).date().isoformat()


def audit(snapshot: Path, packages: dict[str, str]) -> list[Finding]:
    """Every advisory of the snapshot that affects an installed version in ``packages``."""
    findings = [
        Finding(name, packages[name], str(record.get("id")), tuple(record.get("aliases") or ()), _fixed_versions(record))
        for name, record in advisories(snapshot, set(packages))
        if affects(record, name, packages[name])
    ]
    return sorted(findings, key=lambda f: (f.package, f.advisory))


def main(argv: list[str] | None = None) -> int:
    """Run the audit; print a summary (or JSON) and return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--snapshot", type=Path, help="snapshot tarball or folder (default: ../shared/reference/advisories)")
    parser.add_argument("--runtime-only", action="store_true", help="leave out the test extra's packages")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    try:
        snapshot = find_snapshot(args.snapshot)
        date = snapshot_date(snapshot)
        packages = installed_closure(project_roots(args.runtime_only))
        findings = audit(snapshot, packages)
    except (OSError, tarfile.TarError, yaml.YAMLError, PackageNotFoundError) as error:
        print(f"audit could not run: {error}", file=sys.stderr)
        return 2
    if args.json:
        print(
            json.dumps(
                {
                    "snapshot": snapshot.name,
                    "snapshot_date": date,
                    "packages": len(packages),
                    "findings": [f.__dict__ for f in findings],
                },
                indent=1,
            )
        )
    else:
        print(f"offline audit: {len(packages)} installed packages against {snapshot.name} (advisories up to {date})")
        for f in findings:
            fixed = ", ".join(f.fixed) or "no fixed version"
            print(f"  {f.package} {f.version}: {f.advisory} ({', '.join(f.aliases[:2])}) fixed in {fixed}")
        print("no known advisory affects an installed version" if not findings else f"{len(findings)} advisories apply")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())


__all__ = ["Finding", "advisories", "affects", "audit", "find_snapshot", "installed_closure", "main", "snapshot_date"]

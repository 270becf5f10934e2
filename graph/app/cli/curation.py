"""``mechkg build``, ``validate`` and ``coverage``: the commands that read and check the whole curation."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from mechkg.app.cli.group import curation_options, echo_notices, main, reference_options, reported

__all__ = ["build", "coverage", "validate"]


@main.command()
@curation_options
@reference_options
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("build"),
    show_default=True,
    help="Folder to write the outputs into.",
)
@click.option("--force", is_flag=True, help="Build even when --out already holds a build of exactly these inputs.")
def build(curation: Path, sources: Path | None, lexicons: Path | None, out: Path, force: bool) -> None:
    """Validate the curation and write the explorer page, every export and the compiled graph into --out.

    It writes mechkg.html (the explorer; for a large graph an overview plus one page per
    disease), every format of "mechkg export" (mechkg.ttl, mechkg.nt, mechkg.jsonld, the KGX
    files, mechkg.graphml, mechkg.cyjs, the Neo4j files, mechkg_paths.json) and mechkg.compiled,
    and lists each file it wrote. Notes on stderr name the checks that could not run here.

    The outputs are written atomically: if anything fails, the previous build is left as it was.
    A compiled graph (mechkg.compiled, also kept in the per-user cache) lets show, path,
    mechanisms, sparql and serve answer without rebuilding. When --out already holds a build of
    exactly these inputs (curation, ontology, sources, lexicons, MechKG itself), nothing is redone.

    \b
    Example:
      mechkg build --out build/ && xdg-open build/mechkg.html
    """
    from mechkg.app.fingerprint import fingerprint
    from mechkg.app.outputs import current_build

    with reported("build"):
        if not force:
            current = current_build(out, fingerprint(curation, sources, lexicons).key)
            if current is not None:
                echo_notices(current.notices)
                click.echo(f"MechKG build in {out} is up to date with {curation}; nothing to do (--force rebuilds)")
                return
        from mechkg.app.build import build as run_build

        report = run_build(curation, out, sources_dir=sources, lexicons_dir=lexicons)
    echo_notices(report.notices)
    click.echo(f"MechKG built in {report.seconds:.2f} s from {curation}")
    click.echo(
        f"  entities: {sum(v for k, v in report.by_class.items() if k != 'ClinicalStudy')} "
        f"({report.grounded} grounded, {report.ungrounded} ungrounded)   "
        f"claims: {report.claims}   studies: {report.studies}   flags: {report.flags}"
    )
    click.echo(f"  edges: {report.edges}   triples: {report.triples}")
    click.echo("  by class: " + ", ".join(f"{name} {count}" for name, count in report.by_class.items()))
    for path in report.files:
        click.echo(f"  wrote {path} ({path.stat().st_size:,} bytes)")


@main.command()
@curation_options
@reference_options
@click.option("--strict", is_flag=True, help="Exit 2 when a check could not run here (no source text, no lexicons).")
def validate(curation: Path, sources: Path | None, lexicons: Path | None, strict: bool) -> None:
    """Check the curation: YAML, keys, ids, references, CURIEs, quotes, SHACL shapes.

    Every problem is listed as FILE:LINE: FIELD: what is wrong, and the exit code is 1. Checks
    that cannot run here (the source text or the lexicons not found) are named on the summary
    line as skipped, with notes saying how to supply what they need; --strict makes that exit 2.

    \b
    Examples:
      mechkg validate --curation my-curation/
      mechkg validate --strict --sources ../shared/sources --lexicons ../shared/reference/lexicons
    """
    from mechkg.network.built import build_graphs

    with reported("validate"):
        built = build_graphs(curation, sources_dir=sources, lexicons_dir=lexicons)
    echo_notices(built.curation.notices)
    c = built.curation
    counts = f"{len(c.entities)} entities, {len(c.claims)} claims, {len(c.studies)} studies, {len(c.sources)} sources"
    counts += "; SHACL conforms"
    if not c.skipped:
        click.echo(f"valid: {counts}; every check ran")
        return
    click.echo(f"valid as far as checked: {counts}; skipped: {'; '.join(c.skipped)}")
    if strict:
        _could_not_run("validate", c.skipped)


def _could_not_run(command: str, skipped: tuple[str, ...] | list[str]) -> None:
    """--strict: a check that could not run is not a pass (exit 2, naming each; the notes above say how to supply them)."""
    count = len(skipped)
    click.echo(
        f"mechkg {command} --strict: {count} check{'s' if count != 1 else ''} could not run: {'; '.join(skipped)} "
        "(the notes above say what each needs)",
        err=True,
    )
    sys.exit(2)


@main.command()
@curation_options
@reference_options
@click.option("--source", "source_id", default=None, help="Report only this source id. [default: every source with a text]")
@click.option("--all", "show_all", is_flag=True, help="List every sentence, not only the uncited ones.")
@click.option(
    "--strict",
    is_flag=True,
    help="Exit 1 when a sentence is neither cited nor excused; exit 2 when a source's text was not found, so not checked.",
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def coverage(
    curation: Path, sources: Path | None, lexicons: Path | None, source_id: str | None, show_all: bool, strict: bool, fmt: str
) -> None:
    """Report, per section of a source, how many sentences claims and studies cite.

    A sentence is cited when a claim, study, arm or figure quote overlaps it; sentences left
    out on purpose are listed in excused/*.yaml with the reason. Uncited sentences are listed.
    A source whose text is not found here is reported as not checked (JSON: null), never as covered.

    \b
    Example:
      mechkg coverage --strict        # exit 1 if a substantive sentence is uncited, 2 if a text is missing
    """
    from mechkg.ingest.coverage import source_coverage
    from mechkg.ingest.load import load_curation

    with reported("coverage"):
        loaded = load_curation(curation, sources_dir=sources, lexicons_dir=lexicons, allow_unfinished=True)
    echo_notices(loaded.notices)
    with_text = sorted(sid for sid, record in loaded.sources.items() if record.file)
    if source_id and source_id not in with_text:
        raise click.UsageError(
            f"source {source_id!r} has no full text to cover; sources with one: {', '.join(with_text) or 'none'}"
        )
    wanted = [source_id] if source_id else with_text
    report = {sid: source_coverage(loaded, sid) for sid in wanted if sid in loaded.texts}
    unchecked = [sid for sid in wanted if sid not in loaded.texts]
    if fmt == "json":
        answer: dict[str, Any] = {sid: [_row_json(r) for r in rows] for sid, rows in report.items()}
        answer.update({sid: None for sid in unchecked})
        click.echo(json.dumps(dict(sorted(answer.items())), ensure_ascii=False, indent=2))
    else:
        for sid in wanted:
            if sid in report:
                _coverage_text(sid, report[sid], show_all)
            else:
                click.echo(f"{sid}: not checked: its text was not found (see the note above)")
    if strict and any(row.uncited for rows in report.values() for row in rows):
        sys.exit(1)
    if strict and unchecked:
        _could_not_run("coverage", [f"coverage of {sid} (no source text)" for sid in unchecked])


def _row_json(row: Any) -> dict[str, Any]:
    return {
        "line": row.sentence.line,
        "section": row.sentence.section,
        "text": row.sentence.text,
        "cited_by": list(row.cited_by),
        "excused": row.excused,
    }


def _status(row: Any) -> str:
    if row.uncited:
        return "UNCITED"
    if row.excused and not row.cited_by:
        return "excused: " + row.excused
    return "cited by " + ", ".join(row.cited_by)


def _coverage_text(source_id: str, rows: list[Any], show_all: bool) -> None:
    sections: dict[str, list[Any]] = {}
    for row in rows:
        sections.setdefault(row.sentence.section or "(before the first heading)", []).append(row)
    cited = sum(bool(r.cited_by) for r in rows)
    excused = sum(r.excused is not None and not r.cited_by for r in rows)
    uncited = sum(r.uncited for r in rows)
    substantive = len(rows) - excused
    share = 100 * cited / substantive if substantive else 100.0
    click.echo(
        f"{source_id}: {cited} of {substantive} substantive sentences cited ({share:.1f}%); {excused} excused; {uncited} uncited"
    )
    for section, section_rows in sections.items():
        n_cited = sum(bool(r.cited_by) for r in section_rows)
        n_uncited = sum(r.uncited for r in section_rows)
        click.echo(f"  {section}: {n_cited}/{len(section_rows)} cited" + (f", {n_uncited} UNCITED" if n_uncited else ""))
        for row in section_rows:
            if row.uncited or show_all:
                click.echo(f"    line {row.sentence.line}: {_status(row)}: {row.sentence.text}")

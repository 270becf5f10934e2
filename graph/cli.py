"""The ``mechkg`` command: build, validate and look into the MechKG knowledge graph.

Exit codes: 0 success; 1 the curation (or the built graph) is invalid; 2 a usage error, or a
name that matches no entity or several.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from graph.errors import CurationError, MechKGError, UnknownEntity
from graph.resources import default_curation_dir

__all__ = ["main"]

F = TypeVar("F", bound=Callable[..., Any])


def curation_options(command: F) -> F:
    """The options every command that reads the graph shares, defined once."""
    command = click.option(
        "--lexicons",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Folder of reference lexicons (*.tsv) for checking CURIEs. "
        "[default: $MECHKG_LEXICONS, else shared/reference/lexicons beside the project]",
    )(command)
    command = click.option(
        "--sources",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Folder of full source texts for checking quotes. "
        "[default: $MECHKG_SOURCES, else shared/sources beside the project]",
    )(command)
    command = click.option(
        "--curation",
        type=click.Path(file_okay=False, path_type=Path),
        default=default_curation_dir,
        show_default="the curation shipped in the package",
        help="Curation folder to read (same format as the packaged one; see CURATION.md).",
    )(command)
    return command


def _fail_on_curation(error: CurationError) -> None:
    click.echo(str(error), err=True)
    sys.exit(1)


def _notices(notices: tuple[str, ...]) -> None:
    for notice in notices:
        click.echo(f"note: {notice}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="mechkg")
def main() -> None:
    """MechKG: how stem cells and their exosomes act on autoimmune diseases.

    An evidence-backed, bilingual (繁體中文 / English) knowledge graph: every edge carries the
    sentence of the source it came from.

    \b
    Examples:
      mechkg build --out build/          # validate, then write build/mechkg.ttl and mechkg.html
      mechkg validate                    # check the curation; exit 1 listing every problem
      mechkg show 系統性紅斑狼瘡          # one entity with its claims (also: show SLE --format json)
    """


@main.command()
@curation_options
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("build"),
    show_default=True,
    help="Folder to write the outputs into.",
)
def build(curation: Path, sources: Path | None, lexicons: Path | None, out: Path) -> None:
    """Validate the curation and write the graph: mechkg.ttl (RDF) and mechkg.html (explorer).

    The outputs are written atomically: if anything fails, the previous build is left as it was.

    \b
    Example:
      mechkg build --out build/ && xdg-open build/mechkg.html
    """
    from graph.pipeline import build as run_build

    try:
        report = run_build(curation, out, sources_dir=sources, lexicons_dir=lexicons)
    except CurationError as error:
        _fail_on_curation(error)
        return
    _notices(report.notices)
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
def validate(curation: Path, sources: Path | None, lexicons: Path | None) -> None:
    """Check the curation: YAML, keys, ids, references, CURIEs, quotes, SHACL shapes.

    Every problem is listed as FILE:LINE: FIELD: what is wrong, and the exit code is 1.

    \b
    Example:
      mechkg validate --curation my-curation/
    """
    from graph.pipeline import build_graphs

    try:
        built = build_graphs(curation, sources_dir=sources, lexicons_dir=lexicons)
    except CurationError as error:
        _fail_on_curation(error)
        return
    _notices(built.curation.notices)
    c = built.curation
    click.echo(
        f"valid: {len(c.entities)} entities, {len(c.claims)} claims, {len(c.studies)} studies, "
        f"{len(c.sources)} source(s); SHACL conforms"
    )


def _entity_json(G: Any, node: str) -> dict[str, Any]:
    data = G.nodes[node]
    claims = G.graph["claims"]
    related = sorted(
        (c for c in claims.values() if node in (c["subject"], c["object"])),
        key=lambda c: c["id"],
    )
    return {
        "id": node,
        "iri": data["iri"],
        "type": data["type"],
        "labels": {"en": data["label_en"], "zh-Hant": data["label_zh"]},
        "synonyms": data["synonyms"],
        "xrefs": [x["curie"] for x in data["xrefs"]],
        "claims": [
            {
                "id": c["id"],
                "subject": c["subject"],
                "predicate": c["predicate"],
                "object": c["object"],
                "sign": c["sign"],
                "aspect": c["aspect"],
                "disease": c["disease"],
                "quote": c["quote"],
                "statement": c["statement"],
                "evidence": c["evidence"],
                "evidence_level": c["evidence_level"],
                "confidence": c["confidence"],
                "flags": c["flags"],
                "study": c["study"],
                "section": c["section"],
                "source": c["source"],
            }
            for c in related
        ],
        "properties": {
            **data["properties"],
            "definition": data["definition"],
            "broader": data["broader"],
            "ungrounded": data["ungrounded"],
            "xref_matches": data["xrefs"],
            "flags": data["flags"],
        },
    }


def _entity_text(info: dict[str, Any]) -> str:
    lines = [
        f"{info['labels']['en']} / {info['labels']['zh-Hant']}  [{info['id']}, {info['type']}]",
        f"  IRI: {info['iri']}",
    ]
    if info["synonyms"]:
        lines.append(f"  synonyms: {', '.join(info['synonyms'])}")
    for xref in info["properties"]["xref_matches"]:
        lines.append(f"  {xref['match']} match: {xref['curie']}  {xref['url']}")
    if info["properties"]["ungrounded"]:
        lines.append(f"  ungrounded: {info['properties']['ungrounded']}")
    if info["properties"]["definition"]:
        lines.append(f"  definition: {info['properties']['definition']}")
    for flag in info["properties"]["flags"]:
        lines.append(f"  FLAG {flag['kind']}: {flag['note']}")
    lines.append(f"  claims: {len(info['claims'])}")
    for claim in info["claims"]:
        aspect = f" ({claim['aspect']})" if claim["aspect"] else ""
        lines.append(f"  - {claim['subject']} —{claim['predicate']}{aspect}→ {claim['object']}   [{claim['id']}]")
        lines.append(f"      「{claim['quote']}」")
        lines.append(f"      {claim['statement']}")
        lines.append(f"      evidence: {claim['evidence_level']} ({claim['evidence']}), confidence {claim['confidence']}")
        for flag in claim["flags"]:
            lines.append(f"      FLAG {flag['kind']}: {flag['note']}")
    return "\n".join(lines)


@main.command()
@curation_options
@click.argument("name")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def show(curation: Path, sources: Path | None, lexicons: Path | None, name: str, fmt: str) -> None:
    """Show one entity and every claim about it (as subject or object).

    NAME is an id, a label or a synonym, in English or Chinese, case-insensitive. An unknown
    or ambiguous name exits with 2 and lists candidates.

    \b
    Examples:
      mechkg show SLE --format json
      mechkg show 系統性紅斑狼瘡
      mechkg show "regulatory T cell"
    """
    from graph.names import resolve_name
    from graph.pipeline import build_graphs

    try:
        built = build_graphs(curation, sources_dir=sources, lexicons_dir=lexicons, check_shapes=False)
        node = resolve_name(built.network, name)
    except CurationError as error:
        _fail_on_curation(error)
        return
    except UnknownEntity as error:
        click.echo(f"mechkg show: {error}", err=True)
        sys.exit(2)
    assert node is not None
    info = _entity_json(built.network, node)
    if fmt == "json":
        click.echo(json.dumps(info, ensure_ascii=False, indent=2))
    else:
        click.echo(_entity_text(info))


@main.command()
@curation_options
@click.option("--source", "source_id", default=None, help="Report only this source id. [default: every source with a text]")
@click.option("--all", "show_all", is_flag=True, help="List every sentence, not only the uncited ones.")
@click.option("--strict", is_flag=True, help="Exit 1 when a sentence is neither cited nor excused.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def coverage(
    curation: Path, sources: Path | None, lexicons: Path | None, source_id: str | None, show_all: bool, strict: bool, fmt: str
) -> None:
    """Report, per section of a source, how many sentences claims and studies cite.

    A sentence is cited when a claim, study, arm or figure quote overlaps it; sentences left
    out on purpose are listed in excused/*.yaml with the reason. Uncited sentences are listed.

    \b
    Example:
      mechkg coverage --strict        # exit 1 if any substantive sentence is uncited
    """
    from graph.coverage import source_coverage
    from graph.load import load_curation

    try:
        loaded = load_curation(curation, sources_dir=sources, lexicons_dir=lexicons)
    except CurationError as error:
        _fail_on_curation(error)
        return
    _notices(loaded.notices)
    wanted = [source_id] if source_id else sorted(loaded.texts)
    missing = [s for s in wanted if s not in loaded.texts]
    if missing:
        raise click.UsageError(
            f"no text available for source {', '.join(missing)}; known with text: {', '.join(sorted(loaded.texts))}"
        )
    report: dict[str, Any] = {}
    uncited_total = 0
    for sid in wanted:
        rows = source_coverage(loaded, sid)
        uncited_total += sum(row.uncited for row in rows)
        report[sid] = rows
    if fmt == "json":
        click.echo(
            json.dumps(
                {
                    sid: [
                        {
                            "line": r.sentence.line,
                            "section": r.sentence.section,
                            "text": r.sentence.text,
                            "cited_by": list(r.cited_by),
                            "excused": r.excused,
                        }
                        for r in rows
                    ]
                    for sid, rows in report.items()
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for sid, rows in report.items():
            _coverage_text(sid, rows, show_all)
    if strict and uncited_total:
        sys.exit(1)


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
                status = (
                    "UNCITED"
                    if row.uncited
                    else (
                        "excused: " + row.excused if row.excused and not row.cited_by else "cited by " + ", ".join(row.cited_by)
                    )
                )
                click.echo(f"    line {row.sentence.line}: {status}: {row.sentence.text}")


# --- SPARQL commands (issue 4: sparql, load, serve) go below this line ---


# --- path commands (issue 5: path, mechanisms) go below this line ---


# --- export commands (issue 7: export) go below this line ---


def run() -> None:
    """Entry point that turns any unexpected MechKGError into a clean message."""
    try:
        main()
    except MechKGError as error:
        click.echo(f"mechkg: {error}", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()

"""``mechkg path`` and ``mechkg mechanisms``: how a therapy could act on a disease, hop by hop."""

from __future__ import annotations

import json
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any, TypeVar

import click

from mechkg.app.cli.group import compiled_graph, curation_options, main, reported, resolved
from mechkg.paths import defaults

__all__ = ["mechanisms", "path"]


def _check_terms(values: tuple[str, ...], known: Callable[[], Collection[str]], what: str) -> tuple[str, ...] | None:
    """``values`` if each is ``known`` (asked only when there are values: it imports the ontology), else a usage error."""
    if not values:
        return None
    unknown = [v for v in values if v not in known()]
    if unknown:
        raise click.UsageError(f"unknown {what} {', '.join(unknown)}; known: {', '.join(sorted(known()))}")
    return values


def _entity_classes() -> Collection[str]:
    from mechkg.ingest.model import ENTITY_CLASSES

    return ENTITY_CLASSES


def _predicates() -> Collection[str]:
    from mechkg.terms.ontology import predicates

    return predicates()


def _write(text: str, out: Path | None, count: int) -> None:
    """Print ``text``, or write it atomically to ``out`` and say so on stderr."""
    if out is None:
        click.echo(text, nl=False)
        return
    from mechkg.files import write_file_atomically

    write_file_atomically(out, text.encode("utf-8"))
    click.echo(f"wrote {out} ({count} path{'s' if count != 1 else ''})", err=True)


def _render(G: Any, result: Any, fmt: str) -> str:
    from mechkg.paths.report import result_text
    from mechkg.views.paths import result_json

    if fmt == "json":
        return json.dumps(result_json(G, result), ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        from mechkg.render.page import explorer_html

        title = f"MechKG: {result.query} → {G.nodes[result.target]['label_en']}"
        return explorer_html(G, title=title, highlight_paths=result.paths)  # every step, is-a steps and marks included
    return result_text(G, result)


F = TypeVar("F", bound=Callable[..., Any])


def doubt_options(command: F) -> F:
    """``--include-doubtful`` and ``--other-disease``: the doubt rules ``path`` and ``mechanisms`` share."""
    command = click.option(
        "--other-disease",
        type=click.Choice(["rank", "equal", "exclude"]),
        default=defaults.OTHER_DISEASE,
        show_default=True,
        help="Hops resting only on claims about another disease: ranked lower, counted as any other, or left out.",
    )(command)
    return click.option(
        "--include-doubtful", is_flag=True, help="Count claims flagged contradicts_biology or doubtful (left out by default)."
    )(command)


@main.command()
@curation_options
@click.argument("disease")
@click.argument("therapy")
@click.option("-k", "k", type=click.IntRange(min=1), default=defaults.K, show_default=True, help="Number of paths.")
@click.option(
    "--max-hops", type=click.IntRange(min=2), default=defaults.MAX_HOPS, show_default=True, help="Most mechanistic hops per path."
)
@click.option("--mode", type=click.Choice(["causal", "exploratory"]), default=defaults.MODE, show_default=True)
@click.option("--via", multiple=True, help="Pass through this entity (or a narrower one); repeatable.")
@click.option("--avoid", multiple=True, help="Never pass through this entity; repeatable.")
@click.option("--min-evidence", type=click.Choice(["human", "animal", "any"]), default=defaults.MIN_EVIDENCE, show_default=True)
@click.option("--predicate", "predicate_names", multiple=True, help="Allowed mechanistic predicate; repeatable. [default: all]")
@click.option("--class", "class_names", multiple=True, help="Allowed class of intermediate nodes; repeatable. [default: all]")
@click.option("--disease-context", is_flag=True, help="Use only claims made about DISEASE (or a narrower disease).")
@click.option("--no-inherit", is_flag=True, help="Do not start from more general kinds of the therapy or what it uses.")
@doubt_options
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Write here instead of stdout.")
def path(
    curation: Path,
    disease: str,
    therapy: str,
    k: int,
    max_hops: int,
    mode: str,
    via: tuple[str, ...],
    avoid: tuple[str, ...],
    min_evidence: str,
    predicate_names: tuple[str, ...],
    class_names: tuple[str, ...],
    disease_context: bool,
    no_inherit: bool,
    include_doubtful: bool,
    other_disease: str,
    fmt: str,
    out: Path | None,
) -> None:
    """Mechanism paths: how could THERAPY act on DISEASE? Ranked, signed, every hop with its quote.

    DISEASE and THERAPY are ids, labels or synonyms (English or 繁體中文), or a clearly nearest
    spelling ("allogeneic MSC"; stderr says what it was taken for). THERAPY may also be a
    class of therapies or what they use ("MSC", "間充質干細胞", "exosome"): then all such
    therapies. A therapy's paths also start from what it uses (a "uses" hop, not evidence).
    "No path" prints the nearest partial chains and exits 0; an unknown or ambiguous name exits 2.

    Doubt counts: a claim flagged contradicts_biology or doubtful (the kinds that say the triple
    is probably wrong) does not count, so an edge whose every claim is so flagged is not walked;
    --include-doubtful brings them back.

    \b
    Rank: four tiers, lexicographic (a path better on an earlier tier ranks
    first whatever its score), then the score, a weight:
      1. tier: other-disease hops, hops resting only on claims about another
         disease (narrower or broader diseases count as this one; claims naming
         no disease are general); labelled "other disease: ..."; --other-disease
      2. tier: narrower therapy, paths from the therapy asked about (and what it
         uses) before those from its narrower therapies
      3. tier: generalisations, steps up to a more general therapy or disease
      4. tier: umbrella nodes passed (inflammation, immune imbalance, autoimmune
         disease, cytokine classes, balance nodes: the list UMBRELLA in
         mechkg/paths/criteria.py): specific mediators first
      5. weight: score = evidence x length x hub x specificity
    Each path shows its tiers and the score's factors (JSON: "score_parts").

    \b
    Examples:
      mechkg path SLE "UC-MSC therapy"
      mechkg path 系統性紅斑狼瘡 間充質干細胞 -k 5 --via Th17
      mechkg path IBD exosome --format json
      mechkg path IBD exosome --mode exploratory --format html --out ibd-exosome.html
    """
    from mechkg.paths.search import mechanism_paths

    chosen_predicates = _check_terms(predicate_names, _predicates, "predicate")
    chosen_classes = _check_terms(class_names, _entity_classes, "class")
    with reported("path"):
        G = compiled_graph(curation).network
        for name in (disease, therapy, *via, *avoid):
            resolved(G, name)  # says on stderr what a fuzzy name was taken for; unknown names stop here
        result = mechanism_paths(
            G,
            therapy,
            disease,
            k=k,
            max_hops=max_hops,
            mode=mode,  # type: ignore[arg-type]
            via=via,
            avoid=avoid,
            predicates=chosen_predicates,
            classes=chosen_classes,
            min_evidence=min_evidence,  # type: ignore[arg-type]
            disease_context=disease_context,
            inherit=not no_inherit,
            include_doubtful=include_doubtful,
            other_disease=other_disease,  # type: ignore[arg-type]
        )
    _write(_render(G, result, fmt), out, len(result.paths))


@main.command()
@curation_options
@click.argument("disease")
@click.option("--mode", type=click.Choice(["causal", "exploratory"]), default=defaults.MODE, show_default=True)
@click.option("--max-hops", type=click.IntRange(min=2), default=defaults.MAX_HOPS, show_default=True)
@click.option("--min-evidence", type=click.Choice(["human", "animal", "any"]), default=defaults.MIN_EVIDENCE, show_default=True)
@doubt_options
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def mechanisms(
    curation: Path,
    disease: str,
    mode: str,
    max_hops: int,
    min_evidence: str,
    include_doubtful: bool,
    other_disease: str,
    fmt: str,
) -> None:
    """For every therapy with a path to DISEASE: its best path, best counteracting and aggravating path, observed outcome.

    Paths are ranked as by "mechkg path" (see its --help: doubtful claims left out, other-disease
    hops ranked lower and labelled, specific mediators before umbrella nodes), among each
    therapy's best 10. The observed outcome is the therapy's own direct edge to DISEASE (e.g.
    ameliorates), with the evidence and clinical studies behind it.

    \b
    Example:
      mechkg mechanisms SLE
    """
    from mechkg.paths.report import mechanisms_text
    from mechkg.paths.search import mechanisms as therapy_mechanisms
    from mechkg.views.paths import mechanisms_json

    with reported("mechanisms"):
        G = compiled_graph(curation).network
        target = resolved(G, disease)
        rows = therapy_mechanisms(
            G,
            target,
            mode=mode,  # type: ignore[arg-type]
            max_hops=max_hops,
            min_evidence=min_evidence,  # type: ignore[arg-type]
            include_doubtful=include_doubtful,
            other_disease=other_disease,  # type: ignore[arg-type]
        )
    if fmt == "json":
        click.echo(json.dumps(mechanisms_json(G, target, rows), ensure_ascii=False, indent=2))
    else:
        click.echo(mechanisms_text(G, target, rows), nl=False)

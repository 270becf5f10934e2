"""Mechanism paths as people read them: numbered text explanations, each hop with its quotes.

The JSON form of the same results is :mod:`mechkg.views.paths`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import networkx as nx

from mechkg.network.evidence import Correction
from mechkg.paths.result import Hop, MechanismPath, MechanismResult, StudyFigures, TherapyMechanism, short_label
from mechkg.paths.taxonomy import borrowed_hops

__all__ = ["chain_line", "highlight_steps", "mechanisms_text", "result_text"]


def _arrow(G: nx.MultiDiGraph, hop: Hop) -> str:
    aspect = f" ({', '.join(hop.aspects)})" if hop.aspects and hop.kind == "mechanism" else ""
    name = "is a" if hop.predicate == "broader" else hop.predicate
    return f" —{name}{aspect}→ " if hop.forward else f" ←{name}{aspect}— "


def chain_line(G: nx.MultiDiGraph, start: str, hops: Sequence[Hop]) -> str:
    """``UC-MSC —secretes→ TGF-β —decreases (differentiation)→ Th17 cell …`` (one line)."""
    text = short_label(G, start)
    for hop in hops:
        nxt = hop.object if hop.forward else hop.subject
        text += _arrow(G, hop) + short_label(G, nxt)
    return text


def _evidence_lines(G: nx.MultiDiGraph, hops: Iterable[Hop], indent: str, *, head: bool = True) -> list[str]:
    lines = []
    claims = G.graph["claims"]
    for hop in hops:
        if hop.kind != "mechanism":
            continue
        if not head:
            lines.append(
                f"{indent}support {hop.support:.3f} from {hop.sources} independent source{'s' if hop.sources != 1 else ''}"
            )
        else:
            lines.append(
                f"{indent}{short_label(G, hop.subject)} —{hop.predicate}→ {short_label(G, hop.object)}: "
                f"support {hop.support:.3f} from {hop.sources} independent source{'s' if hop.sources != 1 else ''}"
            )
        for support in hop.claims:
            c = claims[support.id]
            flag = "  FLAGGED" if support.flagged else ""
            lines.append(f"{indent}  [{c.id}] {c.evidence_level}, source {c.source}{flag}")
            if c.paraphrase:
                lines.append(f"{indent}    (the curators' paraphrase of the primary paper {c.source}; no quote)")
            else:
                lines.append(f"{indent}    「{c.quote}」")
            lines.append(f"{indent}    {c.statement}")
            for f in c.flags:
                origin = f" ({f.origin})" if f.origin else ""
                lines.append(f"{indent}    FLAG {f.kind}{origin}: {f.note}")
            for fix in c.corrected_by:
                lines.append(f"{indent}    THE PRIMARY PAPER SAYS: {_correction_text(fix)}")
    return lines


def _study_lines(studies: Iterable[StudyFigures], indent: str) -> list[str]:
    lines = []
    for figures in studies:
        study = figures.study
        parts = [study.design or None, f"n={study.n}" if study.n is not None else None, study.year]
        head = ", ".join(str(part) for part in parts if part is not None)
        lines.append(f"{indent}study {figures.id}: {figures.label}" + (f" ({head})" if head else ""))
        for fig in study.figures:
            unit = fig.unit
            value = "" if fig.value is None else f" {fig.value:g}" + (unit if unit == "%" else f" {unit}".rstrip())
            when = f" ({fig.timepoint})" if fig.timepoint else ""
            direction = f" {fig.direction}" if fig.direction else ""
            lines.append(f"{indent}  {fig.measure}{value}{direction}{when}  「{fig.quote}」")
    return lines


def _borrowed_lines(G: nx.MultiDiGraph, path: MechanismPath, indent: str) -> list[str]:
    return [
        f"{indent}other disease: {_names(G, diseases)} — {short_label(G, hop.subject)} "
        f"—{hop.predicate}→ {short_label(G, hop.object)} rests only on claims about {'it' if len(diseases) == 1 else 'them'}"
        for hop, diseases in borrowed_hops(G, path)
    ]


def _names(G: nx.MultiDiGraph, nodes: Iterable[str]) -> str:
    """Short names of ``nodes``, comma-separated (an id not in ``G`` as itself)."""
    return ", ".join(short_label(G, n) if n in G else n for n in nodes)


def _tier_line(G: nx.MultiDiGraph, path: MechanismPath, indent: str) -> str:
    """The path's rank tiers, in their order (each lexicographic, before the score)."""
    s = path.score
    umbrella = f" ({', '.join(short_label(G, n) for n in s.umbrella)})" if s.umbrella else ""
    return (
        f"{indent}tiers: other-disease hops {s.other_disease}, narrower therapy {'yes' if s.narrower else 'no'}, "
        f"generalisations {s.generalisations}, umbrella nodes {len(s.umbrella)}{umbrella}"
    )


def _tags(G: nx.MultiDiGraph, path: MechanismPath) -> str:
    """Short marks of what ranks a path down: other diseases, a narrower therapy, generalisations, umbrella nodes."""
    tags = [f"other disease: {_names(G, diseases)}" for diseases in sorted({d for _, d in borrowed_hops(G, path)})]
    if path.score.narrower:
        tags.append(f"from narrower therapy {short_label(G, path.therapy)}")
    if path.score.generalisations:
        tags.append(f"{path.score.generalisations} generalisation{'s' if path.score.generalisations != 1 else ''}")
    if path.score.umbrella:
        tags.append(f"umbrella: {', '.join(short_label(G, n) for n in path.score.umbrella)}")
    return f"  [{'; '.join(tags)}]" if tags else ""


def result_text(G: nx.MultiDiGraph, result: MechanismResult) -> str:
    """A numbered list of explanations, each path on one line, then its claims and sources."""
    c = result.constraints
    therapies = ", ".join(result.therapies)
    lines = [
        f"How could {result.query!r} [{therapies}] act on {short_label(G, result.target)} [{result.target}]? "
        f"({result.mode} mode, k={c.get('k')}, at most {c.get('max_hops')} hops, evidence: {c.get('min_evidence')})"
    ]
    if c.get("include_doubtful"):
        lines.append("(claims flagged contradicts_biology or doubtful are counted: --include-doubtful)")
    if c.get("other_disease") in ("equal", "exclude"):
        lines.append(f"(hops resting only on claims about other diseases: {c['other_disease']})")
    if result.observed:
        lines.append("")
        lines.append("Observed outcome (direct therapy → disease edge, not a mechanism):")
        studies = {}
        for outcome in result.observed:
            start = outcome.entry[0].subject if outcome.entry else outcome.hop.subject
            lines.append("  " + chain_line(G, start, (*outcome.entry, outcome.hop)))
            lines.extend(_evidence_lines(G, (outcome.hop,), "    ", head=False))
            studies.update({study.id: study for study in outcome.studies})
        if studies:
            lines.append("  Clinical studies:")
            lines.extend(_study_lines(studies.values(), "    "))
    lines.append("")
    if not result.paths:
        lines.append(
            f"No {result.mode} mechanism path from {result.query!r} to {result.target} within {c.get('max_hops')} hops "
            "with these constraints."
        )
        if result.partial:
            lines.append("Nearest partial chains:")
            for chain in result.partial:
                gap = "not connected" if chain.gap is None else f"{chain.gap} hop{'s' if chain.gap != 1 else ''} short"
                lines.append(f"  {chain.side}: {chain_line(G, chain.nodes[0], chain.hops)}   ({gap})")
        return "\n".join(lines) + "\n"
    lines.append(f"Mechanism paths ({len(result.paths)}):")
    for number, path in enumerate(result.paths, 1):
        net = path.verdict
        lines.append(f"{number}. {chain_line(G, path.nodes[0].id, path.hops)}   net: {net}")
        s = path.score
        hubs = ", ".join(f"{n} {d}" for n, d in s.hub_degrees)
        lines.append(_tier_line(G, path, "   "))
        lines.append(
            f"   score {s.total:.4f} = evidence {s.evidence:.4f} × length {s.length:.3f} × hub {s.hub:.3f}"
            f" (degrees: {hubs or '-'}) × specificity {s.specificity:.3f}"
        )
        for variant in path.variants:
            lines.append(f"   same mechanism also via: {' → '.join(variant)}")
        lines.extend(_borrowed_lines(G, path, "   "))
        lines.extend(_evidence_lines(G, path.hops, "   "))
    if result.truncated:
        lines.append("(search stopped after the candidate limit; more paths may exist)")
    return "\n".join(lines) + "\n"


def highlight_steps(result: MechanismResult, G: nx.MultiDiGraph) -> list[list[tuple[str, str, str]]]:
    """The paths as ``(subject, predicate, object)`` edges of ``G`` for the explorer page.

    ``broader`` entry/exit hops are node attributes, not edges, so they are left out.
    """
    return [[h.key for h in p.hops if G.has_edge(h.subject, h.object, h.predicate)] for p in result.paths]


def _observed_text(r: TherapyMechanism) -> str:
    """``observed: ameliorates (human_trial; studies STUDY_A)``: the therapy's direct edges to the disease."""
    parts = []
    for predicate in sorted({o.hop.predicate for o in r.observed}):
        outcomes = [o for o in r.observed if o.hop.predicate == predicate]
        levels = sorted({c.evidence_level for o in outcomes for c in o.hop.claims})
        studies = sorted({s.id for o in outcomes for s in o.studies})
        detail = ", ".join(levels) + (f"; studies {', '.join(studies)}" if studies else "")
        parts.append(f"{predicate} ({detail})" if detail else predicate)
    return "observed: " + ", ".join(parts)


def mechanisms_text(G: nx.MultiDiGraph, disease: str, rows: Sequence[TherapyMechanism]) -> str:
    """One screen: per therapy, its best path, its best counteracting and aggravating path, and the observed outcome."""
    lines = [f"How each therapy is thought to act on {short_label(G, disease)} [{disease}]:"]
    if not rows:
        lines.append("  no therapy has a mechanism path or an observed outcome for this disease.")
    for r in rows:
        head = f"- {short_label(G, r.therapy)} [{r.therapy}]"
        lines.append(f"{head}: " + (f"{r.best.verdict}, score {r.best.score.total:.4f}" if r.best else "no mechanism path"))
        if r.observed:
            lines.append(f"    {_observed_text(r)}")
        if r.best is None:
            continue
        shown = [("best", r.best)]
        shown += [(name, p) for name, p in (("counteracts", r.counteracting), ("aggravates", r.aggravating)) if p is not None]
        for name, path in shown:
            if name != "best" and path is r.best:
                continue
            lines.append(f"    {name}: {chain_line(G, path.nodes[0].id, path.hops)}{_tags(G, path)}")
    return "\n".join(lines) + "\n"


def _correction_text(fix: Correction) -> str:
    """``statement [claim, evidence, doi:…]`` of a paraphrase claim that corrects a review claim."""
    where = ", ".join(part for part in (fix.claim, fix.evidence_level, f"doi:{fix.doi}" if fix.doi else fix.source) if part)
    return f"{fix.statement} [{where}]"

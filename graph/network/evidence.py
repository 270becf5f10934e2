"""The typed middle: claims, flags, studies, sources and edges as frozen objects.

From the network on, every stage (paths, views, the page, the exports, the CLI and the server)
reads these objects, never dicts: a claim's fields are named once, here, and
:mod:`mechkg.views` turns them into the one JSON shape everyone shows. The module imports
nothing but the standard library, so unpickling a compiled graph stays cheap.

>>> flag = Flag("doubtful", "IL-6 signals mainly through STAT3")
>>> claim = Claim("c1", "IL6", "increases", "TH17", 1, quote="…", flags=(flag,))
>>> claim.flagged, claim.triple
(True, ('IL6', 'increases', 'TH17'))
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

__all__ = [
    "Arm",
    "Claim",
    "Correction",
    "Edge",
    "EntityNode",
    "Figure",
    "Flag",
    "Source",
    "Study",
    "Xref",
    "edge_from_claims",
]


@dataclass(frozen=True, slots=True)
class Flag:
    """A curator's flag on a claim, entity or study: what kind of doubt, why, and the likely intended meaning."""

    kind: str
    note: str
    intended: str = ""
    origin: str = ""


@dataclass(frozen=True, slots=True)
class Xref:
    """A standard identifier of an entity (``skos:exactMatch`` or ``closeMatch``), with its IRI and a link for people."""

    curie: str
    match: str
    url: str
    iri: str


@dataclass(frozen=True, slots=True)
class Correction:
    """What a primary paper says instead of a review claim: the paraphrase claim and the paper's DOI."""

    claim: str
    statement: str
    source: str
    doi: str = ""
    evidence_level: str = ""


@dataclass(frozen=True, slots=True)
class Claim:
    """One statement of a source: the triple it supports, the exact quote, and its evidence."""

    id: str
    subject: str
    predicate: str
    object: str
    sign: int
    quote: str = ""
    statement: str = ""
    aspect: str | None = None
    section: str = ""
    source: str = ""
    evidence: str = ""
    evidence_level: str = ""
    disease: tuple[str, ...] = ()
    species: str | None = None
    model: str | None = None
    context: tuple[str, ...] = ()
    study: str | None = None
    confidence: float = 1.0
    flags: tuple[Flag, ...] = ()
    notes: str | None = None
    paraphrase: bool = False
    """The statement paraphrases a primary paper (``source``); there is no quote."""
    corrects: tuple[str, ...] = ()
    """Review claims this paraphrase corrects."""
    derived_from: tuple[str, ...] = ()
    """Primary sources the review drew this claim from."""
    corrected_by: tuple[Correction, ...] = ()
    """What primary papers say instead (the paraphrase claims that correct this one)."""

    @property
    def triple(self) -> tuple[str, str, str]:
        """(subject, predicate, object): the edge this claim supports."""
        return (self.subject, self.predicate, self.object)

    @property
    def flagged(self) -> bool:
        """Whether a curator flagged this claim."""
        return bool(self.flags)


@dataclass(frozen=True, slots=True)
class Source:
    """A source document: its id and titles."""

    id: str
    title_zh: str = ""
    title_en: str = ""
    primary: bool = False
    """A bibliographic record of a primary paper, registry entry or press report (no full text held)."""
    kind: str = ""
    doi: str = ""
    pmid: str = ""
    journal: str = ""
    year: int | None = None
    authors: str = ""


@dataclass(frozen=True, slots=True)
class Arm:
    """One arm of a clinical study."""

    id: str
    label: str
    n: int | None
    intervention: str | None
    quote: str


@dataclass(frozen=True, slots=True)
class Figure:
    """One reported number of a clinical study, and the claim that states it."""

    id: str
    measure: str
    value: float | None
    unit: str
    timepoint: str
    direction: str
    quote: str
    claim: str | None


@dataclass(frozen=True, slots=True)
class Study:
    """A clinical study or case with its structured numbers; empty texts mean "not reported"."""

    design: str = ""
    phase: str = ""
    journal: str = ""
    registry: str = ""
    institution: str = ""
    country: str = ""
    population: str = ""
    route: str = ""
    dose: str = ""
    follow_up: str = ""
    year: int | None = None
    n: int | None = None
    quote: str = ""
    arms: tuple[Arm, ...] = ()
    figures: tuple[Figure, ...] = ()


@dataclass(frozen=True, slots=True)
class EntityNode:
    """One node of the network: an entity or a clinical study, with its names, identifiers and doubts.

    ``properties`` holds a therapy's kind, origin, route and dose; ``study`` a study's numbers.
    The network stores these fields as the node's attributes (the networkx idiom).
    """

    id: str
    type: str
    label_en: str
    label_zh: str
    iri: str
    xrefs: tuple[Xref, ...] = ()
    synonyms: tuple[str, ...] = ()
    definition: str = ""
    ungrounded: str = ""
    broader: tuple[str, ...] = ()
    notes: str = ""
    flags: tuple[Flag, ...] = ()
    properties: Mapping[str, str] = field(default_factory=dict)
    study: Study | None = None


@dataclass(frozen=True, slots=True)
class Edge:
    """One truthy triple of the network and what its claims say together.

    ``confidence`` is the best claim's (1.0 for a structural edge that no claim backs).
    """

    subject: str
    predicate: str
    object: str
    sign: int
    causal: bool
    claims: tuple[str, ...] = ()
    aspects: tuple[str, ...] = ()
    diseases: tuple[str, ...] = ()
    confidence: float = 1.0
    evidence_levels: tuple[str, ...] = ()
    flagged: bool = False


def edge_from_claims(subject: str, predicate: str, obj: str, sign: int, causal: bool, backing: Iterable[Claim]) -> Edge:
    """The :class:`Edge` of a triple, summarising the claims that back it (none for a structural edge).

    >>> c = Claim("c1", "A", "increases", "B", 1, disease=("SLE",), evidence_level="animal_model", confidence=0.7)
    >>> edge_from_claims("A", "increases", "B", 1, True, [c]).diseases
    ('SLE',)
    """
    claims = sorted(backing, key=lambda c: c.id)
    return Edge(
        subject=subject,
        predicate=predicate,
        object=obj,
        sign=sign,
        causal=causal,
        claims=tuple(c.id for c in claims),
        aspects=tuple(sorted({c.aspect for c in claims if c.aspect})),
        diseases=tuple(sorted({d for c in claims for d in c.disease})),
        confidence=max((c.confidence for c in claims), default=1.0),
        evidence_levels=tuple(sorted({c.evidence_level for c in claims})),
        flagged=any(c.flags for c in claims),
    )

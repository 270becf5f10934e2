"""Typed, frozen records of the curation: what one YAML record may say, and nothing else.

The records are pydantic models with ``extra="forbid"``: an unknown key is an error, not a
silently ignored typo. They check the *shape* of one record; what needs the whole curation
(unknown ids, quotes against the source text, CURIEs against the lexicons) is checked in
:mod:`mechkg.ingest.load`.

>>> Entity.model_validate({"id": "IL6", "type": "GeneProduct",
...     "label": {"en": "interleukin-6", "zh-Hant": "白細胞介素-6"},
...     "xrefs": [{"curie": "HGNC:6018", "label": "IL6", "match": "exact"}]}).label.zh
'白細胞介素-6'
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

__all__ = [
    "ASPECTS",
    "ENTITY_CLASSES",
    "EVIDENCE_LEVELS",
    "FLAG_KINDS",
    "FLAG_ORIGINS",
    "Arm",
    "Claim",
    "Entity",
    "Excuse",
    "Figure",
    "Flag",
    "Labels",
    "Source",
    "Study",
    "TherapyProperties",
    "Xref",
]

ENTITY_CLASSES = (
    "Disease",
    "Phenotype",
    "CellType",
    "GeneProduct",
    "ProteinFamilyOrComplex",
    "MicroRNA",
    "LncRNA",
    "BiologicalProcess",
    "Pathway",
    "ExtracellularVesicle",
    "Therapy",
    "Drug",
    "ChemicalEntity",
    "ClinicalMeasure",
    "AnatomicalEntity",
    "Exposure",
    "OrganismTaxon",
)
"""Classes an entity in ``entities/`` may have (``ClinicalStudy`` lives in ``studies/``)."""

EVIDENCE_LEVELS: dict[str, str] = {
    "human_trial": "ECO:0006017",
    "case_report": "ECO:0006017",
    "human_observational": "ECO:0006017",
    "animal_model": "ECO:0007120",
    "in_vitro": "ECO:0007122",
    "review_assertion": "ECO:0000304",
    "author_statement": "ECO:0000303",
}
"""Evidence category of a claim -> the ECO term it is recorded with."""

ASPECTS = (
    "amount",
    "activity",
    "expression",
    "secretion",
    "release",
    "differentiation",
    "proliferation",
    "polarization",
    "senescence",
    "apoptosis",
    "activation",
    "migration",
    "infiltration",
    "function",
    "ratio",
    "regeneration",
    "survival",
)

FLAG_KINDS = (
    "mistranslation",
    "garbled_number",
    "garbled_name",
    "contradicts_biology",
    "overstated",
    "doubtful",
    "unclear_referent",
    "inconsistent",
)

FLAG_ORIGINS = ("translation", "review", "primary_paper", "press_report")
"""Where the error a flag points at was made: in the Chinese translation, in the review the
translation renders, in the primary paper itself, or in a press report the review relied on."""

EXCUSE_REASONS = (
    "heading",
    "promotion",
    "contact",
    "disclaimer",
    "narration",
    "reference",
    "figure",
    "duplicate",
    "non_mechanistic",
)

ENTITY_ID = r"^[A-Za-z][A-Za-z0-9_]*$"
CLAIM_ID = r"^[a-z0-9][a-z0-9.-]*$"
SOURCE_ID = r"^[a-z0-9_]+$"

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
EntityId = Annotated[str, StringConstraints(pattern=ENTITY_ID)]
Ref = Text
"""A reference to an entity id; checked against the known ids (with suggestions) by the loader."""
ClaimId = Annotated[str, StringConstraints(pattern=CLAIM_ID)]
SourceId = Annotated[str, StringConstraints(pattern=SOURCE_ID)]
DOI = r"^10\.\d{4,9}/[^\s\"<>]+$"
"""A DOI as Crossref/DataCite mint them: ``10.`` + registrant code + ``/`` + suffix (no ``https://doi.org/``)."""
PMID = r"^[1-9][0-9]{0,8}$"
"""A PubMed id: digits only, no leading zero, at most nine."""
PMCID = r"^PMC[0-9]+$"
Quote = Annotated[str, StringConstraints(min_length=2)]
"""A quote is kept verbatim (no stripping): it must be an exact span of the source."""


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _tuple_of(value: object) -> object:
    """Accept a single id where a list of ids is expected (``disease: SLE``)."""
    if isinstance(value, str):
        return (value,)
    return value


class Labels(_Record):
    """A name in English and in Traditional Chinese, both required."""

    en: Text
    zh: Text = Field(alias="zh-Hant")


class Xref(_Record):
    """A standard identifier of an entity, as a CURIE with the lexicon's own label."""

    curie: Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9.]*:\S+$")]
    label: Text
    match: Literal["exact", "close", "broad", "narrow"]


class Flag(_Record):
    """A curator's objection to what the source says, kept beside the statement."""

    kind: Literal[FLAG_KINDS]  # type: ignore[valid-type]
    origin: Literal[FLAG_ORIGINS]  # type: ignore[valid-type]
    note: Text
    intended: Text | None = None


class TherapyProperties(_Record):
    """How a therapy is given."""

    kind: (
        Literal[
            "cell_therapy",
            "exosome_therapy",
            "gene_modified_cell_therapy",
            "transplantation",
            "drug_therapy",
            "combination",
        ]
        | None
    ) = None
    origin: Literal["autologous", "allogeneic"] | None = None
    route: Text | None = None
    dose: Text | None = None


class Entity(_Record):
    """A thing the source talks about: a disease, a cell type, a cytokine, a therapy."""

    id: EntityId
    type: Literal[ENTITY_CLASSES]  # type: ignore[valid-type]
    label: Labels
    synonyms: tuple[Text, ...] = ()
    xrefs: tuple[Xref, ...] = ()
    ungrounded: Text | None = None
    definition: Text | None = None
    broader: tuple[Ref, ...] = ()
    uses: tuple[Ref, ...] = ()
    properties: TherapyProperties | None = None
    notes: Text | None = None
    flags: tuple[Flag, ...] = ()

    _as_tuple = field_validator("broader", "uses", "synonyms", mode="before")(_tuple_of)


class Claim(_Record):
    """One statement of a source: a (subject, predicate, object) triple plus its provenance."""

    id: ClaimId
    subject: Ref
    predicate: Text
    object: Ref
    aspect: Literal[ASPECTS] | None = None  # type: ignore[valid-type]
    source: SourceId
    section: Text | None = None
    """Required unless ``paraphrase`` (checked in :mod:`mechkg.ingest.rules`)."""
    quote: Quote | None = None
    """Required unless ``paraphrase``: a paraphrase of a primary paper has no quote."""
    paraphrase: bool = False
    """The statement is the curators' paraphrase of a primary paper (``source``), not a quote of it."""
    corrects: tuple[ClaimId, ...] = ()
    """Claims of the review that this paraphrase of the primary paper corrects."""
    derived_from: tuple[SourceId, ...] = ()
    """Primary sources the review drew this statement from (prov:hadPrimarySource)."""
    statement: Text
    evidence: Literal[tuple(EVIDENCE_LEVELS)]  # type: ignore[valid-type]
    disease: tuple[Ref, ...] = ()
    species: Literal["human", "mouse", "rat"] | None = None
    model: Text | None = None
    context: tuple[Ref, ...] = ()
    study: Ref | None = None
    confidence: Annotated[float, Field(ge=0.0, le=1.0)] = 0.8
    flags: tuple[Flag, ...] = ()
    notes: Text | None = None

    _as_tuple = field_validator("disease", "context", "corrects", "derived_from", mode="before")(_tuple_of)

    @property
    def eco(self) -> str:
        """The ECO CURIE of this claim's evidence category."""
        return EVIDENCE_LEVELS[self.evidence]


class Arm(_Record):
    """One arm or subgroup of a clinical study."""

    id: Annotated[str, StringConstraints(pattern=CLAIM_ID)]
    label: Text
    n: Annotated[int, Field(ge=1)] | None = None
    intervention: Ref | None = None
    description: Text | None = None
    quote: Quote | None = None


class Figure(_Record):
    """One number or direction of change that a study reports, with the quote that states it."""

    id: Annotated[str, StringConstraints(pattern=CLAIM_ID)]
    measure: Ref
    value: float | None = None
    unit: Text | None = None
    timepoint: Text | None = None
    arm: Annotated[str, StringConstraints(pattern=CLAIM_ID)] | None = None
    direction: Literal["increased", "decreased", "unchanged"] | None = None
    quote: Quote
    claim: ClaimId | None = None
    notes: Text | None = None


class Study(_Record):
    """A clinical study, programme or case report, with its numbers as structured fields."""

    id: EntityId
    label: Labels
    source: SourceId
    section: Text
    quote: Quote
    design: Text
    phase: Text | None = None
    year: Annotated[int, Field(ge=1900, le=2100)] | None = None
    journal: Text | None = None
    registry: Annotated[str, StringConstraints(pattern=r"^NCT\d{8}$")] | None = None
    institution: Text | None = None
    country: Text | None = None
    n: Annotated[int, Field(ge=1)] | None = None
    population: Text | None = None
    disease: tuple[Ref, ...]
    interventions: tuple[Ref, ...] = ()
    route: Text | None = None
    dose: Text | None = None
    follow_up: Text | None = None
    arms: tuple[Arm, ...] = ()
    figures: tuple[Figure, ...] = ()
    notes: Text | None = None
    flags: tuple[Flag, ...] = ()
    derived_from: tuple[SourceId, ...] = ()
    """Primary sources (papers, registry records, press reports) the article drew this study from."""

    _as_tuple = field_validator("disease", "interventions", "derived_from", mode="before")(_tuple_of)

    @field_validator("phase", "journal", "design", mode="before")
    @classmethod
    def _numbers_as_text(cls, value: object) -> object:
        """``phase: 2`` is as good as ``phase: "2"``."""
        return str(value) if isinstance(value, int | float) else value


class SourceTitle(_Record):
    """Title of a source; the zh-Hant title is required of a zh-Hant source (checked in rules)."""

    zh: Text | None = Field(default=None, alias="zh-Hant")
    en: Text | None = None


class Source(_Record):
    """A text that claims are taken from: a full text (``file``), or a bibliographic record of a paper.

    A record without ``file`` is a *primary source* behind the article (a research article, a trial
    report, a registry entry, a press report): it says who wrote it, where and when, and which public
    record confirmed its identifiers (``confirmed_by``); a record with no DOI says why (``no_doi``).
    """

    id: SourceId
    title: SourceTitle
    kind: Text
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")]
    file: Annotated[str, StringConstraints(pattern=r"^[^/\\]+$")] | None = None
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] | None = None
    publisher: Text | None = None
    url: Annotated[str, StringConstraints(pattern=r"^https?://[^\s<>\"{}|\\^`]+$")] | None = None
    """An http(s) IRI: it becomes an RDF IRI, so spaces, quotes and angle brackets are refused here."""
    derived_from: Text | None = None
    authors: tuple[Text, ...] = ()
    """Authors as the confirming record lists them (family name first); ``...`` marks names left out."""
    journal: Text | None = None
    year: Annotated[int, Field(ge=1900, le=2100)] | None = None
    doi: Annotated[str, StringConstraints(pattern=DOI)] | None = None
    pmid: Annotated[str, StringConstraints(pattern=PMID)] | None = None
    pmcid: Annotated[str, StringConstraints(pattern=PMCID)] | None = None
    registry: tuple[Annotated[str, StringConstraints(pattern=r"^[A-Za-z]+[0-9]+$")], ...] = ()
    confirmed_by: tuple[Text, ...] = ()
    """The stored public records (address, or repo/path) that showed these identifiers."""
    no_doi: Text | None = None
    """Why a primary source has no DOI (no public record found, a press report …)."""
    notes: Text | None = None

    _as_tuple = field_validator("authors", "registry", "confirmed_by", mode="before")(_tuple_of)

    @field_validator("pmid", mode="before")
    @classmethod
    def _pmid_as_text(cls, value: object) -> object:
        """``pmid: 29867923`` is as good as ``pmid: "29867923"``."""
        return str(value) if isinstance(value, int) else value

    @property
    def primary(self) -> bool:
        """A bibliographic record of a primary source (no full text of it is held)."""
        return self.file is None


class Excuse(_Record):
    """A source sentence deliberately left uncited, and why."""

    source: SourceId
    quote: Quote
    reason: Literal[EXCUSE_REASONS]  # type: ignore[valid-type]
    note: Text | None = None

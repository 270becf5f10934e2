"""The SPARQL test fixture (tests/data/sparql) and hand-checked answers of every named query.

The expectations were worked out from the fixture's YAML by reading it, not by running the
queries: e.g. the SLE claims are the 16 claims with ``disease: SLE``; IL-10 is the only
non-disease, non-therapy entity in claims of both SLE and IBD. ``curation/*/hierarchy.yaml`` adds
narrower terms (UC_MSC under MSC, ENGINEERED_EXOSOME under EXOSOME) and their claims, so that a
query on the broader term must find them (``graph/queries/README.md``; a narrower disease is added
by ``tests/query/test_named_hierarchy.py`` from :data:`NARROWER`); the fixture has no "balance" entity (CURATION.md, "Balance nodes"): IL-6 disrupting the Th17/Treg balance is
two unsigned claims on TH17 and TREG.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from rdflib import BNode, Literal, URIRef

from mechkg.terms.vocab import PREFIXES

DATA = Path(__file__).parent / "data" / "sparql"
CURATION = DATA / "curation"
SOURCES = DATA / "sources"
NARROWER = Path(__file__).parent / "data" / "sparql_narrower"
"""Entity and claim files that add a disease narrower than IBD (UC) to the fixture, for the hierarchy tests only."""

# name -> (params, columns to compare, expected rows in query order)
EXPECTED: dict[str, tuple[dict[str, str], tuple[str, ...], list[tuple[str, ...]]]] = {
    "animal-only-claims": (
        {},
        ("subject", "predicate", "object", "claim", "species", "disease"),
        [
            ("MSC_THERAPY", "mk:ameliorates", "IBD", "sp-msct-ibd-mouse", "MOUSE", "IBD"),
            ("MSC_EV", "mk:increases", "TREG", "sp-msct-treg-ms-mouse", "MOUSE", "MS"),
        ],
    ),
    "claim-provenance": (
        {"claim": "sp-msc-sle-trial"},
        ("claim", "source", "section", "evidence", "evidenceType", "confidence", "study"),
        [
            (
                "sp-msc-sle-trial",
                "mks:excerpt",
                "干細胞移植治療系統性紅斑狼瘡的臨床試驗",
                "human_trial",
                "obo:ECO_0006017",
                "0.9",
                "STUDY_SCR2018",
            )
        ],
    ),
    "claims-by-model": (
        {"species": "mouse"},
        ("evidence", "evidenceType", "species", "model", "claim", "subject", "predicate", "object"),
        [
            ("animal_model", "obo:ECO_0007120", "MOUSE", "", "sp-msct-treg-ms-mouse", "MSC_EV", "mk:increases", "TREG"),
            (
                "animal_model",
                "obo:ECO_0007120",
                "MOUSE",
                "IBD mouse model",
                "sp-msct-ibd-mouse",
                "MSC_THERAPY",
                "mk:ameliorates",
                "IBD",
            ),
        ],
    ),
    "claims-by-evidence": (
        {"level": "animal_model"},
        ("claim", "subject", "object", "model", "species"),
        [
            ("sp-msct-ibd-mouse", "MSC_THERAPY", "IBD", "IBD mouse model", "MOUSE"),
            ("sp-msct-treg-ms-mouse", "MSC_EV", "TREG", "", "MOUSE"),
        ],
    ),
    "cytokines-by-therapy": (
        {"therapy": "MSC_EXO_THERAPY", "disease": "SLE"},
        ("therapy", "cytokine", "predicate", "aspect", "disease", "claim"),
        [
            ("MSC_EXO_THERAPY", "IL1B", "mk:decreases", "expression", "SLE", "sp-exot-il1b"),
            ("MSC_EXO_THERAPY", "TNF", "mk:decreases", "expression", "SLE", "sp-exot-tnf"),
        ],
    ),
    "disease-mechanism-claims": (
        {"disease": "系統性紅斑狼瘡"},
        ("claim", "subject", "predicate", "object", "evidence"),
        [
            ("sp-engexo-antagonist", "ENGINEERED_EXOSOME", "mk:carries", "MIR146A_ANTAGONIST", "review_assertion"),
            ("sp-exo-mir146a", "EXOSOME", "mk:carries", "MIR146A", "review_assertion"),
            ("sp-exot-il1b", "MSC_EXO_THERAPY", "mk:decreases", "IL1B", "review_assertion"),
            ("sp-exot-m1", "MSC_EXO_THERAPY", "mk:decreases", "M1_MACROPHAGE", "review_assertion"),
            ("sp-exot-tnf", "MSC_EXO_THERAPY", "mk:decreases", "TNF", "review_assertion"),
            ("sp-il6-th17", "IL6", "mk:regulates", "TH17", "review_assertion"),
            ("sp-il6-treg", "IL6", "mk:regulates", "TREG", "review_assertion"),
            ("sp-let7f-down-sle", "LET7F", "mk:decreasedIn", "SLE", "human_observational"),
            ("sp-let7f-il6", "LET7F", "mk:decreases", "IL6", "human_observational"),
            ("sp-mir146a-msc-senescence", "MIR146A", "mk:increases", "MSC", "review_assertion"),
            ("sp-msc-il10", "MSC", "mk:secretes", "IL10", "review_assertion"),
            ("sp-msc-sle-trial", "MSC_THERAPY", "mk:ameliorates", "SLE", "human_trial"),
            ("sp-msc-tgfb", "MSC", "mk:secretes", "TGFB", "review_assertion"),
            ("sp-msct-th17", "MSC_THERAPY", "mk:decreases", "TH17", "review_assertion"),
            ("sp-msct-treg", "MSC_THERAPY", "mk:increases", "TREG", "review_assertion"),
            ("sp-ucmsc-mir199a", "UC_MSC", "mk:secretes", "MIR199A_5P", "review_assertion"),
        ],
    ),
    "entity-claims": (
        {"entity": "IL-10"},
        ("entity", "claim", "subject", "predicate", "aspect"),
        [
            ("IL10", "sp-exot-il10-ibd", "MSC_EXO_THERAPY", "mk:increases", "expression"),
            ("IL10", "sp-msc-il10", "MSC", "mk:secretes", ""),
        ],
    ),
    "evidence-summary": (
        {},
        ("disease", "evidence", "claims"),
        [
            ("IBD", "animal_model", "1"),
            ("IBD", "review_assertion", "2"),
            ("MS", "animal_model", "1"),
            ("SLE", "human_observational", "2"),
            ("SLE", "human_trial", "1"),
            ("SLE", "review_assertion", "13"),
        ],
    ),
    "exosome-cargo": (
        # the engineered exosome's cargo counts as an exosome's (ENGINEERED_EXOSOME broader EXOSOME)
        {"vesicle": "EXOSOME"},
        ("vesicle", "cargo", "effect", "aspect", "target", "claim", "effectClaim"),
        [
            ("EXOSOME", "MIR146A", "mk:increases", "senescence", "MSC", "sp-exo-mir146a", "sp-mir146a-msc-senescence"),
            ("EXOSOME", "MIR146A_ANTAGONIST", "", "", "", "sp-engexo-antagonist", ""),
        ],
    ),
    "flags": (
        {},
        ("flagged", "kind", "confidence"),
        [("sp-exot-lta-ibd", "contradicts_biology", "0.3")],
    ),
    "human-studies": (
        {"disease": "SLE"},
        ("disease", "therapy", "study", "n", "measure", "value", "unit", "timepoint"),
        [
            ("SLE", "MSC_THERAPY", "STUDY_SCR2018", "81", "OVERALL_SURVIVAL", "84", "%", "5 years"),
            ("SLE", "MSC_THERAPY", "STUDY_SCR2018", "81", "REMISSION_RATE", "34", "%", "5 years"),
        ],
    ),
    "observed-in-disease": (
        {"disease": "SLE"},
        ("disease", "entity", "predicate", "claim"),
        [("SLE", "LET7F", "mk:decreasedIn", "sp-let7f-down-sle")],
    ),
    "review-vs-primary": (
        {},
        ("reviewClaim", "primaryClaim", "doi", "evidence"),
        [],  # the fixture has no paraphrase claims; tests/rdf/test_primary_rdf.py checks rows on a curation that has
    ),
    "secreted-factors": (
        {"cell": "MSC"},
        ("cell", "factor", "claim", "disease"),
        [
            ("MSC", "IL10", "sp-msc-il10", "SLE"),
            ("MSC", "MIR199A_5P", "sp-ucmsc-mir199a", "SLE"),  # UC_MSC broader MSC
            ("MSC", "TGFB", "sp-msc-tgfb", "SLE"),
        ],
    ),
    "shared-mediators": (
        {"disease1": "SLE", "disease2": "IBD"},
        ("disease1", "disease2", "mediator", "claims1", "claims2"),
        [("SLE", "IBD", "IL10", "1", "1")],
    ),
    "study-figures": (
        {"study": "STUDY_SCR2018"},
        ("study", "measure", "value", "unit", "quote", "claim"),
        [
            ("STUDY_SCR2018", "OVERALL_SURVIVAL", "84", "%", "術后5年總生存率為84%", "sp-msc-sle-trial"),
            ("STUDY_SCR2018", "REMISSION_RATE", "34", "%", "5年疾病緩解率為34%", "sp-msc-sle-trial"),
        ],
    ),
    "th17-treg-claims": (
        {},
        ("disease", "claim", "subject", "predicate", "object"),
        [
            ("MS", "sp-msct-treg-ms-mouse", "MSC_EV", "mk:increases", "TREG"),
            ("SLE", "sp-il6-th17", "IL6", "mk:regulates", "TH17"),
            ("SLE", "sp-il6-treg", "IL6", "mk:regulates", "TREG"),
            ("SLE", "sp-msct-th17", "MSC_THERAPY", "mk:decreases", "TH17"),
            ("SLE", "sp-msct-treg", "MSC_THERAPY", "mk:increases", "TREG"),
        ],
    ),
    "therapies-for-disease": (
        {"disease": "IBD"},
        ("disease", "therapy", "claim", "evidence", "species", "study"),
        [("IBD", "MSC_THERAPY", "sp-msct-ibd-mouse", "animal_model", "MOUSE", "")],
    ),
    "ungrounded-entities": (
        {},
        ("entity", "type"),
        [
            ("ANTIINFLAMMATORY_CYTOKINE", "mk:ProteinFamilyOrComplex"),
            ("LET7F", "mk:MicroRNA"),
            ("MSC_EXO_THERAPY", "mk:Therapy"),
            ("OVERALL_SURVIVAL", "mk:ClinicalMeasure"),
            ("PROINFLAMMATORY_CYTOKINE", "mk:ProteinFamilyOrComplex"),
            ("REMISSION_RATE", "mk:ClinicalMeasure"),
        ],
    ),
}

# CONSTRUCT queries: params and the expected triples (subject, predicate, object as short names)
EXPECTED_GRAPHS: dict[str, tuple[dict[str, str], set[tuple[str, str, str]]]] = {
    "disease-subgraph": (
        {"disease": "MS"},
        {("MSC_EV", "mk:increases", "TREG")},
    ),
}


def short(term: object) -> str:
    """A term as the expectations write it: entity/claim ids bare, other IRIs as prefix:local, numbers by value."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for prefix in ("mke", "mkc"):
            if str(term).startswith(PREFIXES[prefix]):
                return str(term)[len(PREFIXES[prefix]) :]
        for prefix, iri in PREFIXES.items():
            if str(term).startswith(iri):
                return f"{prefix}:{str(term)[len(iri) :]}"
        return str(term)
    if isinstance(term, BNode):
        return "_:"
    assert isinstance(term, Literal)
    value = term.toPython()
    if isinstance(value, (Decimal, float)):
        return format(Decimal(str(value)).normalize(), "f")
    return str(term)


def comparable(result: object) -> object:
    """A store-independent form of a QueryResult: rows of canonical term keys, or the set of triples."""
    from mechkg.query.results import QueryResult

    assert isinstance(result, QueryResult)
    if result.graph is not None:
        return {tuple(short(t) for t in triple) for triple in result.graph}
    if result.kind == "ASK":
        return result.boolean
    return (result.vars, [tuple(_key(t) for t in row) for row in result.rows])


def _key(term: object) -> object:
    if isinstance(term, Literal):
        lang = term.language.lower() if term.language else None
        return ("literal", short(term), lang, str(term.datatype) if term.datatype and not lang else None)
    return short(term)


# Queries of place (issue #13 item 8): tests/data/sparql/curation/{entities/anatomy,claims/sites}.yaml
# state that SLE acts in the kidney and spleen (one quote) and that BM-MSCs and UC-MSCs come from
# the bone marrow and the umbilical cord; no claim of the fixture uses either cell, so no disease.
EXPECTED["disease-sites"] = (
    {"disease": "SLE"},
    ("disease", "site", "uberon", "claim", "quote"),
    [
        ("SLE", "KIDNEY", "obo:UBERON_0002113", "sp-sle-kidney", "脾臟及腎臟等靶器官"),
        ("SLE", "SPLEEN", "obo:UBERON_0002106", "sp-sle-spleen", "脾臟及腎臟等靶器官"),
    ],
)
EXPECTED["msc-tissue-sources"] = (
    {},
    ("tissue", "cell", "msc", "disease", "claim"),
    [
        ("BONE_MARROW", "BM_MSC", "true", "", "sp-bmmsc-bone-marrow"),
        ("UMBILICAL_CORD", "UC_MSC", "true", "SLE", "sp-ucmsc-cord"),
    ],
)

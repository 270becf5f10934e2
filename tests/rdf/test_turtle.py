"""Turtle: subjects in IRI order, MechKG's prefixes, the same bytes in every process, an isomorphic round trip.

The round trip is also checked over generated curations (hypothesis): a few entities with odd
bilingual labels, claims between them whose quotes are spans of a generated source text; each
loads, becomes RDF, serialises to Turtle, re-parses to an isomorphic graph and re-serialises to
the same bytes.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import yaml
from conftest import MINI, MINI_SOURCES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from mechkg.ingest.hanzi import simplified_only, standard_traditional
from mechkg.ingest.load import load_curation
from mechkg.ingest.model import ENTITY_CLASSES, EVIDENCE_LEVELS
from mechkg.rdf.triples import curation_graph
from mechkg.rdf.turtle import serialize_turtle

NO_LEXICONS = Path(tempfile.gettempdir()) / "mechkg-no-lexicons-here"


def mini_graph() -> Graph:
    return curation_graph(load_curation(MINI, sources_dir=MINI_SOURCES))


def test_turtle_round_trip_is_isomorphic():
    g = mini_graph()
    again = Graph().parse(data=serialize_turtle(g), format="turtle")
    assert isomorphic(g, again)


def test_subjects_in_iri_order_with_mechkg_prefixes():
    g = Graph()
    for name in ("zeta", "alpha", "Mid"):
        g.add(
            (
                URIRef(f"https://w3id.org/mechkg/entity/{name}"),
                URIRef("http://www.w3.org/2000/01/rdf-schema#label"),
                Literal(name),
            )
        )
    text = serialize_turtle(g).decode("utf-8")
    assert "@prefix mke: <https://w3id.org/mechkg/entity/> ." in text
    assert text.index("mke:Mid") < text.index("mke:alpha") < text.index("mke:zeta")


def test_adding_a_reference_does_not_move_other_subjects():
    g = mini_graph()
    before = serialize_turtle(g).decode("utf-8").split("\n\n")
    # rdflib's own order (fewest references first) would move mke:HUMAN's block
    g.add(
        (
            URIRef("https://w3id.org/mechkg/entity/ZZZ"),
            URIRef("https://w3id.org/mechkg/vocab/uses"),
            URIRef("https://w3id.org/mechkg/entity/HUMAN"),
        )
    )
    after = serialize_turtle(g).decode("utf-8").split("\n\n")
    assert [block for block in after if not block.startswith("mke:ZZZ")] == before
    assert len(after) == len(before) + 1


@pytest.mark.slow
def test_serialisation_is_byte_identical_across_processes():
    """Hash randomisation differs between processes; the bytes must not."""
    code = (
        "import sys; from pathlib import Path; from mechkg.ingest.load import load_curation; "
        "from mechkg.rdf.triples import curation_graph; from mechkg.rdf.turtle import serialize_turtle; "
        f"c = load_curation(Path({str(MINI)!r}), sources_dir=Path({str(MINI_SOURCES)!r})); "
        "sys.stdout.buffer.write(serialize_turtle(curation_graph(c)))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, check=True, env={"PYTHONHASHSEED": seed, "PATH": ""}
        ).stdout
        for seed in ("0", "1", "12345")
    }
    assert len(outputs) == 1
    assert outputs.pop() == serialize_turtle(mini_graph())


# --- generated curations ---------------------------------------------------------------------------

# Traditional Chinese, other CJK, Latin with diacritics, Greek, symbols, markup-ish and quote characters.
_CJK = "".join(ch for ch in "系統性紅斑狼瘡間充質干細胞白介素調節性免疫外泌體骨髓臍帶炎症因子𠀋龜鬱" if not simplified_only(ch))
_ODD = "αβγκ–—'\"\\<>&{}[]#:;,.!?%@`|*~^ \u00a0éüß漢字한글カナ🧬"
_ALPHABET = _CJK + _ODD + "abcXYZ0123456789-_/+"

text = st.text(alphabet=_ALPHABET, min_size=1, max_size=24).filter(lambda s: s.strip() != "")
zh_text = st.text(alphabet=_CJK + "0123456789-+/() αβ", min_size=1, max_size=12).filter(lambda s: s.strip() != "")
zh_label = zh_text.map(standard_traditional)  # a label must be in standard Traditional forms (validate checks)
sentence = st.text(alphabet=_CJK + "0123456789,()/αβ-", min_size=4, max_size=40)


@st.composite
def curations(draw) -> tuple[dict[str, list], str]:
    """(files of a curation folder as YAML-able records, the source text)."""
    heading = draw(st.text(alphabet=_CJK, min_size=2, max_size=10))
    body = draw(st.lists(sentence, min_size=1, max_size=4))
    source_text = heading + "\n" + "\n".join(body) + "\n"
    ids = draw(st.lists(st.from_regex(r"[A-Z][A-Z0-9_]{0,6}", fullmatch=True), min_size=2, max_size=5, unique=True))
    entities = []
    for entity_id in ids:
        entity = {
            "id": entity_id,
            "type": draw(st.sampled_from([c for c in ENTITY_CLASSES if c != "Therapy"])),
            "label": {"en": draw(text), "zh-Hant": draw(zh_label)},
            "ungrounded": "generated for a property test",
        }
        if draw(st.booleans()):
            entity["synonyms"] = draw(st.lists(text, max_size=3))
        if draw(st.booleans()):
            entity["definition"] = draw(text)
        entities.append(entity)
    diseases = [e["id"] for e in entities if e["type"] == "Disease"]
    claims = []
    for number in range(draw(st.integers(min_value=1, max_value=6))):
        start = draw(st.integers(min_value=0, max_value=len(source_text) - 2))
        end = draw(st.integers(min_value=start + 2, max_value=len(source_text)))
        claim = {
            "id": f"c{number}",
            "subject": draw(st.sampled_from(ids)),
            "predicate": draw(st.sampled_from(["increases", "decreases", "associatedWith", "contributesTo"])),
            "object": draw(st.sampled_from(ids)),
            "source": "gen",
            "section": heading,
            "quote": source_text[start:end],
            "statement": draw(text),
            "evidence": draw(st.sampled_from(sorted(EVIDENCE_LEVELS))),
            "confidence": draw(st.floats(min_value=0.0, max_value=1.0, allow_nan=False).map(lambda x: round(x, 3))),
        }
        if diseases and draw(st.booleans()):
            claim["disease"] = [draw(st.sampled_from(diseases))]
        if draw(st.booleans()):
            claim["notes"] = draw(text)
        claims.append(claim)
    source = {
        "id": "gen",
        "title": {"zh-Hant": draw(zh_text), "en": draw(text)},
        "kind": "generated text",
        "language": "zh-Hant",
        "file": "gen.txt",
        "sha256": hashlib.sha256(source_text.encode("utf-8")).hexdigest(),
    }
    if draw(st.booleans()):
        source["url"] = "https://example.org/" + draw(st.from_regex(r"[A-Za-z0-9._~%!$&'()*+,;=:@/?-]{0,30}", fullmatch=True))
    files = {"sources.yaml": [source], "entities/gen.yaml": entities, "claims/gen.yaml": claims}
    return files, source_text


def _write(root: Path, files: dict[str, list], source_text: str) -> Path:
    for name, records in files.items():
        path = root / "curation" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (root / "sources").mkdir()
    (root / "sources" / "gen.txt").write_bytes(source_text.encode("utf-8"))
    return root / "curation"


@pytest.mark.slow
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(curations())
def test_generated_curation_round_trips_through_turtle(generated):
    files, source_text = generated
    with tempfile.TemporaryDirectory() as folder:
        root = _write(Path(folder), files, source_text)
        curation = load_curation(root, sources_dir=Path(folder) / "sources", lexicons_dir=NO_LEXICONS)
    assert len(curation.claims) == len(files["claims/gen.yaml"])
    rdf = curation_graph(curation, with_ontology=False)
    turtle = serialize_turtle(rdf)
    again = Graph().parse(data=turtle, format="turtle")
    assert isomorphic(rdf, again)
    assert serialize_turtle(again) == turtle
    for claim in files["claims/gen.yaml"]:  # the quote survives exactly, as a zh-Hant literal
        assert f'"{claim["quote"]}"' in turtle.decode("utf-8") or claim["quote"] in {
            str(o) for o in again.objects() if getattr(o, "language", None) == "zh-hant"
        }

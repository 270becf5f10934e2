"""Properties of the loader and the RDF round trip, over generated curations (hypothesis).

1. Any valid generated curation (a few entities with odd bilingual labels, claims between them
   whose quotes are spans of a generated source text) loads, becomes RDF, serialises to Turtle,
   re-parses to an isomorphic graph, and re-serialises to the same bytes.
2. Any small mutation of a valid curation file (a line deleted or doubled, two characters
   swapped, the file cut short, a character inserted) either still loads or is reported as a
   :class:`CurationError` whose every problem names a file of the curation and a line in it —
   never another exception.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from pathlib import Path

import yaml
from conftest import MINI, MINI_SOURCES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph
from rdflib.compare import isomorphic

from mechkg.errors import CurationError
from mechkg.ingest.hanzi import simplified_only
from mechkg.ingest.load import load_curation
from mechkg.ingest.model import ENTITY_CLASSES, EVIDENCE_LEVELS
from mechkg.rdf.triples import curation_graph, serialize_turtle

NO_LEXICONS = Path(tempfile.gettempdir()) / "mechkg-no-lexicons-here"

# Traditional Chinese, other CJK, Latin with diacritics, Greek, symbols, markup-ish and quote characters.
_CJK = "".join(ch for ch in "系統性紅斑狼瘡間充質干細胞白介素調節性免疫外泌體骨髓臍帶炎症因子𠀋龜鬱" if not simplified_only(ch))
_ODD = "αβγκ–—'\"\\<>&{}[]#:;,.!?%@`|*~^ \u00a0éüß漢字한글カナ🧬"
_ALPHABET = _CJK + _ODD + "abcXYZ0123456789-_/+"

text = st.text(alphabet=_ALPHABET, min_size=1, max_size=24).filter(lambda s: s.strip() != "")
zh_text = st.text(alphabet=_CJK + "0123456789-+/() αβ", min_size=1, max_size=12).filter(lambda s: s.strip() != "")
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
            "label": {"en": draw(text), "zh-Hant": draw(zh_text)},
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


# --- mutations of a valid file ------------------------------------------------------------------

MINI_FILES = sorted(p.relative_to(MINI).as_posix() for p in MINI.rglob("*.yaml"))


def _mutate(text: str, kind: str, where: float, other: float, char: str) -> str:
    lines = text.splitlines(keepends=True)
    position = int(where * len(text))
    if kind == "delete line" and lines:
        del lines[int(where * len(lines))]
        return "".join(lines)
    if kind == "duplicate line" and lines:
        index = int(where * len(lines))
        lines.insert(index, lines[index])
        return "".join(lines)
    if kind == "swap characters" and len(text) > 1:
        first, second = sorted((position, int(other * len(text))))
        if first == second:
            return text
        return text[:first] + text[second] + text[first + 1 : second] + text[first] + text[second + 1 :]
    if kind == "truncate":
        return text[:position]
    if kind == "insert character":
        return text[:position] + char + text[position:]
    return text


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    file=st.sampled_from(MINI_FILES),
    kind=st.sampled_from(["delete line", "duplicate line", "swap characters", "truncate", "insert character"]),
    where=st.floats(min_value=0, max_value=0.999),
    other=st.floats(min_value=0, max_value=0.999),
    char=st.sampled_from(
        ["\t", ":", "-", "'", '"', "[", "{", "&", "*", "!", "#", "\x00", "\ufeff", "\r", "%", "|", ">", " ", "細"]
    ),
)
def test_any_mutation_is_still_valid_or_reported_with_file_and_line(file, kind, where, other, char):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "curation"
        shutil.copytree(MINI, root)
        path = root / file
        path.write_text(_mutate(path.read_text(encoding="utf-8"), kind, where, other, char), encoding="utf-8")
        line_counts = {p.relative_to(root).as_posix(): p.read_bytes().count(b"\n") + 1 for p in root.rglob("*.yaml")}
        try:
            load_curation(root, sources_dir=MINI_SOURCES, lexicons_dir=NO_LEXICONS)
        except CurationError as error:
            assert error.problems
            for problem in error.problems:
                assert problem.file in line_counts, problem
                assert 1 <= problem.line <= line_counts[problem.file], problem
                assert str(problem).startswith(f"{problem.file}:{problem.line}: ")

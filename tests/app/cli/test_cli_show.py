"""`mechkg show`: one entity by any of its names, answered from the compiled graph.

A compiled graph that is truncated, has a flipped byte or was made from other inputs is never
read: the answer is rebuilt from the curation and is the same as a fresh build's.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import curation_args, run

from mechkg.app.cache import cached_path
from mechkg.app.fingerprint import fingerprint


def test_show_json_shape(mini: Path):
    code, stdout, _ = run("show", *curation_args(mini), "IL-6", "--format", "json")
    assert code == 0
    info = json.loads(stdout)
    assert set(info) == {"id", "iri", "type", "labels", "synonyms", "xrefs", "claims", "properties"}
    assert info["id"] == "IL6" and info["iri"] == "https://w3id.org/mechkg/entity/IL6"
    assert info["labels"] == {"en": "interleukin-6", "zh-Hant": "白細胞介素-6"}
    assert info["xrefs"] == ["HGNC:6018"]
    assert {c["id"] for c in info["claims"]} == {"mini-let7f-il6", "mini-il6-th17"}
    claim = next(c for c in info["claims"] if c["id"] == "mini-let7f-il6")
    for key in ("subject", "predicate", "object", "sign", "disease", "quote", "statement", "evidence", "confidence", "flags"):
        assert key in claim
    assert claim["sign"] == -1 and claim["evidence"] == "ECO:0006017"


@pytest.mark.parametrize("name", ["SLE", "sle", "系統性紅斑狼瘡", "Systemic Lupus Erythematosus", "紅斑狼瘡"])
def test_show_resolves_names_in_both_languages(mini: Path, name: str):
    code, stdout, _ = run("show", *curation_args(mini), name, "--format", "json")
    assert code == 0 and json.loads(stdout)["id"] == "SLE"


def test_show_unknown_and_ambiguous_names_exit_2(mini: Path):
    code, _, stderr = run("show", *curation_args(mini), "Th171")
    assert code == 2 and "TH17" in stderr and "candidates" in stderr
    entities = mini / "entities" / "entities.yaml"
    entities.write_text(
        entities.read_text(encoding="utf-8").replace("synonyms: [Th17]", "synonyms: [Th17, SLE]"), encoding="utf-8"
    )
    code, _, stderr = run("show", *curation_args(mini), "SLE")
    assert code == 0  # an exact id wins
    code, _, stderr = run("show", *curation_args(mini), "sle")
    assert code == 0
    entities.write_text(
        entities.read_text(encoding="utf-8").replace("synonyms: [Th17, SLE]", "synonyms: [Th17, lupus]"), encoding="utf-8"
    )
    code, _, stderr = run("show", *curation_args(mini), "lupus")
    assert code == 2 and "ambiguous" in stderr and "SLE" in stderr and "TH17" in stderr


def test_show_text_lists_quotes(mini: Path):
    code, stdout, _ = run("show", *curation_args(mini), "Let-7f")
    assert code == 0
    assert "LET7F —decreases (expression)→ IL6" in stdout
    assert "「Let-7f表達降低),導致促炎因子IL-6升高」" in stdout


@pytest.mark.slow
def test_packaged_show_sle_same_entity_in_both_languages():
    by_abbreviation = json.loads(run("show", "SLE", "--format", "json")[1])
    by_chinese = json.loads(run("show", "系統性紅斑狼瘡", "--format", "json")[1])
    assert by_abbreviation == by_chinese
    assert by_abbreviation["id"] == "SLE" and by_abbreviation["claims"]


def cache_file(curation: Path) -> Path:
    """Where show keeps the compiled graph of ``curation`` (sources and lexicons found by the rule, as show finds them)."""
    return cached_path(fingerprint(curation).key)


def test_the_first_show_compiles_the_graph_and_the_next_reads_it(mini: Path):
    code, first, stderr = run("show", *curation_args(mini), "IL6", "--format", "json")
    assert code == 0 and "mechkg: building the graph from the curation (none compiled yet" in stderr
    assert len(stderr.splitlines()) == 1 and cache_file(mini).is_file()
    code, again, stderr = run("show", *curation_args(mini), "IL6", "--format", "json")
    assert code == 0 and again == first and stderr == ""


@pytest.mark.parametrize("damage", ["truncated", "flipped byte", "flipped header byte", "empty", "not a compiled graph"])
def test_a_damaged_compiled_graph_is_rebuilt_never_read(mini: Path, damage: str):
    code, fresh, _ = run("show", *curation_args(mini), "IL6", "--format", "json")
    assert code == 0
    path = cache_file(mini)
    data = bytearray(path.read_bytes())
    if damage == "truncated":
        data = data[: len(data) // 2]
    elif damage == "flipped byte":
        data[-1000] ^= 0x01
    elif damage == "flipped header byte":
        data[20] ^= 0x80
    elif damage == "empty":
        data = bytearray()
    else:
        data = bytearray(b"PK\x03\x04" + bytes(100))
    path.write_bytes(bytes(data))
    code, answer, stderr = run("show", *curation_args(mini), "IL6", "--format", "json")
    assert code == 0 and answer == fresh
    assert (
        stderr.startswith("mechkg: building the graph from the curation (the compiled graph ") and len(stderr.splitlines()) == 1
    )
    assert "corrupt" in stderr or "not a compiled" in stderr
    assert run("show", *curation_args(mini), "IL6", "--format", "json")[2] == "", "the rebuilt graph was not cached again"


def test_one_changed_byte_of_curation_gives_the_new_answer(mini: Path):
    code, before, _ = run("show", *curation_args(mini), "IL6", "--format", "json")
    assert json.loads(before)["labels"]["en"] == "interleukin-6"
    entities = mini / "entities" / "entities.yaml"
    entities.write_bytes(entities.read_bytes().replace(b"interleukin-6", b"interleukin-7", 1))
    code, after, stderr = run("show", *curation_args(mini), "IL6", "--format", "json")
    assert code == 0 and json.loads(after)["labels"]["en"] == "interleukin-7"
    assert "the inputs changed since it was last compiled: curation/entities/entities.yaml" in stderr


def test_a_stale_graph_under_the_current_key_is_refused(mini: Path, tmp_path: Path):
    """A compiled graph of other inputs copied over the current one (its header names other inputs)."""
    other = tmp_path / "other"
    other.mkdir()
    import shutil

    shutil.copytree(mini, other / "curation")
    entities = other / "curation" / "entities" / "entities.yaml"
    entities.write_bytes(entities.read_bytes().replace(b"interleukin-6", b"interleukin-7", 1))
    assert run("show", *curation_args(other / "curation"), "IL6")[0] == 0
    assert run("show", *curation_args(mini), "IL6")[0] == 0
    cache_file(mini).write_bytes(cache_file(other / "curation").read_bytes())
    code, answer, stderr = run("show", *curation_args(mini), "IL6", "--format", "json")
    assert code == 0 and json.loads(answer)["labels"]["en"] == "interleukin-6"
    assert "is stale: made from other inputs" in stderr and "curation/entities/entities.yaml" in stderr


def test_an_invalid_curation_fails_as_before_and_caches_nothing(mini: Path):
    claims = mini / "claims" / "sle.yaml"
    claims.write_text(claims.read_text(encoding="utf-8").replace("object: IL6", "object: IL-6"), encoding="utf-8")
    code, _, stderr = run("show", *curation_args(mini), "IL6")
    assert code == 1 and "unknown entity 'IL-6'" in stderr
    assert not cache_file(mini).exists()


HEAVY = ("rdflib", "pyshacl", "pyvis", "jinja2", "pydantic", "pyoxigraph", "yaml")


@pytest.mark.slow
@pytest.mark.parametrize("command", [["show", "IL6"], ["path", "SLE", "MSC_THERAPY"]])
def test_a_fresh_compiled_graph_answers_without_the_heavy_libraries(mini: Path, command: list[str]):
    assert run(*command[:1], *curation_args(mini), *command[1:])[0] == 0  # compile it
    code = (
        "import sys\n"
        "from mechkg.app.cli import main\n"
        f"main({[*command[:1], *curation_args(mini), *command[1:]]!r}, standalone_mode=False)\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stderr.splitlines()[-1] == "[]"
    assert "building the graph" not in result.stderr


def test_a_clearly_nearest_spelling_is_shown_and_said_and_a_name_near_nothing_has_no_candidates(mini: Path):
    code, stdout, stderr = run("show", *curation_args(mini), "systemic lupus erythematosis", "--format", "json")
    assert code == 0 and json.loads(stdout)["id"] == "SLE"
    assert stderr.splitlines()[-1].startswith(
        'resolved "systemic lupus erythematosis" to SLE (systemic lupus erythematosus; fuzzy match '
    )
    code, stdout, stderr = run("show", *curation_args(mini), "aspirin")
    assert (code, stdout, stderr.splitlines()[-1]) == (2, "", "mechkg show: no entity named 'aspirin'")

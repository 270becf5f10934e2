"""mechkg.rdf.shape_cache: content keys, and remembered results that are bounded and never trusted blindly."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from shacl_cases import BREAKERS, sample_graph

from mechkg.rdf.shape_cache import MAX_BYTES, MAX_ENTRIES, cache_dir, canonical_ntriples, content_key, recall, remember
from mechkg.terms.vocab import MKE


@pytest.fixture(autouse=True)
def own_cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder for each test, in place of the user's."""
    monkeypatch.setenv("MECHKG_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_the_folder_is_the_override_or_the_per_user_cache(own_cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert cache_dir() == own_cache_dir / "shacl"
    monkeypatch.delenv("MECHKG_CACHE_DIR")
    from platformdirs import user_cache_dir

    assert cache_dir() == Path(user_cache_dir("mechkg")) / "shacl"


def test_the_key_depends_on_the_triples_not_their_order() -> None:
    data = sample_graph()
    reordered = Graph()
    for triple in sorted(data, reverse=True):
        reordered.add(triple)
    assert canonical_ntriples(data) == canonical_ntriples(reordered)
    assert content_key(data, b"engine 1") == content_key(reordered, b"engine 1")


def test_one_triple_or_one_input_changes_the_key() -> None:
    data = sample_graph()
    key = content_key(data, b"engine 1", b"shapes")
    changed = sample_graph()
    BREAKERS["claim evidence level hearsay"][2](changed)
    assert content_key(changed, b"engine 1", b"shapes") != key
    one_more = sample_graph()
    one_more.add((MKE.SLE, MKE.note, Literal("x")))
    assert content_key(one_more, b"engine 1", b"shapes") != key
    assert content_key(data, b"engine 2", b"shapes") != key
    assert content_key(data, b"engine 1", b"shapes.") != key
    assert content_key(data, b"engine 1s", b"hapes") != key  # the inputs' boundaries count
    assert len(key) == 64 and int(key, 16) >= 0


def test_remember_then_recall(own_cache_dir: Path) -> None:
    assert recall("a" * 64) is None
    remember("a" * 64, ["mke:X rdfs:label: 標籤"])
    assert recall("a" * 64) == ["mke:X rdfs:label: 標籤"]
    assert recall("b" * 64) is None
    assert sorted(p.name for p in (own_cache_dir / "shacl").iterdir()) == ["a" * 64 + ".json"]  # no temporary file left


def test_a_file_holding_another_key_is_not_trusted(own_cache_dir: Path) -> None:
    remember("a" * 64, [])
    os.replace(own_cache_dir / "shacl" / ("a" * 64 + ".json"), own_cache_dir / "shacl" / ("b" * 64 + ".json"))
    assert recall("b" * 64) is None


def test_at_most_max_entries_are_kept_least_recently_used_first_out(own_cache_dir: Path) -> None:
    keys = [f"{n:064x}" for n in range(MAX_ENTRIES + 5)]
    for age, key in enumerate(keys):
        remember(key, [])
        os.utime(own_cache_dir / "shacl" / f"{key}.json", (1_000_000 + age, 1_000_000 + age))
    assert [recall(key) for key in keys[:5]] == [None] * 5  # the five oldest went
    assert recall(keys[5]) == []  # used now: the newest
    remember(keys[0], [])  # one more: the oldest unused entry (keys[6]) goes
    kept = {p.stem for p in (own_cache_dir / "shacl").glob("*.json")}
    assert len(kept) == MAX_ENTRIES
    assert {keys[0], keys[5], keys[7], keys[-1]} <= kept and keys[6] not in kept


def test_a_huge_result_is_not_stored(own_cache_dir: Path) -> None:
    remember("c" * 64, ["x" * MAX_BYTES])
    assert recall("c" * 64) is None
    assert not list((own_cache_dir / "shacl").glob("*"))


def test_an_unwritable_folder_is_silently_skipped(own_cache_dir: Path) -> None:
    own_cache_dir.mkdir(parents=True)
    (own_cache_dir / "shacl").write_text("not a folder", encoding="utf-8")
    remember("d" * 64, [])
    assert recall("d" * 64) is None

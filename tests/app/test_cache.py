"""The per-user cache: a compiled graph per key, bounded, used only when whole, fresh and the user's own."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from conftest import MINI_SOURCES

from mechkg.app import cache
from mechkg.app.cache import KEEP, cache_dir, cached_path, load_compiled, store
from mechkg.app.fingerprint import fingerprint


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("MECHKG_CACHE_DIR", str(folder))
    return folder


def test_the_cache_folder_is_the_environment_variable_else_the_platforms(own_cache: Path, monkeypatch: pytest.MonkeyPatch):
    assert cache_dir() == own_cache
    monkeypatch.delenv("MECHKG_CACHE_DIR")
    from platformdirs import user_cache_dir

    assert cache_dir() == Path(user_cache_dir("mechkg", appauthor=False))


def test_store_keeps_only_the_newest(own_cache: Path):
    for number in range(KEEP + 2):
        store(b"x", f"{number:064x}")
        os.utime(cached_path(f"{number:064x}"), ns=(number * 10**9, number * 10**9))
    store(b"y", "f" * 64)
    kept = sorted(p.name for p in own_cache.iterdir())
    assert len(kept) == KEEP and f"{'f' * 64}.compiled" in kept and f"{0:064x}.compiled" not in kept


def said(mini: Path) -> tuple[object, list[str]]:
    lines: list[str] = []
    compiled = load_compiled(mini, MINI_SOURCES, say=lines.append)
    return compiled, lines


def test_a_miss_builds_and_keeps_a_hit_does_not(mini: Path):
    first, lines = said(mini)
    assert len(lines) == 1 and "none compiled yet" in lines[0]
    assert cached_path(fingerprint(mini, MINI_SOURCES).key).is_file()
    second, lines = said(mini)
    assert lines == [] and set(second.network) == set(first.network)  # type: ignore[attr-defined]


def test_a_hit_marks_the_graph_recently_used(mini: Path):
    said(mini)
    path = cached_path(fingerprint(mini, MINI_SOURCES).key)
    os.utime(path, (1, 1))
    said(mini)
    assert path.stat().st_mtime > time.time() - 60


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_file_others_may_write_is_not_loaded(mini: Path):
    said(mini)
    path = cached_path(fingerprint(mini, MINI_SOURCES).key)
    path.chmod(0o666)
    _, lines = said(mini)
    assert len(lines) == 1 and "is not this user's own file" in lines[0]
    assert path.stat().st_mode & 0o022 == 0, "the rebuilt graph replaced the unsafe file"


def test_a_cache_that_cannot_be_written_does_not_stop_the_answer(mini: Path, own_cache: Path):
    own_cache.parent.mkdir(exist_ok=True)
    own_cache.write_text("a file where the folder should be", encoding="utf-8")
    compiled, lines = said(mini)
    assert "IL6" in compiled.network  # type: ignore[attr-defined]
    assert len(lines) == 2 and lines[1].startswith("mechkg: could not keep the compiled graph")


def test_inputs_edited_while_compiling_are_not_cached(mini: Path, monkeypatch: pytest.MonkeyPatch):
    real = cache.compile_graph

    def compile_then_edit(*args: object, **kwargs: object):
        compiled = real(*args, **kwargs)  # type: ignore[arg-type]
        claims = mini / "claims" / "sle.yaml"
        claims.write_bytes(claims.read_bytes() + b"\n")
        return compiled

    monkeypatch.setattr(cache, "compile_graph", compile_then_edit)
    key = fingerprint(mini, MINI_SOURCES).key
    said(mini)
    assert not cached_path(key).exists()

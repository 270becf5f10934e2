"""The byte-bounded cache: it counts bytes of text, not entries."""

from __future__ import annotations

from mechkg.query.memo import TextCache


def test_many_large_texts_stay_within_the_budget():
    cache: TextCache[int] = TextCache(budget=100_000)
    for i in range(300):
        cache.get_or_make(f"{i} " + "x" * 10_000, len)
    assert cache.size <= 100_000 and len(cache) <= 10


def test_a_text_over_an_eighth_of_the_budget_is_made_but_never_kept():
    cache: TextCache[int] = TextCache(budget=800)
    assert cache.get_or_make("y" * 101, len) == 101 and len(cache) == 0


def test_remembered_values_are_not_made_again_and_weights_count():
    made: list[str] = []
    cache: TextCache[str] = TextCache(budget=1000, weight=10)
    for _ in range(3):
        cache.get_or_make("abc", lambda t: made.append(t) or t.upper())
    assert made == ["abc"] and cache.size == 30
    cache.clear()
    assert len(cache) == 0 and cache.size == 0

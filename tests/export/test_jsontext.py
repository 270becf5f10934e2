"""Indented JSON text: the bytes of ``json.dumps(..., ensure_ascii=False, indent=1)``, for any JSON value."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mechkg.export.jsontext import dumps


def stdlib(value, sort_keys: bool) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=1, sort_keys=sort_keys) + "\n").encode("utf-8")


scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30,
)


@settings(max_examples=200)
@given(values, st.booleans())
def test_any_value_is_written_as_the_json_module_writes_it(value, sort_keys):
    assert dumps(value, sort_keys=sort_keys) == stdlib(value, sort_keys)


def test_an_object_that_occurs_again_is_written_again_at_its_own_depth():
    claim = {"id": "c1", "flags": [{"kind": "doubtful"}], "disease": []}
    document = {"b": [claim, claim, {"deeper": claim}], "a": claim}
    assert dumps(document, sort_keys=True) == stdlib(document, True)
    assert dumps(document) == stdlib(document, False)


def test_subclasses_of_str_int_float_are_written_as_their_values():
    class Name(str):
        pass

    class Count(int):
        pass

    value = {"name": Name("IL-6"), Name("key"): [Count(3), 1.5, float("nan"), float("-inf")]}
    assert dumps(value) == stdlib(value, False)


@pytest.mark.parametrize("value", [{1: "a"}, {"a": object()}, [b"bytes"]])
def test_what_json_cannot_write_raises_type_error(value):
    with pytest.raises(TypeError):
        dumps(value)

"""Safe YAML with lines: values remember where they are; tags, repeated keys, runaway aliases and nesting are refused."""

from __future__ import annotations

import pytest

from mechkg.ingest.yaml_lines import MAX_ALIAS_VALUES, MAX_DEPTH, LocatedDict, LocatedList, YamlProblem, read_yaml_text


def problem(text: str) -> str:
    with pytest.raises(YamlProblem) as caught:
        read_yaml_text(text, "x.yaml")
    return str(caught.value.problem)


def test_fields_are_dotted_paths_within_a_record():
    assert problem("- id: X\n  xrefs:\n    - {curie: a, curie: b}\n").startswith("x.yaml:3: xrefs.0.curie: duplicate key")


def test_every_mapping_and_list_knows_its_lines():
    doc = read_yaml_text("- id: S\n  figures:\n    - {id: a, value: 1.5}\n    - id: b\n      value: 2\n", "x.yaml")
    assert isinstance(doc, LocatedList) and doc.lines == [1]
    record = doc[0]
    assert isinstance(record, LocatedDict) and record.lines == {"id": 1, "figures": 2}
    assert record["figures"].lines == [3, 4]
    assert record["figures"][1].lines == {"id": 4, "value": 5}
    assert record == {"id": "S", "figures": [{"id": "a", "value": 1.5}, {"id": "b", "value": 2}]}


def test_an_empty_document_is_none():
    assert read_yaml_text("", "x.yaml") is None
    assert read_yaml_text("# only a comment\n", "x.yaml") is None


def test_merge_keys_and_a_few_aliases_are_fine():
    doc = read_yaml_text("- &base {a: 1}\n- {<<: *base, b: 2}\n- *base\n", "x.yaml")
    assert doc == [{"a": 1}, {"a": 1, "b": 2}, {"a": 1}]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- id: X\n  id: Y\n", "x.yaml:2: id: duplicate key (first on line 1); keep one"),
        ("- id: X\n  1: Y\n", "x.yaml:2: 1: key 1 must be text (quote it)"),
        ("- id: X\n  ? [a]\n  : Y\n", "x.yaml:2: a key must be a plain word"),
        ("- !!python/name:os.system x\n", "x.yaml:1: YAML tag 'tag:yaml.org,2002:python/name:os.system' is not allowed"),
        ("- id: !!str 12\n", "x.yaml:1: id: YAML tag 'tag:yaml.org,2002:str' is not allowed"),
        ("- !!set {a: null}\n", "x.yaml:1: YAML tag 'tag:yaml.org,2002:set' is not allowed"),
        ("- id: [unclosed\n", "x.yaml:1: not valid YAML: "),
        ("- id: X\n  quote: a\x00b\n", "x.yaml:2: not valid YAML: control character U+0000 is not allowed; remove it"),
    ],
)
def test_what_is_refused_is_reported_with_line_and_field(text, expected):
    assert problem(text).startswith(expected)


def test_nesting_deeper_than_the_limit_is_refused():
    assert read_yaml_text("- " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n", "x.yaml") is not None
    assert f"nested deeper than {MAX_DEPTH} levels" in problem("- " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n")


def test_a_billion_laughs_is_refused_at_the_anchor():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 9)]
    text = "- " + "\n  ".join(lines) + "\n"
    message = problem(text)
    assert f"anchors and aliases expand to more than {MAX_ALIAS_VALUES:,} values" in message
    assert message.startswith("x.yaml:")

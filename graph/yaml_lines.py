"""Safe YAML reading that remembers where every value came from.

PyYAML's safe loader is used for scalars (no Python objects can be constructed); mappings and
sequences are rebuilt here so that each keeps the line of each of its keys and items, and so
that a repeated key is an error instead of silently keeping the last value.

>>> doc = read_yaml_text("- id: IL6\\n  type: GeneProduct\\n", "e.yaml")
>>> doc[0]["type"], doc[0].lines["type"]
('GeneProduct', 2)
"""

from __future__ import annotations

from typing import Any

import yaml

from graph.errors import Problem

__all__ = ["MAX_DEPTH", "MAX_FILE_BYTES", "LocatedDict", "LocatedList", "YamlProblem", "read_yaml_text"]

MAX_FILE_BYTES = 5_000_000
"""A curation file larger than this is refused (the whole article's curation is ~100 kB)."""
MAX_DEPTH = 12
"""Curation records nest at most four levels; anything much deeper is a mistake or an attack."""


class YamlProblem(Exception):
    """The text is not a readable curation YAML file."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


class LocatedDict(dict[str, Any]):
    """A mapping that knows its own line and the line of each key."""

    line: int
    lines: dict[str, int]


class LocatedList(list[Any]):
    """A sequence that knows its own line and the line of each item."""

    line: int
    lines: list[int]


_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when PyYAML has it (ten times faster), else the pure-Python one; both safe."""

_PLAIN_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _build(node: yaml.Node, loader: yaml.SafeLoader, file: str, depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise YamlProblem(Problem(file, _line(node), "", f"nested deeper than {MAX_DEPTH} levels"))
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in _PLAIN_TAGS:
        raise YamlProblem(
            Problem(file, _line(node), "", f"YAML tag {node.tag!r} is not allowed in curation files; write plain values")
        )
    if isinstance(node, yaml.MappingNode):
        result = LocatedDict()
        result.line, result.lines = _line(node), {}
        loader.flatten_mapping(node)
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem(Problem(file, _line(key_node), "", "a key must be a plain word"))
            key = loader.construct_object(key_node)
            if not isinstance(key, str):
                raise YamlProblem(Problem(file, _line(key_node), str(key), f"key {key!r} must be text (quote it)"))
            if key in result:
                raise YamlProblem(
                    Problem(
                        file,
                        _line(key_node),
                        key,
                        f"duplicate key (first on line {result.lines[key]}); keep one",
                    )
                )
            result[key] = _build(value_node, loader, file, depth + 1)
            result.lines[key] = _line(key_node)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = LocatedList()
        items.line, items.lines = _line(node), []
        for item in node.value:
            items.append(_build(item, loader, file, depth + 1))
            items.lines.append(_line(item))
        return items
    return loader.construct_object(node, deep=True)


def read_yaml_text(text: str, file: str) -> Any:
    """Parse one YAML document into plain values with line numbers kept.

    Raises :class:`YamlProblem` (with the file, line and what is wrong) for malformed YAML,
    tags that would construct objects, repeated keys, non-text keys and runaway nesting.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        return None if node is None else _build(node, loader, file, 0)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 0
        what = " ".join(part for part in (err.context, err.problem) if part)
        if "constructor for the tag" in what:
            what += " (YAML tags are not allowed in curation files; write plain values)"
        raise YamlProblem(Problem(file, line, "", f"not valid YAML: {what}")) from None
    except yaml.YAMLError as err:
        raise YamlProblem(Problem(file, 0, "", f"not valid YAML: {err}")) from None
    except RecursionError:
        raise YamlProblem(Problem(file, 0, "", "nested too deeply to read")) from None
    finally:
        loader.dispose()

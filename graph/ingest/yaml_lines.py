"""Safe YAML reading that remembers where every value came from.

PyYAML's safe loader is used for scalars (no Python objects can be constructed); mappings and
sequences are rebuilt here so that each keeps the line of each of its keys and items, and so
that a repeated key is an error instead of silently keeping the last value.

>>> doc = read_yaml_text("- id: IL6\\n  type: GeneProduct\\n", "e.yaml")
>>> doc[0]["type"], doc[0].lines["type"]
('GeneProduct', 2)
"""

from __future__ import annotations

import re
from typing import Any, cast

import yaml

from mechkg.errors import Problem

__all__ = ["MAX_ALIAS_VALUES", "MAX_DEPTH", "MAX_FILE_BYTES", "LocatedDict", "LocatedList", "YamlProblem", "read_yaml_text"]

MAX_FILE_BYTES = 5_000_000
"""A curation file larger than this is refused (the whole article's curation is ~100 kB)."""
MAX_DEPTH = 12
"""Curation records nest at most four levels; anything much deeper is a mistake or an attack."""
MAX_ALIAS_VALUES = 10_000
"""Most values that ``*alias`` references may expand to in one file. Aliases share nodes, so nine
nested lists of nine aliases each (a "billion laughs" document) are a few hundred bytes that would
expand to 9**9 values; the expansion is counted and refused past this bound instead."""


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


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Control characters a curation text may not hold (YAML escapes such as "\\0" or "\\x1b" make them)."""


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _child(path: str, part: object) -> str:
    return f"{path}.{part}" if path else str(part)


def _field(path: str) -> str:
    """The dotted key path of a value, shortened when runaway nesting makes it long."""
    parts = path.split(".")
    return path if len(parts) <= 4 else ".".join([*parts[:3], "…"])


_PLAIN = "write plain values (quote text that YAML would read as something else)"


class _Builder:
    """Builds the located value of one document's nodes, refusing what a curation file may not hold.

    It counts the values built through aliases (``aliased``) and remembers the collection nodes
    already built once (``seen``): a collection node met a second time is an alias of an anchor.
    """

    def __init__(self, loader: yaml.SafeLoader, file: str) -> None:
        self.loader = loader
        self.file = file
        self.seen: set[int] = set()
        self.aliased = 0

    def problem(self, node: yaml.Node, path: str, message: str) -> YamlProblem:
        """The error for ``node``, at its line, with ``path`` as the field."""
        return YamlProblem(Problem(self.file, _line(node), _field(path), message))

    def build(self, node: yaml.Node, depth: int = 0, via_alias: bool = False, path: str = "") -> Any:
        """The value of ``node`` with lines kept; ``path`` is its dotted key path within its record (the field)."""
        if isinstance(node, yaml.ScalarNode):
            if via_alias or depth > MAX_DEPTH:
                self.guard(node, depth, via_alias, path)
            return self.scalar(node, path)
        via_alias = via_alias or id(node) in self.seen
        self.seen.add(id(node))
        if via_alias or depth > MAX_DEPTH or node.tag not in _PLAIN_TAGS:
            self.guard(node, depth, via_alias, path)
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, depth, via_alias, path)
        return self.sequence(cast(yaml.SequenceNode, node), depth, via_alias, path)

    def guard(self, node: yaml.Node, depth: int, via_alias: bool, path: str) -> None:
        """Refuse runaway alias expansion, runaway nesting and tagged collections (build calls it only when one may apply)."""
        if via_alias:
            self.aliased += 1
            if self.aliased > MAX_ALIAS_VALUES:
                message = f"anchors and aliases expand to more than {MAX_ALIAS_VALUES:,} values (anchor on this line); "
                raise self.problem(node, path, message + "write the values out instead")
        if depth > MAX_DEPTH:
            raise self.problem(node, path, f"nested deeper than {MAX_DEPTH} levels")
        if not isinstance(node, yaml.ScalarNode) and node.tag not in _PLAIN_TAGS:
            raise self.problem(node, path, f"YAML tag {node.tag!r} is not allowed in curation files; {_PLAIN}")

    def mapping(self, node: yaml.MappingNode, depth: int, via_alias: bool, path: str) -> LocatedDict:
        """A mapping whose keys are text, each once, with the line of each key."""
        result = LocatedDict()
        result.line, result.lines = _line(node), {}
        self.loader.flatten_mapping(node)
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.problem(key_node, path, "a key must be a plain word")
            key = self.scalar(key_node, path)
            if not isinstance(key, str):
                raise self.problem(key_node, _child(path, key), f"key {key!r} must be text (quote it)")
            if key in result:
                raise self.problem(key_node, _child(path, key), f"duplicate key (first on line {result.lines[key]}); keep one")
            result[key] = self.build(value_node, depth + 1, via_alias, _child(path, key))
            result.lines[key] = _line(key_node)
        return result

    def sequence(self, node: yaml.SequenceNode, depth: int, via_alias: bool, path: str) -> LocatedList:
        """A sequence with the line of each item; the items of the top-level list are records, whose fields start afresh."""
        items = LocatedList()
        items.line, items.lines = _line(node), []
        for number, item in enumerate(node.value):
            items.append(self.build(item, depth + 1, via_alias, _child(path, number) if depth else ""))
            items.lines.append(_line(item))
        return items

    def scalar(self, node: yaml.ScalarNode, path: str) -> Any:
        """A plain or quoted scalar; any explicit tag (``!!python/…``, ``!!binary``, ``!!str``, ``!env``) is refused."""
        implicit = self.loader.resolve(yaml.ScalarNode, node.value, (True, False)) if not node.style else "tag:yaml.org,2002:str"
        if node.tag != implicit:
            raise self.problem(node, path, f"YAML tag {node.tag!r} is not allowed in curation files; {_PLAIN}")
        value = self.loader.construct_object(node, deep=True)
        if isinstance(value, str) and (bad := _CONTROL.search(value)):
            code = f"U+{ord(bad.group(0)):04X}"
            message = f"control character {code} is not allowed in curation text (only tab and line breaks are); remove it"
            raise self.problem(node, path, message)
        return value


def read_yaml_text(text: str, file: str) -> Any:
    """Parse one YAML document into plain values with line numbers kept.

    Raises :class:`YamlProblem` (with the file, line and what is wrong) for malformed YAML,
    tags that would construct objects, repeated keys, non-text keys, runaway nesting and
    aliases that expand past :data:`MAX_ALIAS_VALUES`.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        return None if node is None else _Builder(loader, file).build(node)
    except yaml.reader.ReaderError as err:  # a control character such as NUL
        line = text[: err.position].count("\n") + 1
        code = err.character if isinstance(err.character, int) else ord(err.character)
        raise YamlProblem(
            Problem(file, line, "", f"not valid YAML: control character U+{code:04X} is not allowed; remove it")
        ) from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 0
        what = " ".join(part for part in (err.context, err.problem) if part)
        if err.context_mark is not None and err.context_mark.line + 1 != line:
            start = err.context_mark.line + 1
            if "end of stream" in (err.problem or ""):  # runs to the end: the line where it began is the useful one
                what, line = f"{what} (reached the end of the file at line {line})", start
            else:
                what += f" (it began on line {start})"
        last = max(1, len(text.splitlines()))
        if line > last:  # libyaml places the end of the stream on a line after the last one
            what, line = f"{what} (at the end of the file)", last
        if "constructor for the tag" in what:
            what += f" (YAML tags are not allowed in curation files; {_PLAIN})"
        raise YamlProblem(Problem(file, line, "", f"not valid YAML: {what}")) from None
    except yaml.YAMLError as err:
        raise YamlProblem(Problem(file, 0, "", f"not valid YAML: {err}")) from None
    except RecursionError:
        raise YamlProblem(Problem(file, 0, "", "nested too deeply to read")) from None
    finally:
        loader.dispose()

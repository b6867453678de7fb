"""YAML parsing that remembers where each value came from, for ``path:line`` messages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from .errors import Problem

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """The safe loader (C-accelerated when available), except that an impossible date stays text.

    PyYAML raises a bare ValueError for ``2021-02-30``; as text, the schema check reports it with its line.
    """


def _timestamp_or_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)

KeyPath = tuple[str | int, ...]


@dataclass
class YamlDocument:
    """A parsed YAML document plus the 1-based line of every mapping key and list item."""

    data: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)
    first_line: int = 1

    def line_of(self, *path: str | int) -> int:
        """The line of ``path``, or of its nearest ancestor that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.first_line


def parse_yaml(text: str, path: str, first_line: int = 1) -> YamlDocument:
    """Parse one YAML document; a syntax error becomes a :class:`Problem` raised in a list.

    ``first_line`` shifts line numbers when the YAML is embedded (front matter starts on line 2).
    """
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        mark = _most_useful_mark(error)
        line = mark.line + first_line if mark is not None else first_line
        reason = getattr(error, "problem", None) or str(error)
        raise YamlSyntaxError(Problem(path, line, f"invalid YAML: {reason}")) from None
    finally:
        loader.dispose()
    document = YamlDocument(data, first_line=first_line)
    if node is not None:
        _record_lines(node, (), document.lines, first_line - 1)
    return document


def _most_useful_mark(error: yaml.YAMLError) -> yaml.Mark | None:
    """Where to send the user: an unclosed bracket or quote is best shown where it opened."""
    context = getattr(error, "context", None) or ""
    context_mark = getattr(error, "context_mark", None)
    if context_mark is not None and ("flow" in context or "quoted" in context):
        return context_mark
    return getattr(error, "problem_mark", None)


class YamlSyntaxError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def _record_lines(node: yaml.Node, path: KeyPath, lines: dict[KeyPath, int], offset: int) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key_path = (*path, str(key_node.value))
            lines[key_path] = key_node.start_mark.line + 1 + offset
            _record_lines(value_node, key_path, lines, offset)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            item_path = (*path, index)
            lines[item_path] = item.start_mark.line + 1 + offset
            _record_lines(item, item_path, lines, offset)

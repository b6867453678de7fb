"""Declarative checks for YAML mappings: every problem at once, with its line and a "did you mean"."""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .errors import Problem
from .yamlsource import KeyPath, YamlDocument

Check = Callable[[Any], str | None]


@dataclass(frozen=True)
class Kind:
    """What a value must be, and how to say so in a message."""

    label: str
    accepts: Callable[[Any], bool]


TEXT = Kind("text", lambda value: isinstance(value, str))
WHOLE_NUMBER = Kind("a whole number", lambda value: isinstance(value, int) and not isinstance(value, bool))
POSITIVE_NUMBER = Kind(
    "a whole number of at least 1",
    lambda value: isinstance(value, int) and not isinstance(value, bool) and value >= 1,
)
FLAG = Kind("true or false", lambda value: isinstance(value, bool))
DATE = Kind(
    "a date such as 2021-01-18",
    lambda value: isinstance(value, datetime.date) and not isinstance(value, datetime.datetime),
)
TEXT_LIST = Kind(
    "a list of text", lambda value: isinstance(value, list) and all(isinstance(item, str) for item in value)
)
PAGE_BOX = Kind(
    "[x, y, width, height] as fractions of the page, each from 0 to 1",
    lambda value: (
        isinstance(value, list)
        and len(value) == 4
        and all(isinstance(n, int | float) and not isinstance(n, bool) and 0 <= n <= 1 for n in value)
        and value[0] + value[2] <= 1.0001
        and value[1] + value[3] <= 1.0001
    ),
)
MAPPING = Kind("a mapping of keys to values", lambda value: isinstance(value, dict))
LIST = Kind("a list", lambda value: isinstance(value, list))


@dataclass(frozen=True)
class Field:
    kind: Kind
    required: bool = False
    default: Any = None
    nullable: bool = False
    check: Check | None = None


def check_mapping(
    data: Any,
    fields: Mapping[str, Field],
    document: YamlDocument,
    path: str,
    at: KeyPath = (),
) -> tuple[dict[str, Any], list[Problem]]:
    """Validate ``data`` (found at key path ``at`` of ``document``) against ``fields``.

    Returns the values with defaults filled in, and every problem found.
    """
    where = ".".join(str(part) for part in at)
    if not isinstance(data, dict):
        subject = f"'{where}'" if where else "the file"
        return {}, [Problem(path, document.line_of(*at), f"{subject} must be {MAPPING.label}")]
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    for key in data:
        if key not in fields:
            guess = difflib.get_close_matches(str(key), list(fields), n=1)
            hint = f" (did you mean '{guess[0]}'?)" if guess else ""
            problems.append(Problem(path, document.line_of(*at, str(key)), f"unknown key '{key}'{hint}"))
    for name, field in fields.items():
        qualified = f"{where}.{name}" if where else name
        if name not in data or (data[name] is None and not field.nullable):
            if field.required:
                problems.append(Problem(path, document.line_of(*at), f"missing required key '{qualified}'"))
            values[name] = field.default
            continue
        value = data[name]
        line = document.line_of(*at, name)
        if value is None:
            values[name] = None
        elif not field.kind.accepts(value):
            problems.append(Problem(path, line, f"'{qualified}' must be {field.kind.label}, not {value!r}"))
            values[name] = field.default
        elif field.check is not None and (message := field.check(value)):
            problems.append(Problem(path, line, f"'{qualified}' {message}"))
            values[name] = field.default
        else:
            values[name] = value
    return values, problems

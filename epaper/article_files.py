"""One article file, read and checked on its own: the part of loading that needs no issue, so it is cached."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .cache import BuildCache, digest
from .content_format import ARTICLE_FIELDS
from .errors import Problem, display_path
from .frontmatter import split_front_matter
from .markup import RenderedBody, Renderer, render_body
from .schema import check_mapping
from .xmltext import xml_text
from .yamlsource import YamlSyntaxError

MAX_ARTICLE_BYTES = 2_000_000
# the front matter lines that the checks needing the issue (made after the cache) may point at
LINES_NEEDED_LATER: set[tuple[str | int, ...]] = {("slug",), ("title",), ("page",)}


@dataclass
class ParsedArticle:
    """An article file after its front matter passed the schema check and its body was rendered."""

    values: dict[str, Any]
    lines: dict[tuple[str | int, ...], int]
    body_key: str
    lead: str
    paragraph_count: int


@dataclass
class ArticleFile:
    """One article file read and checked on its own (the part that needs no issue, so it can be cached)."""

    key: str
    parsed: ParsedArticle | None
    body: RenderedBody | None = None
    problems: list[Problem] = field(default_factory=list)


def shown_path(path: Path) -> str:
    """``display_path(path)``, resolving each folder once rather than every file of a large archive."""
    if path.is_symlink():  # resolves to wherever it points
        return display_path(path)
    return (Path(_shown_folder(path.parent, os.getcwd())) / path.name).as_posix()


@lru_cache(maxsize=4096)
def _shown_folder(folder: Path, working_folder: str) -> str:
    """The folder's ``display_path`` while ``working_folder`` is the working folder (part of the cache key)."""
    return display_path(folder)


def read_text(path: Path, problems: list[Problem]) -> str | None:
    try:
        if path.stat().st_size > MAX_ARTICLE_BYTES:
            problems.append(Problem(shown_path(path), None, f"larger than {MAX_ARTICLE_BYTES // 1_000_000} MB"))
            return None
        data = path.read_bytes()
    except OSError as error:
        problems.append(Problem(shown_path(path), None, f"cannot be read: {error.strerror}"))
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problems.append(Problem(shown_path(path), line, "is not UTF-8 text (save it as UTF-8)"))
    return None


def parse_article_file(path: Path, flavour: str, renderer: Renderer, cache: BuildCache) -> ArticleFile:
    problems: list[Problem] = []
    text = read_text(path, problems)
    if text is None:
        return ArticleFile("", None, problems=problems)
    key = f"{digest(text.encode())}:{flavour}"
    stored = cache.stored("parsed", [key], ParsedArticle)  # a file saved again with the same bytes
    if key in stored:
        return ArticleFile(key, stored[key])
    shown = shown_path(path)
    try:
        source = split_front_matter(text, shown)
    except YamlSyntaxError as error:
        return ArticleFile(key, None, problems=[error.problem])
    document = source.front_matter
    values, found = check_mapping(document.data, ARTICLE_FIELDS, document, shown)
    if found:
        return ArticleFile(key, None, problems=found)
    values = {name: _without_control_characters(value) for name, value in values.items()}
    body = render_body(renderer, xml_text(source.body))
    lead = body.paragraphs[0] if body.paragraphs else ""
    body_key = f"{digest(source.body.encode())}:{flavour}"
    lines = {key: line for key, line in document.lines.items() if key in LINES_NEEDED_LATER}
    parsed = ParsedArticle(values, lines, body_key, lead, len(body.paragraphs))
    return ArticleFile(key, parsed, body)


def _without_control_characters(value: Any) -> Any:
    """Text fields without the invisible control characters layout systems leave (no valid HTML or XML has them)."""
    if isinstance(value, str):
        return xml_text(value)
    if isinstance(value, list):
        return [_without_control_characters(item) for item in value]
    return value

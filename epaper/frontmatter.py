"""Split an article file into its YAML front matter and Markdown body."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import Problem
from .yamlsource import YamlDocument, YamlSyntaxError, parse_yaml

FENCE = "---"
FRONT_MATTER_FIRST_LINE = 2


@dataclass
class ArticleSource:
    front_matter: YamlDocument
    body: str


def split_front_matter(text: str, path: str) -> ArticleSource:
    """Parse ``---``-fenced front matter at the top of ``text``; raise YamlSyntaxError when malformed."""
    text = text.removeprefix("\ufeff")
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != FENCE:
        raise YamlSyntaxError(Problem(path, 1, "must start with '---' and YAML front matter"))
    for index in range(1, len(lines)):
        if lines[index].rstrip() in (FENCE, "..."):
            yaml_text = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1 :])
            return ArticleSource(parse_yaml(yaml_text, path, first_line=FRONT_MATTER_FIRST_LINE), body.strip("\n"))
    raise YamlSyntaxError(Problem(path, 1, "front matter is not closed by a '---' line"))

"""Markdown → HTML with markdown-it-py, tuned for Chinese text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

# A wrapped line between two of these joins without a space: browsers would show the newline as one.
WIDE_CHARACTER = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u2014\u2026\u201c-\u201d]")


@dataclass(frozen=True)
class RenderedBody:
    html: str
    paragraphs: list[str]


def make_renderer(allow_html: bool) -> MarkdownIt:
    """CommonMark plus tables and strikethrough; raw HTML is escaped unless ``allow_html``."""
    md = MarkdownIt("commonmark", {"html": allow_html, "typographer": False}).enable(["table", "strikethrough"])
    md.add_render_rule("softbreak", _cjk_softbreak)
    return md


def _cjk_softbreak(self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    before = tokens[idx - 1].content[-1:] if idx > 0 else ""
    after = tokens[idx + 1].content[:1] if idx + 1 < len(tokens) else ""
    if WIDE_CHARACTER.match(before) or WIDE_CHARACTER.match(after):
        return ""
    return "\n"


def render_body(md: MarkdownIt, body: str) -> RenderedBody:
    """The body's HTML and the plain text of its paragraphs (for summaries and feeds)."""
    env: dict[str, Any] = {}
    tokens = md.parse(body, env)
    paragraphs = [
        _plain_text(tokens[index + 1])
        for index, token in enumerate(tokens)
        if token.type == "paragraph_open" and index + 1 < len(tokens)
    ]
    return RenderedBody(md.renderer.render(tokens, md.options, env), [p for p in paragraphs if p])


def _plain_text(inline: Token) -> str:
    parts: list[str] = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            previous = parts[-1][-1:] if parts else ""
            parts.append("" if WIDE_CHARACTER.match(previous) else " ")
    return "".join(parts).strip()


SUMMARY_LENGTH = 120  # characters of a page description or feed item made from text (Chinese has no word spaces)


def summarize(paragraphs: Sequence[str]) -> str:
    """The first paragraph, cut at ``SUMMARY_LENGTH`` characters with an ellipsis."""
    text = next((paragraph for paragraph in paragraphs if paragraph), "")
    return text if len(text) <= SUMMARY_LENGTH else text[: SUMMARY_LENGTH - 1].rstrip() + "…"

"""Markdown → HTML with markdown-it-py, tuned for Chinese text.

markdown-it-py is the reference. Where ``markdown-it-pyrs`` (the Rust port of markdown-it) is installed,
it renders the bodies made only of the constructs it is known to render byte for byte as the reference
does (``accelerable``; tests/test_markup_accelerator.py compares the two): paragraphs, headings, rules
and entities, the prose of a news article. Anything else (emphasis, lists, quotes, tables, links, code, raw
HTML...) goes through markdown-it-py, and so does every body of a site that allows raw HTML. markdown-it-py
is imported only when a body needs it: a build that renders plain prose, or nothing, goes without it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.renderer import RendererHTML
    from markdown_it.token import Token
    from markdown_it.utils import EnvType, OptionsDict

try:
    import markdown_it_pyrs
except ImportError:  # pragma: no cover - the accelerator is optional: markdown-it-py renders everything
    markdown_it_pyrs = None  # type: ignore[assignment]

# A wrapped line between two of these joins without a space: browsers would show the newline as one.
WIDE_CHARACTER = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u2014\u2026\u201c-\u201d]")


@dataclass(frozen=True)
class RenderedBody:
    html: str
    paragraphs: list[str]


# What the accelerator is not trusted with: raw HTML and autolinks (<), quotes (>: an empty one differs),
# code (` and indented lines), escapes and hard breaks (\\, trailing spaces), links and images (their URLs
# are normalised differently), emphasis and strikethrough (the two judge delimiters beside Unicode punctuation
# differently), tables (| and a delimiter row without one, :- or -:), white space other than spaces and
# newlines (they trim U+3000 and the like differently), a line that starts or ends with a space, and lists
# (the accelerator's tree has no paragraphs in a tight list's items); and entities that may decode to white
# space (numeric ones, &NewLine; and &Tab;: the accelerator's newline from one is taken for a soft break).
OUTSIDE_ACCELERATOR_CHARACTERS = "<>`\\[]*_~|"
OUTSIDE_ACCELERATOR_SEQUENCES = (":-", "-:", "\n ", " \n")
OTHER_WHITE_SPACE = re.compile(r"[^\S\n ]")
LIST_ITEM_AFTER_NEWLINE = re.compile(r"\n(?:[-+]|\d+[.)])(?: |$)", re.MULTILINE)
WHITE_SPACE_ENTITY = re.compile("&(?:#|NewLine;|Tab;)")


@dataclass(frozen=True)
class Renderer:
    """The reference renderer, made when first needed, and, where installed and allowed, the accelerator (see the
    module's docstring)."""

    allow_html: bool
    accelerator: Any = None  # a markdown_it_pyrs.MarkdownIt configured like ``reference``, or None

    @cached_property
    def reference(self) -> MarkdownIt:
        """CommonMark plus tables and strikethrough; raw HTML is escaped unless ``allow_html``."""
        from markdown_it import MarkdownIt

        md = MarkdownIt("commonmark", {"html": self.allow_html, "typographer": False})
        md.enable(["table", "strikethrough"]).add_render_rule("softbreak", _cjk_softbreak)
        return md


def make_renderer(allow_html: bool, accelerate: bool = True) -> Renderer:
    """The site's renderer: raw HTML is escaped unless ``allow_html``, which leaves every body to the reference."""
    if not accelerate or allow_html or markdown_it_pyrs is None:
        return Renderer(allow_html)
    return Renderer(allow_html, markdown_it_pyrs.MarkdownIt("commonmark").enable_many(["table", "strikethrough"]))


def accelerable(body: str) -> bool:
    """Whether the accelerator renders ``body`` as the reference does.

    Substring tests, and patterns that begin with a fixed character, scan a body many times faster than one
    pattern of alternatives, which Python's ``re`` tries at every position (half the time of the accelerator).
    """
    return not (
        any(character in body for character in OUTSIDE_ACCELERATOR_CHARACTERS)
        or any(sequence in body for sequence in OUTSIDE_ACCELERATOR_SEQUENCES)
        or body.startswith(" ")
        or body.endswith(" ")
        or OTHER_WHITE_SPACE.search(body)
        or LIST_ITEM_AFTER_NEWLINE.search("\n" + body)
        or WHITE_SPACE_ENTITY.search(body)
    )


def _cjk_softbreak(self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    before = tokens[idx - 1].content[-1:] if idx > 0 else ""
    after = tokens[idx + 1].content[:1] if idx + 1 < len(tokens) else ""
    if WIDE_CHARACTER.match(before) or WIDE_CHARACTER.match(after):
        return ""
    return "\n"


def render_body(renderer: Renderer, body: str) -> RenderedBody:
    """The body's HTML and the plain text of its paragraphs (for summaries and feeds)."""
    if renderer.accelerator is not None and accelerable(body):
        return _accelerated(renderer.accelerator, body)
    md = renderer.reference
    env: dict[str, Any] = {}
    tokens = md.parse(body, env)
    paragraphs = [
        _plain_text(tokens[index + 1])
        for index, token in enumerate(tokens)
        if token.type == "paragraph_open" and index + 1 < len(tokens)
    ]
    return RenderedBody(md.renderer.render(tokens, md.options, env), [p for p in paragraphs if p])


def _accelerated(accelerator: Any, body: str) -> RenderedBody:
    """The accelerator's HTML with the reference's soft breaks, and the plain text of its paragraphs.

    In the HTML of an accelerable body a newline beside a wide character is a soft break (a newline that
    ends a block follows ``>`` and comes before ``<``), which the reference drops (``_cjk_softbreak``). The
    paragraphs' text is read from the same HTML, in less time than walking the accelerator's syntax tree.
    """
    rendered = accelerator.render(body)
    paragraphs = [_paragraph_text(inner) for inner in PARAGRAPH_HTML.findall(rendered)]
    return RenderedBody(SOFT_BREAK_BESIDE_WIDE.sub("", rendered), [p for p in paragraphs if p])


# A newline after or before a wide character; matched newline first, which ``re`` finds fast.
SOFT_BREAK_BESIDE_WIDE = re.compile(f"\n(?:(?<={WIDE_CHARACTER.pattern}\n)|(?={WIDE_CHARACTER.pattern}))")
SOFT_BREAK_AFTER_WIDE = re.compile(f"\n(?<={WIDE_CHARACTER.pattern}\n)")
# A paragraph of an accelerable body: its text holds no '<', so the first '</p>' closes it.
PARAGRAPH_HTML = re.compile(r"<p>(.*?)</p>", re.DOTALL)


def _paragraph_text(inner: str) -> str:
    """A paragraph's plain text from its HTML in an accelerable body: its soft breaks joined as the reference
    joins them (``_plain_text``: nothing after a wide character, else a space), its characters unescaped.

    Its only newlines are soft breaks (no entity that decodes to white space is accelerable), and a newline
    after an escaped character follows the escape's ';', no wide character either.
    """
    text = SOFT_BREAK_AFTER_WIDE.sub("", inner).replace("\n", " ")
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&").strip()


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

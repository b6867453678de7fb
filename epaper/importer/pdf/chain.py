"""The layout reading of a page as an ordered chain of named rules (markdown-it-py's rule chains are the model).

Each rule reads one print convention, in a module of its own whose docstring says which, and leaves
what it found in the page's state for the rules after it; its thresholds are in ems, in `ems.py`.
The order is the order in which a reader's eye settles a page: glyphs into lines (drop capitals,
typesetters' hyphens and underlines with them), the page's own furniture (and the adverts' copy on their
pictures) set apart, the body type measured, the pictures as printed and their captions, then headlines,
table rows, columns, subheads, and last the articles each headline governs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from .blocks import ArticleLayout, lay_out_articles
from .captions import Caption, find_captions
from .chars import Glyph, PdfPage
from .column_flow import flow_on_from_column_feet
from .column_heads import demote_column_heads
from .columns import Segment, build_segments, usual_size
from .drop_capitals import join_drop_capitals
from .furniture import Masthead, separate_furniture
from .geometry import Box
from .heading_blocks import stack_heading_blocks
from .heads import HeadGroup, group_heads, heading_lines
from .hyphenation import typesetters_hyphens
from .interruptions import join_interrupted_text
from .notices import standing_notices
from .picture_text import printed_on_pictures
from .pictures import visible_pictures
from .ruled_parts import join_ruled_parts
from .run_in_titles import split_run_in_titles
from .subheads import demote_subheads, first_subheads
from .table_titles import demote_table_titles
from .tables import merge_table_rows
from .textlines import TextLine, build_lines
from .underlines import without_underlines


@dataclass
class PageState:
    """What the rules have read of one page so far."""

    page: PdfPage
    lines: list[TextLine] = field(default_factory=list)
    """Every text line of the page, top to bottom."""
    stray: list[Glyph] = field(default_factory=list)
    """Glyphs that fit no line."""
    text: list[TextLine] = field(default_factory=list)
    """Lines that no rule has claimed yet (as furniture, caption or headline): the running text, in the end."""
    furniture: list[TextLine] = field(default_factory=list)
    masthead: Masthead = field(default_factory=Masthead)
    body_size: float = 10.0
    body_font: str = ""
    pictures: list[Box] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    headings: list[TextLine] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    heads: list[HeadGroup] = field(default_factory=list)
    layouts: list[ArticleLayout] = field(default_factory=list)


@dataclass(frozen=True)
class Rule:
    name: str
    apply: Callable[[PageState], None]


def _lines(state: PageState) -> None:
    """textlines: glyphs on a baseline (or stacked top to bottom) with the spaces their gaps mean."""
    found = build_lines(state.page.glyphs, state.page.rules)
    state.lines, state.stray = found.lines, found.stray
    state.text = list(found.lines)


def _drop_capitals(state: PageState) -> None:
    """drop_capitals: a letter set lines tall at a paragraph's head is its first letter, not a headline."""
    state.lines = join_drop_capitals(state.lines)
    state.text = list(state.lines)


def _hyphenation(state: PageState) -> None:
    """hyphenation: where the page breaks words at its lines' ends, the hyphen breaking one is no part of it."""
    state.lines = typesetters_hyphens(state.lines)
    state.text = list(state.lines)


def _underlines(state: PageState) -> None:
    """underlines: a rule through the descenders of a heading or link underlines it; it separates nothing."""
    state.page = replace(state.page, rules=without_underlines(state.page.rules, state.lines))


def _furniture(state: PageState) -> None:
    """furniture: masthead, running header, footer, editor lines and advertisements belong to the page."""
    parts = separate_furniture(state.page, state.text)
    state.text, state.furniture, state.masthead = parts.content, parts.furniture, parts.masthead


def _picture_text(state: PageState) -> None:
    """picture_text: type of its own set inside a picture (an advert's copy) is the picture's, not an article."""
    page = state.page
    on_pictures = {id(line) for line in printed_on_pictures(state.text, page.pictures, page.width, page.height)}
    state.furniture += [line for line in state.text if id(line) in on_pictures]
    state.text = [line for line in state.text if id(line) not in on_pictures]


def _body_type(state: PageState) -> None:
    """columns: the body type is the size (and font) most glyphs are set in; every em is measured from it."""
    state.body_size = usual_size(state.text)
    fonts = Counter(line.font for line in state.text if line.size == state.body_size).most_common(1)
    state.body_font = fonts[0][0] if fonts else ""


def _notices(state: PageState) -> None:
    """notices: small print boxed by rules under the header, before any story, is the page's standing notice."""
    notice = standing_notices(state.text, state.page.rules, state.body_size, state.body_font)
    state.furniture += notice
    state.text = [line for line in state.text if line not in notice]


def _pictures(state: PageState) -> None:
    """pictures: the visible part of each placed image, clipped to its frame."""
    state.pictures = visible_pictures(state.page.pictures, state.lines, state.page.width, state.page.height)


def _captions(state: PageState) -> None:
    """captions: the lines set under, beside or over a picture, apart from the text or ending with a credit."""
    state.captions = find_captions(state.pictures, state.text, state.body_size, state.body_font)
    taken = {id(line) for caption in state.captions for line in caption.printed}
    state.text = [line for line in state.text if id(line) not in taken]


def _headings(state: PageState) -> None:
    """heads: lines set larger than the body, or alone in a heading font, are headline lines."""
    state.headings = heading_lines(state.text, state.body_size, state.body_font, state.page.size_tolerance)
    taken = {id(line) for line in state.headings}
    state.text = [line for line in state.text if id(line) not in taken]


def _run_in_titles(state: PageState) -> None:
    """run_in_titles: a title in the page's title style run in before a dash and its text is a headline."""
    split = split_run_in_titles(state.text, state.headings, state.body_font)
    state.text, state.headings = split.text, state.headings + split.titles


def _tables(state: PageState) -> None:
    """tables: the cells of a table row set in a column are one line."""
    state.text = merge_table_rows(state.text, state.body_size)


def _columns(state: PageState) -> None:
    """columns: lines set one under the other in one column, unbroken by a rule, are a segment."""
    state.segments = build_segments(state.text, state.page.rules)


def _headlines(state: PageState) -> None:
    """heads and subheads: headline lines grouped into headlines; one-line heads inside a column are subheads, and
    so is a headline's last row styled like them."""
    groups = group_heads(state.headings, [segment.box for segment in state.segments])
    heads, subheads = demote_subheads(groups, state.segments, state.page.rules, state.body_size,
                                      state.body_font, state.page.size_tolerance)
    state.heads, subheads = first_subheads(heads, subheads, state.page.size_tolerance)
    state.segments = state.segments + subheads


def _column_heads(state: PageState) -> None:
    """column_heads: a headline with no text of its own over heads of one smaller style is their story's headline."""
    text = [segment for segment in state.segments if not segment.subhead]
    state.heads, subheads = demote_column_heads(state.heads, text, state.page.rules, state.page.size_tolerance)
    state.segments = state.segments + subheads


def _table_titles(state: PageState) -> None:
    """table_titles: a heading right over the rows of a table is the table's title, a subhead of its text."""
    state.heads, state.segments = demote_table_titles(state.heads, state.segments, state.body_size)


def _heading_blocks(state: PageState) -> None:
    """heading_blocks: a document's heading lines stacked over its title, no text between, are its kicker."""
    state.heads, state.segments = stack_heading_blocks(state.heads, state.segments, state.body_font, state.body_size)


def _articles(state: PageState) -> None:
    """blocks: each segment, caption and picture goes to the headline that governs it, in reading order."""
    page = state.page
    state.layouts = lay_out_articles(state.heads, state.segments, state.captions, state.pictures, page.rules,
                                     page.frames, state.body_size)


def _ruled_parts(state: PageState) -> None:
    """ruled_parts: headless text under a rule right under a story's text is a part of that story."""
    state.layouts = join_ruled_parts(state.layouts, state.page.rules, state.body_size)


def _column_flow(state: PageState) -> None:
    """column_flow: headless text heading a column goes on with the story the column to its left ends with."""
    state.layouts = flow_on_from_column_feet(state.layouts, state.page.rules, state.body_size)


def _interruptions(state: PageState) -> None:
    """interruptions: headless text under a figure or a headless fragment goes on with the story over it."""
    state.layouts = join_interrupted_text(state.layouts, state.pictures, state.body_size)


RULES: tuple[Rule, ...] = (
    Rule("lines", _lines),
    Rule("drop capitals", _drop_capitals),
    Rule("hyphenation", _hyphenation),
    Rule("underlines", _underlines),
    Rule("furniture", _furniture),
    Rule("picture text", _picture_text),
    Rule("body type", _body_type),
    Rule("notices", _notices),
    Rule("pictures", _pictures),
    Rule("captions", _captions),
    Rule("headings", _headings),
    Rule("run-in titles", _run_in_titles),
    Rule("tables", _tables),
    Rule("columns", _columns),
    Rule("headlines", _headlines),
    Rule("column heads", _column_heads),
    Rule("table titles", _table_titles),
    Rule("heading blocks", _heading_blocks),
    Rule("articles", _articles),
    Rule("ruled parts", _ruled_parts),
    Rule("column flow", _column_flow),
    Rule("interruptions", _interruptions),
)


def read_layout(page: PdfPage, rules: tuple[Rule, ...] = RULES) -> PageState:
    """``page`` read by each rule in turn."""
    state = PageState(page)
    for rule in rules:
        rule.apply(state)
    return state

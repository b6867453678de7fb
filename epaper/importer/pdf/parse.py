"""Read one PDF page into article records: lines, furniture, captions, headlines, columns, articles."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .. import conventions as c
from ..bylines import match_dateline, parse_byline, split_trailing_byline
from ..jumps import continued_from, continues_on
from ..lines import Line, ends_sentence, join_lines, make_line
from ..parse import read_article
from ..record import Artefact, ImportedArticle
from ..segment import Section
from .blocks import ArticleLayout, lay_out_articles
from .captions import find_captions
from .chars import Glyph, PdfPage
from .columns import Segment, build_segments, usual_size
from .furniture import Masthead, separate_furniture
from .heads import HeadGroup, Row, group_heads, heading_lines, headline_rows
from .subheads import demote_subheads
from .tables import merge_table_rows
from .textlines import TextLine, build_lines

INDENT_MIN = 1.0
INDENT_MAX = 3.5
"""A line whose left edge is this many ems (from … to) in from its column's starts a paragraph."""

SHORT_LINE = 1.5
"""A line ending this many ems short of its column, after a sentence end, ends its paragraph."""

LOST_CONTEXT = 6
"""Characters shown on each side of a lost glyph in the review report."""

BOX_DIGITS = 4


@dataclass
class PageReading:
    """One page of a PDF as read: its articles, what its masthead says, and what was left out."""

    index: int
    width: float
    height: float
    articles: list[ImportedArticle]
    masthead: Masthead
    furniture: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    """Doubts about the page as a whole, for the review report."""


def read_page(page: PdfPage) -> PageReading:
    page_lines = build_lines(page.glyphs)
    lines = page_lines.lines
    numbers = {id(line.glyphs[0]): number for number, line in enumerate(lines, start=1)}
    parts = separate_furniture(page, lines)
    body_size = usual_size(parts.content)
    body_font = Counter(line.font for line in parts.content if line.size == body_size).most_common(1)
    captions = find_captions(page.pictures, parts.content, body_size, body_font[0][0] if body_font else "")
    in_captions = {id(line) for caption in captions for line in caption.lines}
    content = [line for line in parts.content if id(line) not in in_captions]
    headings = heading_lines(content, body_size, body_font[0][0] if body_font else "")
    in_headings = {id(line) for line in headings}
    body = merge_table_rows([line for line in content if id(line) not in in_headings], body_size)
    segments = build_segments(body, page.rules)
    groups = group_heads(headings, [segment.box for segment in segments])
    heads, subheads = demote_subheads(groups, segments, page.rules, body_size)
    layouts = lay_out_articles(heads, segments + subheads, captions, page.pictures, page.rules, page.frames, body_size)
    reader = _ArticleReader(numbers, page)
    articles = [reader.read(order, layout) for order, layout in enumerate(layouts, start=1)]
    furniture = [" ".join(line.spaced.split()) for line in parts.furniture]
    return PageReading(
        page.index, page.width, page.height, articles, parts.masthead, furniture, _stray_warnings(page_lines.stray)
    )


class _ArticleReader:
    def __init__(self, numbers: dict[int, int], page: PdfPage) -> None:
        self.numbers = numbers
        """Line numbers (for the report) by the line's first glyph: a table row joined from cells keeps its own."""
        self.page = page

    def read(self, order: int, layout: ArticleLayout) -> ImportedArticle:
        section = Section(first_line=min(self._number(line) for line in _all_lines(layout)))
        if layout.head is not None:
            self._read_head(section, layout.head)
        blocks = self._read_body(section, layout)
        article = read_article(order, section, blocks)
        article.captions = [caption.text for caption in layout.captions]
        box = layout.box
        width, height = self.page.width, self.page.height
        article.box = (
            round(box.x0 / width, BOX_DIGITS),
            round(box.top / height, BOX_DIGITS),
            round(box.width / width, BOX_DIGITS),
            round(box.height / height, BOX_DIGITS),
        )
        return article

    def _number(self, line: TextLine) -> int:
        return self.numbers[id(line.glyphs[0])]

    def _line(self, section: Section, printed: list[TextLine], spaced: str) -> Line:
        """The text importer's line for ``spaced`` (printed as ``printed``); its lost glyphs reported."""
        number = self._number(printed[0])
        lost = [glyph for line in printed for glyph in line.glyphs if glyph.lost]
        if lost:
            section.artefacts.append(Artefact(number, c.LOST_GLYPH * len(lost), "lost glyph"))
            fonts = ", ".join(sorted({glyph.font for glyph in lost}))
            codes = ", ".join(str(glyph.code) for glyph in lost)
            section.warnings.append(
                f"glyph without a Unicode mapping at line {number} (font {fonts}, code {codes}): "
                f"{_lost_context(spaced)}; type the character in"
            )
        return make_line(number, spaced)

    def _read_head(self, section: Section, head: HeadGroup) -> None:
        rows = headline_rows(head)
        kicker = self._headline_part(section, rows.kicker)
        title = self._headline_part(section, rows.title, bylines=False)
        subtitle = self._headline_part(section, rows.subtitle)
        section.head = [line for line in (kicker, title) if line is not None]
        section.subtitles = [subtitle] if subtitle is not None else []

    def _headline_part(self, section: Section, rows: list[Row], *, bylines: bool = True) -> Line | None:
        """One line for the rows of a kicker, title or subtitle; a byline set among them is read as one."""
        kept = []
        for row in rows:
            byline = parse_byline(row.spaced) if bylines else None
            if byline is None:
                kept.append(row)
                continue
            section.bylines.append(byline)
            section.artefacts.append(Artefact(self._number(row.pieces[0]), byline.raw, "byline"))
        if not kept:
            return None
        return self._line(section, [piece for row in kept for piece in row.pieces], _join_rows(kept))

    def _read_body(self, section: Section, layout: ArticleLayout) -> list[tuple[str, str]]:
        """Paragraphs and subheads, column by column; bylines and jump lines taken out on the way."""
        blocks: list[tuple[str, str]] = []
        paragraph: list[str] = []
        previous: tuple[Segment, TextLine, str] | None = None
        at_head = True

        def close_paragraph() -> None:
            if paragraph:
                blocks.append(("paragraph", join_lines(paragraph)))
                paragraph.clear()

        for segment in layout.reading_order():
            for printed in segment.lines:
                line = self._line(section, [printed], printed.spaced)
                if not line.spaced:
                    continue
                if segment.subhead:
                    close_paragraph()
                    section.body.append(("subhead", line))
                    blocks.append(("subhead", line.phrased))
                    previous, at_head = None, False
                    continue
                if at_head and self._head_marker(section, line):
                    continue
                at_head = False
                line = self._take_ends(section, line)
                if not line.spaced:
                    continue
                if not paragraph or self._starts_paragraph(segment, printed, previous):
                    close_paragraph()
                paragraph.append(line.text)
                section.body.append(("text", line))
                previous = (segment, printed, line.text)
        close_paragraph()
        return blocks

    def _head_marker(self, section: Section, line: Line) -> bool:
        """A jump line (`（上接第1版）`) or a byline set over the text: recorded, not part of the text."""
        jump = continued_from(line.text)
        if jump is not None and jump.text == line.text:
            section.continued_from = jump.page
            section.artefacts.append(Artefact(line.number, line.text, "jump line"))
            return True
        byline = parse_byline(line.spaced) if match_dateline(line.spaced) is None else None
        if byline is not None:
            section.bylines.append(byline)
            section.artefacts.append(Artefact(line.number, byline.raw, "byline"))
            return True
        return False

    def _take_ends(self, section: Section, line: Line) -> Line:
        """The line without a jump line (`（下转第2版）`) or end byline (`□肖芳`) it may carry."""
        text = line.spaced
        jump = continues_on(text)
        if jump is not None:
            section.continues_on = jump.page
            section.artefacts.append(Artefact(line.number, jump.text, "jump line"))
            text = text[: jump.start] + text[jump.end :]
        split = split_trailing_byline(text)
        if split is not None:
            text, byline = split
            section.bylines.append(byline)
            section.artefacts.append(Artefact(line.number, byline.raw, "byline"))
        return line if text == line.spaced else make_line(line.number, text)

    @staticmethod
    def _starts_paragraph(segment: Segment, printed: TextLine, previous: tuple[Segment, TextLine, str] | None) -> bool:
        """Indented from its column, after a short line that ends a sentence, or a row of a table."""
        em = printed.size
        if printed.cells > 1 or (previous is not None and previous[1].cells > 1):
            return True
        if INDENT_MIN * em <= printed.box.x0 - segment.left <= INDENT_MAX * em:
            return True
        if previous is None:
            return False
        column, last, text = previous
        return ends_sentence(text) and last.box.x1 < column.right - SHORT_LINE * em


def _stray_warnings(stray: list[Glyph]) -> list[str]:
    """Glyphs set on their side that belong to no line of text: listed, never dropped silently."""
    if not stray:
        return []
    shown = ", ".join(f"{glyph.text!r} at ({glyph.box.x0:.0f}, {glyph.box.top:.0f})" for glyph in stray)
    return [
        f"{len(stray)} glyph(s) set on their side fit no line of text and are left out: {shown}; "
        "add them where they belong"
    ]


def _all_lines(layout: ArticleLayout) -> list[TextLine]:
    head = layout.head.lines if layout.head is not None else []
    return head + [line for segment in layout.segments for line in segment.lines]


def _join_rows(rows: list[Row]) -> str:
    """Headline rows as one text: a row ending in punctuation runs on, other rows are phrases."""
    text = ""
    for row in rows:
        if text and text.rstrip()[-1:] not in c.HEADING_FORBIDDEN_END | c.CLOSING_MARKS | c.SENTENCE_END:
            text += "  "
        text += row.spaced
    return text


def _lost_context(spaced: str) -> str:
    shown = []
    for index, char in enumerate(spaced):
        if char == c.LOST_GLYPH:
            before = spaced[:index].replace(c.LOST_GLYPH, "")[-LOST_CONTEXT:]
            after = spaced[index + 1 :].replace(c.LOST_GLYPH, "")[:LOST_CONTEXT]
            shown.append(f"{before}{c.LOST_GLYPH_SHOWN}{after}")
    return " / ".join(shown)

"""Headlines: lines set larger than the body, grouped, and read by size into kicker, title and subtitle."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .. import conventions as c
from ..bylines import match_dateline, parse_byline, split_trailing_byline
from ..jumps import continued_from, continues_on
from ..lines import ends_sentence, remove_letter_spacing
from .ems import (
    BODY_LIKE,
    CENTRED,
    COLUMN_REACH,
    FLUSH,
    FONT_RUN_GAP,
    HEAD_GAP,
    HEADING_SCALE,
    HEADLINE_LINES,
    NEIGHBOUR_LINES,
    PHRASE_GAP,
    RUN_IN_SHARE,
    SAME_SIZE,
    SET_IN,
    TITLE_INSET,
    TITLE_SIZE,
)
from .geometry import Box, union
from .textlines import TextLine, one_size


@dataclass
class Row:
    """Headline pieces on one baseline, left to right."""

    pieces: list[TextLine]

    @property
    def box(self) -> Box:
        return union(piece.box for piece in self.pieces)

    @property
    def size(self) -> float:
        return max(piece.size for piece in self.pieces)

    @property
    def spaced(self) -> str:
        return "  ".join(piece.spaced for piece in self.pieces)


@dataclass
class HeadGroup:
    rows: list[Row] = field(default_factory=list)
    kicker_rows: int = 0
    """The first rows are a heading block stacked over the headline (see ``heading_blocks``): its kicker."""

    @property
    def box(self) -> Box:
        return union(row.box for row in self.rows)

    @property
    def size(self) -> float:
        return max(row.size for row in self.rows)

    @property
    def lines(self) -> list[TextLine]:
        return [piece for row in self.rows for piece in row.pieces]

    @property
    def vertical(self) -> bool:
        """Set top to bottom beside its text (竖排), not over it."""
        return all(line.vertical for line in self.lines)

    @property
    def reach_top(self) -> float:
        """Where the text it governs may start: under it, or beside it for a vertical headline."""
        return self.box.top if self.vertical else self.box.bottom


@dataclass(frozen=True)
class HeadlineRows:
    kicker: list[Row]
    title: list[Row]
    subtitle: list[Row]


def is_heading_size(line: TextLine, body_size: float) -> bool:
    return line.size >= HEADING_SCALE * body_size


def heading_lines(lines: Sequence[TextLine], body_size: float, body_font: str,
                  size_tolerance: float = 0.0) -> list[TextLine]:
    """Lines set larger than the body, and lines standing alone in a heading font at about body size.

    A bold title of a brief (小四 over 五号 body) or a bold subhead is set in another font than the body
    but hardly larger. A line in another font continued by lines in that font is text (a commentary set
    in 楷体), not a heading; so is a line that goes on in the body font after a run-in lead in another
    (`AGENCY:` in small capitals, an italic link), or one that opens in the body font (a calendar's date
    before its bold event). A line centred alone over smaller text is a brief's title whatever its font
    (what a scan, which shows no fonts, goes by). Sizes are taken as within ``size_tolerance`` points of what
    was measured (see PdfPage).
    """
    return [
        line for line in lines
        if not marks_text(line, body_size) and (
            is_heading_size(line, body_size)
            or _alone_in_heading_font(line, lines, body_size, body_font, size_tolerance)
            or _brief_title(line, lines, body_size)
        )
    ]


def _alone_in_heading_font(line: TextLine, lines: Sequence[TextLine], body_size: float, body_font: str,
                           size_tolerance: float) -> bool:
    """A line at about body size set in a heading font, neither continued nor led into by running text. The
    size it is measured against is that of the text it heads where that text is set smaller than the body (a
    rule's text in eight points under a nine-point preamble, its lettered headings in eight-point bold);
    ``size_tolerance`` is how far off a measured size may be (a scan's row of ink)."""
    if line.font == body_font:
        return False
    size = line.size + size_tolerance
    measure = body_size if size >= BODY_LIKE * body_size else min(body_size, _text_size_under(line, lines)
                                                                   or body_size)
    in_heading_font = (size >= BODY_LIKE * measure
                       and font_share(line, body_font) < RUN_IN_SHARE and not _opens_in(line, body_font)
                       and not _closes_in(line, body_font))
    if not in_heading_font:
        return False
    run = _font_run(line, lines)
    return (not _reads_as_text(run) and not _set_right(line, lines)
            and not _goes_on_from_line_over(min(run, key=lambda member: member.box.top), lines)
            and not _ends_as_no_heading(max(run, key=lambda member: member.box.top))
            and not _closes_text(line, lines, body_size)
            and not line.spaced.startswith(c.LIST_BULLETS))


def _closes_text(line: TextLine, lines: Sequence[TextLine], body_size: float) -> bool:
    """A line at about body size set under a paragraph of its column, with nothing under it that it could head: the
    story's emphasised last line (`If so, phone Shirley (833293)`, a signature), not a headline. A heading has its
    text under it (a table's title its cells, however narrow); what follows such a line in its column, if anything,
    is set larger (the next story's headline) or starts further down than a column starts under its title."""
    if line.size >= HEADING_SCALE * body_size:
        return False
    others = [other for other in lines if other is not line]
    over = max((other for other in others if other.box.overlaps_horizontally(line.box, 0.5)
                and other.box.bottom <= line.box.top + 0.2 * line.size),
               key=lambda other: other.box.bottom, default=None)
    if over is None or over.font == line.font or line.box.top - over.box.bottom > COLUMN_REACH * line.size:
        return False
    return not any(other.box.overlaps_horizontally(line.box) and other.size <= line.size * SAME_SIZE
                   and 0 <= other.box.top - line.box.bottom <= COLUMN_REACH * line.size for other in others)


def _text_size_under(line: TextLine, lines: Sequence[TextLine]) -> float | None:
    """The size of the text right under ``line`` in its column, past the lines set on in its font (a heading
    wrapped onto more lines): the text it would head."""
    current = line
    for _ in range(HEADLINE_LINES):
        under = [other for other in lines if other.box.overlaps_horizontally(current.box, 0.5)
                 and 0 <= other.box.top - current.box.bottom <= FONT_RUN_GAP * current.size]
        nearest = min(under, key=lambda other: other.box.top, default=None)
        if nearest is None or nearest.font != line.font:
            return None if nearest is None else nearest.size
        current = nearest
    return None


def _closes_in(line: TextLine, font: str) -> bool:
    """The line's last letter or figure is set in ``font``: a run-in lead (`CONTACT: Ian`) going on into the text."""
    last = next((glyph for glyph in reversed(line.glyphs) if glyph.text.isalnum()), None)
    return last is not None and last.font == font


def _ends_as_no_heading(line: TextLine) -> bool:
    """The line ends with clause punctuation, as no heading does: a label leading into what follows
    (`SUPPLEMENTARY INFORMATION:`), or a clause going on."""
    return remove_letter_spacing(line.spaced).rstrip("".join(c.CLOSING_MARKS))[-1:] in c.HEADING_FORBIDDEN_END


def _brief_title(line: TextLine, lines: Sequence[TextLine], body_size: float) -> bool:
    """A line at about body size centred alone over smaller text (see ``_over_smaller_text``)."""
    return line.size >= BODY_LIKE * body_size and _over_smaller_text(line, lines) and not _set_right(line, lines)


def _goes_on_from_line_over(line: TextLine, lines: Sequence[TextLine]) -> bool:
    """The line right over ``line`` in its column, at the leading of running text and in another font, runs on
    into it: a link or an emphasised phrase wrapped onto a line of its own is still its paragraph's text."""
    over = [other for other in lines if other is not line and other.box.overlaps_horizontally(line.box, 0.5)
            and 0 < line.box.top - other.box.top <= NEIGHBOUR_LINES * line.size
            and other.box.bottom <= line.box.top + 0.2 * line.size]
    nearest = max(over, key=lambda other: other.box.top, default=None)
    return nearest is not None and font_share(nearest, line.font) < 1 - RUN_IN_SHARE and runs_on(nearest)


def runs_on(line: TextLine) -> bool:
    """The paragraph goes on after ``line``: it ends no sentence, and with no byline or jump line."""
    text = remove_letter_spacing(line.spaced)
    return not ends_sentence(text) and split_trailing_byline(line.spaced) is None and continues_on(text) is None


def font_share(line: TextLine, font: str) -> float:
    """The share of the line's glyphs (spaces and punctuation left out) set in ``font``."""
    counted = [glyph for glyph in line.glyphs if glyph.text.isalnum()]
    return sum(glyph.font == font for glyph in counted) / len(counted) if counted else 0.0


def _opens_in(line: TextLine, font: str) -> bool:
    """The line's first letter or figure is set in ``font``."""
    first = next((glyph for glyph in line.glyphs if glyph.text.isalnum()), None)
    return first is not None and first.font == font


def _over_smaller_text(line: TextLine, lines: Sequence[TextLine]) -> bool:
    """A line standing alone, centred, right over text set HEADING_SCALE times smaller: a brief's title over
    its text, both smaller than the page's body (a scan shows no font: the sizes are what tell them apart).
    Centred means set in from both edges of that text, as no line of running text is."""
    reach = FONT_RUN_GAP * line.size
    below = [other for other in lines if other is not line
             and 0 <= other.box.top - line.box.bottom <= COLUMN_REACH * line.size
             and other.box.overlaps_horizontally(line.box, 0.5)]
    if not below:
        return False
    first_top = min(other.box.top for other in below)
    under = [other for other in below if other.box.top - first_top < other.size / 2]
    if not all(HEADING_SCALE * other.size <= line.size for other in under):
        return False
    text = union(other.box for other in below)
    centred = (abs((line.box.x0 + line.box.x1) / 2 - (text.x0 + text.x1) / 2) <= CENTRED * line.size
               and min(line.box.x0 - text.x0, text.x1 - line.box.x1) >= TITLE_INSET * line.size)
    return centred and not any(
        max(other.size, line.size) < SAME_SIZE * min(other.size, line.size) for other in lines
        if other is not line
        and (0 <= other.box.top - line.box.bottom <= reach or 0 <= line.box.top - other.box.bottom <= reach)
        and other.box.overlaps_horizontally(line.box, 0.5))


def marks_text(line: TextLine, body_size: float) -> bool:
    """A dateline, byline or jump line: set in a heading font or size, but part of an article's text.

    A box or bullet marks a byline set in the text's size (`□ 田昀澍`) and a heading alike (`■ 質問`): a line it
    opens that is set at a headline's size is the heading."""
    spaced = line.spaced
    text = remove_letter_spacing(spaced)
    jump = continued_from(text) or continues_on(text)
    marked_heading = spaced.lstrip()[:1] in c.BYLINE_MARKERS and is_heading_size(line, body_size)
    return (match_dateline(spaced) is not None or (parse_byline(spaced) is not None and not marked_heading)
            or (jump is not None and jump.text.strip() == text.strip()))


def _set_right(line: TextLine, lines: Sequence[TextLine]) -> bool:
    """Set flush right under a line of text, as a story's closing signature (`宗何`) or jump line is."""
    return any(0 <= line.box.top - other.box.bottom <= SET_IN * line.size and is_set_right(line, other.box)
               for other in lines if other is not line)


def is_set_right(line: TextLine, column: Box) -> bool:
    """``line`` ends flush with the right edge of ``column`` and starts well in from its left edge."""
    return abs(column.x1 - line.box.x1) <= FLUSH * line.size and line.box.x0 - column.x0 >= SET_IN * line.size


def _reads_as_text(run: Sequence[TextLine]) -> bool:
    """A run of lines in one font (``_font_run``) that reads as text: longer than a headline is, or ending a
    sentence as no headline does (a two-line bold title at body size is still a headline)."""
    if len(run) < 2:
        return False
    last = max(run, key=lambda member: member.box.top)
    return len(run) > HEADLINE_LINES or ends_sentence(remove_letter_spacing(last.spaced))


def _font_run(line: TextLine, lines: Sequence[TextLine]) -> list[TextLine]:
    """``line`` and the lines in its font and size set one under the other with it, at most a line's space apart."""
    run, todo = [line], [line]
    while todo and len(run) <= HEADLINE_LINES:
        current = todo.pop()
        reach = FONT_RUN_GAP * current.size
        for other in lines:
            if (one_size(other.size, line.size)
                    and (0 <= other.box.top - current.box.bottom <= reach
                         or 0 <= current.box.top - other.box.bottom <= reach)
                    and other.box.overlaps_horizontally(current.box, 0.5)
                    and all(other is not member for member in run)
                    and font_share(other, line.font) >= 1 - RUN_IN_SHARE):
                run.append(other)
                todo.append(other)
    return run


def group_heads(lines: Sequence[TextLine], columns: Sequence[Box]) -> list[HeadGroup]:
    """Headline lines grouped into the headlines of articles, top to bottom; a vertical line stands alone.

    ``columns`` are the boxes of the body's column segments: two pieces on one baseline, each centred
    over a column of its own that starts right under it, are the titles of two articles side by side.
    """
    groups: list[HeadGroup] = [HeadGroup([Row([line])]) for line in lines if line.vertical]
    for line in sorted((line for line in lines if not line.vertical), key=lambda line: (line.box.top, line.box.x0)):
        row_group = next((group for group in groups
                          if not group.vertical and _same_row(group.rows[-1], line, columns)), None)
        if row_group is not None:
            row_group.rows[-1].pieces.append(line)
            continue
        group = next((group for group in reversed(groups) if not group.vertical and _under(group, line)), None)
        if group is None:
            group = HeadGroup()
            groups.append(group)
        group.rows.append(Row([line]))
    return sorted(groups, key=lambda group: (group.box.top, group.box.x0))


def _same_row(row: Row, line: TextLine, columns: Sequence[Box]) -> bool:
    last = row.pieces[-1]
    same_baseline = abs(last.box.bottom - line.box.bottom) < 0.2 * line.size and one_size(last.size, line.size)
    if not (same_baseline and 0 <= line.box.x0 - last.box.x1 <= PHRASE_GAP * line.size):
        return False
    under_last, under_line = _own_column(last, columns), _own_column(line, columns)
    return under_last is None or under_line is None or under_last == under_line


def _own_column(line: TextLine, columns: Sequence[Box]) -> Box | None:
    """The column a headline piece heads: one starting right under it, centred on it (a title set over its own
    column); or the first column under it, where the piece starts flush with its left edge (a title set flush left
    over its column, two or three rows over the text)."""
    middle = (line.box.x0 + line.box.x1) / 2
    centred = next((column for column in columns
                    if 0 <= column.top - line.box.bottom <= COLUMN_REACH * line.size
                    and abs((column.x0 + column.x1) / 2 - middle) <= CENTRED * line.size
                    and column.x0 <= line.box.x0 and line.box.x1 <= column.x1), None)
    if centred is not None:
        return centred
    under = min((column for column in columns
                 if column.top >= line.box.bottom and column.overlaps_horizontally(line.box)),
                key=lambda column: column.top, default=None)
    return under if under is not None and abs(under.x0 - line.box.x0) <= FLUSH * line.size else None


def _under(group: HeadGroup, line: TextLine) -> bool:
    box = group.box
    gap = line.box.top - box.bottom
    return (-0.2 * line.size <= gap <= HEAD_GAP * max(group.rows[-1].size, line.size)
            and box.overlaps_horizontally(line.box) and aligned_with(line.box, box, line.size))


def aligned_with(line: Box, headline: Box, size: float) -> bool:
    """The rows of one headline share its alignment: a row under it is centred on it or starts at or within its
    left edge. A row starting further left, off its middle, is flush left under a centred notice: another heading."""
    centred = abs((line.x0 + line.x1) / 2 - (headline.x0 + headline.x1) / 2) <= CENTRED * size
    return centred or line.x0 >= headline.x0 - FLUSH * size


def headline_rows(group: HeadGroup, size_tolerance: float = 0.0) -> HeadlineRows:
    """The largest rows are the title; rows over it the kicker, rows under it the subtitle.

    A dashed row (`——…`) is always a subtitle, whatever its size. A heading block stacked over the
    headline is its kicker. A row short of the largest size by ``size_tolerance`` points at most (as the page's
    sizes were measured, see PdfPage) may be of the title still.
    """
    block, rows = group.rows[:group.kicker_rows], group.rows[group.kicker_rows:]
    undashed = [row for row in rows if not _dashed(row)]
    if not undashed:
        return HeadlineRows(block, [], list(rows))
    largest = max(row.size for row in undashed)
    title_rows = [index for index, row in enumerate(rows)
                  if row in undashed and row.size + size_tolerance >= TITLE_SIZE * largest]
    first, last = title_rows[0], title_rows[-1]
    return HeadlineRows(block + rows[:first], rows[first:last + 1], rows[last + 1:])


def _dashed(row: Row) -> bool:
    return bool(c.SUBTITLE_DASHES.match(row.spaced))

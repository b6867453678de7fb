"""What the lines of a page say about their place in it: heading, head marker, subhead, last byline.

The questions the segmenter asks while it walks the page, answered from the lines around.
"""

from __future__ import annotations

from collections.abc import Sequence

from . import conventions as c
from .bylines import Byline, has_role, match_dateline, parse_byline
from .headlines import is_heading, is_subtitle, is_unpunctuated
from .jumps import continued_from
from .lines import Line, blank_lines_meaningful, boundary_columns, is_indented_start, make_line

MAX_HEAD_LINES = 4
"""Kicker, title, subtitle and a byline: a head is never longer."""


class Page:
    """The lines of a page with the column width and blank-line meaning around each."""

    def __init__(self, lines: Sequence[Line]) -> None:
        self.lines = lines
        self.columns = boundary_columns(lines)
        self.blanks = blank_lines_meaningful(lines)

    def whole_line_jump_from(self, line: Line) -> int | None:
        jump = continued_from(line.text)
        return jump.page if jump is not None and jump.text == line.text else None

    def head_byline(self, line: Line) -> Byline | None:
        return parse_byline(line.spaced) if match_dateline(line.spaced) is None else None

    def marked_subhead(self, index: int) -> Line | None:
        """`■ 打通堵点 畅通循环` between paragraphs: a subhead, though a box also marks bylines.

        A byline closes an article, so a boxed line that text of the same article follows is a
        subhead when it has a heading's shape.
        """
        line = self.lines[index]
        if not line.spaced or line.spaced[0] not in c.BYLINE_MARKERS or index + 1 >= len(self.lines):
            return None
        unmarked = make_line(line.number, line.spaced[1:], blank_before=line.blank_before)
        if (
            not unmarked.spaced
            or has_role(unmarked.spaced)
            or self.looks_like_head(index + 1)
            or not is_heading(unmarked, self.columns[index], at_head=False)
        ):
            return None
        return unmarked

    def numbered_subhead(self, index: int) -> bool:
        """`一、日均处理量创新高` between paragraphs: numbered, short and unpunctuated, so a subhead even
        when nothing else on the page (an indent, a blank line) marks where the next paragraph starts."""
        line = self.lines[index]
        return (
            c.SUBHEAD_NUMBERING.match(line.text) is not None
            and index + 1 < len(self.lines)
            and is_heading(line, self.columns[index], at_head=False)
            and not self.looks_like_head(index + 1)
        )

    def uncued_last_byline(self, index: int) -> tuple[str, Byline] | None:
        """Names alone on an article's last line whose box was lost in extraction (`\ufffd方圆`)."""
        line = self.lines[index]
        if not line.raw.lstrip().startswith(c.LOST_GLYPH):
            return None
        if index + 1 < len(self.lines) and not self.looks_like_head(index + 1):
            return None
        byline = parse_byline(line.spaced, cued=True)
        return ("", byline) if byline is not None else None

    def heading_at(self, index: int, *, at_head: bool, depth: int = 0) -> bool:
        """A short unpunctuated line followed by a paragraph's first line or by more of a head.

        Over an article a title may run across columns, and may be letter-spaced, when what
        follows can only follow a title: a head marker (dateline, subtitle, byline) or, for the
        wide title, the indented first line of the text.
        """
        line = self.lines[index]
        if match_dateline(line.spaced) is not None or parse_byline(line.spaced) is not None:
            return False
        if index + 1 >= len(self.lines):
            return False
        following = self.lines[index + 1]
        starts_text = is_indented_start(following, self.columns[index + 1]) or (
            following.blank_before and self.blanks[index + 1]
        )
        marker = at_head and self.head_marker_at(index + 1)
        spanning = marker or (
            at_head
            and is_unpunctuated(line)
            and (
                (starts_text and not following.letter_spaced)
                or (depth < MAX_HEAD_LINES and self.heading_at(index + 1, at_head=True, depth=depth + 1))
            )
        )
        if not is_heading(line, self.columns[index], at_head=at_head, spanning=spanning, spaced_ok=marker):
            return False
        return following.letter_spaced or starts_text or marker or self.looks_like_head(index + 1, depth + 1)

    def head_marker_at(self, index: int) -> bool:
        """A line that only appears at the head of an article: dateline, subtitle, jump line, byline."""
        if index >= len(self.lines):
            return False
        line, column = self.lines[index], self.columns[index]
        return (
            match_dateline(line.spaced) is not None
            or is_subtitle(line, column)
            or self.whole_line_jump_from(line) is not None
            or self.head_byline(line) is not None
        )

    def looks_like_head(self, index: int, depth: int = 0) -> bool:
        return self.head_marker_at(index) or (
            depth < MAX_HEAD_LINES and self.heading_at(index, at_head=True, depth=depth)
        )

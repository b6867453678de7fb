"""What the lines of a page say about their place in it: heading, head marker, subhead, last byline.

The questions the segmenter asks while it walks the page, answered from the lines around.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import conventions as c
from .bylines import Byline, bare_name, has_role, match_dateline, parse_byline, split_trailing_byline
from .headlines import is_heading, is_subtitle, is_unpunctuated
from .jumps import continued_from
from .lines import (
    Line,
    blank_lines_meaningful,
    boundary_columns,
    cannot_run_on,
    ends_sentence,
    has_first_line_width,
    is_indented_start,
    is_latin_script,
    line_width,
    loose_line_width,
    make_line,
    short_by_next_start,
    without_hanging_mark,
)

MAX_HEAD_LINES = 4
"""Kicker, title, subtitle and a byline: a head is never longer."""
_LATIN_START = re.compile(r"[\x21-\x7e]+")
BYLINE_LOOKAHEAD = 60
"""Lines searched ahead for the end byline of the text under a heading."""


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
        subhead when it has a heading's shape; one over another heading names a section of the page
        (`□师者之尊缘自用心` over `葛堂友：深山从教42年`).
        """
        line = self.lines[index]
        if not line.spaced or line.spaced[0] not in c.BYLINE_MARKERS or index + 1 >= len(self.lines):
            return None
        unmarked = make_line(line.number, line.spaced[1:], blank_before=line.blank_before)
        if (not unmarked.spaced or has_role(unmarked.spaced) or self.looks_like_head(index + 1)
                or not is_heading(unmarked, self.columns[index], at_head=False)
                or (line.spaced[0] in c.SECTION_MARKS and self.heading_at(index + 1, at_head=True))):
            return None
        return unmarked

    def numbered_subhead(self, index: int) -> bool:
        """`一、日均处理量创新高` between paragraphs: numbered, short and unpunctuated, so a subhead even
        when nothing else on the page (an indent, a blank line) marks where the next paragraph starts.

        Unpunctuated after its number, it may be wider than the column: no line of text is."""
        line = self.lines[index]
        if c.SUBHEAD_NUMBERING.match(line.text) is None or index + 1 >= len(self.lines):
            return False
        wide = is_unpunctuated(make_line(line.number, c.SUBHEAD_NUMBERING.sub("", line.text)))
        return (is_heading(line, self.columns[index], at_head=False, spanning=wide)
                and not self.looks_like_head(index + 1) and not self.numbered_paragraph_at(index))

    def numbered_paragraph_at(self, index: int) -> bool:
        """`1.亲子阅读在家庭日常生活中占有` over `重要地位。《报告》显示…`: a numbered line at least as wide as a
        paragraph's first line (the column less the indent), and no wider than the column, over a line that opens no
        paragraph (no indent kept, no blank line over it where blank lines mean something, not narrowed even with its
        punctuation set full, as a justified line may be set tight) is the first line of a numbered paragraph
        running on, not a subhead: a subhead ends where its phrase does, and the text under it opens a paragraph."""
        if index + 1 >= len(self.lines):
            return False
        line, following, column = self.lines[index], self.lines[index + 1], self.columns[index]
        width = loose_line_width(line, without_hanging_mark(line.text))
        fills = (width + short_by_next_start(following.text) >= column - c.FIRST_LINE_INDENT - c.COLUMN_TOLERANCE
                 and line.width <= column + c.WIDER_THAN_COLUMN)
        narrowed = (not ends_sentence(following.text) and loose_line_width(following)
                    <= self.columns[index + 1] - c.FIRST_LINE_INDENT + c.COLUMN_TOLERANCE)
        opens = following.indent >= c.KEPT_INDENT or (following.blank_before and self.blanks[index + 1]) or narrowed
        return fills and not ends_sentence(line.text) and not opens

    def end_name(self, index: int) -> Byline | None:
        """A name alone on an article's last line, before the next head or the page's end: `□方圆`
        with its box lost (`\ufffd方圆`), or a bare name the paper prints without one."""
        line = self.lines[index]
        if line.spaced[:1] in c.BYLINE_MARKERS or (index + 1 < len(self.lines) and not self.looks_like_head(index + 1)):
            return None
        if line.raw.lstrip().startswith(c.LOST_GLYPH):
            return parse_byline(line.spaced, cued=True)
        return bare_name(line.spaced)

    def end_byline_ahead(self, index: int, *, through_subheads: bool = False) -> Byline | None:
        """The author's byline the text from ``index`` on ends with (`…。□张三`), if it does before the next
        heading; ``through_subheads``: before the next heading over a head marker (a dateline, a byline)."""
        for position in range(index, min(len(self.lines), index + BYLINE_LOOKAHEAD)):
            line = self.lines[position]
            if (position > index and ends_sentence(self.lines[position - 1].text)
                    and self.heading_at(position, at_head=True)
                    and not (through_subheads and not self.head_marker_at(position + 1))):
                return None
            split = split_trailing_byline(line.spaced) or self._wrapped_byline(position)
            byline = split[1] if split is not None else self.end_name(position)
            if byline is not None and byline.authors:  # a photo credit (`刘洋 摄`) signs no text
                return byline
        return None

    def _wrapped_byline(self, index: int) -> tuple[str, Byline] | None:
        """`…“走出去”。（经济日` over `报记者 王新伟 吴秉泽）`: an end byline begun on this line and wrapped onto
        the next, which it fills alone."""
        if index + 1 >= len(self.lines):
            return None
        line = self.lines[index].spaced.rstrip()
        split = split_trailing_byline(line + self.lines[index + 1].spaced)
        return split if split is not None and len(split[0]) < len(line) else None

    def heading_at(self, index: int, *, at_head: bool, depth: int = 0) -> bool:
        """A short unpunctuated line followed by a paragraph's first line or by more of a head.

        Over an article a title may run across columns, and may be letter-spaced, when what
        follows can only follow a title: a head marker (dateline, subtitle, byline) or, for the
        wide title, the indented first line of the text. A justified (letter-spaced) line marks
        only an unpunctuated phrase over it: under a first line with clause marks it is the next line.
        """
        line = self.lines[index]
        if match_dateline(line.spaced) is not None or parse_byline(line.spaced) is not None:
            return False
        if index + 1 >= len(self.lines) or (at_head and self.opens_running_text(index)):
            return False
        following = self.lines[index + 1]
        if self.runs_on(index):
            return False
        one_line_paragraph = (ends_sentence(following.text) and not following.letter_spaced
                              and following.width <= self.columns[index + 1] - c.SHORT_LINE_MARGIN)
        phrase = cannot_run_on(line, self.columns[index])
        starts_text = (self.first_line_at(index + 1, after_phrase=phrase) or one_line_paragraph
                       or (following.blank_before and self.blanks[index + 1]))
        marker = at_head and self.head_marker_at(index + 1)
        spanning = marker or (at_head and is_unpunctuated(line) and (
            starts_text
            or (depth < MAX_HEAD_LINES and self.heading_at(index + 1, at_head=True, depth=depth + 1))))
        if not is_heading(line, self.columns[index], at_head=at_head, spanning=spanning,
                          spaced_ok=marker):
            return False
        return ((following.letter_spaced and is_unpunctuated(line)) or starts_text or marker
                or self.looks_like_head(index + 1, depth + 1))

    def opens_running_text(self, index: int) -> bool:
        """A paragraph's first line, never a head line: it holds clause marks, ends no sentence, and keeps the
        paragraph's indent or is as wide as a first line that lost it (`“千百年来，两国一直是…这份情` under a
        title, over the rest of its sentence). A title with a comma is set short of the column or across it."""
        line, column = self.lines[index], self.columns[index]
        if is_unpunctuated(line) or ends_sentence(line.text) or self.head_marker_at(index + 1):
            return False
        if abs(line.indent - c.FIRST_LINE_INDENT) <= c.COLUMN_TOLERANCE:
            return True
        carried = short_by_next_start(self.lines[index + 1].text) if index + 1 < len(self.lines) else 0.0
        return has_first_line_width(loose_line_width(line, without_hanging_mark(line.text)), column, carried)

    def runs_on(self, index: int) -> bool:
        """Wrapped text, not a heading: a line that ends inside a run of Latin words the next line goes on
        with (`…研究所（MNI）主任Guy` over `Rouleau对…`), or one the next line's number or word did not fit
        (`…充电桩达到` over `38,460个…`): a heading ends where its phrase does, short of the column. A line
        already wider than the column is no wrapped line (`…阿隆索亚军` over `2023年F1…`), nor one over a
        line that keeps a paragraph's indent, nor one over a blank line where blank lines mean something (a title,
        `三部重要法律通过  “十五五”开局…`, over its text's `2026年3月12日…`), nor a title opened by a column's name
        and a bar (`数据观察｜…`), which text never is."""
        if index + 1 >= len(self.lines):
            return False
        line, following = self.lines[index], self.lines[index + 1]
        last, first = line.text[-1:], following.text[:1]
        in_word = last.isascii() and last.isalpha() and first.isascii() and first.isalpha()
        run = _LATIN_START.match(following.text)
        limit = self.columns[index] + c.COLUMN_TOLERANCE
        unfitted = run is not None and line.width <= limit < line.width + line_width(run.group())
        parted = (following.blank_before and self.blanks[index + 1]) or c.COLUMN_BAR.match(line.text) is not None
        return ((in_word or unfitted) and not is_latin_script(line.text) and following.indent < c.KEPT_INDENT
                and not parted)

    def head_marker_at(self, index: int) -> bool:
        """A line that only appears at the head of an article: dateline, subtitle, a document's dated
        note, jump line, a summary box's label (`核心阅读`), byline (a bare name, of any surname, counts when a
        paragraph's first line follows it)."""
        if index >= len(self.lines):
            return False
        line, column = self.lines[index], self.columns[index]
        return (match_dateline(line.spaced) is not None or (is_subtitle(line, column) and not self.dash_runs_on(index))
                or c.DOCUMENT_NOTE.match(line.text) is not None
                or self.whole_line_jump_from(line) is not None or self.head_byline(line) is not None
                or line.text in c.BOX_LABELS
                or (bare_name(line.spaced, any_surname=True) is not None and self.text_starts_at(index + 1)))

    def dash_runs_on(self, index: int) -> bool:
        """`位于安徽省芜湖市的食品电商` over `——“三只松鼠”从零起步，短短`: a paragraph broken before a long dash
        (type never breaks inside one), not a title over its subtitle. The line above is as wide as a
        paragraph's first line, and the dashed line is full and holds clause marks: running text."""
        if index == 0:
            return False
        line, above, column = self.lines[index], self.lines[index - 1], self.columns[index]
        first_line_wide = (is_indented_start(above, column)
                           and above.width >= column - c.FIRST_LINE_INDENT - c.COLUMN_TOLERANCE)
        return first_line_wide and line.width >= column - c.SHORT_LINE_MARGIN and not is_unpunctuated(line)

    def text_starts_at(self, index: int) -> bool:
        """Text, not more of a head: a sentence, a first line, or a line as wide as the column."""
        if index >= len(self.lines):
            return False
        line = self.lines[index]
        return (ends_sentence(line.text) or self.first_line_at(index)
                or (line.blank_before and self.blanks[index]) or line.width >= self.columns[index] - c.INDENT_BAND)

    def first_line_at(self, index: int, *, after_phrase: bool = False) -> bool:
        """Is the line at ``index`` narrowed by a paragraph's lost indent? Not if what starts the next line
        could not be broken and did not fit (`…发行价格为` over `21.71元/股…`), unless ``after_phrase``:
        the line before cannot be running text, so where the width leaves it open, this line opens a paragraph."""
        following = self.lines[index + 1].text if index + 1 < len(self.lines) and not after_phrase else ""
        return is_indented_start(self.lines[index], self.columns[index] - short_by_next_start(following),
                                 after_phrase=after_phrase)

    def looks_like_head(self, index: int, depth: int = 0) -> bool:
        return self.head_marker_at(index) or (
            depth < MAX_HEAD_LINES and self.heading_at(index, at_head=True, depth=depth))


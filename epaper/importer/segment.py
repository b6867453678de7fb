"""Split the lines of a page into articles.

An article is: heading lines (kicker, title, dashed subtitle, jump line, byline), then body lines,
closed by an end byline (`□肖芳`) or a jump line (`（下转第二版）`). Inside a body a short heading
between paragraphs is a subhead, unless what follows it looks like the head of another article.
A text that starts without a heading is a fragment continued from another page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import conventions as c
from .bylines import Byline, match_dateline, parse_byline, split_trailing_byline
from .headlines import is_heading, is_subtitle
from .jumps import continued_from, continues_on
from .lines import (
    Line,
    blank_lines_meaningful,
    boundary_columns,
    ends_sentence,
    is_indented_start,
    make_line,
    suspicious_lost_glyphs,
)
from .record import Artefact

MAX_HEAD_LINES = 4
"""Kicker, title, subtitle and a byline: a head is never longer."""

UNCERTAIN_AFTER_FRAGMENT = (
    "uncertain boundary: a heading after a headless fragment was taken as the title of a new article"
)
UNCERTAIN_DATELINE = "uncertain boundary: a dateline inside a text was taken as the start of a new article"


@dataclass
class Section:
    """The lines of one article as found on the page, before they are read into fields."""

    head: list[Line] = field(default_factory=list)
    subtitles: list[Line] = field(default_factory=list)
    body: list[tuple[str, Line]] = field(default_factory=list)
    """("text", line) or ("subhead", line), in reading order."""
    bylines: list[Byline] = field(default_factory=list)
    continued_from: int | None = None
    continues_on: int | None = None
    artefacts: list[Artefact] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    ended: bool = False
    first_line: int = 0

    @property
    def has_text(self) -> bool:
        return any(kind == "text" for kind, _ in self.body)

    @property
    def headless(self) -> bool:
        return not self.head

    def last_text(self) -> Line | None:
        return next((line for kind, line in reversed(self.body) if kind == "text"), None)


def is_furniture(line: Line) -> bool:
    return any(pattern.search(line.text) for pattern in c.PAGE_FURNITURE)


class _Segmenter:
    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.columns = boundary_columns(lines)
        self.blanks = blank_lines_meaningful(lines)
        self.sections: list[Section] = []

    def run(self) -> list[Section]:
        index = 0
        while index < len(self.lines):
            section = self.sections[-1] if self.sections else None
            if section is not None and section.ended and self._attach_to_ended(section, index):
                index += 1
            elif section is None or section.ended:
                index = self._read_head(self._start(index), index)
            else:
                index = self._read_body(section, index)
        return self.sections

    def _start(self, index: int, warning: str | None = None) -> Section:
        section = Section(first_line=self.lines[index].number)
        if warning:
            section.warnings.append(warning)
        self.sections.append(section)
        return section

    def _take(self, section: Section, line: Line) -> None:
        """Account for a source line consumed by ``section``: its lost glyphs become artefacts."""
        if line.lost_glyphs:
            section.artefacts.append(Artefact(line.number, c.LOST_GLYPH * line.lost_glyphs, "lost glyph"))
        for context in suspicious_lost_glyphs(line.raw):
            section.warnings.append(f"lost glyph removed at line {line.number}: {context}")

    def _whole_line_jump_from(self, line: Line) -> int | None:
        jump = continued_from(line.text)
        return jump.page if jump is not None and jump.text == line.text else None

    def _head_byline(self, line: Line) -> Byline | None:
        return parse_byline(line.spaced) if match_dateline(line.spaced) is None else None

    def _read_head(self, section: Section, index: int) -> int:
        while index < len(self.lines):
            line, column = self.lines[index], self.columns[index]
            page = self._whole_line_jump_from(line)
            byline = self._head_byline(line)
            if is_furniture(line):
                section.artefacts.append(Artefact(line.number, line.text, "page furniture"))
            elif page is not None:
                section.continued_from = page
                section.artefacts.append(Artefact(line.number, line.text, "jump line"))
            elif section.head and is_subtitle(line, column):
                section.subtitles.append(line)
            elif byline is not None:
                section.bylines.append(byline)
                section.artefacts.append(Artefact(line.number, byline.raw, "byline"))
            elif not section.subtitles and self._heading_at(index, at_head=True):
                section.head.append(line)
            else:
                return index
            self._take(section, line)
            index += 1
        return index

    def _attach_to_ended(self, section: Section, index: int) -> bool:
        """A credit or jump line printed after an article's end byline still belongs to it."""
        line = self.lines[index]
        jump = continues_on(line.text)
        byline = parse_byline(line.spaced)
        if jump is not None and jump.text == line.text:
            section.continues_on = jump.page
            section.artefacts.append(Artefact(line.number, line.text, "jump line"))
        elif byline is not None and match_dateline(line.spaced) is None:
            section.bylines.append(byline)
            section.artefacts.append(Artefact(line.number, byline.raw, "byline"))
        else:
            return False
        self._take(section, line)
        return True

    def _read_body(self, section: Section, index: int) -> int:
        line = self.lines[index]
        if is_furniture(line):
            section.artefacts.append(Artefact(line.number, line.text, "page furniture"))
            self._take(section, line)
            return index + 1
        if section.has_text and (match_dateline(line.spaced) or self._whole_line_jump_from(line) is not None):
            section.ended = True
            return self._read_head(self._start(index, UNCERTAIN_DATELINE), index)
        jump = continues_on(line.spaced)
        split = split_trailing_byline(line.spaced)
        if jump is None and split is None and section.has_text and self._subhead_position(section, index):
            return self._heading_in_body(section, index)
        self._take(section, line)
        if jump is not None:
            section.continues_on = jump.page
            section.artefacts.append(Artefact(line.number, jump.text, "jump line"))
            line = make_line(line.number, line.spaced[: jump.start] + line.spaced[jump.end:],
                             blank_before=line.blank_before)
            section.ended = True
            split = split_trailing_byline(line.spaced)
        if split is not None:
            text, byline = split
            section.bylines.append(byline)
            section.artefacts.append(Artefact(line.number, byline.raw, "byline"))
            section.ended = section.ended or bool(text) or section.has_text
            line = make_line(line.number, text, blank_before=line.blank_before)
        if line.spaced:
            section.body.append(("text", line))
        return index + 1

    def _subhead_position(self, section: Section, index: int) -> bool:
        """A heading between paragraphs: after a sentence end, before something that starts."""
        previous = section.last_text()
        after_sentence = previous is not None and ends_sentence(previous.text)
        return after_sentence and self._heading_at(index, at_head=False)

    def _heading_at(self, index: int, *, at_head: bool, depth: int = 0) -> bool:
        """A short unpunctuated line followed by a paragraph's first line or by more of a head."""
        line = self.lines[index]
        if match_dateline(line.spaced) is not None or parse_byline(line.spaced) is not None:
            return False
        if index + 1 >= len(self.lines):
            return False
        spanning = at_head and self._head_marker_at(index + 1)
        if not is_heading(line, self.columns[index], at_head=at_head, spanning=spanning):
            return False
        following = self.lines[index + 1]
        return (following.letter_spaced or is_indented_start(following, self.columns[index + 1])
                or (following.blank_before and self.blanks[index + 1])
                or self._looks_like_head(index + 1, depth + 1))

    def _head_marker_at(self, index: int) -> bool:
        """A line that only appears at the head of an article: dateline, subtitle, jump line, byline."""
        line, column = self.lines[index], self.columns[index]
        return (match_dateline(line.spaced) is not None or is_subtitle(line, column)
                or self._whole_line_jump_from(line) is not None or self._head_byline(line) is not None)

    def _looks_like_head(self, index: int, depth: int = 0) -> bool:
        return self._head_marker_at(index) or (
            depth < MAX_HEAD_LINES and self._heading_at(index, at_head=True, depth=depth))

    def _heading_in_body(self, section: Section, index: int) -> int:
        """A subhead of this article, or the title of the next one."""
        if self._looks_like_head(index + 1):
            section.ended = True
            return self._read_head(self._start(index), index)
        if section.headless:
            section.ended = True
            return self._read_head(self._start(index, UNCERTAIN_AFTER_FRAGMENT), index)
        line = self.lines[index]
        self._take(section, line)
        section.body.append(("subhead", line))
        return index + 1


def split_articles(lines: list[Line]) -> list[Section]:
    """The articles on a page in reading order, as sections of lines."""
    return _Segmenter(lines).run() if lines else []

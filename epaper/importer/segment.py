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
from .headlines import is_subtitle
from .jumps import continues_on
from .lines import (
    Line,
    ends_sentence,
    make_line,
    suspicious_lost_glyphs,
)
from .marks import caption_end, caption_text, split_end_mark
from .page import Page
from .record import Artefact

UNCERTAIN_AFTER_FRAGMENT = (
    "uncertain boundary: a heading after a headless fragment was taken as the title of a new article"
)
UNCERTAIN_AFTER_NEWS = (
    "uncertain boundary: a heading inside a dateline-led report was taken as the title of a new article"
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
    captions: list[str] = field(default_factory=list)
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
        self.page = Page(lines)
        self.lines = lines
        self.columns = self.page.columns
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

    def _read_head(self, section: Section, index: int) -> int:
        while index < len(self.lines):
            line, column = self.lines[index], self.columns[index]
            page = self.page.whole_line_jump_from(line)
            byline = self.page.head_byline(line)
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
            elif not section.subtitles and self.page.heading_at(index, at_head=True):
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
        if section.has_text and (match_dateline(line.spaced) or self.page.whole_line_jump_from(line) is not None):
            section.ended = True
            return self._read_head(self._start(index, UNCERTAIN_DATELINE), index)
        if self._after_sentence(section):
            caption = caption_end(self.lines, index)
            if caption is not None:
                return self._caption(section, index, caption)
            marked = self.page.marked_subhead(index)
            if marked is not None:
                return self._subhead(section, index, marked)
            if self.page.numbered_subhead(index):
                return self._subhead(section, index, line)
        jump = continues_on(line.spaced)
        split = split_trailing_byline(line.spaced) or self.page.uncued_last_byline(index)
        if jump is None and split is None and section.has_text and self._subhead_position(section, index):
            return self._heading_in_body(section, index)
        self._take(section, line)
        if jump is not None:
            section.continues_on = jump.page
            section.artefacts.append(Artefact(line.number, jump.text, "jump line"))
            line = make_line(
                line.number, line.spaced[: jump.start] + line.spaced[jump.end :], blank_before=line.blank_before
            )
            section.ended = True
            split = split_trailing_byline(line.spaced)
        if split is not None:
            text, byline = split
            section.bylines.append(byline)
            section.artefacts.append(Artefact(line.number, byline.raw, "byline"))
            section.ended = section.ended or bool(text) or section.has_text
            line = make_line(line.number, text, blank_before=line.blank_before)
        end_mark = split_end_mark(line.spaced)
        if end_mark is not None:
            section.artefacts.append(Artefact(line.number, end_mark[1], "end mark"))
            section.ended = True
            line = make_line(line.number, end_mark[0], blank_before=line.blank_before)
        if line.spaced:
            section.body.append(("text", line))
        return index + 1

    @staticmethod
    def _opens_with_dateline(section: Section) -> bool:
        """A news report (消息) opens with a dateline and has no subheads; features (通讯) have them."""
        first = next((line for kind, line in section.body if kind == "text"), None)
        return first is not None and match_dateline(first.spaced) is not None

    def _after_sentence(self, section: Section) -> bool:
        previous = section.last_text()
        return previous is not None and ends_sentence(previous.text)

    def _caption(self, section: Section, first: int, last: int) -> int:
        """A photo caption among the paragraphs: kept with the article, out of its text."""
        lines = self.lines[first : last + 1]
        section.captions.append(caption_text(lines))
        for line in lines:
            self._take(section, line)
            section.artefacts.append(Artefact(line.number, line.text, "caption"))
        return last + 1

    def _subhead_position(self, section: Section, index: int) -> bool:
        """A heading between paragraphs: after a sentence end, before something that starts."""
        return self._after_sentence(section) and (
            self.page.heading_at(index, at_head=False)
            or (self.page.head_marker_at(index + 1) and self.page.heading_at(index, at_head=True))
        )

    def _heading_in_body(self, section: Section, index: int) -> int:
        """A subhead of this article, or the title of the next one."""
        if self.page.looks_like_head(index + 1):
            section.ended = True
            return self._read_head(self._start(index), index)
        if section.headless:
            section.ended = True
            return self._read_head(self._start(index, UNCERTAIN_AFTER_FRAGMENT), index)
        if self._opens_with_dateline(section):
            section.ended = True
            return self._read_head(self._start(index, UNCERTAIN_AFTER_NEWS), index)
        return self._subhead(section, index, self.lines[index])

    def _subhead(self, section: Section, index: int, subhead: Line) -> int:
        line = self.lines[index]
        self._take(section, line)
        if subhead is not line:
            section.artefacts.append(Artefact(line.number, line.spaced[0], "subhead mark"))
        section.body.append(("subhead", subhead))
        return index + 1


def split_articles(lines: list[Line]) -> list[Section]:
    """The articles on a page in reading order, as sections of lines."""
    return _Segmenter(lines).run() if lines else []

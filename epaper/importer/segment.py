"""Split the lines of a page into articles.

An article is: heading lines (kicker, title, dashed subtitle, jump line, byline), then body lines,
closed by an end byline (`□肖芳`), an end mark, a closing note or a jump line (`（下转第二版）`).
Inside a body a short heading between paragraphs is a subhead, unless what follows it looks like
the head of another article. A text that starts without a heading is a fragment continued from
another page.

Each line is read by the first rule that takes it, from an ordered list of small named rules:
``HEAD_RULES`` over an article, ``BODY_RULES`` in it, ``AFTER_END_RULES`` after its end.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from . import conventions as c
from .bylines import (
    Byline,
    bare_name,
    has_role,
    match_dateline,
    parse_byline,
    split_lost_box_byline,
    split_trailing_byline,
)
from .headlines import UNDASHED_SUBTITLE, is_heading, is_subtitle, is_unpunctuated
from .jumps import continues_on
from .lines import (
    Line,
    cannot_run_on,
    ends_sentence,
    has_first_line_width,
    loose_line_width,
    make_line,
    suspicious_lost_glyphs,
    without_hanging_mark,
)
from .marks import caption_end, caption_text, split_end_mark, uncued_caption_end
from .page import Page
from .record import Artefact

UNCERTAIN_AFTER_FRAGMENT = (
    "uncertain boundary: line {line}, a heading after a headless fragment, was taken as the title of a new article"
)
UNCERTAIN_AFTER_NEWS = (
    "uncertain boundary: line {line}, a heading inside a news report (opened by a dateline or `记者…获悉`), was taken "
    "as the title of a new article"
)
UNCERTAIN_DATELINE = ("uncertain boundary: line {line}, a dateline inside a text, was taken as the start of a new "
                      "article")
ANNOUNCED_SUBHEAD = ("line {line}: a heading after a paragraph ending with a colon was read as a subhead of the "
                     "same article, not as the next article's title")
SECOND_DISPATCH = ("line {line}: a dateline inside the text, under no heading of its own, was read as the story's "
                   "second dispatch, not as a new article")
UNCERTAIN_HEAD_NAME = "line {line}: a bare name under the headline ({name}) was taken as the byline"
FILED_FROM = ("line {line}: {place}, run into `报道` after the byline's names, was taken as the place filed from, "
              "not a name")
UNCERTAIN_END_NAME = "line {line}: a bare name after the last paragraph ({name}) was taken as the byline"
UNLISTED_WRAPPED_NAME = ("line {line}: a name of a surname no list has ({name}), under an end byline at the column's "
                         "edge, was taken as its next author")
UNCERTAIN_OVER_FIRST_LINE = (
    "line {line}: a line as wide as a paragraph's first line, over one and without punctuation, was read as a heading"
)
UNCERTAIN_OPENING_TITLE = (
    "line {line}: a short phrase at the top of the page or after an article's end was taken as a title, though the "
    "line under it does not look like a paragraph's first line"
)
COLUMN_LABEL = ("line {line}: {text} over an item's marked title was taken as the name of a brief column, "
                "not as the item's kicker")
SECTION_LABEL = ("line {line}: {text}, a marked phrase over a title, was taken as the name of a section of the "
                 "page, not as the article's kicker")
LABELLED_LIKE_TITLE = ("uncertain boundary: line {line}, a heading labelled as the title over it is (`name：…`), "
                       "was taken as the title of the next article, not as a subhead")
FEATURE_SUBHEAD = ("line {line}: a heading in a text opened by a dateline was read as a subhead (a feature's), because "
                   "the text under it names the subject the title quotes")
UNSIGNED_REPORT_SUBHEAD = ("line {line}: a heading in a text opened by a dateline was read as a subhead, because the "
                           "text under it opens no report of its own and ends with no byline before the next heading")
MARKED_DECKS = ("line {line}: a box-marked label over a heading, between paragraphs, was read as a subhead in two "
                "decks (a part of the story), not as the next article's kicker and title")
DASHED_DECKS = ("line {line}: a heading ending in a long dash, over a heading, between paragraphs, was read as a "
                "subhead in two decks (a part of the story), not as the next article's kicker and title")
TWO_DECK_SUBHEAD = ("line {line}: two heading lines between paragraphs, with no blank line over them where blank "
                    "lines part this page's articles, were read as one subhead in two decks, not a kicker and title")
UNCERTAIN_DECKS = ("uncertain boundary: line {line} and the line under it, two heading lines between paragraphs with "
                   "nothing of a head under them, were taken as the next article's kicker and title; where a page's "
                   "blank lines tell nothing, they may be a subhead set in two decks")
WIDE_TWO_PHRASE_SUBHEAD = ("line {line}: a heading of two phrases wider than the column was read as a subhead, because "
                           "the article's title is one phrase")
PHRASED_LIKE_TITLE = ("uncertain boundary: line {line}, a heading of two phrases as the title is, was taken as the "
                      "title of the next item, not as a subhead")
CONTINUED_SIGNED_SUBHEAD = (
    "line {line}: a heading in a text continued from another page was read as a subhead, though the text under it "
    "ends with a byline ({byline}): if the byline signs that text alone, the heading is the next article's title"
)
SET_ON_LIKE_A_HEAD = ("uncertain boundary: line {line}, a heading with a blank line over it and its text straight "
                      "under it, as this page's heads stand on their texts where paragraphs are parted by blank lines "
                      "and this article's subheads are set off, was taken as the title of a new article")
SET_ON_SUBHEAD = ("line {line}: a heading with a blank line over it and its text straight under it, as this article's "
                  "head stands on its text where paragraphs are parted by blank lines, was read as a subhead; if the "
                  "paper sets its subheads off from their text, it is the next article's title")
UNCERTAIN_SECOND_BYLINE = (
    "uncertain boundary: line {line} was taken as the title of a new article, because the text under it ends "
    "with a byline of its own"
)


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
    dispatch_authors: list[str] = field(default_factory=list)
    """Reporters named by the datelines of later dispatches in the text (`本报大阪11月16日电记者张国成报道：`)."""
    title_mark: str = ""
    """The item mark printed before the title (`■`) in a brief column: the column's next title carries it too."""
    first_line: int = 0
    sources: list[str] = field(default_factory=list)
    """Where fields came from, for the review report: `line 12: byline under headline`."""

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
            if section is not None and section.ended and self._after_end(section, index):
                index += 1
            elif section is None or section.ended:
                index = self._read_head(self._start(index), index)
            else:
                index = next(step for rule in BODY_RULES if (step := rule(self, section, index)) is not None)
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

    def _add_byline(self, section: Section, line: Line, byline: Byline, where: str) -> None:
        section.bylines.append(byline)
        section.artefacts.append(Artefact(line.number, byline.raw, "byline"))
        section.sources.append(f"line {line.number}: byline {where}")
        if byline.place is not None:
            section.warnings.append(FILED_FROM.format(line=line.number, place=byline.place))

    # --- over an article ----------------------------------------------------------------------

    def _read_head(self, section: Section, index: int) -> int:
        while index < len(self.lines):
            over_head = self._head_caption(section, index)
            if over_head is not None:
                index = over_head
                continue
            if not any(rule(self, section, index) for rule in HEAD_RULES):
                return index
            self._take(section, self.lines[index])
            index += 1
        return index

    def _head_caption(self, section: Section, index: int) -> int | None:
        """A photo's caption over the head it stands by (`韦布望远镜…发现了“悬空”冰。` over `图片来源：…`, then the
        title): kept with the article, out of its head. Returns the index of the line under it."""
        if section.head or section.bylines or section.body:
            return None
        last = caption_end(self.lines, index)
        if last is None:
            last = self._uncued_caption(index)
        if last is None or not (last + 1 < len(self.lines) and self.page.heading_at(last + 1, at_head=True)):
            return None
        return self._keep_caption(section, index, last)

    def _head_furniture(self, section: Section, index: int) -> bool:
        line = self.lines[index]
        if not is_furniture(line):
            return False
        section.artefacts.append(Artefact(line.number, line.text, "page furniture"))
        return True

    def _head_jump_from(self, section: Section, index: int) -> bool:
        line = self.lines[index]
        page = self.page.whole_line_jump_from(line)
        if page is None:
            return False
        section.continued_from = page
        section.artefacts.append(Artefact(line.number, line.text, "jump line"))
        section.sources.append(f"line {line.number}: continued from page {page} (jump line)")
        return True

    def _head_continued_subhead(self, section: Section, index: int) -> bool:
        """A jump line under the repeated title (`布局谋篇` over `（上接第1版）`) closes the head: a heading under it,
        over text, is the first subhead of the text that goes on, not the title with a kicker over it."""
        line = self.lines[index]
        if not (section.continued_from is not None and section.head and not section.body
                and section.head[-1].number < self._jump_line_number(section)
                and self.page.heading_at(index, at_head=False)):
            return False
        section.body.append(("subhead", line))
        section.sources.append(f"line {line.number}: subhead (a heading under the jump line that closed the head)")
        return True

    def _head_second_deck(self, section: Section, index: int) -> bool:
        """The subhead taken under the jump line ends in a long dash (`看跨境——`): the heading under it is its
        second deck, one subhead, not the title of the text."""
        line = self.lines[index]
        if not (len(section.body) == 1 and section.body[0][0] == "subhead"
                and section.body[0][1].text.endswith(c.LEAD_IN_DASH)
                and is_heading(line, self.columns[index], at_head=False)):
            return False
        self._subhead(section, index, line)
        return True

    @staticmethod
    def _jump_line_number(section: Section) -> int:
        return next(artefact.line for artefact in section.artefacts if artefact.kind == "jump line")

    def _head_subtitle(self, section: Section, index: int) -> bool:
        line = self.lines[index]
        if not (section.head and is_subtitle(line, self.columns[index])):
            return False
        section.subtitles.append(line)
        section.sources.append(f"line {line.number}: subtitle (opens with a dash)")
        return True

    def _head_byline(self, section: Section, index: int) -> bool:
        line = self.lines[index]
        byline = self.page.head_byline(line)
        if byline is None:
            return False
        self._add_byline(section, line, byline, "under headline" if section.head else "over the text")
        return True

    def _head_bare_name(self, section: Section, index: int) -> bool:
        """A commentary's author printed alone under its headline: `周 方`."""
        line = self.lines[index]
        if not section.head or section.bylines or index + 1 >= len(self.lines):
            return False
        byline = bare_name(line.spaced, any_surname=self.page.text_starts_at(index + 1))
        tagged = bool(c.COLUMN_TAG.search(section.head[-1].text))  # a commentary's title: its author follows
        if byline is None or (not tagged and self.page.heading_at(index + 1, at_head=True)):
            return False
        self._add_byline(section, line, byline, "under headline (a bare name)")
        section.warnings.append(UNCERTAIN_HEAD_NAME.format(line=line.number, name="".join(byline.authors)))
        return True

    def _head_box_label(self, section: Section, index: int) -> bool:
        """`核心阅读` under a headline labels a summary box: the label goes, the box text stays."""
        line = self.lines[index]
        if line.text not in c.BOX_LABELS:
            return False
        section.artefacts.append(Artefact(line.number, line.text, "box label"))
        return True

    def _head_column_name(self, section: Section, index: int) -> bool:
        """`简讯` over the first item's title names the column of short items: no kicker of that item."""
        line = self.lines[index]
        if section.head or line.text not in c.COLUMN_NAMES:
            return False
        section.artefacts.append(Artefact(line.number, line.text, "column name"))
        section.sources.append(f"line {line.number}: the name of a column of short items, over its first title")
        return True

    def _head_numbered_subhead(self, section: Section, index: int) -> bool:
        """`一、问卷调查概况` under the headline, over text: a heading numbered as the first part of a text opens
        that text's first part, a subhead; a kicker is never followed by a numbered title, so the line over it
        stays the title."""
        line = self.lines[index]
        if not (section.head and not section.body and self.page.numbered_subhead(index)
                and self.page.text_starts_at(index + 1)):
            return False
        section.body.append(("subhead", line))
        section.sources.append(f"line {line.number}: subhead (a numbered heading under the headline, over its text)")
        return True

    def _head_heading(self, section: Section, index: int) -> bool:
        line = self.lines[index]
        column = self.columns[index]
        # a text continued from another page repeats its title under the jump line
        repeated = section.continued_from is not None and not section.head and is_heading(line, column, at_head=True)
        # under a kicker, a short phrase is the title whatever follows it, unless it is a paragraph's first
        # line: its indent kept, or running on into the next line's Latin words
        stacked = (len(section.head) == 1 and not section.bylines and is_unpunctuated(line)
                   and match_dateline(line.spaced) is None and is_heading(line, column, at_head=True)
                   and line.indent < c.KEPT_INDENT and not self.page.runs_on(index))
        # a phrase opening the page or following an article's end, short or wider than the column, is a
        # title (`午评：…` too, its label read off by is_unpunctuated): a fragment from another page opens
        # with running text, a full line
        opening = (line.number == section.first_line and not section.bylines and is_unpunctuated(line)
                   and (is_heading(line, column, at_head=True) or self._wider_than_column(index)
                        or self._tagged_phrase(index)))
        if section.subtitles or section.title_mark:  # a brief item's marked title stands alone
            return False
        if section.head and section.bylines:
            return False  # a byline under the headline closes the stack: the text follows, however it opens
        if section.head and c.COLUMN_TAG.search(section.head[-1].text):
            return self._tagged_title_subtitle(section, index)
        if section.head and c.COLUMN_BAR.match(section.head[-1].text):
            return False  # `权威解读｜…` is the whole title, no kicker: a dashed subtitle or the text follows
        if not (repeated or stacked or self.page.heading_at(index, at_head=True)):
            if not opening:
                return False
            section.warnings.append(UNCERTAIN_OPENING_TITLE.format(line=line.number))
        if line.text[:1] in c.ITEM_MARKS and len(line.text) > 1:
            self._marked_title(section, line)
            return True
        if section.head and section.head[-1].text[:1] in c.SECTION_MARKS:
            self._section_label(section)
        section.head.append(line)
        return True

    def _tagged_title_subtitle(self, section: Section, index: int) -> bool:
        """A column tag (`（解码·文化遗产系统性保护）`) closes the title: a heading under it, over the text, is
        its subtitle printed without a dash, not the title with the tagged line as its kicker."""
        line = self.lines[index]
        if not self.page.heading_at(index, at_head=True):
            return False
        section.subtitles.append(line)
        section.sources.append(f"line {line.number}: subtitle (under a title closed by a column tag, no dash)")
        section.warnings.append(UNDASHED_SUBTITLE.format(line=line.number, text=line.text))
        return True

    @staticmethod
    def _section_label(section: Section) -> None:
        """`□师者之尊缘自用心` over a title names a section of the page, over several articles: it goes, no kicker."""
        label = section.head.pop()
        section.artefacts.append(Artefact(label.number, label.text, "section label"))
        section.warnings.append(SECTION_LABEL.format(line=label.number, text=label.text))

    @staticmethod
    def _marked_title(section: Section, line: Line) -> None:
        """`■福建省新闻界访问团抵金门`: an item's title in a brief column. The mark goes; a line over it is the
        column's name (`台湾短讯`), heading all its items, so it is no article's kicker."""
        section.title_mark = line.text[0]
        section.artefacts.append(Artefact(line.number, line.text[0], "title mark"))
        for label in section.head:
            section.artefacts.append(Artefact(label.number, label.text, "column label"))
            section.warnings.append(COLUMN_LABEL.format(line=label.number, text=label.text))
        section.head[:] = [make_line(line.number, line.spaced.lstrip()[1:].lstrip(), blank_before=line.blank_before)]

    # --- after an article's end ---------------------------------------------------------------

    def _after_end(self, section: Section, index: int) -> bool:
        """A credit, jump line or closing note printed after an article's end still belongs to it."""
        line = self.lines[index]
        jump = continues_on(line.text)
        byline = parse_byline(line.spaced)
        if jump is not None and jump.text == line.text:
            section.continues_on = jump.page
            section.artefacts.append(Artefact(line.number, line.text, "jump line"))
            section.sources.append(f"line {line.number}: continues on page {jump.page} (jump line)")
        elif byline is not None and match_dateline(line.spaced) is None:
            self._add_byline(section, line, byline, "after the end")
        elif c.CROSS_REFERENCE.match(line.text):
            section.body.append(("text", line))
        elif (wrapped := self._byline_wrapped_onto(section, index)) is not None:
            self._add_byline(section, line, wrapped, "wrapped from the line before")
        else:
            return False
        self._take(section, line)
        return True

    def _byline_wrapped_onto(self, section: Section, index: int) -> Byline | None:
        """`…。□马骏` at the column's edge and `邓雅` on the next line: one byline broken by the wrap. The byline
        vouches for a name of any surname (`…拓市场。□周睿` over `朴馨语`) over the next title or the page's end;
        over a byline or text such a line is a title itself (a profile's)."""
        line = self.lines[index]
        names = bare_name(line.spaced)
        vouched = names is None and self._over_a_title(index)
        if vouched:
            names = bare_name(line.spaced, any_surname=True)
        if index == 0 or not section.bylines or names is None:
            return None
        previous = self.lines[index - 1]
        signed_there = any(artefact.line == previous.number and artefact.kind == "byline"
                           for artefact in section.artefacts)
        full = previous.width >= self.columns[index - 1] - c.SHORT_LINE_MARGIN
        if not (signed_there and full):
            return None
        if vouched:
            section.warnings.append(UNLISTED_WRAPPED_NAME.format(line=line.number, name="".join(names.authors)))
        return names

    def _over_a_title(self, index: int) -> bool:
        following = index + 1
        return following >= len(self.lines) or (self.page.heading_at(following, at_head=True)
                                                and not self.page.head_marker_at(following))

    # --- in an article ------------------------------------------------------------------------

    def _body_furniture(self, section: Section, index: int) -> int | None:
        if not self._head_furniture(section, index):
            return None
        self._take(section, self.lines[index])
        return index + 1

    def _body_new_dateline(self, section: Section, index: int) -> int | None:
        """A dateline or a `（上接…）` line inside a text opens the next article; but a dateline inside a titled
        article's text, with no heading over it, is the story's second dispatch (`本报大阪11月16日电…`)."""
        line = self.lines[index]
        jump = self.page.whole_line_jump_from(line)
        if not section.has_text or not (match_dateline(line.spaced) or jump):
            return None
        if jump is None and not section.headless:
            section.warnings.append(SECOND_DISPATCH.format(line=line.number))
            following = self.lines[index + 1].spaced if index + 1 < len(self.lines) else ""
            dispatch = match_dateline(line.spaced + following)  # its reporters may wrap onto the next line
            if dispatch is not None and dispatch.authors:
                section.dispatch_authors.extend(dispatch.authors)
                section.sources.append(f"line {line.number}: reporters of a later dispatch")
            return None
        section.ended = True
        return self._read_head(self._start(index, UNCERTAIN_DATELINE.format(line=line.number)), index)

    def _body_end_mark_line(self, section: Section, index: int) -> int | None:
        """`（完）` pushed onto a line of its own closes the story."""
        line = self.lines[index]
        if not (self._after_sentence(section) and c.END_MARK_LINE.match(line.text)):
            return None
        self._take(section, line)
        section.artefacts.append(Artefact(line.number, line.text, "end mark"))
        section.ended = True
        return index + 1

    def _body_closing_note(self, section: Section, index: int) -> int | None:
        """`（相关报道见第十版）`, `（据新华社郑州9月9日电）` after the last paragraph: kept with the story, and it
        closes it."""
        line = self.lines[index]
        note = c.CROSS_REFERENCE.match(line.text) or c.SOURCE_NOTE.match(line.text)
        if not (self._after_sentence(section) and note):
            return None
        self._take(section, line)
        section.body.append(("text", line))
        section.ended = True
        return index + 1

    def _body_box_label(self, section: Section, index: int) -> int | None:
        if not self._head_box_label(section, index):
            return None
        self._take(section, self.lines[index])
        return index + 1

    def _body_caption(self, section: Section, index: int) -> int | None:
        """A photo caption among the paragraphs: kept with the article, out of its text."""
        if not self._after_sentence(section):
            return None
        last = caption_end(self.lines, index)
        if last is None:
            last = self._uncued_caption(index)
        return None if last is None else self._keep_caption(section, index, last)

    def _uncued_caption(self, index: int) -> int | None:
        """The last line of a caption opened by no caption word (see ``uncued_caption_end``), where it stands apart
        from the text: not indented as a paragraph is, and what follows it starts afresh (the page's end, a blank
        line, a paragraph's kept indent, a heading). None where no such caption starts at ``index``."""
        last = uncued_caption_end(self.lines, index) if self.lines[index].indent < c.KEPT_INDENT else None
        if last is None or last + 1 >= len(self.lines):
            return last
        after = self.lines[last + 1]
        fresh = (after.blank_before or after.indent >= c.KEPT_INDENT or self.page.heading_at(last + 1, at_head=True)
                 or self._wider_than_column(last + 1))
        return last if fresh else None

    def _keep_caption(self, section: Section, index: int, last: int) -> int:
        lines = self.lines[index: last + 1]
        section.captions.append(caption_text(lines))
        for line in lines:
            self._take(section, line)
            section.artefacts.append(Artefact(line.number, line.text, "caption"))
        return last + 1

    def _body_sibling_title(self, section: Section, index: int) -> int | None:
        """A line opened with the mark this article's title carried: the brief column's next item."""
        line = self.lines[index]
        if not (section.title_mark and line.text.startswith(section.title_mark) and self._after_sentence(section)
                and self.page.heading_at(index, at_head=True)):
            return None
        return self._next_article(section, index)

    def _body_marked_subhead(self, section: Section, index: int) -> int | None:
        if not self._after_sentence(section):
            return None
        marked = self.page.marked_subhead(index)
        if marked is not None:
            return self._subhead(section, index, marked)
        label = self._marked_label_over_a_deck(index)
        if label is None:
            return None
        return self._two_deck_subhead(section, index, MARKED_DECKS, first_deck=label)

    def _marked_label_over_a_deck(self, index: int) -> Line | None:
        """`■省人保厅回应` over `会对此事调查清楚`, then text: a box-marked label over a heading shaped as a
        subhead's second deck (see ``_shaped_as_decks``) opens a part of the story (a sidebar's `■律师说法`) in
        two decks, not the next article's kicker and title; a section mark (`□`) over a title names a section of
        the page instead. Returns the label without its mark."""
        line = self.lines[index]
        mark = line.spaced[:1]
        if mark not in c.BYLINE_MARKERS or mark in c.SECTION_MARKS or not self._shaped_as_decks(index):
            return None
        label = make_line(line.number, line.spaced[1:], blank_before=line.blank_before)
        return label if label.spaced and is_heading(label, self.columns[index], at_head=False) else None

    def _body_numbered_subhead(self, section: Section, index: int) -> int | None:
        if not (self._after_sentence(section) and self.page.numbered_subhead(index)):
            return None
        return self._subhead(section, index, self.lines[index])

    def _body_end_name(self, section: Section, index: int) -> int | None:
        """A bare name after the last paragraph, before the next head: the byline, its box lost or never printed."""
        line = self.lines[index]
        byline = self.page.end_name(index) if self._after_sentence(section) else None
        if byline is None:
            return None
        self._take(section, line)
        self._add_byline(section, line, byline, "after the last paragraph (a name alone on its line)")
        if not line.raw.lstrip().startswith(c.LOST_GLYPH):
            section.warnings.append(UNCERTAIN_END_NAME.format(line=line.number, name="".join(byline.authors)))
        section.ended = True
        return index + 1

    def _body_heading(self, section: Section, index: int) -> int | None:
        """A heading between paragraphs: a subhead of this article, or the title of the next one."""
        line = self.lines[index]
        if (continues_on(line.spaced) is not None or split_trailing_byline(line.spaced) is not None
                or not section.has_text or not self._subhead_position(section, index)):
            return None
        if not self.page.heading_at(index, at_head=False) and self._over_a_first_line(index):
            section.warnings.append(UNCERTAIN_OVER_FIRST_LINE.format(line=line.number))
        if line.text[:1] in c.SECTION_MARKS:  # `□师者之尊缘自用心`: a section of the page begins
            return self._next_article(section, index)
        if self._announced(section):
            section.warnings.append(ANNOUNCED_SUBHEAD.format(line=line.number))
            return self._subhead(section, index, line)
        if self._item_column_ends(section, index):
            return self._next_article(section, index)
        if line.text.endswith(c.LEAD_IN_DASH) and self._shaped_as_decks(index):
            return self._two_deck_subhead(section, index, DASHED_DECKS)
        if self._subhead_in_two_decks(section, index):
            return self._two_deck_subhead(section, index, TWO_DECK_SUBHEAD)
        if self.page.looks_like_head(index + 1) or _names_a_column(line):
            undecided = self._shaped_as_decks(index) and not (self.page.blanks[index] and self._head_set_off(section))
            return self._next_article(section, index, UNCERTAIN_DECKS.format(line=line.number) if undecided else None)
        if self._labelled_like_title(section, line):
            return self._next_article(section, index, LABELLED_LIKE_TITLE.format(line=line.number))
        if self._phrased_like_title(section, index):
            return self._next_article(section, index, PHRASED_LIKE_TITLE.format(line=line.number))
        if self._signed_again_ahead(section, index):
            return self._subhead(section, index, line)  # the text goes on to be signed by its own reporters
        if self._set_off_like_a_head(section, index):
            step = self._next_article(section, index)
            self.sections[-1].sources.append(f"line {line.number}: a new article's head (set off from its text by a "
                                             "blank line, as heads are where paragraphs are not)")
            return step
        if self._set_on_like_a_head(section, index) and self._subhead_set_off(section):
            return self._next_article(section, index, SET_ON_LIKE_A_HEAD.format(line=line.number))
        if self._parted_as_articles_are(section, index):
            step = self._next_article(section, index)
            self.sections[-1].sources.append(f"line {line.number}: a new article's head (a blank line over it, where "
                                             "blank lines part no paragraph or subhead of the article above)")
            return step
        if self._wider_than_column(index):
            if not self._phrased_unlike_title(section, line):
                return self._next_article(section, index)
            section.warnings.append(WIDE_TWO_PHRASE_SUBHEAD.format(line=line.number))
        if section.headless:
            return self._next_article(section, index, UNCERTAIN_AFTER_FRAGMENT.format(line=line.number))
        if self._opens_like_a_report(section):
            if self._names_the_title_subject(section, index):
                section.warnings.append(FEATURE_SUBHEAD.format(line=line.number))
            elif not self._over_a_one_line_paragraph(section, index) and self._runs_on_unsigned(index):
                section.warnings.append(UNSIGNED_REPORT_SUBHEAD.format(line=line.number))
            else:
                return self._next_article(section, index, UNCERTAIN_AFTER_NEWS.format(line=line.number))
        signed = self.page.end_byline_ahead(index + 1)
        if section.bylines and signed is not None:
            return self._next_article(section, index, UNCERTAIN_SECOND_BYLINE.format(line=line.number))
        if section.continued_from is not None and signed is not None:
            section.warnings.append(CONTINUED_SIGNED_SUBHEAD.format(line=line.number, byline=signed.raw))
        if self._set_on_like_a_head(section, index):
            section.warnings.append(SET_ON_SUBHEAD.format(line=line.number))
        return self._subhead(section, index, line)

    def _subhead_in_two_decks(self, section: Section, index: int) -> bool:
        """Two heading lines between paragraphs (`经济运行呈现“生产稳、就业稳、物价稳”` over
        `“新兴产业增长快、进出口增长快”等特点`) shaped as a subhead's decks (see ``_shaped_as_decks``), where the page
        sets an article's head off from its text by a blank line (this article's is) and no blank line stands over
        them: one subhead in two decks, not the next article's kicker and title. So too the mirror habit: where blank
        lines part this article's paragraphs and its head stands on its text, two heading lines with a blank line
        under them (`居民收入与经济增长` over `基本同步`, then ‹blank›) are set off as the paragraphs are, not as a
        head."""
        if index + 2 >= len(self.lines) or self.lines[index + 1].blank_before or not self._shaped_as_decks(index):
            return False
        set_off_as_heads_are_not = (self.page.blanks[index] and self._head_set_off(section)
                                    and not self.lines[index].blank_before)
        set_off_as_paragraphs_are = self.lines[index + 2].blank_before and self._head_set_on_parted_text(section)
        return set_off_as_heads_are_not or set_off_as_paragraphs_are

    def _shaped_as_decks(self, index: int) -> bool:
        """The heading at ``index`` and the line under it, the second shaped as a subhead, over a line of text with
        nothing of a head before it (nor under the first: `本报评论员` is a byline). Not where either deck names a
        column or runs wider than the column (a title's marks)."""
        if index + 2 >= len(self.lines):
            return False
        decks = (index, index + 1)
        return (is_heading(self.lines[index + 1], self.columns[index + 1], at_head=False)
                and not self.page.head_marker_at(index + 1)
                and not any(_names_a_column(self.lines[deck]) or self._wider_than_column(deck) for deck in decks)
                and not self.page.head_marker_at(index + 2) and self.page.text_starts_at(index + 2))

    def _set_off_like_a_head(self, section: Section, index: int) -> bool:
        """A heading with a blank line under it, where blank lines mean something and part none of this
        article's paragraphs, while its head is set off so (`…陈正春说。` ‹blank› `贵州立体交通网助推内陆开放`
        ‹blank› text) or a subhead of it was not: the blank marks the next article's head, not a subhead."""
        if index + 1 >= len(self.lines):
            return False
        under = self.lines[index + 1]
        texts = [line for kind, line in section.body if kind == "text"]
        if not (under.blank_before and self.page.blanks[index + 1] and texts
                and not any(line.blank_before for line in texts[1:])):
            return False
        second = self._second_paragraph_at(index + 1)
        if second is not None and self.lines[second].blank_before:
            return False  # the text under it parts its paragraphs by blank lines: the blank tells no head
        unparted_subhead = any(kind == "subhead" and position + 1 < len(section.body)
                               and not section.body[position + 1][1].blank_before
                               for position, (kind, _) in enumerate(section.body))
        return unparted_subhead or self._head_set_off(section)

    def _set_on_like_a_head(self, section: Section, index: int) -> bool:
        """A heading with a blank line over it and its text straight under it, on a page whose blank lines part this
        article's paragraphs, while the article's own head stands so on its text (`…自己的决定。` ‹blank›
        `亲子阅读的深意与诗意` over `　　用机器给孩子阅读好吗？…`): set as a head is. Where a subhead of the article
        was set off from the text under it as the paragraphs are, that tells it is the next article's title; where
        none was, papers set subheads either way, so it stays a subhead, named in the review."""
        if index + 1 >= len(self.lines) or not self.page.text_starts_at(index + 1):
            return False
        return (self.lines[index].blank_before and not self.lines[index + 1].blank_before
                and self._head_set_on_parted_text(section))

    def _parted_as_articles_are(self, section: Section, index: int) -> bool:
        """A heading with a blank line over it and its text straight under it, where blank lines mean something
        and the article above sets none: not between its head and its text, its paragraphs, nor over a subhead
        (`…刘焕军说。` ‹blank› `让世界看见中国的科学浪漫` over `“科普影视通过…`), nor the text under it, whose second
        paragraph opens with no blank line over it: the blank lines part articles here, so this is the next one's
        title, not a subhead set off as no other part of the text is. (Where the article above has one paragraph
        so far, only the text under it tells whether blank lines part paragraphs.)"""
        if index + 1 >= len(self.lines) or not self.page.text_starts_at(index + 1):
            return False
        line = self.lines[index]
        if not (line.blank_before and self.page.blanks[index]) or self.lines[index + 1].blank_before:
            return False
        if not section.head or any(part.blank_before for _, part in section.body):
            return False
        second = self._second_paragraph_at(index + 1)
        return second is not None and not self.lines[second].blank_before  # its own text parts none either

    @staticmethod
    def _subhead_set_off(section: Section) -> bool:
        """A subhead of the article has a blank line between it and the text under it."""
        return any(kind == "subhead" and position + 1 < len(section.body) and section.body[position + 1][1].blank_before
                   for position, (kind, _) in enumerate(section.body))

    @staticmethod
    def _head_set_on_parted_text(section: Section) -> bool:
        """The article's head stands on its text with no blank line, and blank lines part its paragraphs."""
        texts = [line for kind, line in section.body if kind == "text"]
        return (bool(section.head) and bool(texts) and not texts[0].blank_before
                and any(line.blank_before for line in texts[1:]))

    @staticmethod
    def _head_set_off(section: Section) -> bool:
        """A blank line stands between the article's head and its text."""
        first = next((line for kind, line in section.body if kind == "text"), None)
        return bool(section.head) and first is not None and first.blank_before

    @staticmethod
    def _labelled_like_title(section: Section, line: Line) -> bool:
        """`王生英：以校为家以家为校` in an article titled `葛堂友：深山从教42年`: a heading labelled the way the
        title is (a name or label, a colon, a phrase) is the next of a series of items, not a subhead."""
        return bool(section.head and c.TITLE_LABEL.match(section.head[-1].text) and c.TITLE_LABEL.match(line.text))

    def _phrased_like_title(self, section: Section, index: int) -> bool:
        """`班凯罗承诺代表美国男篮打世界杯  名单仅差1人` under an item titled
        `尼克斯拒绝执行罗斯球队选项  罗斯成自由球员` is the next item's title: a heading of two phrases parted
        by a headline's gap, in an article whose title is parted so, when the text above or under it opens
        with the day it reports (`北京时间6月25日，`).
        News items have no subheads; a feature's two-phrase subhead (`力求新突破  推动高质量发展`) opens no day."""
        first = next((line for kind, line in section.body if kind == "text"), None)
        openings = [line.text for line in (first, self.lines[index + 1] if index + 1 < len(self.lines) else None)
                    if line is not None]
        return bool(section.head and any(c.DATE_LEAD.match(text) for text in openings)
                    and _phrases(section.head[-1]) > 1 and _phrases(self.lines[index]) > 1)

    @staticmethod
    def _phrased_unlike_title(section: Section, line: Line) -> bool:
        """`二十年以校为家　不让一个孩子辍学` in an article titled `王生英：以校为家以家为校`: a heading of two
        phrases under a title of one is shaped as a feature's subhead, however wide the column is narrow."""
        return bool(section.head and _phrases(section.head[-1]) == 1 and _phrases(line) > 1)

    def _names_the_title_subject(self, section: Section, index: int) -> bool:
        """The text under the heading names the subject the title quotes (`“三只松鼠”与一颗坚果`, then
        `食品电商“三只松鼠”在芜湖市…`): the story goes on under a subhead, as a feature's does."""
        names = {name for line in section.head for name in c.QUOTED_NAME.findall(line.text)}
        under = ""
        for line in self.lines[index + 1:]:
            if len(under) >= c.SUBJECT_LOOKAHEAD_CHARS:
                break
            under += line.text
        return any(name in under for name in names)

    def _runs_on_unsigned(self, index: int) -> bool:
        """The text under the heading at ``index`` opens as no report does (a dateline, `记者…获悉`, the day it
        reports), ends with no byline before the next heading, and runs on past a paragraph's end: a brief item
        under its title is one paragraph and a report's next story would carry a lead or a byline, so the report
        goes on under a subhead (`百名火炬手纪念辛亥百年` over `继北京、深圳之后，…` and more paragraphs)."""
        if index + 1 >= len(self.lines):
            return False
        under = self.lines[index + 1]
        opens_a_report = (match_dateline(under.spaced) is not None or c.NEWS_LEAD.match(under.text) is not None
                          or c.DATE_LEAD.match(under.text) is not None)
        return (not opens_a_report and self.page.end_byline_ahead(index + 1) is None
                and self._second_paragraph_ahead(index + 1))

    def _second_paragraph_ahead(self, index: int) -> bool:
        return self._second_paragraph_at(index) is not None

    def _second_paragraph_at(self, index: int) -> int | None:
        """Where the paragraph opening at ``index`` ends and another opens before the next heading: the line under
        one that ends a sentence, opening a paragraph (its indent kept, a blank line over it, or the width a lost
        indent leaves). None where a heading or the page's end comes first."""
        for position in range(index, min(len(self.lines) - 1, index + c.PARAGRAPH_LOOKAHEAD_LINES)):
            if not ends_sentence(self.lines[position].text):
                continue
            following = position + 1
            if self.page.heading_at(following, at_head=True) or self.page.heading_at(following, at_head=False):
                return None
            after = self.lines[following]
            if after.indent >= c.KEPT_INDENT or after.blank_before or self.page.first_line_at(following):
                return following
        return None

    def _signed_again_ahead(self, section: Section, index: int) -> bool:
        """The text under the heading ends with a credit line naming this text's reporters by their role
        (`城市晚报记者  陈立  编辑…` after `城市晚报讯（记者 陈立）`): the story goes on under a subhead.
        A boxed or bare name there (`□莽九晨`) signs a story of its own: a text its dateline signs is not boxed
        again, so the same reporter's next story is no subhead of this one."""
        reporters = self._reporters(section)
        signed = self.page.end_byline_ahead(index + 1, through_subheads=True) if reporters else None
        return signed is not None and set(signed.authors) <= set(reporters) and has_role(signed.raw)

    @staticmethod
    def _reporters(section: Section) -> list[str]:
        """Who signed ``section`` so far: its bylines, and the reporters bracketed after its dateline."""
        first = next((line for kind, line in section.body if kind == "text"), None)
        dateline = match_dateline(first.spaced) if first is not None else None
        return [name for byline in section.bylines for name in byline.authors] + (
            dateline.authors if dateline is not None else [])

    def _body_wrapped_end_byline(self, section: Section, index: int) -> int | None:
        """`…的乐趣。（通讯员 黄` over `静）`, `…拓市场。□周睿 朴` over `馨语` (its box lost as U+FFFD or not): a
        bracketed or boxed end byline broken by the wrap, read as one line."""
        line = self.lines[index]
        if (index + 1 >= len(self.lines) or split_trailing_byline(line.spaced) is not None
                or self._item_follows(section, index + 1)):
            return None
        following = self.lines[index + 1]
        split = (split_trailing_byline(line.spaced + following.spaced)
                 or split_lost_box_byline(line.raw.strip() + following.raw.strip()))
        if split is None or not split[0] or len(split[0]) >= len(line.spaced.rstrip()):
            return None  # the byline must start on this line and take all of the next
        text, byline = split
        self._body_text(section, index, make_line(line.number, text, blank_before=line.blank_before))
        self._take(section, following)
        section.bylines.append(byline)
        section.artefacts += [Artefact(line.number, line.spaced[len(text):].strip(), "byline"),
                              Artefact(following.number, following.spaced, "byline")]
        section.sources.append(f"line {line.number}: byline at the end of the text, wrapped onto line "
                               f"{following.number}")
        section.ended = True
        return index + 2

    def _body_text(self, section: Section, index: int, line: Line | None = None) -> int:
        """A line of text, perhaps ending with a jump line, a byline or an end mark that close the article.

        ``line``: the line at ``index`` with a part already read off it."""
        self._take(section, self.lines[index])
        line = line or self.lines[index]
        jump = continues_on(line.spaced)
        if jump is not None:
            section.continues_on = jump.page
            section.artefacts.append(Artefact(line.number, jump.text, "jump line"))
            section.sources.append(f"line {line.number}: continues on page {jump.page} (jump line)")
            line = make_line(line.number, line.spaced[: jump.start] + line.spaced[jump.end:],
                             blank_before=line.blank_before)
            section.ended = True
        split = split_trailing_byline(line.spaced) or split_lost_box_byline(line.raw)
        if split is not None and not split[0] and self._only_a_dateline(section):
            split = None  # `新华社上海7月8日电` over `（通讯员马春雷、记者刘军）`: the dateline's reporters, wrapped
        if split is not None and self._item_follows(section, index):
            section.sources.append(f"line {line.number}: a credit closing an item of a brief column, kept in its text")
            previous = section.last_text()
            if not split[0] and previous is not None:  # the credit alone on its line closes the item above it
                section.body.remove(("text", previous))
                line = make_line(previous.number, previous.spaced + line.spaced, blank_before=previous.blank_before)
            split = None
        if split is not None:
            text, byline = split
            self._add_byline(section, line, byline, "at the end of the text")
            section.ended = section.ended or bool(text) or section.has_text
            line = make_line(line.number, text, blank_before=line.blank_before)
        end_mark = split_end_mark(line.spaced)
        if end_mark is not None:
            section.artefacts.append(Artefact(line.number, end_mark[1], "end mark"))
            section.ended = True
            line = make_line(line.number, end_mark[0], blank_before=line.blank_before)
        if self._closes_with_source(section, line):
            section.sources.append(f"line {line.number}: the story's source noted after its last sentence ends it")
            section.ended = True
        if line.spaced:
            section.body.append(("text", line))
        return index + 1

    @staticmethod
    def _closes_with_source(section: Section, line: Line) -> bool:
        """The text ends on this line with its source noted, `…无怨无悔。（据新华社郑州9月9日电）`, the note
        perhaps begun on the line before."""
        previous = section.last_text()
        return bool(c.SOURCE_NOTE.search((previous.text if previous is not None else "") + line.text))

    @staticmethod
    def _only_a_dateline(section: Section) -> bool:
        """The text so far is a dateline and nothing more: what follows on the next line is its bracket of reporters."""
        text = "".join(line.spaced for kind, line in section.body if kind == "text")
        dateline = match_dateline(text) if text else None
        return dateline is not None and len(dateline.text) >= len(text.replace(" ", "").replace("\u3000", ""))

    def _item_follows(self, section: Section, index: int) -> bool:
        """The next line opens an item with the mark this text's first paragraph opened with: a brief
        column (`△…（朱文志）` over `△…`), whose items each end with a credit of their own."""
        first = next((line for kind, line in section.body if kind == "text"), None)
        mark = first.text[:1] if first is not None else self.lines[index].text[:1]
        return (mark in c.ITEM_MARKS and index + 1 < len(self.lines)
                and self.lines[index + 1].text.startswith(mark))

    def _item_column_ends(self, section: Section, index: int) -> bool:
        """The text opened with an item mark (a brief column) and the line under this heading opens with
        none: the column is over, and the heading is the next article's title."""
        first = next((line for kind, line in section.body if kind == "text"), None)
        mark = first.text[:1] if first is not None else ""
        return (mark in c.ITEM_MARKS and index + 1 < len(self.lines)
                and not self.lines[index + 1].text.startswith(mark))

    def _next_article(self, section: Section, index: int, warning: str | None = None) -> int:
        section.ended = True
        return self._read_head(self._start(index, warning), index)

    @staticmethod
    def _opens_like_a_report(section: Section) -> bool:
        """A news report (消息) opens with a dateline or `记者从…获悉`, and has no subheads; features (通讯) do."""
        first = next((line for kind, line in section.body if kind == "text"), None)
        return first is not None and (match_dateline(first.spaced) is not None
                                      or c.NEWS_LEAD.match(first.text) is not None)

    def _after_sentence(self, section: Section) -> bool:
        previous = section.last_text()
        return previous is not None and (ends_sentence(previous.text) or _closes_bracketed_note(section))

    def _subhead_position(self, section: Section, index: int) -> bool:
        """A heading between paragraphs: after a sentence end, before something that starts.

        A title can be wider than the column; one is followed by a head marker, ends with a column tag,
        is wider than the column itself, stands over a first line or is labelled as this article's title is;
        in a news report, over a one-line paragraph.
        """
        line = self.lines[index]
        title_like = (self.page.head_marker_at(index + 1) or _names_a_column(line)
                      or self._wider_than_column(index) or self._over_a_first_line(index)
                      or self._labelled_like_title(section, line)
                      or (self._opens_like_a_report(section) and self._over_a_one_line_paragraph(section, index)))
        return self._after_sentence(section) and (
            self.page.heading_at(index, at_head=False) or self._tagged_phrase(index)
            or (title_like and self.page.heading_at(index, at_head=True)))

    def _tagged_phrase(self, index: int) -> bool:
        """`为实现朝鲜半岛持久和平行动起来（钟声）`: a phrase closed by a column's tag is a commentary's title even
        when it is set as wide as the column, where a heading's width no longer tells it from a line of text."""
        line = self.lines[index]
        return (bool(c.COLUMN_TAG.search(line.text)) and is_unpunctuated(line) and not line.letter_spaced
                and line.width <= self.columns[index] + c.COLUMN_TOLERANCE)

    def _over_a_one_line_paragraph(self, section: Section, index: int) -> bool:
        """An unpunctuated line over a paragraph of one short line: in a news report, which has no
        subheads, the next article's title over its opening sentence (`产业焕新，AI赋能。`). Where the report's
        paragraphs keep their indent, that paragraph keeps it too: a short line without it is the end of the
        paragraph the line over it runs on in (`朝韩双方就…是否能够正常` over `使用进行了确认和检查。`); a line
        that keeps the indent and fills the measure after it is a paragraph's first line (`“我们祝愿…经济社`), and so
        is one that opens a quote the line under it closes: its sentence runs on. A line that fills the column
        under a line that fills it too (`…的实践成果。` over `这是中国华电第三次发布碳排放白` over `皮书。`) is running
        text: nothing shows a paragraph ended over it, and a title is as wide as the column only by chance (a title
        under a short last line may be, `发布会。` over `奔向人工智能的“海油高地”`)."""
        if index + 1 >= len(self.lines):
            return False
        line, following = self.lines[index], self.lines[index + 1]
        short = loose_line_width(following) <= self.columns[index + 1] - c.INDENT_BAND
        kept = any(text.indent >= c.KEPT_INDENT for kind, text in section.body if kind == "text")
        first_line = (line.indent >= c.KEPT_INDENT and has_first_line_width(loose_line_width(line), self.columns[index],
                                                                             0.0)) or _leaves_a_quote_open(line.text)
        above = self.lines[index - 1] if index else None
        fills = above is not None and all(loose_line_width(full) >= self.columns[position] - c.COLUMN_TOLERANCE
                                          for position, full in ((index - 1, above), (index, line)))
        return (not line.letter_spaced and is_unpunctuated(line) and ends_sentence(following.text) and short
                and (following.indent >= c.KEPT_INDENT or not kept) and not first_line and not fills)

    def _wider_than_column(self, index: int) -> bool:
        """An unpunctuated line wider than its column (a title's label aside): a headline across columns,
        never a subhead in one."""
        line = self.lines[index]
        return (not line.letter_spaced and is_unpunctuated(line)
                and line.width > self.columns[index] + c.WIDER_THAN_COLUMN)

    def _over_a_first_line(self, index: int) -> bool:
        """An unpunctuated line over a paragraph's first line that runs on: it opens no paragraph itself
        (a paragraph's second line is full) and closes none (no sentence end), so it is a heading.

        The line under it must be narrower by the indent than the full line after it, both measured
        with their punctuation set full: a full line thick with punctuation measures narrow too.
        """
        if index + 2 >= len(self.lines):
            return False
        line, following, full = self.lines[index], self.lines[index + 1], self.lines[index + 2]
        phrase = cannot_run_on(line, self.columns[index])
        measured = without_hanging_mark(following.text) if phrase else following.text
        narrowed = (loose_line_width(following, measured)
                    <= loose_line_width(full) - c.FIRST_LINE_INDENT + c.COLUMN_TOLERANCE)
        return (not line.letter_spaced and is_unpunctuated(line) and not ends_sentence(following.text)
                and narrowed and self.page.first_line_at(index + 1, after_phrase=phrase))

    @staticmethod
    def _announced(section: Section) -> bool:
        """The text so far ends with a colon (`以下是访谈文字实录：`), or with a subhead under one:
        what follows belongs to it, so a heading here is a subhead, not the next article's title."""
        for kind, line in reversed(section.body):
            if kind == "text":
                return line.text.endswith(c.ANNOUNCING_END)
        return False

    def _two_deck_subhead(self, section: Section, index: int, warning: str, first_deck: Line | None = None) -> int:
        """The heading at ``index`` (read as ``first_deck`` where a mark is set apart) and the line under it as one
        subhead, the decision named in the review."""
        section.warnings.append(warning.format(line=self.lines[index].number))
        first = self._subhead(section, index, first_deck or self.lines[index])
        return self._subhead(section, first, self.lines[index + 1])

    def _subhead(self, section: Section, index: int, subhead: Line) -> int:
        line = self.lines[index]
        self._take(section, line)
        if subhead is not line:
            section.artefacts.append(Artefact(line.number, line.spaced[0], "subhead mark"))
        if section.body and section.body[-1][0] == "subhead":
            # two heading lines with no text between are one subhead set in two decks, parted as a headline's phrases
            deck = section.body.pop()[1]
            subhead = make_line(deck.number, f"{deck.spaced}  {subhead.spaced}", blank_before=deck.blank_before)
            section.sources.append(f"line {line.number}: second deck of the subhead on line {deck.number}")
        section.body.append(("subhead", subhead))
        section.sources.append(f"line {line.number}: subhead (a heading between paragraphs)")
        return index + 1


def _names_a_column(line: Line) -> bool:
    """A heading closed by a column's tag (`（人民时评）`) or opened by its name and a bar (`权威解读｜…`): a title."""
    return bool(c.COLUMN_TAG.search(line.text) or c.COLUMN_BAR.match(line.text))


def _leaves_a_quote_open(text: str) -> bool:
    """`“我们祝愿…经济社`: the line opens a quotation it does not close, so its sentence goes on to the next line."""
    return text.count("“") > text.count("”")


def _closes_bracketed_note(section: Section) -> bool:
    """The text since the last sentence end is one bracket, closed on the last line: a document's note
    (`（2000年10月31日…通过 …起施行）`) is a paragraph of its own though it ends without a full stop."""
    texts: list[str] = []
    for kind, line in reversed(section.body):
        if kind != "text" or (texts and ends_sentence(line.text)):
            break
        texts.insert(0, line.text)
    joined = "".join(texts)
    if joined[:1] not in c.OPENING_BRACKETS or joined[-1:] not in c.CLOSING_BRACKETS:
        return False
    depth = 0
    for position, char in enumerate(joined):
        depth += (char in c.OPENING_BRACKETS) - (char in c.CLOSING_BRACKETS)
        if depth == 0:
            return position == len(joined) - 1
    return False


HEAD_RULES: tuple[Callable[[_Segmenter, Section, int], bool], ...] = (
    _Segmenter._head_furniture,
    _Segmenter._head_jump_from,
    _Segmenter._head_second_deck,
    _Segmenter._head_continued_subhead,
    _Segmenter._head_subtitle,
    _Segmenter._head_byline,
    _Segmenter._head_bare_name,
    _Segmenter._head_box_label,
    _Segmenter._head_column_name,
    _Segmenter._head_numbered_subhead,
    _Segmenter._head_heading,
)
"""Over an article, in order: page furniture, `（上接…）`, the second deck of a dash-led subhead under it, a
subhead under it, dashed subtitle, byline, a bare
author name, a box label, a brief column's name, a numbered subhead under the headline, heading."""

BODY_RULES: tuple[Callable[[_Segmenter, Section, int], int | None], ...] = (
    _Segmenter._body_furniture,
    _Segmenter._body_new_dateline,
    _Segmenter._body_end_mark_line,
    _Segmenter._body_closing_note,
    _Segmenter._body_box_label,
    _Segmenter._body_caption,
    _Segmenter._body_sibling_title,
    _Segmenter._body_marked_subhead,
    _Segmenter._body_numbered_subhead,
    _Segmenter._body_end_name,
    _Segmenter._body_heading,
    _Segmenter._body_wrapped_end_byline,
    _Segmenter._body_text,
)
"""In an article, in order; each returns the index of the next line to read, or None to pass the line on."""


def _phrases(line: Line) -> int:
    """How many phrases a heading's line holds, parted by a headline's gap (`布局谋篇  落实落细`: two)."""
    return len(line.phrased.split(" "))


def split_articles(lines: list[Line]) -> list[Section]:
    """The articles on a page in reading order, as sections of lines."""
    return _Segmenter(lines).run() if lines else []

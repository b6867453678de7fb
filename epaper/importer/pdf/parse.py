"""Read one PDF page into article records: the rule chain lays the page out, then each article is read
from its headline and column segments (paragraphs by indent, bylines, jump lines and datelines taken out)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import partial

from .. import conventions as c
from ..bylines import match_dateline, parse_byline, parse_latin_byline, signature, split_trailing_byline
from ..jumps import continued_from, continues_on
from ..lines import Line, ends_sentence
from ..parse import read_article
from ..record import Artefact, ImportedArticle
from ..segment import Section
from .blocks import ArticleLayout
from .chain import RULES, read_layout
from .chars import Glyph, PdfPage
from .columns import Segment
from .ems import BLANK_LINE, INDENT_MAX, INDENT_MIN, PARAGRAPH_SPACE, RAGGED_LINES, RUN_IN_SHARE, SHORT_LINE
from .furniture import Masthead
from .geometry import Box
from .head_bylines import split_head_byline
from .heads import HeadGroup, Row, font_share, headline_rows, is_set_right
from .joining import breaks_inside_word, join_printed, printed_line
from .run_in import opens_with_run_in_lead
from .run_in_titles import TITLE_DASHES
from .small_capitals import in_lower_case
from .textlines import TextLine
from .vertical import on_page, split_vertical

LOST_CONTEXT = 6
"""Characters shown on each side of a lost glyph in the review report."""

BOX_DIGITS = 4


BARE_HEAD = "a headline with no text, picture or caption of its own was left out as page furniture: {title}"
LONE_CAPTION = ("a picture's caption with no headline over it nor story beside it was left out as page furniture: "
                "{caption}")


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
    furniture_boxes: list[tuple[float, float, float, float]] = field(default_factory=list)
    """Where each furniture line is printed, as fractions of the page (for the review page)."""


def read_page(page: PdfPage) -> PageReading:
    """The articles of a page, its masthead and furniture, as the rule chain lays them out.

    Vertical blocks (竖排) are read turned, by the same chain less its furniture rule (a block of running
    text holds no masthead), and their articles go where they stand in the reading order.
    """
    rest, blocks = split_vertical(page)
    state = read_layout(rest)
    numbers = {id(glyph): number for number, line in enumerate(state.lines, start=1) for glyph in line.glyphs}
    measures = _measures(state.segments, state.pictures)
    parts = [(layout, _ArticleReader(numbers, page, measures)) for layout in state.layouts]
    stray = list(state.stray)
    numbered = len(state.lines)
    for block in blocks:
        turned = read_layout(block.page, tuple(rule for rule in RULES if rule.name != "furniture"))
        numbers = {id(glyph): numbered + number for number, line in enumerate(turned.lines, start=1)
                   for glyph in line.glyphs}
        numbered += len(turned.lines)
        measures = _measures(turned.segments, turned.pictures)
        reader = _ArticleReader(numbers, page, measures, partial(on_page, block=block))
        at = next((index for index, (layout, _) in enumerate(parts) if layout.box.top > block.box.top), len(parts))
        parts[at:at] = [(layout, reader) for layout in turned.layouts]
        stray += turned.stray
    lone = [layout for layout, _ in parts if layout.head is None and not layout.segments]
    parts = [(layout, reader) for layout, reader in parts if layout not in lone]
    read = [(layout, reader.read(order, layout)) for order, (layout, reader) in enumerate(parts, start=1)]
    bare, articles = [], []
    for layout, article in read:
        if _bare_head(article):
            bare.append((layout, article))
        else:
            articles.append(article)
    for order, article in enumerate(articles, start=1):
        article.order = order
    left_out = [*state.furniture, *(line for layout, _ in bare for line in _all_lines(layout)),
                *(line for layout in lone for caption in layout.captions for line in caption.printed)]
    furniture = [" ".join(line.spaced.split()) for line in left_out]
    furniture += [glyph.text for glyph in stray]  # listed with a warning, so that nothing is lost
    warnings = [BARE_HEAD.format(title=article.title or article.kicker or "") for _, article in bare]
    warnings += [LONE_CAPTION.format(caption=caption.text) for layout in lone for caption in layout.captions]
    return PageReading(page.index, page.width, page.height, articles, state.masthead, furniture,
                       _stray_warnings(stray) + warnings,
                       [page_share(line.box, page.width, page.height) for line in left_out])


def _bare_head(article: ImportedArticle) -> bool:
    """A headline with nothing of its own (no subtitle, text, subhead, picture, caption, byline, dateline or jump
    line): a display figure (the day's number in an ear, the temperature in a weather box), not an article. A
    teaser is one for its byline or jump line (`Tv, pasticcio …` / `Fontanarosa e Pinci` / `a pagina 23`)."""
    return not (article.subtitle or article.paragraphs or article.subheads or article.captions or article.photos
                or article.authors or article.dateline or article.continues_on or article.continued_from)


class _ArticleReader:
    def __init__(self, numbers: dict[int, int], page: PdfPage, measures: dict[int, float],
                 to_page: Callable[[Box], Box] = lambda box: box) -> None:
        self.numbers = numbers
        """Line numbers (for the report) by each glyph of the line: a table row joined from cells keeps its first
        cell's, the text after a run-in title its line's."""
        self.measures = measures
        """Where each segment's column ends (see ``_measures``)."""
        self.page = page
        self.to_page = to_page
        """Where a box of the part being read lies on the page (a vertical block is read turned)."""

    def read(self, order: int, layout: ArticleLayout) -> ImportedArticle:
        section = Section(first_line=min(self._number(line) for line in _all_lines(layout)))
        if layout.head is not None:
            self._read_head(section, layout.head)
        blocks = self._read_body(section, layout)
        article = read_article(order, section, blocks)
        article.captions = [caption.text for caption in layout.captions]
        article.photos = [caption.photo() for caption in layout.captions]
        article.box = self.fraction(layout.box)
        heads = [("headline", self.fraction(layout.head.box))] if layout.head is not None else []
        article.regions = heads + [("caption", self.fraction(caption.box)) for caption in layout.captions]
        return article

    def fraction(self, box: Box) -> tuple[float, float, float, float]:
        """``box``, read in this reader's (possibly turned) frame, in shares of the page."""
        return page_share(self.to_page(box), self.page.width, self.page.height)

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
            section.warnings.append(f"glyph without a Unicode mapping at line {number} (font {fonts}, code {codes}): "
                                    f"{_lost_context(spaced)}; type the character in")
        return printed_line(number, spaced)

    def _read_head(self, section: Section, head: HeadGroup) -> None:
        rows = headline_rows(head, self.page.size_tolerance)
        kicker = self._without_mark(section, self._headline_part(section, rows.kicker))
        title = self._without_mark(section, self._headline_part(section, rows.title, bylines=False))
        if title is not None:
            title = self._without_run_in_dash(section, self._without_head_byline(section, rows.title[-1], title))
        subtitle = self._headline_part(section, rows.subtitle)
        section.head = [line for line in (kicker, title) if line is not None]
        section.subtitles = [subtitle] if subtitle is not None else []

    @staticmethod
    def _without_head_byline(section: Section, last: Row, title: Line) -> Line:
        """A title without the byline set smaller at the end of its last row (`… by Sanae Ferrier`)."""
        split = split_head_byline(last.spaced, [glyph for piece in last.pieces for glyph in piece.glyphs])
        spaced = title.spaced.rstrip()
        if split is None or not spaced.endswith(split[1].raw):
            return title
        section.bylines.append(split[1])
        section.artefacts.append(Artefact(title.number, split[1].raw, "byline"))
        return printed_line(title.number, spaced.removesuffix(split[1].raw).rstrip())

    @staticmethod
    def _without_mark(section: Section, line: Line | None) -> Line | None:
        """A kicker or title without the box or bullet set before its words (`▨ 新聞1`, `■ 質問`), reported."""
        spaced = line.spaced.lstrip() if line is not None else ""
        if line is None or spaced[:1] not in c.HEAD_MARKS or not spaced[1:].strip():
            return line
        section.artefacts.append(Artefact(line.number, spaced[0], "heading mark"))
        return printed_line(line.number, spaced[1:].lstrip())

    @staticmethod
    def _without_run_in_dash(section: Section, title: Line) -> Line:
        """A run-in title without the dash that parted it from its text (reported: nothing is lost)."""
        spaced = title.spaced.rstrip()
        if spaced[-1:] not in TITLE_DASHES or not spaced[:-1].endswith(" "):
            return title
        section.artefacts.append(Artefact(title.number, spaced[-1], "run-in title dash"))
        return printed_line(title.number, spaced[:-1].rstrip())

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
                blocks.append(("paragraph", join_printed(paragraph)))
                paragraph.clear()

        for segment in layout.reading_order():
            if segment.subhead:  # on one line, or wrapped onto two: one subhead
                line = self._line(section, segment.lines, join_printed([printed.spaced for printed in segment.lines]))
                close_paragraph()
                section.body.append(("subhead", line))
                blocks.append(("subhead", line.phrased))
                previous, at_head = None, False
                continue
            over_byline = False  # the line over this one was taken out whole as a byline
            for printed in segment.lines:
                line = self._line(section, [printed], printed.spaced)
                if not line.spaced:
                    continue
                if at_head and self._head_marker(section, line, printed):
                    continue
                at_head = False
                last = printed is segment.lines[-1]
                signed = last and is_set_right(printed, segment.column)
                apart = last and _set_apart(printed, previous)
                bylines = len(section.bylines)
                line = self._take_ends(section, line, last=last, signed=signed, apart=apart)
                if not line.spaced:
                    over_byline = len(section.bylines) > bylines
                    continue
                if last and self._wrapped_byline(section, line, over_byline=over_byline):
                    if not over_byline:
                        paragraph.pop()
                    continue
                over_byline = False
                if not paragraph or self._starts_paragraph(segment, printed, previous, self.measures):
                    close_paragraph()
                paragraph.append(line.text)
                section.body.append(("text", line))
                previous = (segment, printed, line.text)
        close_paragraph()
        return blocks

    def _head_marker(self, section: Section, line: Line, printed: TextLine) -> bool:
        """A jump line (`（上接第1版）`) or a byline set over the text: recorded, not part of the text (its names
        as an editor writes them where the page sets them in small capitals)."""
        jump = continued_from(line.text)
        if jump is not None and jump.text == line.text:
            section.continued_from = jump.page
            section.artefacts.append(Artefact(line.number, line.text, "jump line"))
            return True
        byline = parse_byline(line.spaced) if match_dateline(line.spaced) is None else None
        if byline is not None:
            named = parse_byline(in_lower_case(printed.spaced, printed.glyphs))
            if named is not None and len(named.authors) == len(byline.authors):
                byline = replace(byline, authors=named.authors)
            section.bylines.append(byline)
            section.artefacts.append(Artefact(line.number, byline.raw, "byline"))
            return True
        return False

    @staticmethod
    def _wrapped_byline(section: Section, line: Line, *, over_byline: bool) -> bool:
        """A column's last line that ends a byline opened on the line over it (`di Candito, Cerami, Ciriaco` /
        `Scaramuzzi e Vecchio`): both lines taken out of the text as one byline; where the line over lists
        surnames, the break between the lines parts two of them. ``over_byline``: the line over was read as a
        byline of its own already, and the two are read again as one."""
        if over_byline:
            opening = section.bylines[-1].raw
        elif section.body and section.body[-1][0] == "text":
            opening = section.body[-1][1].spaced.strip()
        else:
            return False
        surnames = parse_latin_byline(opening)
        listed = surnames is not None and all(len(name.split()) == 1 for name in surnames.authors)
        byline = parse_latin_byline(f"{opening}{',' if listed else ''} {line.spaced.strip()}")
        if byline is None or len(byline.authors) < 2:
            return False
        if over_byline:
            section.bylines.pop()
        else:
            over = section.body.pop()[1]
            section.artefacts.append(Artefact(over.number, opening, "byline"))
        section.bylines.append(byline)
        section.artefacts.append(Artefact(line.number, line.spaced.strip(), "byline"))
        return True

    def _take_ends(self, section: Section, line: Line, *, last: bool, signed: bool, apart: bool) -> Line:
        """The line without a jump line (`（下转第2版）`, on a column's ``last`` line `● nello sport`) or end byline
        (`□肖芳`) it may carry.

        ``signed``: the line closes its column set flush right, where a story's writer signs (`宗何`); ``apart``:
        it closes its column in a type of its own under a finished sentence, where a writer signs too (`Mark Bate`
        in bold), though only a name alone is read as a signature there.
        """
        text = line.spaced
        jump = continues_on(text)
        if jump is not None:
            section.continues_on = jump.page
            section.artefacts.append(Artefact(line.number, jump.text, "jump line"))
            text = text[: jump.start] + text[jump.end:]
        section_jump = c.SECTION_JUMP.search(text) if last else None
        if jump is None and section_jump is not None:
            section.artefacts.append(Artefact(line.number, section_jump[0].strip(), "jump line"))
            text = text[: section_jump.start()]
        signed_by = parse_byline(text, cued=True) if signed else signature(text) if apart else None
        split = ("", signed_by) if signed_by is not None else split_trailing_byline(text)
        if split is not None:
            text, byline = split
            section.bylines.append(byline)
            section.artefacts.append(Artefact(line.number, byline.raw, "byline"))
        return line if text == line.spaced else printed_line(line.number, text)

    @staticmethod
    def _starts_paragraph(segment: Segment, printed: TextLine, previous: tuple[Segment, TextLine, str] | None,
                          measures: dict[int, float]) -> bool:
        """Never after a line broken inside a word (a hanging indent sets the lines after it in). Indented from
        its column, after a short line that ends a sentence in a justified column (or any line its first word
        would have fitted on: a break by hand, as in a list, unless it is set in by a tab far past any indent,
        under a part of the line over it: that line goes on), opening with a run-in lead after a sentence's end
        (`DATES:`), set off by a space wider than the column's leading (block paragraphs, as word processors and
        browsers set them: within a segment, or a blank line under the segment over it), or a row of a table."""
        em = printed.size
        if printed.cells > 1 or (previous is not None and previous[1].cells > 1):
            return True
        if printed.spaced.startswith(c.LIST_BULLETS):
            return True
        if previous is not None and breaks_inside_word(previous[2], printed.spaced.strip()):
            return False
        if INDENT_MIN * em <= printed.box.x0 - segment.left <= INDENT_MAX * em:
            return True
        if previous is None:
            return False
        column, last, text = previous
        if opens_with_run_in_lead(printed, last.font) and ends_sentence(text):
            return True
        leading = segment.leading
        if column is segment:
            if leading is not None and printed.box.top - last.box.top > leading + PARAGRAPH_SPACE * em:
                return True
        elif (last.box.overlaps_horizontally(printed.box, 0.5)
              and 0 < printed.box.top - last.box.bottom <= BLANK_LINE * em):
            return True
        short = not column.ragged and ends_sentence(text) and column.right - last.box.x1 > SHORT_LINE * em
        tabbed = printed.box.x0 - segment.left > INDENT_MAX * em
        measure = measures.get(id(last), measures[id(column)])
        broken = measure - last.box.x1 > _first_word_width(printed) + SHORT_LINE * em
        return short or (broken and not tabbed)


def _set_apart(printed: TextLine, previous: tuple[Segment, TextLine, str] | None) -> bool:
    """``printed`` is set in another type than the line over it, which ends a sentence."""
    return (previous is not None and ends_sentence(previous[2])
            and font_share(printed, previous[1].font) < RUN_IN_SHARE)


def _measures(segments: Sequence[Segment], pictures: Sequence[Box]) -> dict[int, float]:
    """Where each segment's column ends: the right edge of the widest text on the page set across it, short
    of any column or picture beside it (a short list is set in a column as wide as the paragraphs over and
    under it; text set round a photo ends where the photo starts). A justified segment's column ends where
    its own lines end. A line beside a photo that the text runs round has a measure of its own (keyed by the
    line): up to the photo."""
    boxes = {id(segment): segment.box for segment in segments if not segment.subhead}
    justified = {id(segment) for segment in segments if len(segment.lines) > RAGGED_LINES and not segment.ragged}
    measures = {}
    for key, box in boxes.items():
        if key in justified:  # its lines show where its column ends
            measures[key] = box.x1
            continue
        widest = max([box.x1, *(other.x1 for other in boxes.values() if other.overlaps_horizontally(box, 0.5))])
        beside = [other.x0 for other in [*boxes.values(), *pictures] if other.x0 >= box.x1
                  and other.top < box.bottom and box.top < other.bottom]
        measures[key] = max(box.x1, min([widest, *beside]))
    for segment in segments:  # a line set beside a photo the text runs round ends where the photo starts
        for line in segment.lines:
            starts = [picture.x0 for picture in pictures if picture.x0 >= line.box.x1
                      and picture.top < line.box.bottom and line.box.top < picture.bottom]
            if starts and id(segment) in measures:
                measures[id(line)] = min(measures[id(segment)], *starts)
    return measures


def _first_word_width(line: TextLine) -> float:
    """How wide the line's first word is printed: the line before it broke early by choice if the word had fitted."""
    letters = len(line.spaced.split(" ", 1)[0])
    return line.glyphs[min(letters, len(line.glyphs)) - 1].box.x1 - line.box.x0


def page_share(box: Box, width: float, height: float) -> tuple[float, float, float, float]:
    """``box`` as x, y, width and height in shares of the page, cut to the page (print may bleed off it)."""
    x0, x1 = (min(max(value / width, 0.0), 1.0) for value in (box.x0, box.x1))
    top, bottom = (min(max(value / height, 0.0), 1.0) for value in (box.top, box.bottom))
    x, y = round(x0, BOX_DIGITS), round(top, BOX_DIGITS)
    return x, y, min(round(x1 - x0, BOX_DIGITS), 1.0 - x), min(round(bottom - top, BOX_DIGITS), 1.0 - y)


def _stray_warnings(stray: list[Glyph]) -> list[str]:
    """Glyphs set on their side that belong to no line of text: listed, never dropped silently."""
    if not stray:
        return []
    shown = ", ".join(f"{glyph.text!r} at ({glyph.box.x0:.0f}, {glyph.box.top:.0f})" for glyph in stray)
    return [f"{len(stray)} glyph(s) set on their side fit no line of text and are left out: {shown}; "
            "add them where they belong"]


def _all_lines(layout: ArticleLayout) -> list[TextLine]:
    head = layout.head.lines if layout.head is not None else []
    return head + [line for segment in layout.segments for line in segment.lines]


def _join_rows(rows: list[Row]) -> str:
    """Headline rows as one text, joined as lines of text are (a Chinese headline breaks without a space)."""
    return join_printed([row.spaced for row in rows])


def _lost_context(spaced: str) -> str:
    shown = []
    for index, char in enumerate(spaced):
        if char == c.LOST_GLYPH:
            before = spaced[:index].replace(c.LOST_GLYPH, "")[-LOST_CONTEXT:]
            after = spaced[index + 1:].replace(c.LOST_GLYPH, "")[:LOST_CONTEXT]
            shown.append(f"{before}{c.LOST_GLYPH_SHOWN}{after}")
    return " / ".join(shown)

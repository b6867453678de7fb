"""Page furniture: the masthead, running header and footer that belong to the page, not to an article, and
the ornaments set in a font of signs.

Furniture is found by position (above the rule under the masthead or running header, below the rule
over the footer, in the margins) and by what it says (the convention tables: dates, 第N期, 责任编辑).
The masthead's date, issue numbers and the header's page label are read on the way.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .. import conventions as c
from ..jumps import page_number
from ..lines import remove_letter_spacing
from .chars import PdfPage
from .columns import usual_size
from .ems import (
    BLANK_BAND,
    CLOSE,
    DATE_LINE_SHARE,
    FOOTER_ZONE,
    HEADER_ZONE,
    LONG_RULE,
    MARGIN,
    NAME_SCALE,
    NEIGHBOUR_LINES,
    OVER_FOOTER_RULE,
    RULE_REACH,
    SAME_SIZE,
)
from .geometry import Box, union
from .heads import runs_on
from .shapes import frame_of
from .textlines import TextLine

RUNNING_TEXT = re.compile("[，。；]")
"""Punctuation of running text, which no masthead prints: the header ends before the first such line."""

SYMBOL_FONT = re.compile(r"symbol|simbol|dingbat|wingding|webding|ornament|icon|picto", re.IGNORECASE)
"""Names of fonts of signs rather than letters (Zapf Dingbats, a paper's own `Simboli` or icon font)."""

ORNAMENT_GLYPHS = 2
"""A line of at most this many glyphs of a sign font is an ornament (the ▲ before a caption): its text layer
says a letter (`k`) the sign does not read as."""

PLACEHOLDER_LETTERS = 3
"""A line of at least this many of one letter, and nothing else, is a template's placeholder (`sss`)."""

ROMAN_NUMERAL_LETTERS = "IVXLCDM"
"""Capitals a Roman numeral repeats (`III`, `XXX`): such a line is a numeral, no placeholder."""


@dataclass(frozen=True)
class Masthead:
    """What the masthead or running header says about the issue and the page; None where not printed."""

    date: dt.date | None = None
    number: int | None = None
    running_number: int | None = None
    page_number: int | None = None
    page_name: str | None = None


@dataclass(frozen=True)
class PageParts:
    content: list[TextLine]
    furniture: list[TextLine]
    masthead: Masthead


def separate_furniture(page: PdfPage, lines: Sequence[TextLine]) -> PageParts:
    """Split ``lines`` into article content and page furniture, and read the masthead."""
    if not lines:
        return PageParts([], [], Masthead())
    printed = union(line.box for line in lines)
    long_rules = [rule for rule in page.rules if rule.width >= LONG_RULE * printed.width]
    header = _header(page, lines, printed)
    upright = [line.box for line in lines if not _turned(line)]
    footer_top, ruled = _footer_top(page, [line for line in lines if not _in_side_margin(line, upright)], long_rules)
    ads = _advertisements(page, lines)
    body_size = usual_size(lines)
    content, furniture = [], []
    for line in lines:
        middle = (line.box.x0 + line.box.x1) / 2
        in_header = line.box.bottom <= header.bottom + 1 and header.x0 - 1 <= middle <= header.x1 + 1
        in_footer = (line.box.bottom - OVER_FOOTER_RULE * line.size > footer_top
                     or _on_footer_rule(line, lines, page.pictures, footer_top, body_size) if ruled
                     else line.box.top >= footer_top)
        says = _says_furniture(line) and not _in_running_text(line, lines)
        if (in_header or in_footer or says or frame_of(line.box, ads) is not None
                or _in_side_margin(line, upright) or _ornament(line) or _placeholder(line, lines)):
            furniture.append(line)
        else:
            content.append(line)
    ears = _ears([line for line in furniture if line.box.bottom <= HEADER_ZONE * page.height], content, body_size)
    content = [line for line in content if not any(line is ear for ear in ears)]
    furniture += ears
    boxes = [frame for frame in page.frames if frame.width < LONG_RULE * printed.width]
    unframed = [line for line in furniture if frame_of(line.box, boxes) is None]
    return PageParts(content, furniture, read_masthead(_rows(unframed)))


def _on_footer_rule(line: TextLine, lines: Sequence[TextLine], pictures: Sequence[Box], rule_top: float,
                    body_size: float) -> bool:
    """A line of small type standing on the footer rule, no text or picture set right over it: the page's folio
    line (`HACIENDA SANTA ELENA … COTA - CHÍA`). A column's last line set on the rule runs on from the lines over
    it, and a caption stands under its picture."""
    if line.size * SAME_SIZE > body_size or not 0 <= rule_top - line.box.bottom <= CLOSE * line.size:
        return False
    printed = [other.box for other in lines if other is not line] + list(pictures)
    return not any(box.overlaps_horizontally(line.box) and 0 <= line.box.top - box.bottom <= NEIGHBOUR_LINES * line.size
                   for box in printed)


def _advertisements(page: PdfPage, lines: Sequence[TextLine]) -> list[Box]:
    """Frames labelled as advertisements (`广告`)."""
    marks = [line for line in lines if c.ADVERTISEMENT_MARK.match(line.spaced)]
    return [frame for frame in page.frames if any(frame_of(mark.box, [frame]) is not None for mark in marks)]


def _text(line: TextLine) -> str:
    return remove_letter_spacing(line.spaced)


def _in_running_text(line: TextLine, lines: Sequence[TextLine]) -> bool:
    """A paragraph runs on into ``line`` from the line over it (`… fax: +41 619 67 73;` over `email: …`): what it
    says (a contact, a date) is that paragraph's, not the page's."""
    over = [other for other in lines if other is not line and other.box.overlaps_horizontally(line.box, 0.5)
            and 0 < line.box.top - other.box.top <= NEIGHBOUR_LINES * line.size]
    nearest = max(over, key=lambda other: other.box.top, default=None)
    return nearest is not None and runs_on(nearest) and not _weekday(nearest)


def _weekday(line: TextLine) -> bool:
    """A weekday alone on its line (`DIMARTS` over `6 D’AGOST DEL 2024`): the date's own, set over it."""
    return line.spaced.strip(" ,.").lower() in c.LATIN_WEEKDAYS


def _says_furniture(line: TextLine) -> bool:
    text = _text(line)
    return (any(pattern.search(text) for pattern in c.PAGE_FURNITURE) or c.PAGE_LABEL.match(text) is not None
            or c.EDITOR_LINE.search(line.spaced) is not None)


def _header(page: PdfPage, lines: Sequence[TextLine], printed: Box) -> Box:
    """Where the masthead or running header is: a band across the page, or a block (a masthead at the top left).

    It holds the lines that say masthead things (dates, 第N期, page labels), the paper's name (the largest
    type beside or over them) and the lines set close to those, down to the rule under them and as wide
    as that rule (across the page for a running header). Without such lines it is the top margin.
    """
    top_lines = [line for line in lines
                 if line.box.bottom <= HEADER_ZONE * page.height and not RUNNING_TEXT.search(_text(line))]
    strip = {id(line) for line in _date_strips(top_lines)}
    marked = [line for line in top_lines
              if id(line) in strip or _says_masthead(line, lines) or _says_furniture(line)]
    if not marked:
        first_line = min(line.box.top for line in lines)
        over_text = [rule.bottom for rule in page.rules
                     if rule.width >= LONG_RULE * printed.width and first_line < rule.top <= MARGIN * 4 * page.height]
        return Box(printed.x0, 0.0, printed.x1, min(over_text, default=MARGIN * page.height))
    small = max(line.size for line in marked)
    name = _name(top_lines, marked, [rule for rule in page.rules if rule.width >= LONG_RULE * printed.width])
    block = _grown([*marked, *name], [line for line in top_lines if line.size <= SAME_SIZE * small])
    reach = block.bottom + RULE_REACH * max(line.box.height for line in marked)
    closing = sorted((rule for rule in page.rules if block.bottom <= rule.top <= reach
                      and rule.overlaps_horizontally(block, 0.5)), key=lambda rule: rule.top)
    if not closing:
        return block
    rule = closing[0]
    return Box(min(rule.x0, block.x0), 0.0, max(rule.x1, block.x1), rule.bottom)


def _ears(masthead: Sequence[TextLine], lines: Sequence[TextLine], body_size: float) -> list[TextLine]:
    """The ears among ``lines``: what a paper prints beside its masthead (the ``masthead`` lines), within its
    height, in small type (the weather, the day, the price; a headline beside the masthead is set larger),
    standing there alone: the text they start ends within the masthead's height."""
    if not masthead:
        return []
    band = union(line.box for line in masthead)
    beside = [line for line in lines if line.size <= SAME_SIZE * body_size
              and not any(line.box.overlaps_horizontally(other.box) for other in masthead)
              and band.top - CLOSE * line.size <= line.box.top and line.box.bottom <= band.bottom + CLOSE * line.size]
    return [line for line in beside if _run_end(line, lines).box.bottom <= band.bottom + CLOSE * line.size]


def _run_end(line: TextLine, lines: Sequence[TextLine]) -> TextLine:
    """The last line of the text ``line`` starts: lines of its size, each set right under the one before."""
    while True:
        under = [other for other in lines if other.box.overlaps_horizontally(line.box)
                 and max(other.size, line.size) <= SAME_SIZE * min(other.size, line.size)
                 and 0 <= other.box.top - line.box.bottom <= NEIGHBOUR_LINES * line.size]
        if not under:
            return line
        line = min(under, key=lambda other: other.box.top)


def _says_masthead(line: TextLine, lines: Sequence[TextLine]) -> bool:
    """A masthead's own words: its date, 第N期, CN number, a line of issue marks (`February 2014, No 1`); a
    Latin date only as most of its line, since running
    text dates things too, and not where a paragraph runs on into it (`… Bulletin 737–31–1860, dated` over
    `June 12, 2020.`)."""
    text = _text(line)
    latin = c.LATIN_ISSUE_DATE.search(line.spaced)
    return (any(pattern.search(text) for pattern in c.MASTHEAD) or bool(c.LATIN_ISSUE_LINE.match(line.spaced.strip()))
            or (latin is not None and len(latin[0]) >= DATE_LINE_SHARE * len(line.spaced.strip())
                and not _in_running_text(line, lines)))


def _date_strips(top_lines: Sequence[TextLine]) -> list[TextLine]:
    """The pieces of a date strip: a band across the page whose pieces, read left to right however far apart,
    are mostly a date (`23 MARZO` at the left margin, `2025` at the right), as a masthead spreads its date."""
    strips = []
    for band in _side_by_side(top_lines, _on_one_band):
        text = " ".join(line.spaced.strip() for line in band)
        date = c.LATIN_ISSUE_DATE.search(text)
        if len(band) > 1 and date is not None and len(date[0]) >= DATE_LINE_SHARE * len(text):
            strips += band
    return strips


def _name(top_lines: Sequence[TextLine], marked: Sequence[TextLine], long_rules: Sequence[Box]) -> list[TextLine]:
    """The paper's name: the largest type at the top, beside or over the masthead lines or set close under them
    (under a line of issue marks, as a newsletter sets `February 2014, No 1` over its name, a little further),
    much larger than them; not under a long rule that closes the masthead (a banner headline under it)."""
    bottom = max(line.box.bottom for line in marked)
    small = max(line.size for line in marked)
    issue_line = any(c.LATIN_ISSUE_LINE.match(line.spaced.strip()) for line in marked)
    reach = bottom + (RULE_REACH * max(line.box.height for line in marked) if issue_line else CLOSE * small)
    candidates = [line for line in top_lines if line.box.top <= reach and line.size >= NAME_SCALE * small
                  and not any(bottom <= rule.top and rule.bottom <= line.box.top for rule in long_rules)]
    return [max(candidates, key=lambda line: line.size)] if candidates else []


def _grown(block_lines: list[TextLine], candidates: Sequence[TextLine]) -> Box:
    """The box of ``block_lines`` and of the ``candidates`` set close to them, added one by one."""
    members = {id(line) for line in block_lines}
    grown = True
    while grown:
        grown = False
        for line in candidates:
            if id(line) not in members and any(_close(line, member) for member in block_lines):
                block_lines.append(line)
                members.add(id(line))
                grown = True
    return union(line.box for line in block_lines)


def _close(line: TextLine, other: TextLine) -> bool:
    reach = CLOSE * min(line.size, other.size)
    across = max(line.box.x0 - other.box.x1, other.box.x0 - line.box.x1)
    down = max(line.box.top - other.box.bottom, other.box.top - line.box.bottom)
    return across <= reach and down <= reach


def _ornament(line: TextLine) -> bool:
    return len(line.glyphs) <= ORNAMENT_GLYPHS and all(SYMBOL_FONT.search(glyph.font) for glyph in line.glyphs)


def _placeholder(line: TextLine, lines: Sequence[TextLine]) -> bool:
    """A template's placeholder left in the page: one Latin letter typed over and over (`sss`, `xxxxxxxx`) along
    a line of its own, with no line of text right over or under it (a line of a column, however filled, is text).
    No word of a language is that; Roman numerals repeat capitals (`III`, `XXX`), so those are not taken."""
    letters = line.spaced.replace(" ", "")
    if line.vertical or not (len(letters) >= PLACEHOLDER_LETTERS and len(set(letters)) == 1 and letters[0].isascii()
            and letters[0].isalpha() and letters[0] not in ROMAN_NUMERAL_LETTERS):
        return False
    return not any(other is not line and other.box.overlaps_horizontally(line.box, 0.5)
                   and abs(other.box.top - line.box.top) <= NEIGHBOUR_LINES * line.size for other in lines)


def _turned(line: TextLine) -> bool:
    return all(glyph.turned for glyph in line.glyphs)


def _in_side_margin(line: TextLine, upright: Sequence[Box]) -> bool:
    """Type turned on its side beside all the page's text, in a side margin: a production slug, a file name."""
    return _turned(line) and bool(upright) and (line.box.x1 <= min(box.x0 for box in upright)
                                                or line.box.x0 >= max(box.x1 for box in upright))


def _footer_top(page: PdfPage, lines: Sequence[TextLine], long_rules: Sequence[Box]) -> tuple[float, bool]:
    """Where the footer starts, and whether a rule marks it: text reaching under that rule further than its
    descenders (or set across it, on a footer band) is the footer's; without a rule, small type under a blank
    band across the page is, and text starting in the bottom margin."""
    zone = (1 - FOOTER_ZONE) * page.height
    rule = max((rule.top for rule in long_rules if rule.top >= zone), default=None)
    if rule is not None:
        return rule, True
    return min((1 - MARGIN) * page.height, _under_blank_band(page, lines, zone)), False


def _under_blank_band(page: PdfPage, lines: Sequence[TextLine], zone: float) -> float:
    """The top of the small print under a band left blank across the whole page (no text, no picture), in
    the footer zone: the printer's slug or the publisher's line under the last columns. The page's
    bottom if there is none. The band runs from the last text or picture over the print, which is small
    beside the type over the footer zone (on a page of figures, beside its running header)."""
    body = usual_size([line for line in lines if line.box.bottom <= zone] or lines)
    for line in sorted((line for line in lines if line.box.top >= zone), key=lambda line: line.box.top):
        top = line.box.top
        if any(other.size >= body for other in lines if other.box.bottom > top):
            continue
        printed = [other.box for other in lines] + list(page.pictures)
        above = max((box.bottom for box in printed if box.bottom <= top), default=0.0)
        band = Box(0.0, above, page.width, top)
        if (top - above >= BLANK_BAND * body and not any(other.box.top < top < other.box.bottom for other in lines)
                and not any(_crosses(picture, band) for picture in page.pictures)):
            return top
    return page.height


def _crosses(picture: Box, band: Box) -> bool:
    return picture.top < band.bottom and picture.bottom > band.top


def _rows(lines: Sequence[TextLine]) -> list[str]:
    """The texts of lines set side by side on one band, joined left to right: a masthead sets the day of
    `2024年10月16日` larger than the rest of its date, so that the date is three lines of text.

    Text in a frame is left out: a boxed notice at the top of the page is not the masthead (a band ruled
    across the page, as a masthead's date bar is, is no such frame).
    """
    return ["".join(_text(line) for line in row) for row in _side_by_side(lines, _same_band)]


def _side_by_side(lines: Sequence[TextLine], follows: Callable[[TextLine, TextLine], bool]) -> list[list[TextLine]]:
    """``lines`` in rows, left to right: each line joins the first row whose last line it ``follows``."""
    rows: list[list[TextLine]] = []
    for line in sorted(lines, key=lambda line: line.box.x0):
        row = next((row for row in rows if follows(row[-1], line)), None)
        if row is None:
            rows.append([line])
        else:
            row.append(line)
    return rows


def _same_band(left: TextLine, right: TextLine) -> bool:
    return _on_one_band(left, right) and 0 <= right.box.x0 - left.box.x1 <= CLOSE * min(left.size, right.size)


def _on_one_band(left: TextLine, right: TextLine) -> bool:
    overlap = min(left.box.bottom, right.box.bottom) - max(left.box.top, right.box.top)
    return overlap >= 0.5 * min(left.size, right.size)


def read_masthead(texts: Sequence[str]) -> Masthead:
    """What the masthead's or running header's texts say about the issue and the page."""
    date = number = running = label_number = None
    name = None
    for text in texts:
        if date is None and (found := c.ISSUE_DATE.search(text)) is not None:
            date = _date(int(found["year"]), int(found["month"]), int(found["day"]))
        if date is None and (found := c.LATIN_ISSUE_DATE.search(text)) is not None:
            month = c.LATIN_MONTHS[(found["month"] or found["month_first"]).lower()]
            date = _date(int(found["year"]), month, int(found["day"] or found["day_after"]))
        if number is None and (found := c.ISSUE_NUMBER.search(text) or c.LATIN_ISSUE_NUMBER.search(text)):
            number = int(found["number"])
        if running is None and (found := c.RUNNING_NUMBER.search(text)) is not None:
            running = int(found["number"])
        if label_number is None and (found := c.PAGE_LABEL.match(text)) is not None:
            label_number, name = page_number(found["number"]), found["name"]
    return Masthead(date, number, running, label_number, name)


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None

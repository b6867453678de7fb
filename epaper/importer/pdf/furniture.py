"""Page furniture: the masthead, running header and footer that belong to the page, not to an article.

Furniture is found by position (above the rule under the masthead or running header, below the rule
over the footer, in the margins) and by what it says (the convention tables: dates, 第N期, 责任编辑).
The masthead's date, issue numbers and the header's page label are read on the way.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .. import conventions as c
from ..jumps import page_number
from ..lines import remove_letter_spacing
from .chars import PdfPage
from .geometry import Box, union
from .textlines import TextLine

HEADER_ZONE = 0.3
"""The masthead or running header lies in this top share of the page."""

FOOTER_ZONE = 0.12
"""The footer lies in this bottom share of the page."""

MARGIN = 0.03
"""Text in this top or bottom share of the page is furniture even without a rule."""

LONG_RULE = 0.6
"""A rule at least this share of the printed width closes a header or opens a footer."""

RUNNING_TEXT = re.compile("[，。；]")
"""Punctuation of running text, which no masthead prints: the header ends before the first such line."""

RULE_REACH = 3.0
"""A closing rule at most this many line heights under the last header line belongs to the header."""


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
    header_bottom = _header_bottom(page, lines, long_rules)
    footer_top = _footer_top(page, long_rules)
    content, furniture = [], []
    for line in lines:
        in_header = line.box.bottom <= header_bottom
        in_footer = line.box.top >= footer_top
        if in_header or in_footer or _says_furniture(line):
            furniture.append(line)
        else:
            content.append(line)
    return PageParts(content, furniture, read_masthead(furniture))


def _text(line: TextLine) -> str:
    return remove_letter_spacing(line.spaced)


def _says_furniture(line: TextLine) -> bool:
    text = _text(line)
    return any(pattern.search(text) for pattern in c.PAGE_FURNITURE) or c.PAGE_LABEL.match(text) is not None


def _header_bottom(page: PdfPage, lines: Sequence[TextLine], long_rules: Sequence[Box]) -> float:
    """The bottom of the masthead or running header (the top margin if neither is found)."""
    marked = []
    for line in sorted(lines, key=lambda line: line.box.top):
        text = _text(line)
        if line.box.bottom > HEADER_ZONE * page.height or RUNNING_TEXT.search(text):
            break
        if any(pattern.search(text) for pattern in c.MASTHEAD) or _says_furniture(line):
            marked.append(line)
    if marked:
        last = max(marked, key=lambda line: line.box.bottom)
        reach = last.box.bottom + RULE_REACH * last.box.height
        closing = [rule.bottom for rule in long_rules if last.box.bottom <= rule.top <= reach]
        return min(closing, default=last.box.bottom)
    first_line = min(line.box.top for line in lines)
    over_text = [rule.bottom for rule in long_rules if first_line < rule.top <= MARGIN * 4 * page.height]
    return min(over_text, default=MARGIN * page.height)


def _footer_top(page: PdfPage, long_rules: Sequence[Box]) -> float:
    zone = (1 - FOOTER_ZONE) * page.height
    return max((rule.top for rule in long_rules if rule.top >= zone), default=(1 - MARGIN) * page.height)


def read_masthead(furniture: Sequence[TextLine]) -> Masthead:
    date = number = running = label_number = None
    name = None
    for line in furniture:
        text = _text(line)
        if date is None and (found := c.ISSUE_DATE.search(text)) is not None:
            date = _date(int(found["year"]), int(found["month"]), int(found["day"]))
        if number is None and (found := c.ISSUE_NUMBER.search(text)) is not None:
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

"""Clean extracted lines and find paragraph boundaries from the page geometry.

Extraction loses the first-line indent and sometimes inserts blank lines between every wrapped
line; what is left to find paragraphs is the width of each line against its column: a paragraph
ends on a short line, or before a line narrowed by the lost indent.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from . import conventions as c

_SPACE_RUN = re.compile(r"[ \t\u3000\u00a0]+")
_ASCII_RUN = re.compile(r"[\x21-\x7e]+")


@dataclass(frozen=True)
class Line:
    """One non-blank line of the source, in its cleaned forms."""

    number: int
    raw: str
    """As extracted."""
    spaced: str
    """Lost glyphs removed and ends stripped, inner spacing as extracted (bylines need it)."""
    text: str
    """Letter-spacing removed: the text as printed."""
    phrased: str
    """Like ``text``, but a wide gap between two headline phrases kept as one space."""
    lost_glyphs: int
    blank_before: bool
    letter_spaced: bool
    width: float
    indent: float = 0.0
    """Leading white space kept by the extraction, in ems (an ideographic space is 1, an ASCII space 1/2)."""


def remove_letter_spacing(text: str) -> str:
    """Drop spaces next to Chinese text (``截 至 1 月`` → ``截至1月``) but keep those between Latin words."""

    def keep_or_drop(match: re.Match[str]) -> str:
        start, end = match.span()
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        both_latin = before.isascii() and after.isascii() and before.strip() and after.strip()
        return " " if both_latin else ""

    return _SPACE_RUN.sub(keep_or_drop, text).strip()


def line_width(text: str) -> float:
    """Printed width in ems: Chinese characters 1, punctuation less (it is set tight), ASCII 1/2.

    A run of Latin letters or digits also gets a thin space around it.
    """
    ascii_chars = sum(1 for char in text if char.isascii() and not char.isspace())
    marks = sum(1 for char in text if char in c.COMPRESSIBLE_PUNCTUATION)
    wide_chars = sum(1 for char in text if not char.isascii() and not char.isspace()) - marks
    return (
        wide_chars + marks * c.PUNCTUATION_WIDTH + ascii_chars / 2 + c.ASCII_RUN_PADDING * len(_ASCII_RUN.findall(text))
    )


def is_letter_spaced(spaced: str) -> bool:
    gaps = sum(
        1
        for match in re.finditer(r"(?<=\S) (?=\S)", spaced)
        if not spaced[match.start() - 1].isascii() and not spaced[match.end()].isascii()
    )
    return gaps >= c.LETTER_SPACED_MIN_GAPS


def make_line(number: int, raw: str, *, blank_before: bool = False) -> Line:
    """A line from its extracted text: lost glyphs removed, letter-spacing undone, width measured."""
    spaced = raw.replace(c.LOST_GLYPH, "").strip()
    cleaned = remove_letter_spacing(spaced)
    phrased = " ".join(remove_letter_spacing(phrase) for phrase in c.HEADLINE_GAP.split(spaced))
    visible = raw.replace(c.LOST_GLYPH, "")
    leading = visible[: len(visible) - len(visible.lstrip())]
    indent = sum(c.SPACE_WIDTHS.get(char, 0.5) for char in leading)
    return Line(
        number,
        raw,
        spaced,
        cleaned,
        phrased,
        raw.count(c.LOST_GLYPH),
        blank_before,
        is_letter_spaced(spaced),
        line_width(cleaned),
        indent,
    )


def suspicious_lost_glyphs(raw: str) -> list[str]:
    """Context of each lost glyph that sat inside the text (not beside a byline box or a dateline)."""
    contexts = []
    for match in re.finditer(c.LOST_GLYPH, raw):
        before = raw[: match.start()].replace(c.LOST_GLYPH, "").rstrip()
        after = raw[match.end() :].replace(c.LOST_GLYPH, "").lstrip()
        if not before or not after or before[-1] in c.DATELINE_ENDS or after[0] in c.BYLINE_MARKERS:
            continue
        contexts.append(f"{before[-6:]}{c.LOST_GLYPH_SHOWN}{after[:6]}")
    return contexts


def read_lines(text: str) -> list[Line]:
    """The non-blank lines of ``text``, each remembering whether a blank line preceded it."""
    lines: list[Line] = []
    blank_before = False
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.replace(c.LOST_GLYPH, "").strip():
            blank_before = True
            continue
        lines.append(make_line(number, raw, blank_before=blank_before))
        blank_before = False
    return lines


def ends_sentence(text: str) -> bool:
    """True if ``text`` ends like a paragraph can: `。`, `！”`, `：` …"""
    stripped = text.rstrip("".join(c.CLOSING_MARKS))
    if not stripped:
        return False
    if len(stripped) < len(text):
        return stripped[-1] in c.SENTENCE_END
    return stripped[-1] in c.PARAGRAPH_END


def _column(samples: Sequence[tuple[float, bool]]) -> float:
    """The width W that best explains the lines: full lines are W wide, first lines W minus the indent.

    ``samples`` are (width, could start a paragraph: the line before ends a sentence). Every
    continued line of a justified column is printed alike, and a first line two characters
    narrower (the indent lost in extraction); headings, short last lines and a stray wide line
    (a headline over two columns) match neither, so a text of short paragraphs, mostly first
    lines, is not mistaken for a narrower column. Ties go to the wider column.
    """
    if not samples:
        return 0.0

    def support(column: float) -> int:
        return sum(
            1
            for width, may_start in samples
            if abs(width - column) <= c.COLUMN_TOLERANCE
            or (may_start and abs(width - column + c.FIRST_LINE_INDENT) <= c.COLUMN_TOLERANCE)
        )

    return max((width for width, _ in samples), key=lambda column: (support(column), column))


def _full_widths(lines: Sequence[Line], first: int, stop: int) -> list[tuple[float, bool]]:
    """Widths that can measure a column, of ``lines[first:stop]``: letter-spaced lines are stretched.

    Each width comes with whether its line could start a paragraph (the line before ends a sentence).
    """
    first = max(0, first)
    samples = [
        (line.width, position > 0 and ends_sentence(lines[position - 1].text), line.letter_spaced)
        for position, line in enumerate(lines[first:stop], start=first)
    ]
    return [(width, may_start) for width, may_start, spaced in samples if not spaced] or [
        (width, may_start) for width, may_start, _ in samples
    ]


def local_columns(lines: Sequence[Line]) -> list[float]:
    """The column width around each line, measured on its neighbours."""
    return [
        _column(_full_widths(lines, index - c.COLUMN_WINDOW, index + c.COLUMN_WINDOW + 1))
        for index in range(len(lines))
    ]


def boundary_columns(lines: Sequence[Line]) -> list[float]:
    """Per line, the narrower of the columns before and after it.

    Where a page changes from wide to narrow columns, a centred window mixes both; the narrower
    side keeps a full narrow line from passing for a short heading.
    """
    columns = []
    for index in range(len(lines)):
        before = _full_widths(lines, index - c.COLUMN_WINDOW, index)
        after = _full_widths(lines, index + 1, index + 1 + c.COLUMN_WINDOW)
        sides = [_column(side) for side in (before, after) if len(side) >= c.MIN_COLUMN_SAMPLE]
        columns.append(min(sides) if sides else _column(before + after or [(lines[index].width, False)]))
    return columns


def blank_lines_meaningful(lines: Sequence[Line]) -> list[bool]:
    """Per line: are blank lines around it real breaks (rare) or extraction artefacts (everywhere)?"""
    flags = [line.blank_before for line in lines[1:]]
    meaningful = []
    for index in range(len(lines)):
        low, high = max(0, index - 1 - c.BLANK_WINDOW), index + c.BLANK_WINDOW
        window = flags[low:high]
        meaningful.append(bool(window) and sum(window) / len(window) < c.BLANK_ARTEFACT_RATIO)
    return meaningful


def is_indented_start(line: Line, column: float) -> bool:
    """A line narrowed by the lost two-character indent (and not just a short last line)."""
    if line.letter_spaced:
        return False
    narrowed = line.width <= column - c.INDENT_MARGIN
    return narrowed and (not ends_sentence(line.text) or line.width >= column - c.INDENT_BAND)


def paragraph_starts(lines: Sequence[Line], columns: Sequence[float], blanks: Sequence[bool]) -> list[bool]:
    """For each line, whether a new paragraph starts on it (the first line always does)."""
    starts = [True] * len(lines)
    for index in range(1, len(lines)):
        previous, line = lines[index - 1], lines[index]
        if line.indent - previous.indent >= c.KEPT_INDENT:  # the extraction kept the indent: trust it
            continue
        if not ends_sentence(previous.text):
            starts[index] = False
            continue
        full = columns[index - 1] - (c.FIRST_LINE_INDENT if starts[index - 1] else 0.0)
        previous_short = not previous.letter_spaced and previous.width <= full - c.SHORT_LINE_MARGIN
        real_blank = line.blank_before and blanks[index]
        starts[index] = previous_short or real_blank or is_indented_start(line, columns[index])
    return starts


def join_lines(texts: Sequence[str]) -> str:
    """Join hard-wrapped lines: no space between Chinese characters, one between Latin words."""
    joined = ""
    for text in texts:
        if _is_latin_letter(joined[-1:]) and _is_latin_letter(text[:1]):
            joined += " "
        joined += text
    return joined


def _is_latin_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()

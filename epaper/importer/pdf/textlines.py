"""Glyphs to text lines: same baseline, same size, no gap wider than a column gutter.

Spaces are not taken from the PDF (layout systems often set none) but from the gaps between
glyphs, measured against the line's usual gap so that justified text does not grow spaces.
"""

from __future__ import annotations

import itertools
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .chars import Glyph
from .geometry import Box, union

BASELINE_TOLERANCE = 0.3
"""Glyphs whose bottoms differ by less than this share of their size sit on one line."""

SAME_SIZE = 1.15
"""Glyph sizes within this ratio belong to one line."""

GUTTER = 0.9
"""A gap of this many ems between two glyphs separates two columns (or two phrases of a headline)."""

WORD_SPACE = 0.15
"""A gap this many ems wider than the line's usual gap is a space."""

PHRASE_SPACE = 0.6
"""A gap this many ems wider than the line's usual gap is the wide space between headline phrases."""


@dataclass(frozen=True)
class TextLine:
    glyphs: tuple[Glyph, ...]
    box: Box
    size: float
    """The size most of its glyphs have."""
    font: str
    spaced: str
    """The printed text with a space for each word gap and two for a phrase gap; lost glyphs as U+FFFD."""


def build_lines(glyphs: Sequence[Glyph]) -> list[TextLine]:
    """The text lines of a page, top to bottom, then left to right."""
    rows: list[list[Glyph]] = []
    open_rows: list[list[Glyph]] = []
    for glyph in sorted(glyphs, key=lambda glyph: (glyph.box.bottom, glyph.box.x0)):
        tolerance = BASELINE_TOLERANCE * glyph.size
        open_rows = [row for row in open_rows if glyph.box.bottom - row[-1].box.bottom <= tolerance]
        row = next((row for row in open_rows if _same_size(row[0].size, glyph.size)), None)
        if row is None:
            row = []
            rows.append(row)
            open_rows.append(row)
        row.append(glyph)
    lines = [_line(piece) for row in rows for piece in _split_at_gutters(row)]
    return sorted(lines, key=lambda line: (line.box.top, line.box.x0))


def _same_size(first: float, second: float) -> bool:
    return max(first, second) <= SAME_SIZE * min(first, second)


def _split_at_gutters(row: list[Glyph]) -> list[list[Glyph]]:
    ordered = sorted(row, key=lambda glyph: glyph.box.x0)
    pieces = [[ordered[0]]]
    for glyph in ordered[1:]:
        previous = pieces[-1][-1]
        if glyph.box.x0 - previous.box.x1 > GUTTER * max(glyph.size, previous.size):
            pieces.append([])
        pieces[-1].append(glyph)
    return pieces


def _line(glyphs: list[Glyph]) -> TextLine:
    size = Counter(round(glyph.size, 1) for glyph in glyphs).most_common(1)[0][0]
    font = Counter(glyph.font for glyph in glyphs).most_common(1)[0][0]
    gaps = [after.box.x0 - before.box.x1 for before, after in itertools.pairwise(glyphs)]
    usual = max(0.0, statistics.median(gaps)) if gaps else 0.0
    text = glyphs[0].text
    for gap, glyph in zip(gaps, glyphs[1:], strict=True):
        extra = (gap - usual) / size
        text += "  " if extra > PHRASE_SPACE else " " if extra > WORD_SPACE else ""
        text += glyph.text
    return TextLine(tuple(glyphs), union(glyph.box for glyph in glyphs), size, font, text)

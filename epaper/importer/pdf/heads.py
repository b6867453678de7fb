"""Headlines: lines set larger than the body, grouped, and read by size into kicker, title and subtitle."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .. import conventions as c
from .geometry import Box, union
from .textlines import TextLine

HEADING_SCALE = 1.2
"""A line this much larger than the body text is part of a headline."""

HEAD_GAP = 1.0
"""Lines of one headline are at most this many ems (of the larger) apart."""

PHRASE_GAP = 4.0
"""Pieces of one headline row may be this many ems apart (the wide space between phrases)."""

TITLE_SIZE = 0.97
"""Lines at least this share of the largest size in a headline are its title."""


@dataclass
class Row:
    """Headline pieces on one baseline, left to right."""

    pieces: list[TextLine]

    @property
    def box(self) -> Box:
        return union(piece.box for piece in self.pieces)

    @property
    def size(self) -> float:
        return max(piece.size for piece in self.pieces)

    @property
    def spaced(self) -> str:
        return "  ".join(piece.spaced for piece in self.pieces)


@dataclass
class HeadGroup:
    rows: list[Row] = field(default_factory=list)

    @property
    def box(self) -> Box:
        return union(row.box for row in self.rows)

    @property
    def size(self) -> float:
        return max(row.size for row in self.rows)

    @property
    def lines(self) -> list[TextLine]:
        return [piece for row in self.rows for piece in row.pieces]


@dataclass(frozen=True)
class HeadlineRows:
    kicker: list[Row]
    title: list[Row]
    subtitle: list[Row]


def is_heading_size(line: TextLine, body_size: float) -> bool:
    return line.size >= HEADING_SCALE * body_size


def group_heads(lines: Sequence[TextLine]) -> list[HeadGroup]:
    """Headline lines grouped into the headlines of articles, top to bottom."""
    groups: list[HeadGroup] = []
    for line in sorted(lines, key=lambda line: (line.box.top, line.box.x0)):
        row_group = next((group for group in groups if _same_row(group.rows[-1], line)), None)
        if row_group is not None:
            row_group.rows[-1].pieces.append(line)
            continue
        group = next((group for group in reversed(groups) if _under(group, line)), None)
        if group is None:
            group = HeadGroup()
            groups.append(group)
        group.rows.append(Row([line]))
    return groups


def _same_row(row: Row, line: TextLine) -> bool:
    last = row.pieces[-1]
    same_baseline = abs(last.box.bottom - line.box.bottom) < 0.2 * line.size and abs(last.size - line.size) < 0.5
    return same_baseline and 0 <= line.box.x0 - last.box.x1 <= PHRASE_GAP * line.size


def _under(group: HeadGroup, line: TextLine) -> bool:
    box = group.box
    gap = line.box.top - box.bottom
    return -0.2 * line.size <= gap <= HEAD_GAP * max(group.rows[-1].size, line.size) and box.overlaps_horizontally(
        line.box)


def headline_rows(group: HeadGroup) -> HeadlineRows:
    """The largest rows are the title; rows over it the kicker, rows under it the subtitle.

    A dashed row (`——…`) is always a subtitle, whatever its size.
    """
    undashed = [row for row in group.rows if not _dashed(row)]
    if not undashed:
        return HeadlineRows([], [], list(group.rows))
    largest = max(row.size for row in undashed)
    title_rows = [index for index, row in enumerate(group.rows) if row in undashed and row.size >= TITLE_SIZE * largest]
    first, last = title_rows[0], title_rows[-1]
    return HeadlineRows(group.rows[:first], group.rows[first:last + 1], group.rows[last + 1:])


def _dashed(row: Row) -> bool:
    return bool(c.SUBTITLE_DASHES.match(row.spaced))

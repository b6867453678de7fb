"""Rows of a table set inside a column (`快递业务量 …… 833.6亿件`): pieces of one line, not two columns.

Text lines are cut where a gap is as wide as a column gutter, which also cuts a table row between its
label and its figure. A cut is undone when the piece on the right does not start a column (no run of
full lines starts there), neither piece is a full line, and the row fits in a column's width.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from .geometry import union
from .textlines import TextLine

FULL_LINE = 6.0
"""A line this many ems wide (or wider) is a full line of a column, not a table cell."""

COLUMN_START_LINES = 3
"""Full lines starting at one x (or more) make it the start of a column."""

EDGE = 1.0
"""Ems of tolerance when comparing edges."""


def merge_table_rows(lines: Sequence[TextLine], body_size: float) -> list[TextLine]:
    """``lines`` with each table row's pieces joined into one line (a wide space between cells)."""
    full = [line for line in lines if line.box.width >= FULL_LINE * line.size and not line.vertical]
    starts = [x for x, count in Counter(round(line.box.x0) for line in full).items() if count >= COLUMN_START_LINES]
    by_baseline: dict[int, list[TextLine]] = defaultdict(list)
    result = [line for line in lines if line.vertical]
    for line in lines:
        if not line.vertical:
            by_baseline[round(line.box.bottom)].append(line)
    for row in by_baseline.values():
        row.sort(key=lambda line: line.box.x0)
        current = row[0]
        for right in row[1:]:
            if _is_cell_pair(current, right, starts, full, body_size):
                current = _join(current, right)
            else:
                result.append(current)
                current = right
        result.append(current)
    return sorted(result, key=lambda line: (line.box.top, line.box.x0))


def _is_cell_pair(
    left: TextLine, right: TextLine, starts: Sequence[int], full: Sequence[TextLine], body_size: float
) -> bool:
    """Whether ``right`` is the next cell of the row ``left`` (one cell or more so far)."""
    edge = EDGE * body_size
    if abs(left.size - right.size) >= 0.5 or right.box.width >= FULL_LINE * right.size:
        return False
    if left.cells == 1 and left.box.width >= FULL_LINE * left.size:
        return False
    if any(abs(right.box.x0 - start) <= edge for start in starts):
        return False
    row = union([left.box, right.box])
    return any(line.box.x0 - edge <= row.x0 and row.x1 <= line.box.x1 + edge for line in full)


def _join(left: TextLine, right: TextLine) -> TextLine:
    return TextLine(
        left.glyphs + right.glyphs,
        union([left.box, right.box]),
        left.size,
        left.font,
        f"{left.spaced}  {right.spaced}",
        cells=left.cells + 1,
    )

"""Rows of a table (`快递业务量 …… 833.6亿件`): pieces of one line, not two columns.

A column head set on two lines, centred on the row of heads, is one more cell of that row.

Text lines are cut where a gap is as wide as a column gutter, which also cuts a table row between its
label and its figure. A cut is undone when the piece on the left ends in leader dots, which lead the eye
on to the next cell whatever the table's width; or, in a table set inside a column, when the piece on the
right does not start a column (no run of full lines starts there), neither piece is a full line, and the
row fits in a column's width.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from .. import conventions as c
from .ems import BASELINE_TOLERANCE, EDGE, FULL_LINE, HEAD_CELL, ROW_REACH
from .geometry import union
from .textlines import TextLine, one_size

COLUMN_START_LINES = 3
"""Full lines starting at one x (or more) make it the start of a column."""


def merge_table_rows(lines: Sequence[TextLine], body_size: float) -> list[TextLine]:
    """``lines`` with each table row's pieces joined into one line (a wide space between cells)."""
    full = [line for line in lines if line.box.width >= FULL_LINE * line.size and not line.vertical]
    starts = [x for x, count in Counter(round(line.box.x0) for line in full).items() if count >= COLUMN_START_LINES]
    rows = [_joined_cells(row, lambda left, right: _is_cell_pair(left, right, starts, full, body_size))
            for row in _baselines([line for line in lines if not line.vertical])]
    tables = [line for row in rows for line in row if line.cells > 1]
    rows = [_joined_cells(row, lambda left, right: _opens_row(left, right, tables, body_size)
                          or _heads_columns(left, right, tables, body_size)) for row in rows]
    result = _with_wrapped_cells(_with_stacked_heads([line for row in rows for line in row], body_size))
    return sorted([line for line in lines if line.vertical] + result, key=lambda line: (line.box.top, line.box.x0))


def _with_stacked_heads(lines: list[TextLine], body_size: float) -> list[TextLine]:
    """A column head set on two lines (`Cost on U.S.` over `operators`), centred on the row of heads beside it,
    joined to that row as one more cell."""
    for heads in [line for line in lines if line.cells > 1]:
        middle = (heads.box.top + heads.box.bottom) / 2
        for upper in [line for line in lines if line.cells == 1 and line.box.width <= HEAD_CELL * line.size]:
            lower = next((line for line in lines if line is not upper and line.cells == 1
                          and _stacked(upper, line) and line.box.width <= HEAD_CELL * line.size), None)
            if lower is None or abs((upper.box.top + lower.box.bottom) / 2 - middle) > BASELINE_TOLERANCE * heads.size:
                continue
            gap = max(upper.box.x0 - heads.box.x1, heads.box.x0 - upper.box.x1)
            if not 0 <= gap <= HEAD_CELL * heads.size or not one_size(upper.size, heads.size):
                continue
            cell = TextLine(upper.glyphs + lower.glyphs, union([upper.box, lower.box]), upper.size, upper.font,
                            f"{upper.spaced} {lower.spaced}")
            row = _join(heads, cell) if cell.box.x0 > heads.box.x0 else _join(cell, heads)
            return _with_stacked_heads([row if line is heads else line for line in lines
                                        if line is not upper and line is not lower], body_size)
    return lines


def _with_wrapped_cells(lines: list[TextLine]) -> list[TextLine]:
    """A cell set on two lines (`Up to 79 work-hours × $85 per hour =` over `Up to $6,715.`): the line right
    under a row, under one of its cells but the first (a line under the first cell is the next row's label,
    or the text going on under the table), joined to that row."""
    while (wrapped := _wrapped_cell(lines)) is not None:
        row, under = wrapped
        lines = [_join(row, under, cells=row.cells) if line is row else line for line in lines if line is not under]
    return lines


def _wrapped_cell(lines: list[TextLine]) -> tuple[TextLine, TextLine] | None:
    """The first row with a cell's second line right under it, and that line."""
    for row in (line for line in lines if line.cells > 1):
        edge = EDGE * row.size
        under = next((line for line in lines if line.cells == 1 and _stacked(row, line, centred=False)
                      and row.box.x0 + edge < line.box.x0 and line.box.x1 <= row.box.x1 + edge
                      and line.box.width <= HEAD_CELL * line.size and one_size(line.size, row.size)), None)
        if under is not None:
            return row, under
    return None


def _stacked(upper: TextLine, lower: TextLine, *, centred: bool = True) -> bool:
    """``lower`` is the next line of ``upper``'s cell: right under it (a line's leading), centred with it
    (where ``centred``)."""
    gap = lower.box.top - upper.box.bottom
    centres = abs((upper.box.x0 + upper.box.x1) / 2 - (lower.box.x0 + lower.box.x1) / 2)
    return -0.5 * upper.size <= gap <= 0.5 * upper.size and (not centred or centres <= EDGE * upper.size)


def _joined_cells(row: list[TextLine], pair: Callable[[TextLine, TextLine], bool]) -> list[TextLine]:
    """The pieces of one baseline, left to right, each run that ``pair`` links joined into one row."""
    row = sorted(row, key=lambda line: line.box.x0)
    joined = [row[0]]
    for right in row[1:]:
        if pair(joined[-1], right):
            joined[-1] = _join(joined[-1], right)
        else:
            joined.append(right)
    return joined


def _heads_columns(left: TextLine, right: TextLine, tables: Sequence[TextLine], body_size: float) -> bool:
    """Column heads of a table (`Action`, `Labor cost`): short pieces on one baseline (or heads joined so far),
    both over a row of cells that starts at most ROW_REACH ems under them."""
    if not one_size(left.size, right.size):
        return False
    if any(piece.cells == 1 and piece.box.width > HEAD_CELL * piece.size for piece in (left, right)):
        return False
    reach, edge = ROW_REACH * body_size, EDGE * body_size
    return any(0 < row.box.top - right.box.bottom <= reach and row.box.x0 - edge <= left.box.x0
               and right.box.x1 <= row.box.x1 + edge for row in tables)


def _opens_row(left: TextLine, right: TextLine, tables: Sequence[TextLine], body_size: float) -> bool:
    """A first cell without leaders (`MDS installation and verification, INOP`): it starts where the rows of
    cells next over or under it start, and the rest of its row is cells."""
    if right.cells == 1 or left.cells > 1 or not one_size(left.size, right.size):
        return False
    reach, edge = ROW_REACH * body_size, EDGE * body_size
    return any(abs(row.box.x0 - left.box.x0) <= edge and abs(row.box.bottom - left.box.bottom) <= reach
               and row is not right for row in tables)


def _baselines(lines: Sequence[TextLine]) -> list[list[TextLine]]:
    """The lines grouped by the baseline they stand on: bottoms within BASELINE_TOLERANCE ems of the group's
    first (a cell set in another font, `×` or `$`, sits a hair lower or higher)."""
    rows: list[list[TextLine]] = []
    for line in sorted(lines, key=lambda line: line.box.bottom):
        if rows and line.box.bottom - rows[-1][0].box.bottom <= BASELINE_TOLERANCE * line.size:
            rows[-1].append(line)
        else:
            rows.append([line])
    return rows


def _is_cell_pair(left: TextLine, right: TextLine, starts: Sequence[int], full: Sequence[TextLine],
                  body_size: float) -> bool:
    """Whether ``right`` is the next cell of the row ``left`` (one cell or more so far)."""
    edge = EDGE * body_size
    if not one_size(left.size, right.size):
        return False
    if c.LEADERS.search(left.spaced):
        return True
    at_start = any(abs(right.box.x0 - start) <= edge for start in starts)
    if left.cells > 1 and c.LEADERS.search(right.spaced) and not at_start:
        return True  # a cell set on two lines has no leaders on its first: the row goes on to the cells led on
    if right.box.width >= FULL_LINE * right.size:
        return False
    if left.cells == 1 and left.box.width >= FULL_LINE * left.size:
        return False
    if at_start:
        return False
    row = union([left.box, right.box])
    return any(line.box.x0 - edge <= row.x0 and row.x1 <= line.box.x1 + edge for line in full)


def _join(left: TextLine, right: TextLine, cells: int | None = None) -> TextLine:
    """``left`` and ``right`` as one row of ``cells`` cells (by default, both's cells side by side)."""
    return TextLine(left.glyphs + right.glyphs, union([left.box, right.box]), left.size, left.font,
                    f"{left.spaced}  {right.spaced}", cells=left.cells + right.cells if cells is None else cells)

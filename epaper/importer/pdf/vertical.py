"""Vertical text (竖排): columns of characters read top to bottom, the columns right to left.

In vertical text each glyph sits right above the next one, with no gap, while the neighbouring
column is a line's spacing away; in horizontal text it is the other way round. A block of glyphs set
that way in two columns or more (with the vertical headline beside it) is turned a quarter turn, so
that its columns become lines read left to right and top to bottom, and read like any other part of
the page; what is found in it is turned back onto the page.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .chars import Glyph, PdfPage
from .ems import STACK_AXIS, VERTICAL_BLOCK_GAP, VERTICAL_NEIGHBOUR
from .geometry import Box, union

MIN_COLUMNS = 2
"""A vertical block has at least this many columns: one alone is a vertical headline, read in place."""

MIN_GLYPHS = 20
"""Fewer glyphs than this make no block of running text."""

CELL = 12.0
"""Points per cell of the grid that finds a glyph's neighbours."""


@dataclass(frozen=True)
class VerticalBlock:
    page: PdfPage
    """The block turned: its columns are lines, top to bottom as they were right to left."""
    box: Box
    """Where the block lies on the printed page."""


def split_vertical(page: PdfPage) -> tuple[PdfPage, list[VerticalBlock]]:
    """The page without its vertical blocks, and the blocks, each turned to read as horizontal text."""
    upright = [glyph for glyph in page.glyphs if not glyph.turned]
    cells = _cells(upright)
    vertical = [glyph for glyph in upright if _set_vertically(glyph, cells)]
    blocks = [group for group in _groups(vertical) if len(group) >= MIN_GLYPHS and _columns(group) >= MIN_COLUMNS]
    if not blocks:
        return page, []
    taken = {id(glyph) for group in blocks for glyph in group}
    rest = replace(page, glyphs=[glyph for glyph in page.glyphs if id(glyph) not in taken])
    return rest, [_turned_block(page, group) for group in blocks]


def on_page(box: Box, block: VerticalBlock) -> Box:
    """A box found in the turned block, on the printed page."""
    width = block.page.height
    return Box(width - box.bottom, box.x0, width - box.top, box.x1)


def _turned_block(page: PdfPage, glyphs: Sequence[Glyph]) -> VerticalBlock:
    """Down the page becomes across, right to left becomes down: (x, y) → (y, width − x)."""
    width = page.width
    turned = [replace(glyph, box=Box(glyph.box.top, width - glyph.box.x1, glyph.box.bottom, width - glyph.box.x0))
              for glyph in glyphs]
    return VerticalBlock(PdfPage(page.index, page.height, page.width, turned, [], []), union(g.box for g in glyphs))


def _cells(glyphs: Sequence[Glyph]) -> dict[tuple[int, int], list[Glyph]]:
    cells: dict[tuple[int, int], list[Glyph]] = defaultdict(list)
    for glyph in glyphs:
        cells[(int(glyph.box.x0 // CELL), int(glyph.box.top // CELL))].append(glyph)
    return cells


def _near(glyph: Glyph, cells: dict[tuple[int, int], list[Glyph]]) -> list[Glyph]:
    column, row = int(glyph.box.x0 // CELL), int(glyph.box.top // CELL)
    reach = int(glyph.size * 2 // CELL) + 1
    return [other for x in range(column - reach, column + reach + 1) for y in range(row - reach, row + reach + 1)
            for other in cells.get((x, y), ()) if other is not glyph]


def _set_vertically(glyph: Glyph, cells: dict[tuple[int, int], list[Glyph]]) -> bool:
    """A glyph right above or under another (centred on one axis, touching) and beside none."""
    near = _near(glyph, cells)
    reach, axis = VERTICAL_NEIGHBOUR * glyph.size, STACK_AXIS * glyph.size
    box = glyph.box

    def centre_x(other: Glyph) -> float:
        return (other.box.x0 + other.box.x1) / 2

    def centre_y(other: Glyph) -> float:
        return (other.box.top + other.box.bottom) / 2

    stacked = any(abs(centre_x(other) - centre_x(glyph)) <= axis
                  and -reach <= max(other.box.top - box.bottom, box.top - other.box.bottom) <= reach for other in near)
    beside = any(abs(centre_y(other) - centre_y(glyph)) <= axis
                 and -reach <= max(other.box.x0 - box.x1, box.x0 - other.box.x1) <= reach for other in near)
    return stacked and not beside


def _groups(glyphs: Sequence[Glyph]) -> list[list[Glyph]]:
    """Vertical glyphs gathered into blocks: each at most VERTICAL_BLOCK_GAP ems from another of its block."""
    cells = _cells(glyphs)
    seen: set[int] = set()
    groups = []
    for start in glyphs:
        if id(start) in seen:
            continue
        seen.add(id(start))
        group, pending = [], [start]
        while pending:
            glyph = pending.pop()
            group.append(glyph)
            gap = VERTICAL_BLOCK_GAP * glyph.size
            for other in _near(glyph, cells):
                if id(other) not in seen and _distance(glyph.box, other.box) <= gap:
                    seen.add(id(other))
                    pending.append(other)
        groups.append(group)
    return groups


def _distance(first: Box, second: Box) -> float:
    across = max(first.x0 - second.x1, second.x0 - first.x1, 0.0)
    down = max(first.top - second.bottom, second.top - first.bottom, 0.0)
    return max(across, down)


def _columns(glyphs: Sequence[Glyph]) -> int:
    """How many columns the glyphs stand in: centres across further apart than one column's glyphs are."""
    centres = sorted(((glyph.box.x0 + glyph.box.x1) / 2, glyph.size) for glyph in glyphs)
    return 1 + sum(1 for (last, _), (centre, size) in itertools.pairwise(centres) if centre - last > STACK_AXIS * size)

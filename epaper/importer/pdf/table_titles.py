"""Table titles: a heading set right over the rows of a table (`ESTIMATED COSTS`) is the table's title.

Gazettes, reports and business pages print a table inside the text that introduces it, its title centred
over the rows in a size close to the body's. Such a title is a subhead of that text, not the headline of
an article of its own: a heading at most SUBHEAD_SCALE times the body size, on at most SUBHEAD_LINES
lines, right over the rows (the text starting at most ROW_REACH body ems under it opens with a row of cells
and is mostly rows). A heading over a line of text that introduces a table (`主要指标如下：`) heads a brief
of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from .columns import Segment
from .ems import ROW_REACH, SUBHEAD_LINES, SUBHEAD_SCALE
from .heads import HeadGroup


def demote_table_titles(heads: Sequence[HeadGroup], segments: Sequence[Segment],
                        body_size: float) -> tuple[list[HeadGroup], list[Segment]]:
    """The headlines that stay, and the segments with each table title among them as a subhead."""
    kept, titles = [], []
    for head in heads:
        if _titles_table(head, segments, body_size):
            titles.append(Segment(head.lines, subhead=True))
        else:
            kept.append(head)
    return kept, [*segments, *titles]


def _titles_table(head: HeadGroup, segments: Sequence[Segment], body_size: float) -> bool:
    if head.vertical or len(head.rows) > SUBHEAD_LINES or head.size > SUBHEAD_SCALE * body_size:
        return False
    reach = ROW_REACH * body_size
    under = [segment for segment in segments if not segment.subhead
             and 0 <= segment.box.top - head.box.bottom <= reach and segment.box.overlaps_horizontally(head.box)]
    if not under:
        return False
    lines = [line for segment in under for line in segment.lines]
    first = min(under, key=lambda segment: segment.box.top).lines[0]
    return first.cells > 1 and 2 * sum(line.cells > 1 for line in lines) >= len(lines)

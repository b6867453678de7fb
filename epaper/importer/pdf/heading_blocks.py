"""Heading blocks: a document's heading lines stacked over its title, with no text between them.

A gazette's entry, a bill or an official notice opens with a block of headings over its subject
line: the issuing department and agency, the part of the code it amends, its docket and reference
numbers, each on a line or two of its own in a heading face (some a size smaller), and only then
the title. None of them governs text of its own: all of the text starts under the title. They are
the title's kicker, however far apart they are spaced and whatever their size.
"""

from __future__ import annotations

from collections.abc import Sequence

from .columns import Segment
from .ems import ADJACENT, RUN_IN_SHARE
from .heads import HeadGroup, Row, aligned_with, font_share


def stack_heading_blocks(heads: Sequence[HeadGroup], segments: Sequence[Segment], body_font: str,
                         body_size: float) -> tuple[list[HeadGroup], list[Segment]]:
    """Each headline with only heading-face lines between it and the headline under it, in its column,
    merged into that headline as its kicker (those lines with it); the segments left."""
    heads, segments = sorted(heads, key=lambda head: head.box.top), list(segments)
    merged = True
    while merged:
        merged = False
        for upper in heads:
            found = _stacked_under(upper, heads, segments, body_font, body_size)
            if found is None:
                continue
            lower, between = found
            rows = [*upper.rows, *(Row([line]) for segment in between for line in segment.lines)]
            heads[heads.index(lower)] = HeadGroup([*rows, *lower.rows], kicker_rows=len(rows) + lower.kicker_rows)
            heads.remove(upper)
            segments = [segment for segment in segments if segment not in between]
            merged = True
            break
    return sorted(heads, key=lambda head: (head.box.top, head.box.x0)), segments


def _stacked_under(upper: HeadGroup, heads: Sequence[HeadGroup], segments: Sequence[Segment], body_font: str,
                   body_size: float) -> tuple[HeadGroup, list[Segment]] | None:
    """The headline right under ``upper`` in its column and the heading-face segments between them, if
    nothing else starts under ``upper`` before that headline ends and it is aligned with it (a heading flush left
    under a centred notice is no part of it)."""
    if upper.vertical:
        return None
    box = upper.box
    under = [head for head in heads if head is not upper and not head.vertical and head.box.top >= box.bottom
             and head.box.overlaps_horizontally(box, 0.5)]
    lower = min(under, key=lambda head: head.box.top, default=None)
    if lower is None or not aligned_with(lower.box, box, lower.size):
        return None
    started = sorted((segment for segment in segments if segment.box.overlaps_horizontally(box)
                      and box.bottom <= segment.box.top <= lower.box.bottom), key=lambda segment: segment.box.top)
    if not all(_in_heading_face(segment, body_font) for segment in started):
        return None
    edges = [box.bottom, *(edge for segment in started for edge in (segment.box.top, segment.box.bottom))]
    edges.append(lower.box.top)
    gaps = [edges[index + 1] - edges[index] for index in range(0, len(edges) - 1, 2)]
    if any(gap > ADJACENT * body_size for gap in gaps):
        return None
    return lower, started


def _in_heading_face(segment: Segment, body_font: str) -> bool:
    """Set wholly in a face other than the body's: a heading line, not the start of the text."""
    return not segment.subhead and all(font_share(line, body_font) < RUN_IN_SHARE for line in segment.lines)

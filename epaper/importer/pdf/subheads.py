"""Subheads: a one-line heading set inside a column, between two runs of the same article's text."""

from __future__ import annotations

from collections.abc import Sequence

from ..bylines import split_trailing_byline
from ..jumps import continues_on
from ..lines import ends_sentence, remove_letter_spacing
from .columns import Segment
from .geometry import Box
from .heads import HeadGroup

SUBHEAD_SCALE = 1.45
"""A subhead is set at most this much larger than the body; larger is the title of another article."""

REACH = 2.5
"""The text around a subhead is at most this many body ems above and under it."""


def demote_subheads(
    groups: Sequence[HeadGroup], segments: Sequence[Segment], rules: Sequence[Box], body_size: float
) -> tuple[list[HeadGroup], list[Segment]]:
    """Split headline groups into real headlines and subheads (returned as one-line segments)."""
    heads, subheads = [], []
    for group in groups:
        if _is_subhead(group, segments, rules, body_size):
            subheads.append(Segment(group.lines, subhead=True))
        else:
            heads.append(group)
    return heads, subheads


def _is_subhead(group: HeadGroup, segments: Sequence[Segment], rules: Sequence[Box], body_size: float) -> bool:
    if len(group.rows) != 1 or group.size > SUBHEAD_SCALE * body_size or group.vertical:
        return False
    box, reach = group.box, REACH * body_size
    column = [
        segment
        for segment in segments
        if segment.box.overlaps_horizontally(box, 0.5) and box.width <= segment.box.width + body_size
    ]
    above = [
        segment
        for segment in column
        if 0 <= box.top - segment.box.bottom <= reach
        and not any(segment.box.bottom <= rule.top <= box.top for rule in rules)
    ]
    below = [segment for segment in column if 0 <= segment.box.top - box.bottom <= reach]
    return bool(above and below) and all(_paragraph_ends_there(segment) for segment in above)


def _paragraph_ends_there(segment: Segment) -> bool:
    """The text over a subhead ends a paragraph, but not the article (no byline, no jump line)."""
    last = remove_letter_spacing(segment.lines[-1].spaced)
    spaced = segment.lines[-1].spaced
    return ends_sentence(last) and split_trailing_byline(spaced) is None and continues_on(last) is None

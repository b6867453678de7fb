"""Column flow: a story set at the foot of a column goes on at the top of the next column.

Where the text flows from column to column (a gazette, a newsletter, a magazine), a story that starts
low in one column goes on at the head of the next: the text there stands under no headline and after
nothing of its own column. It belongs to the story the column to its left ends with, unless it says it
is continued from another page.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..jumps import continued_from
from ..lines import remove_letter_spacing
from .blocks import ArticleLayout
from .columns import Segment
from .ems import ADJACENT
from .geometry import Box


def flow_on_from_column_feet(layouts: Sequence[ArticleLayout], rules: Sequence[Box],
                             body_size: float) -> list[ArticleLayout]:
    """``layouts`` with the segments of headless fragments that head a column given to the headed story the
    column to their left ends with, column by column: the fragment's segments in a later column go to the
    story that column's left neighbour then ends with (the same story, or one that starts lower there)."""
    flowed = list(layouts)
    for fragment in [layout for layout in layouts if layout.head is None and layout.segments]:
        others = [layout for layout in flowed if layout is not fragment]
        for segment in sorted(fragment.segments, key=lambda segment: segment.box.x0):
            if segment not in fragment.segments:
                continue
            story = _story_ending_left_of(segment, others, flowed, rules, body_size)
            if story is None or _says_continued(segment):
                continue
            moved = [other for other in fragment.segments if other.box.overlaps_horizontally(segment.box, 0.5)]
            story.segments += moved
            fragment.segments = [other for other in fragment.segments if other not in moved]
            if not fragment.segments:  # its pictures and captions stood in the text that went on: they go too
                story.captions += fragment.captions
                story.pictures += fragment.pictures
                fragment.captions, fragment.pictures = [], []
    return [layout for layout in flowed if layout.segments or layout.head is not None or layout.captions]


def _story_ending_left_of(segment: Segment, stories: Sequence[ArticleLayout], layouts: Sequence[ArticleLayout],
                          rules: Sequence[Box], body_size: float) -> ArticleLayout | None:
    """The headed story whose text ends the column left of ``segment``, if ``segment`` heads its column (under
    a rule across it, if anything stands over it) and the story is not set across that column too."""
    box = segment.box
    blocks = [(layout, other.box) for layout in layouts for other in layout.segments if other is not segment]
    blocks += [(layout, layout.head.box) for layout in layouts if layout.head is not None]
    if any(other.bottom <= box.top and other.overlaps_horizontally(box, 0.5)
           and not _ruled_off(other, box, rules) for _, other in blocks):
        return None
    left = [(layout, other) for layout, other in blocks
            if other.x1 <= box.x0 + body_size and box.x0 - other.x1 <= ADJACENT * body_size]
    if not left:
        return None
    story, last = max(left, key=lambda pair: pair[1].bottom)
    if story.head is None or story not in stories or last.bottom < box.top:
        return None
    if story.box.horizontal_overlap(box) > body_size:
        return None  # set across the segment's column too (a table under its title): it flows into no column
    return story


def _ruled_off(over: Box, box: Box, rules: Sequence[Box]) -> bool:
    """A rule runs between ``over`` and ``box`` under (most of) either: what stands over it ends there."""
    return any(over.bottom <= rule.top <= box.top
               and (rule.overlaps_horizontally(box, 0.5) or rule.overlaps_horizontally(over, 0.5)) for rule in rules)


def _says_continued(segment: Segment) -> bool:
    return continued_from(remove_letter_spacing(segment.lines[0].spaced)) is not None

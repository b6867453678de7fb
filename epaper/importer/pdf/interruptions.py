"""Interruptions: a figure or a headless fragment over text does not end the story; the text under it goes on.

A figure placed across the columns (a chart, a boxed form set as a picture) interrupts the text of the
story it stands in, and the text goes on under it; so does the text under a headless fragment set apart
by more than a gutter (a table across the page, the end of a story continued from the page before).
A story starts under its headline, or says it is continued from another page: text under no headline,
with a figure or a headless fragment right over it, goes on with the story that figure or fragment is in.
A figure standing over no story at all (the top of a page going on from the one before) starts a band of
one story under it: the columns set level with each other under it go on from the one to their left.
"""

from __future__ import annotations

from collections.abc import Sequence

from .blocks import ArticleLayout
from .ems import LEVEL
from .geometry import Box
from .ruled_parts import join_fragments


def join_interrupted_text(layouts: Sequence[ArticleLayout], pictures: Sequence[Box],
                          body_size: float) -> list[ArticleLayout]:
    """``layouts`` with each headless fragment joined, top to bottom, to the story of what stands right over
    it: a figure, or a fragment set apart from it (not a headed story's text, which a headline closes)."""
    fragments = sorted((layout for layout in layouts if layout.head is None and layout.segments),
                       key=lambda layout: layout.box.top)
    return join_fragments(layouts, fragments, lambda fragment, joined: _story_over(
        fragment, [layout for layout in joined if layout is not fragment], pictures, body_size))


def _story_over(fragment: ArticleLayout, stories: Sequence[ArticleLayout], pictures: Sequence[Box],
                body_size: float) -> ArticleLayout | None:
    """The story of the nearest block over the fragment's first segment (a figure in no story counts as
    the story of what stands over it), when that block is a figure or a headless fragment's."""
    first = min(fragment.segments, key=lambda segment: (segment.box.top, segment.box.x0)).box
    blocks: list[tuple[ArticleLayout | None, Box]] = [(story, box) for story in stories for box in _boxes(story)]
    blocks += [(None, picture) for picture in pictures if not any(picture in story.pictures for story in stories)]
    interrupting: Box | None = None
    for story, box in sorted(blocks, key=lambda pair: -pair[1].bottom):
        if box.bottom > first.top + 0.5 * body_size or box.horizontal_overlap(first) <= body_size:
            continue
        figure = any(box is picture for picture in pictures)
        if story is None:
            interrupting = interrupting or box
            continue
        if figure or interrupting is not None or story.head is None:
            return story
        return None
    return None if interrupting is None else _band_left_of(first, interrupting, stories, body_size)


def _band_left_of(first: Box, figure: Box, stories: Sequence[ArticleLayout], body_size: float) -> ArticleLayout | None:
    """The headless fragment whose text starts level with ``first`` under the same ``figure``, to its left."""
    for story in stories:
        if story.head is None and any(
                abs(segment.box.top - first.top) <= LEVEL * body_size and segment.box.x1 <= first.x0 + body_size
                and segment.box.top >= figure.bottom and figure.horizontal_overlap(segment.box) > body_size
                for segment in story.segments):
            return story
    return None


def _boxes(story: ArticleLayout) -> list[Box]:
    heads = [story.head.box] if story.head is not None else []
    captions = [caption.box for caption in story.captions]
    return [segment.box for segment in story.segments] + story.pictures + captions + heads

"""Ruled parts: a rule across one column inside a story sets off a part of it, not another story.

A rule between two stories stands over the next story's headline. A rule with a story's text over it
and text under it that no headline opens (a summary under a document's preamble, the facts after a
report) divides that story into parts: the text under it goes on with the story over it, unless it
says it is continued from another page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..jumps import continued_from
from ..lines import remove_letter_spacing
from .blocks import ArticleLayout
from .ems import ADJACENT
from .geometry import Box


def join_ruled_parts(layouts: Sequence[ArticleLayout], rules: Sequence[Box], body_size: float) -> list[ArticleLayout]:
    """``layouts`` with each headless fragment that starts under a rule right under a story's text joined to
    that story."""
    fragments = [layout for layout in layouts if layout.head is None and layout.segments]
    return join_fragments(layouts, fragments, lambda fragment, joined: _story_over_rule(
        fragment, [layout for layout in joined if layout.head is not None], rules, body_size))


def join_fragments(
    layouts: Sequence[ArticleLayout],
    fragments: Sequence[ArticleLayout],
    story_of: Callable[[ArticleLayout, list[ArticleLayout]], ArticleLayout | None],
) -> list[ArticleLayout]:
    """``layouts`` with each of ``fragments``, in turn, joined to the story ``story_of`` finds for it among the
    layouts not yet joined, unless the fragment says it is continued from another page."""
    joined = list(layouts)
    for fragment in fragments:
        story = story_of(fragment, joined)
        if story is None or says_continued(fragment):
            continue
        story.segments += fragment.segments
        story.captions += fragment.captions
        story.pictures += fragment.pictures
        joined.remove(fragment)
    return joined


def _story_over_rule(fragment: ArticleLayout, stories: Sequence[ArticleLayout], rules: Sequence[Box],
                     body_size: float) -> ArticleLayout | None:
    reach = ADJACENT * body_size
    for segment in fragment.segments:
        top = segment.box
        for rule in rules:
            if not (0 <= top.top - rule.bottom <= reach and rule.overlaps_horizontally(top, 0.5)):
                continue
            for story in stories:
                if any(0 <= rule.top - over.box.bottom <= reach and over.box.overlaps_horizontally(top, 0.5)
                       for over in story.segments):
                    return story
    return None


def says_continued(fragment: ArticleLayout) -> bool:
    first = min(fragment.segments, key=lambda segment: (segment.box.top, segment.box.x0))
    return continued_from(remove_letter_spacing(first.lines[0].spaced)) is not None

"""Article blocks: each column segment, picture and caption goes to the headline that governs it.

A headline governs what is under it within its span: its own width, widened to the columns that
start right under it side by side (a headline centred over three columns covers all three). Of the
headlines over a segment, the nearest one wins, unless a rule separates them (a rule across the segment, or
across half the headline or more: a rule under a story closes it, whatever lies beside it under; a short rule
heading another column under a wide headline does not). Segments no headline governs are fragments of
articles continued from another page; a captioned picture no headline governs (one set beside a story, its top
above the headline's) goes with the story it stands level with, or is left out as furniture.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .captions import Caption
from .columns import Segment, usual_size
from .ems import (
    ADJACENT,
    HEAD_RULE_GAP,
    LEVEL,
    NOTE_SCALE,
    ROW_REACH,
    SPANNING_SHARE,
    SUBHEAD_LINES,
    TITLE_RULE_INSET,
    VERTICAL_HEAD_REACH,
)
from .geometry import Box, union
from .heads import HeadGroup
from .shapes import frame_of


@dataclass
class ArticleLayout:
    head: HeadGroup | None
    segments: list[Segment] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    pictures: list[Box] = field(default_factory=list)

    @property
    def box(self) -> Box:
        boxes = [segment.box for segment in self.segments] + [caption.box for caption in self.captions]
        boxes += self.pictures + ([self.head.box] if self.head is not None else [])
        return union(boxes)

    def reading_order(self) -> list[Segment]:
        """Segments band by band (a figure set across the columns starts a band under it), in each band column by
        column, left to right; one spanning columns goes before or after them (with the segments set on it or
        right over it inside its span: a table's title and heads); notes last."""
        columns: list[Box] = []
        for segment in sorted(self.segments, key=lambda segment: -len(segment.lines)):
            box = segment.box
            if not any(column.overlaps_horizontally(box, 0.5) for column in columns):
                columns.append(box)
        columns.sort(key=lambda column: column.x0)

        def spans(box: Box) -> bool:
            shares = [column.horizontal_overlap(box) / box.width if box.width else 0.0 for column in columns]
            return sum(share >= SPANNING_SHARE for share in shares) > 1

        spanning = _with_bands([segment for segment in self.segments if spans(segment.box)], self.segments)
        first_top = min((segment.box.top for segment in self.segments if segment not in spanning), default=0.0)

        figures = [picture for picture in self.pictures if _across_columns(picture, columns)]

        def key(segment: Segment) -> tuple[int, int, int, float]:
            box = segment.box
            band = sum(figure.bottom <= box.top for figure in figures)
            if segment in spanning:
                return (band, 0 if box.top <= first_top else 2, 0, box.top)
            shares = [column.horizontal_overlap(box) / box.width if box.width else 0.0 for column in columns]
            return (band, 1, max(range(len(columns)), key=lambda index: shares[index]), box.top)

        ordered = sorted(self.segments, key=key)
        notes = self._notes()
        return [segment for segment in ordered if segment not in notes] + [segment for segment in ordered
                                                                           if segment in notes]

    def _notes(self) -> list[Segment]:
        """Segments set smaller than the article's text at the foot of their column (footnotes, a source
        line): read after the text, whose columns run on past them. Small text a subhead heads is text (a
        rule's text set smaller than its preamble), not a note."""
        text_size = usual_size([line for segment in self.segments for line in segment.lines])
        small = [segment for segment in self.segments if not segment.subhead
                 and all(line.size <= NOTE_SCALE * text_size for line in segment.lines)
                 and not self._under_subhead(segment)]
        return [segment for segment in small
                if not any(other not in small and other.box.top >= segment.box.bottom
                           and other.box.overlaps_horizontally(segment.box, 0.5) for other in self.segments)]

    def _under_subhead(self, segment: Segment) -> bool:
        """A subhead stands right over ``segment`` in its column (ADJACENT ems of its type at most)."""
        reach = ADJACENT * segment.lines[0].size
        return any(other.subhead and other.box.overlaps_horizontally(segment.box, 0.5)
                   and 0 <= segment.box.top - other.box.bottom <= reach for other in self.segments)


def _across_columns(figure: Box, columns: Sequence[Box]) -> bool:
    """A figure covers SPANNING_SHARE of two columns' width or more: the text goes on under it."""
    return sum(column.horizontal_overlap(figure) >= SPANNING_SHARE * column.width for column in columns) > 1


def _with_bands(spanning: list[Segment], segments: Sequence[Segment]) -> list[Segment]:
    """``spanning`` and every short segment (a title, a table's heads: at most SUBHEAD_LINES lines) set on the
    band of one of them, or at most ROW_REACH ems (of its own type) over it, mostly inside its span."""
    band = list(spanning)
    grown = True
    while grown:
        grown = False
        for segment in segments:
            box = segment.box
            if segment in band or not box.width or len(segment.lines) > SUBHEAD_LINES:
                continue
            if any(other.box.top - ROW_REACH * segment.lines[0].size <= box.bottom and box.top <= other.box.bottom
                   and other.box.horizontal_overlap(box) >= 0.5 * box.width for other in band):
                band.append(segment)
                grown = True
    return band


@dataclass(frozen=True)
class _Block:
    box: Box
    item: Segment | Caption | Box


def lay_out_articles(heads: Sequence[HeadGroup], segments: Sequence[Segment], captions: Sequence[Caption],
                     pictures: Sequence[Box], rules: Sequence[Box], frames: Sequence[Box],
                     body_size: float) -> list[ArticleLayout]:
    """The articles of a page, top to bottom and left to right; a headline governs only inside its own frame."""
    captioned = {id(caption.picture) for caption in captions}
    blocks = [_Block(segment.box, segment) for segment in segments]
    blocks += [_Block(caption.box, caption) for caption in captions]
    blocks += [_Block(picture, picture) for picture in pictures if id(picture) not in captioned]
    frame = {id(item): frame_of(item.box, frames) for item in blocks}
    frame.update({id(head): frame_of(head.box, frames) for head in heads})
    spans = {id(head): _span(head, heads, [block for block in blocks if frame[id(block)] == frame[id(head)]], body_size)
             for head in heads}
    tops = {id(head): head.box.top if spans[id(head)].beside else head.box.bottom for head in heads}
    articles = {id(head): ArticleLayout(head) for head in heads}
    headless: list[_Block] = []
    for block in blocks:
        head = _governing(block.box, [head for head in heads if frame[id(head)] == frame[id(block)]], spans, tops,
                          rules, body_size)
        if head is None:
            headless.append(block)
        else:
            _add(articles[id(head)], block)
    found = list(articles.values())
    for group in _neighbourhoods(headless, body_size):
        fragment = ArticleLayout(None)
        for block in group:
            _add(fragment, block)
        found.append(fragment)
    stories = [article for article in found if article.segments or article.head is not None]
    for figure in (article for article in found if article not in stories and article.captions):
        story = _story_beside(figure.box, stories, body_size)
        if story is None:
            stories.append(figure)  # read_page lists its caption as furniture, with a warning
        else:
            story.captions += figure.captions
            story.pictures += figure.pictures
    return _reading_order(stories)


def _story_beside(box: Box, stories: Sequence[ArticleLayout], body_size: float) -> ArticleLayout | None:
    """The story a captioned picture that no headline governs is set beside: level with it (a photo beside the
    story, its top above the headline's), at most ADJACENT ems from it, the one it is most level with."""
    def level(story: ArticleLayout) -> float:
        return min(box.bottom, story.box.bottom) - max(box.top, story.box.top)

    beside = [story for story in stories if level(story) > 0
              and max(box.x0 - story.box.x1, story.box.x0 - box.x1) <= ADJACENT * body_size]
    return max(beside, key=level, default=None)


def _reading_order(articles: list[ArticleLayout]) -> list[ArticleLayout]:
    """Top to bottom; articles starting beside one another (within the first one's headline, first line or
    picture) left to right, each followed by the articles stacked under it in its columns, within the row's depth."""
    ordered: list[ArticleLayout] = []
    rest = sorted(articles, key=lambda article: article.box.top)
    while rest:
        first = rest[0]
        opening = first.head.box if first.head is not None else first.segments[0].lines[0].box if first.segments \
            else first.box
        reach = opening.bottom
        row = sorted((article for article in rest if article.box.top <= reach), key=lambda article: article.box.x0)
        depth = max(article.box.bottom for article in row)
        rest = [article for article in rest if article not in row]
        for article in row:
            stacked = [other for other in rest if other.box.top < depth and _within(other.box, article.box)]
            ordered += [article, *stacked]
            rest = [other for other in rest if other not in stacked]
    return ordered


def _within(inner: Box, outer: Box) -> bool:
    """``inner`` lies across the same columns as ``outer`` (or fewer)."""
    return outer.x0 - 1 <= inner.x0 and inner.x1 <= outer.x1 + 1


def _add(article: ArticleLayout, block: _Block) -> None:
    if isinstance(block.item, Segment):
        article.segments.append(block.item)
    elif isinstance(block.item, Caption):
        article.captions.append(block.item)
    else:
        article.pictures.append(block.item)


def _candidates(box: Box, heads: Sequence[HeadGroup], spans: dict[int, Span], tops: dict[int, float],
                rules: Sequence[Box], body_size: float) -> list[HeadGroup]:
    return [head for head in heads
            if tops[id(head)] <= box.top + 0.5 * body_size
            and spans[id(head)].box.horizontal_overlap(box) > 0.5 * body_size
            and not any(tops[id(head)] - 1 <= rule.top <= box.top + 1
                        and (rule.overlaps_horizontally(box, 0.5)
                             or rule.horizontal_overlap(head.box) >= 0.5 * head.box.width)
                        and not _title_rule(rule, head, box) for rule in rules)]


def _title_rule(rule: Box, head: HeadGroup, box: Box) -> bool:
    """A short rule set under a headline, inside it and set in from both its ends, shorter than the text under it, is
    the headline's ornament: it closes no story; so is a rule of any length set close under the headline's foot
    (a section head ruled off from its text)."""
    inset = min(rule.x0 - head.box.x0, head.box.x1 - rule.x1)
    close_under = head.box.bottom - 1 <= rule.top <= head.box.bottom + HEAD_RULE_GAP * head.size
    return (inset >= TITLE_RULE_INSET * head.size and rule.width < box.width) or close_under


def _governing(box: Box, heads: Sequence[HeadGroup], spans: dict[int, Span], tops: dict[int, float],
               rules: Sequence[Box], body_size: float) -> HeadGroup | None:
    candidates = _candidates(box, heads, spans, tops, rules, body_size)
    return max(candidates, key=lambda head: (tops[id(head)], spans[id(head)].box.horizontal_overlap(box)),
               default=None)


@dataclass(frozen=True)
class Span:
    box: Box
    """Across the columns the headline governs."""
    beside: bool
    """The columns start beside the headline (a vertical one, or one set at the left of its text), not under it."""


def _span(head: HeadGroup, heads: Sequence[HeadGroup], blocks: Sequence[_Block], body_size: float) -> Span:
    """The headline's width, widened to the columns that start right under it and no other headline claims.

    A headline with nothing starting under it, but text starting beside its top, governs that text:
    a vertical headline, or one set at the left of its story (左题右文). Text starting on the headline's own
    line (a title run in before it) starts beside it too.
    """
    if head.vertical:
        return Span(_span_beside(head, blocks, body_size), beside=True)
    reach = head.box.bottom + ROW_REACH * body_size
    boxes = [block.box for block in blocks]
    row = [box for box in boxes if head.box.bottom - body_size <= box.top <= reach
           and not _continues_column(box, boxes, body_size) and not _claimed(box, head, heads)]
    if not row:
        beside = _span_beside(head, blocks, body_size)
        if beside != head.box:
            return Span(beside, beside=True)
    run_in = [box for box in boxes if abs(box.top - head.box.top) <= LEVEL * body_size
              and box.x0 < head.box.x1 < box.x1]
    span = _with_level_columns(union([head.box, *row, *run_in]), head, heads, boxes, body_size)
    return Span(Box(span.x0, head.box.top, span.x1, head.box.bottom), beside=bool(run_in))


def _with_level_columns(span: Box, head: HeadGroup, heads: Sequence[HeadGroup], boxes: Sequence[Box],
                        body_size: float) -> Box:
    """``span`` widened to the columns that start level with one under it, next to it and unclaimed.

    A story's columns start on one line: under a photo set across some of them, the one beside the photo
    starts where the others do, though nothing of it starts right under the headline.
    """
    while True:
        under = [box for box in boxes if box.top >= head.box.bottom and span.x0 - 1 <= box.x0 and box.x1 <= span.x1 + 1]
        level = [box for box in boxes if box not in under and box.top >= head.box.bottom
                 and max(box.x0 - span.x1, span.x0 - box.x1) <= ADJACENT * body_size
                 and any(abs(box.top - column.top) <= LEVEL * body_size for column in under)
                 and not _claimed(box, head, heads)]
        if not level:
            return span
        span = union([span, *level])


def _span_beside(head: HeadGroup, blocks: Sequence[_Block], body_size: float) -> Box:
    """A vertical headline's span: the columns starting beside its top, side by side, on its nearer side.

    The first column may be as far as the headline's own column is wide (it stands centred in it).
    """
    box = head.box
    row = [block.box for block in blocks if box.top - body_size <= block.box.top <= box.top + ROW_REACH * body_size]
    first_reach = max(ADJACENT * body_size, VERTICAL_HEAD_REACH * head.size)
    best: tuple[float, list[Box]] | None = None
    for side in (-1, 1):
        def distance(other: Box, edge_x0: float, edge_x1: float, side: int = side) -> float:
            return edge_x0 - other.x1 if side < 0 else other.x0 - edge_x1
        beside = sorted((other for other in row if distance(other, box.x0, box.x1) >= 0),
                        key=lambda other: distance(other, box.x0, box.x1))
        taken: list[Box] = []
        for other in beside:
            edge = union([box, *taken])
            if distance(other, edge.x0, edge.x1) > (ADJACENT * body_size if taken else first_reach):
                break
            taken.append(other)
        if taken and (best is None or distance(taken[0], box.x0, box.x1) < best[0]):
            best = (distance(taken[0], box.x0, box.x1), taken)
    taken = best[1] if best is not None else []
    return union([box, *(Box(other.x0, box.top, other.x1, box.bottom) for other in taken)])


def _continues_column(box: Box, boxes: Sequence[Box], body_size: float) -> bool:
    """Another block ends right over ``box``: it goes on from that one, it does not start a column."""
    return any(other is not box and 0 <= box.top - other.bottom <= ADJACENT * body_size
               and other.overlaps_horizontally(box, 0.5) for other in boxes)


def _claimed(box: Box, head: HeadGroup, heads: Sequence[HeadGroup]) -> bool:
    """Another headline stands over ``box``, nearer than ``head`` or beside it."""
    return any(other is not head and head.box.top <= other.box.bottom <= box.top + 1
               and other.box.overlaps_horizontally(box) for other in heads)


def _neighbourhoods(blocks: Sequence[_Block], body_size: float) -> list[list[_Block]]:
    """Blocks grouped with their neighbours (a gutter or a line's space apart)."""
    groups: list[list[_Block]] = []
    for block in sorted(blocks, key=lambda block: (block.box.x0, block.box.top)):
        near = [group for group in groups if any(_near(block.box, other.box, body_size) for other in group)]
        merged = [block] + [member for group in near for member in group]
        groups = [group for group in groups if group not in near] + [merged]
    return groups


def _near(first: Box, second: Box, body_size: float) -> bool:
    reach = ADJACENT * body_size
    return (first.x0 - reach <= second.x1 and second.x0 - reach <= first.x1
            and first.top - reach <= second.bottom and second.top - reach <= first.bottom)

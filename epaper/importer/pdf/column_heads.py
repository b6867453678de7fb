"""Column heads: a headline set across columns with no text of its own, over heads of one smaller style that
each head a column of text under it (a banner and its deck over `Chilling Numbers`, `A Pattern of Hatred` and
`Amidst a Regal Day`), is one story's headline; the heads under it are its subheads.

A front page's lead story has its text right under its headline and the stories under it have their own; a
headline with nothing under it but pictures, captions and smaller heads is the headline of what those heads
head. A row at the foot of the headline in the heads' style (a column head set close under the deck) is one of
them, not a subtitle.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .columns import Segment
from .ems import CLOSING_RULE, SUBHEAD_LINES, TITLE_SIZE, UNDER_BANNER
from .geometry import Box
from .heads import HeadGroup, Row
from .subheads import lines_style, same_style


def demote_column_heads(heads: Sequence[HeadGroup], segments: Sequence[Segment], rules: Sequence[Box],
                        size_tolerance: float = 0.0) -> tuple[list[HeadGroup], list[Segment]]:
    """The headlines left and the column heads made subheads (one-line segments), as described above."""
    kept = list(heads)
    subheads: list[Segment] = []
    for banner in sorted(heads, key=lambda head: head.box.top):
        if banner not in kept:
            continue
        found = _read(banner, kept, segments, rules, size_tolerance)
        if found is None:
            continue
        core, under, tail = found
        for head in under:
            kept.remove(head)
            subheads.append(Segment(head.lines, subhead=True))
        kept[kept.index(banner)] = core
        subheads += [Segment(list(row.pieces), subhead=True) for row in tail]
    return kept, subheads


def _read(banner: HeadGroup, heads: Sequence[HeadGroup], segments: Sequence[Segment], rules: Sequence[Box],
          size_tolerance: float) -> tuple[HeadGroup, list[HeadGroup], list[Row]] | None:
    """The banner without the column heads at its foot, the column heads under it, and those at its foot; or
    None where ``banner`` is no headline over column heads."""
    for cut in range(len(banner.rows), banner.kicker_rows + 1, -1):
        core, tail = replace(banner, rows=banner.rows[:cut]), banner.rows[cut:]
        under = _column_heads(core, heads, segments, rules)
        styles = [_style(head.rows) for head in under] + [_style([row]) for row in tail]
        if not under or any(not same_style(style, styles[0], size_tolerance) for style in styles):
            continue
        if _heads_all_text(core, [head.box for head in under] + [row.box for row in tail], segments):
            return core, under, tail
    return None


def _column_heads(banner: HeadGroup, heads: Sequence[HeadGroup], segments: Sequence[Segment],
                  rules: Sequence[Box]) -> list[HeadGroup]:
    """The heads under ``banner`` (most of their width under it), set smaller than its title, with no text between,
    nor a rule across the banner's width (one that closes its part of the page: what is under it is no column of
    its)."""
    box = banner.box
    closing = [rule for rule in rules if rule.top >= box.bottom and rule.width >= CLOSING_RULE * box.width]
    return [head for head in heads
            if head is not banner and head.box.top >= box.bottom and len(head.rows) <= SUBHEAD_LINES
            and head.box.overlaps_horizontally(box, UNDER_BANNER)
            and head.size < TITLE_SIZE * banner.size and not head.vertical
            and not any(_between(segment.box, box.bottom, head.box) for segment in segments)
            and not any(_between(rule, box.bottom, head.box) for rule in closing)]


def _heads_all_text(banner: HeadGroup, under: Sequence[Box], segments: Sequence[Segment]) -> bool:
    """Every column of text under ``banner`` starts under one of the heads ``under`` it: the banner has no text of
    its own."""
    box = banner.box
    own = [segment for segment in segments
           if segment.box.top >= box.bottom and segment.box.overlaps_horizontally(box, UNDER_BANNER)]
    return bool(own) and all(any(head.bottom <= segment.box.top and head.overlaps_horizontally(segment.box)
                                 for head in under) for segment in own)


def _between(inner: Box, top: float, head: Box) -> bool:
    """``inner`` stands between ``top`` and ``head`` in the head's width."""
    return top <= inner.top and inner.bottom <= head.top and inner.overlaps_horizontally(head)


def _style(rows: Sequence[Row]) -> tuple[str, float]:
    """The font and size of ``rows`` (see ``lines_style``)."""
    return lines_style([piece for row in rows for piece in row.pieces])

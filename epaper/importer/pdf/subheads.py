"""Subheads: a heading set inside a column, between two runs of the same article's text, or heading a column
of text running on (in the body face's bold, or naming itself a continuation)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from .. import conventions as c
from ..bylines import split_trailing_byline
from ..jumps import continues_on
from ..lines import ends_sentence, remove_letter_spacing
from .columns import Segment
from .ems import EDGE, SUBHEAD_LINES, SUBHEAD_REACH, SUBHEAD_SCALE
from .geometry import Box
from .heads import HeadGroup
from .textlines import TextLine

BOLD = "bold"
"""The weight word in a bold font's name (`Melior-Bold`, `TimesNewRomanPS-BoldMT`), matched in lower case."""

LATIN_CLOSE = (".", ":")
"""A full stop or colon closing a line of Latin script, whatever comes before it."""


def demote_subheads(groups: Sequence[HeadGroup], segments: Sequence[Segment], rules: Sequence[Box],
                    body_size: float, body_font: str, size_tolerance: float = 0.0
                    ) -> tuple[list[HeadGroup], list[Segment]]:
    """Split headline groups into real headlines and subheads (returned as one-line segments).

    A subhead is set in a lesser style than its article's headline: a heading styled like the
    headline next over it in its column starts the next article (a newsletter's run of items, a
    column of briefs), wherever it stands. Sizes of one style differ by ``size_tolerance`` points at most
    (as the page's sizes were measured).
    """
    heads: list[HeadGroup] = []
    subheads = []
    for group in sorted(groups, key=lambda group: group.box.top):
        lesser = not _styled_like_headline_over(group, heads, size_tolerance)
        if lesser and _is_subhead(group, segments, rules, heads, body_size, body_font, size_tolerance):
            subheads.append(Segment(group.lines, subhead=True))
        else:
            heads.append(group)
    return sorted(heads, key=lambda group: (group.box.top, group.box.x0)), subheads


def first_subheads(heads: Sequence[HeadGroup], subheads: Sequence[Segment], size_tolerance: float = 0.0
                   ) -> tuple[list[HeadGroup], list[Segment]]:
    """A headline's last row set smaller than its title, in the style of the subheads under it in its story
    (`新聞１` under `■ 質問`, over `新聞２` and `新聞３`), is the story's first subhead, not its subtitle."""
    kept, demoted = [], list(subheads)
    for head in heads:
        last = head.rows[-1]
        style = lines_style(last.pieces)
        if (len(head.rows) - head.kicker_rows > 1 and last.size < max(row.size for row in head.rows)
                and any(same_style(lines_style(subhead.lines), style, size_tolerance)
                        and _under(subhead.box, head, heads) for subhead in subheads)):
            kept.append(replace(head, rows=head.rows[:-1]))
            demoted.append(Segment(list(last.pieces), subhead=True))
        else:
            kept.append(head)
    return kept, demoted


def _under(box: Box, head: HeadGroup, heads: Sequence[HeadGroup]) -> bool:
    """``box`` is under ``head`` in its width, before the next headline there."""
    if box.top < head.box.bottom or not box.overlaps_horizontally(head.box):
        return False
    return not any(head.box.bottom <= other.box.top <= box.top and other.box.overlaps_horizontally(box)
                   for other in heads if other is not head)


def _styled_like_headline_over(group: HeadGroup, heads: Sequence[HeadGroup], size_tolerance: float) -> bool:
    over = [head for head in heads if head.box.bottom <= group.box.top and head.box.overlaps_horizontally(group.box)]
    nearest = max(over, key=lambda head: head.box.bottom, default=None)
    return nearest is not None and same_style(_style(nearest), _style(group), size_tolerance)


def same_style(one: tuple[str, float], other: tuple[str, float], size_tolerance: float) -> bool:
    return one[0] == other[0] and abs(one[1] - other[1]) <= size_tolerance


def _style(group: HeadGroup) -> tuple[str, float]:
    """The font and size of a headline's largest row."""
    return lines_style(max(group.rows, key=lambda row: row.size).pieces)


def lines_style(lines: Sequence[TextLine]) -> tuple[str, float]:
    """The font most of ``lines`` are set in, and their largest size (to the half point)."""
    return Counter(line.font for line in lines).most_common(1)[0][0], round(max(line.size for line in lines) * 2) / 2


def _is_subhead(group: HeadGroup, segments: Sequence[Segment], rules: Sequence[Box], heads: Sequence[HeadGroup],
                body_size: float, body_font: str, size_tolerance: float) -> bool:
    """A heading of one style, on one line or wrapped onto a few in a narrow column, no wider than the text
    over and under it (or set at the left edge of a shorter run over it), which ends a paragraph over it.

    Where no text stands over it (the head of a column, under a table), a heading with text under it is a
    subhead still when it names a continuation (`ESTIMATED COSTS—Continued`), or when it is set in the body
    face's own bold at the body size after some of the page's text, in no style of the page's headlines
    over it: a headline stands out from the text in size or face, or opens the page's run of items."""
    if (len(group.rows) > SUBHEAD_LINES or len({round(row.size) for row in group.rows}) > 1
            or group.size > SUBHEAD_SCALE * body_size or group.vertical):
        return False
    box, reach = group.box, SUBHEAD_REACH * body_size
    column = [segment for segment in segments if segment.box.overlaps_horizontally(box, 0.5)
              and (box.width <= segment.box.width + body_size or abs(segment.box.x0 - box.x0) <= EDGE * body_size)]
    above = [segment for segment in column if 0 <= box.top - segment.box.bottom <= reach
             and not any(segment.box.bottom <= rule.top <= box.top for rule in rules)]
    below = [segment for segment in column if 0 <= segment.box.top - box.bottom <= reach]
    if below and (_names_continuation(group)
                  or _runs_on_in_body_bold(group, segments, heads, body_size, body_font, size_tolerance)):
        return True
    return bool(above and below) and all(_paragraph_ends_there(segment) for segment in above)


def _names_continuation(group: HeadGroup) -> bool:
    return c.CONTINUATION_HEAD.search(" ".join(line.spaced for line in group.lines).strip()) is not None


def _runs_on_in_body_bold(group: HeadGroup, segments: Sequence[Segment], heads: Sequence[HeadGroup],
                          body_size: float, body_font: str, size_tolerance: float) -> bool:
    """Set no larger than the body, in a bold of the body's own family (`Melior-Bold` over `Melior`), after
    text over it or in a column to its left, in a style no headline over it has."""
    font, size = _style(group)
    box = group.box
    return (size <= round(body_size * 2) / 2 and font != body_font and BOLD in font.lower()
            and _font_family(font) == _font_family(body_font)
            and any(segment.box.bottom <= box.top or segment.box.x1 <= box.x0 for segment in segments)
            and not any(same_style(_style(head), (font, size), size_tolerance) for head in heads))


def _font_family(font: str) -> str:
    """A font's family name: without its subset tag (`ABCDEF+`), weight or style (`-Bold`, `,Italic`), or `MT`."""
    name = font.rpartition("+")[2]
    return re.split(r"[-,]", name, maxsplit=1)[0].removesuffix("MT")


def _paragraph_ends_there(segment: Segment) -> bool:
    """The text over a subhead ends a paragraph, but not the article (no byline, no jump line)."""
    last = remove_letter_spacing(segment.lines[-1].spaced)
    spaced = segment.lines[-1].spaced
    return closes_before_heading(last) and split_trailing_byline(spaced) is None and continues_on(last) is None


def closes_before_heading(text: str) -> bool:
    """``text`` ends a paragraph when a heading follows it: a sentence end, and also a full stop after a figure
    (`Docket No. FAA–2020–0686.`) or a colon opening what follows (`SUPPLEMENTARY INFORMATION:`), which in the
    middle of a column may be a number or a list wrapped onto the next line, but never into a heading."""
    return ends_sentence(text) or text.rstrip().endswith(LATIN_CLOSE)

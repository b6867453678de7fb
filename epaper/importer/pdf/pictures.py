"""Pictures as printed: the part of each placed image the reader sees.

A layout system places a photo larger than its frame and clips it to the frame, and the PDF keeps the
whole placed image: its box may reach off the page and under the headline, the caption and the
columns set around the frame. The visible picture is the box cut to the page and cut back, edge by
edge, until no text line set across its edge lies on it. A line lying well inside the picture (text
printed on the photo) is left alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from .ems import BACKGROUND, BACKGROUND_TEXT, MAX_CUT
from .geometry import Box
from .textlines import TextLine


def visible_pictures(pictures: Sequence[Box], lines: Sequence[TextLine], width: float, height: float) -> list[Box]:
    """Each picture cut to the page and clear of the text lines over its edges; those left empty dropped, and so
    is the page's background: a picture under most of the page with most of its text printed on it (a paper
    texture, a tint), which illustrates no article."""
    visible = []
    for picture in pictures:
        box = Box(max(picture.x0, 0.0), max(picture.top, 0.0), min(picture.x1, width), min(picture.bottom, height))
        if box.width <= 0 or box.height <= 0 or _background(box, lines, width * height):
            continue
        visible.append(_clear_of_text(box, lines))
    return visible


def _background(box: Box, lines: Sequence[TextLine], page_area: float) -> bool:
    printed_on = sum(_shared(box, line.box) > 0 for line in lines)
    return box.width * box.height >= BACKGROUND * page_area and printed_on > BACKGROUND_TEXT * len(lines)


def _clear_of_text(box: Box, lines: Sequence[TextLine]) -> Box:
    area = box.width * box.height
    for line in sorted(lines, key=lambda line: -_shared(box, line.box)):
        if _shared(box, line.box) <= 0:
            continue
        cut = max(_cuts(box, line.box), key=lambda candidate: candidate.width * candidate.height)
        if cut.width > 0 and cut.height > 0 and cut.width * cut.height >= (1 - MAX_CUT) * area:
            box = cut
    return box


def _cuts(box: Box, line: Box) -> list[Box]:
    """The four boxes left by cutting ``box`` back from one edge to clear ``line``."""
    return [Box(box.x0, max(box.top, line.bottom), box.x1, box.bottom),
            Box(box.x0, box.top, box.x1, min(box.bottom, line.top)),
            Box(max(box.x0, line.x1), box.top, box.x1, box.bottom),
            Box(box.x0, box.top, min(box.x1, line.x0), box.bottom)]


def _shared(first: Box, second: Box) -> float:
    across = min(first.x1, second.x1) - max(first.x0, second.x0)
    down = min(first.bottom, second.bottom) - max(first.top, second.top)
    return max(0.0, across) * max(0.0, down)

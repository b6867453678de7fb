"""Text printed on a picture in type of its own: an advertisement's copy, a logo's lettering.

Stories are set beside and under their pictures; what is set inside a picture's frame is the picture's own
when none of its type is the page's: an advertiser sets its copy in its own faces, which no article of the
page uses. A title laid over a feature's photo is set in the paper's faces, so it stays the article's. Such
an advertisement is the page's furniture, not an article. A picture under most of the page (a paper texture,
a tint) is its background: the whole page is printed on it.
"""

from __future__ import annotations

from collections.abc import Sequence

from .ems import BACKGROUND
from .geometry import Box
from .textlines import TextLine

SLACK = 1.0
"""Points a line's box may reach past the picture's and still lie inside it (the measure of a glyph's ink)."""


def printed_on_pictures(lines: Sequence[TextLine], pictures: Sequence[Box], width: float,
                        height: float) -> list[TextLine]:
    """The ``lines`` set inside one of the ``pictures`` (as clipped) in faces no line outside them uses, on a
    page ``width`` by ``height`` points."""
    pictures = [picture for picture in pictures if picture.width * picture.height < BACKGROUND * width * height]
    inside = {id(picture): [line for line in lines if _inside(line, picture)] for picture in pictures}
    on_any = {id(line) for found in inside.values() for line in found}
    page_faces = {glyph.font for line in lines if id(line) not in on_any for glyph in line.glyphs}
    return [line for found in inside.values()
            if found and not any(glyph.font in page_faces for line in found for glyph in line.glyphs)
            for line in found]


def _inside(line: TextLine, picture: Box) -> bool:
    box = line.box
    return (picture.x0 - SLACK <= box.x0 and box.x1 <= picture.x1 + SLACK
            and picture.top - SLACK <= box.top and box.bottom <= picture.bottom + SLACK)

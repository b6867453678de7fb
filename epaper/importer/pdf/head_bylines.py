"""A byline printed on the headline's own line, in a smaller size: `Jr. High To Asahikawa  by Sanae Ferrier`.

Newsletters and magazines often set a contributor's name after the title, on its baseline but in type
well under the title's size. The smaller tail is the article's byline, not words of its title; a tail
set in the title's own size stays title (`Stand by Me`).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..bylines import Byline, parse_byline
from .chars import Glyph
from .ems import HEAD_BYLINE_SCALE


def split_head_byline(spaced: str, glyphs: Sequence[Glyph]) -> tuple[str, Byline] | None:
    """The title's text and the byline set smaller at its end, or None where the line has no such tail.

    ``spaced`` is the line as printed, ``glyphs`` its glyphs in order (one for each character but spaces).
    """
    spaced = spaced.rstrip()
    inked = [glyph for glyph in glyphs if not glyph.text.isspace()]
    if not inked:
        return None
    title_size = max(glyph.size for glyph in inked)
    for cut in (index for index, char in enumerate(spaced) if char == " "):
        title, tail = spaced[:cut].rstrip(), spaced[cut:].strip()
        printed = sum(not char.isspace() for char in tail)
        if not title or not 0 < printed < len(inked):
            continue
        if any(glyph.size > HEAD_BYLINE_SCALE * title_size for glyph in inked[-printed:]):
            continue
        byline = parse_byline(tail)
        if byline is not None and byline.authors:
            return title, byline
    return None

"""Run-in titles: an item's title set at the start of its first line, parted from its text by a dash.

A newsletter or a column of briefs may set an item's title run in (`NOON DUTY NEEDED - If you enjoy…`):
in the face and size of the page's other item titles, then a dash, then the text in the body face. The
title is a headline like the others; the dash parts it from the text and is reported, not kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..lines import ends_sentence
from .ems import NEIGHBOUR_LINES, RUN_IN_SHARE
from .heads import font_share, runs_on
from .textlines import TextLine, line_of

TITLE_DASHES = frozenset("-–—")
MIN_TITLE_LETTERS = 4


@dataclass(frozen=True)
class RunInSplit:
    text: list[TextLine]
    """The lines left to the text, each run-in title's line now without it."""
    titles: list[TextLine]
    """The run-in titles, each with its dash."""


def split_run_in_titles(lines: Sequence[TextLine], headings: Sequence[TextLine], body_font: str) -> RunInSplit:
    """Each line opening a paragraph with a run-in title split into the title (with its dash) and its text."""
    styles = {(line.font, round(line.size)) for line in headings}
    text: list[TextLine] = []
    titles: list[TextLine] = []
    for line in lines:
        dash = _title_dash(line, styles, body_font)
        if dash is None or _goes_on_from_over(line, lines):
            text.append(line)
            continue
        titles.append(line_of(list(line.glyphs[:dash + 1])))
        text.append(line_of(list(line.glyphs[dash + 1:])))
    return RunInSplit(text, titles)


def _title_dash(line: TextLine, styles: set[tuple[str, int]], body_font: str) -> int | None:
    """Where the dash after a run-in title stands in ``line``: after a phrase in a title style, before text in the
    body face."""
    if line.vertical:
        return None
    glyphs = line.glyphs
    for index, glyph in enumerate(glyphs):
        if glyph.text not in TITLE_DASHES or index == 0 or glyph.box.x0 - glyphs[index - 1].box.x1 <= 0:
            continue
        lead = [before for before in glyphs[:index] if before.text.isalnum()]
        after = [later for later in glyphs[index + 1:] if later.text.isalnum()]
        if len(lead) < MIN_TITLE_LETTERS or not after:
            return None
        fonts = {before.font for before in lead}
        size = round(max(before.size for before in lead))
        rest = line_of(list(glyphs[index + 1:]))
        if (len(fonts) == 1 and (next(iter(fonts)), size) in styles and body_font not in fonts
                and font_share(rest, body_font) >= 1 - RUN_IN_SHARE
                and not ends_sentence("".join(before.text for before in glyphs[:index]).strip())):
            return index
        return None
    return None


def _goes_on_from_over(line: TextLine, lines: Sequence[TextLine]) -> bool:
    """The line over ``line`` in its column runs on into it: ``line`` does not open a paragraph."""
    over = [other for other in lines if other is not line and other.box.overlaps_horizontally(line.box, 0.5)
            and 0 < line.box.top - other.box.top <= NEIGHBOUR_LINES * line.size]
    nearest = max(over, key=lambda other: other.box.top, default=None)
    return nearest is not None and runs_on(nearest)

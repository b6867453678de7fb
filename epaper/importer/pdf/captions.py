"""Photo captions: the lines set under, beside or over a picture, often ending with its credit (`本报记者 张三 摄`)
or with the credit set on its side up the picture's edge."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from itertools import takewhile

from .. import conventions as c
from ..bylines import parse_byline, split_trailing_byline
from ..lines import ends_sentence
from ..record import Photo
from .ems import BASELINE_TOLERANCE, BESIDE_GAP, CAPTION_GAP, EDGE, SAME_SIZE
from .geometry import Box, union
from .heads import is_heading_size
from .joining import join_printed, unspaced
from .textlines import TextLine, one_size

MAX_CAPTION_LINES = 4

CREDIT_WORDS = 4
"""A credit set apart at the end of a caption has at most this many words (`本报记者 张三 摄`)."""


@dataclass(frozen=True)
class Caption:
    picture: Box
    lines: list[TextLine]
    credit: TextLine | None = None
    """The photographer's credit set on its side along the picture's edge (`Massimo Gennari / Eikon`)."""

    @property
    def printed(self) -> list[TextLine]:
        """Every line the caption is printed in, its credit along the edge last."""
        return self.lines + ([self.credit] if self.credit is not None else [])

    @property
    def box(self) -> Box:
        return union([self.picture, *(line.box for line in self.printed)])

    @property
    def text(self) -> str:
        return join_printed([unspaced(line.spaced) for line in self.printed])

    def photo(self) -> Photo:
        """The caption without its closing credit, and the photographer's names from that credit."""
        if self.credit is not None:
            return Photo(join_printed([unspaced(line.spaced) for line in self.lines]), unspaced(self.credit.spaced))
        spaced = join_printed([line.spaced for line in self.lines])
        latin = c.LATIN_PHOTO_CREDIT.search(spaced)
        if latin is not None:
            return Photo(unspaced(spaced[: latin.start()]), unspaced(latin["credit"]))
        split = split_trailing_byline(spaced)
        credit = split[1] if split is not None else None
        if split is None or credit is None or not (credit.credit or "").endswith(tuple(c.PHOTO_CREDIT_WORDS)):
            return Photo(self.text)
        names = credit.authors or (credit.credit or "").split()[:-1]
        return Photo(unspaced(split[0]), "、".join(names) or None)


def find_captions(pictures: Sequence[Box], lines: Sequence[TextLine], body_size: float,
                  body_font: str) -> list[Caption]:
    """Per picture, the lines under, beside or over it that are set apart from the body or end with a credit.

    A picture with body text right under it and no credit has no caption: the text is the article's; so is
    text set in columns under it (a line in the same style beside the first one, under the same picture).
    """
    captions = []
    lines = [line for line in lines if not is_heading_size(line, body_size)]  # a caption is never set large
    taken: set[int] = set()
    for picture in sorted(pictures, key=lambda box: (box.top, box.x0)):
        free = [line for line in lines if id(line) not in taken]
        runs = (_lines_under(picture, free), _lines_beside(picture, free, 1, body_size),
                _lines_beside(picture, free, -1, body_size),
                _lines_over(picture, free))
        run = next((caption for caption in (_caption(run, body_size, body_font) for run in runs)
                    if caption and not _continues_text(caption[0], lines) and not _runs_on(caption, lines)
                    and not _set_in_columns(caption[0], lines, picture)), [])
        if run:
            caption = Caption(picture, run, _credit_along_edge(picture, [line for line in free if line not in run]))
            captions.append(caption)
            taken.update(id(line) for line in caption.printed)
    return captions


def _credit_along_edge(picture: Box, lines: Sequence[TextLine]) -> TextLine | None:
    """A line turned on its side against the left or right edge of ``picture`` and within its height: the
    photographer's credit, as papers set it up a photo's side."""
    for line in lines:
        if not all(glyph.turned for glyph in line.glyphs):
            continue
        reach = EDGE * line.size
        against = abs(line.box.x0 - picture.x1) <= reach or abs(picture.x0 - line.box.x1) <= reach
        if against and line.box.top >= picture.top - reach and line.box.bottom <= picture.bottom + reach:
            return line
    return None


def _caption(run: list[TextLine], body_size: float, body_font: str) -> list[TextLine]:
    """The caption among ``run``: up to its credit, or its first lines if they are not set like the body."""
    credited = next((index for index, line in enumerate(run) if _ends_with_photo_credit(line)), None)
    if credited is not None:
        return run[: credited + 1]
    if run and not _like_body(run[0], body_size, body_font):
        styled = list(takewhile(partial(_same_style, run[0]), run))
        return [] if _heads_text(styled, run, body_size, body_font) else styled
    return []


def _heads_text(styled: list[TextLine], run: list[TextLine], body_size: float, body_font: str) -> bool:
    """One line in its own style, no sentence, over lines set like the body right under it and flush with it:
    the headline of a story set beside (or under) the picture, not its caption."""
    if len(styled) != 1 or len(run) < 2 or ends_sentence(styled[0].spaced):
        return False
    head, first = styled[0], run[1]
    return (_like_body(first, body_size, body_font) and abs(first.box.x0 - head.box.x0) <= EDGE * body_size
            and 0 <= first.box.top - head.box.bottom <= CAPTION_GAP * head.size)


def _continues_text(first: TextLine, lines: Sequence[TextLine]) -> bool:
    """A line of its own style ends right over ``first``: the run goes on from running text, it is no caption."""
    return any(other is not first and 0 <= first.box.top - other.box.bottom <= CAPTION_GAP * first.size
               and other.box.overlaps_horizontally(first.box, 0.5) and _same_style(first, other) for other in lines)


def _runs_on(caption: Sequence[TextLine], lines: Sequence[TextLine]) -> bool:
    """A caption without a credit as long as a caption may be, and a line of its style right under its last:
    running text set beside the picture (a teaser, a standfirst) that goes on past a caption's length."""
    if len(caption) < MAX_CAPTION_LINES or _ends_with_photo_credit(caption[-1]):
        return False
    last = caption[-1]
    return any(other not in caption and 0 <= other.box.top - last.box.bottom <= CAPTION_GAP * last.size
               and other.box.overlaps_horizontally(last.box, 0.5) and _same_style(last, other) for other in lines)


def _set_in_columns(first: TextLine, lines: Sequence[TextLine], picture: Box) -> bool:
    """Another line in the style of ``first`` stands beside it on its baseline, within the picture's width:
    ``first`` opens one of the columns of text set under (or over) the picture, not a caption."""
    return any(other is not first and abs(other.box.bottom - first.box.bottom) <= BASELINE_TOLERANCE * first.size
               and other.box.x0 >= picture.x0 - other.size and other.box.x1 <= picture.x1 + other.size
               and not other.box.overlaps_horizontally(first.box) and _same_style(first, other) for other in lines)


def _lines_under(picture: Box, lines: Sequence[TextLine]) -> list[TextLine]:
    """The lines set one under the other, starting right under ``picture`` and within its width."""
    inside = sorted((line for line in lines if line.box.top >= picture.bottom - 1
                     and line.box.x0 >= picture.x0 - line.size and line.box.x1 <= picture.x1 + line.size),
                    key=lambda line: line.box.top)
    return _run_down(inside, picture.bottom)


def _lines_beside(picture: Box, lines: Sequence[TextLine], side: int, body_size: float) -> list[TextLine]:
    """The lines in the column right (``side`` 1) or left (-1) of ``picture``, within its height.

    That column starts a gutter from the picture; on the left its lines may end short of the gutter
    (a caption set flush left), so they are those starting where the nearest ones start.
    """
    def gap(line: TextLine) -> float:
        return line.box.x0 - picture.x1 if side > 0 else picture.x0 - line.box.x1

    within = [line for line in lines if gap(line) >= 0
              and line.box.top >= picture.top - line.size and line.box.bottom <= picture.bottom + line.size]
    near = [line for line in within if gap(line) <= BESIDE_GAP * body_size]
    if not near:
        return []
    start = min(line.box.x0 for line in near)
    column = [line for line in within if abs(line.box.x0 - start) <= line.size or line in near]
    beside = sorted(column, key=lambda line: line.box.top)
    return _run_down(beside, beside[0].box.top)


def _lines_over(picture: Box, lines: Sequence[TextLine]) -> list[TextLine]:
    """The lines set one under the other, ending right over ``picture`` and within its width."""
    over = sorted((line for line in lines if line.box.bottom <= picture.top + 1
                   and line.box.x0 >= picture.x0 - line.size and line.box.x1 <= picture.x1 + line.size),
                  key=lambda line: -line.box.bottom)
    run: list[TextLine] = []
    top = picture.top
    for line in over:
        if top - line.box.bottom > CAPTION_GAP * line.size or len(run) == MAX_CAPTION_LINES:
            break
        run.append(line)
        top = line.box.top
    return run[::-1]


def _run_down(ordered: Sequence[TextLine], start: float) -> list[TextLine]:
    """The lines of ``ordered`` (top to bottom) set one under the other from ``start``."""
    run: list[TextLine] = []
    bottom = start
    for line in ordered:
        if line.box.top - bottom > CAPTION_GAP * line.size or len(run) == MAX_CAPTION_LINES:
            break
        if run and line.box.top < run[-1].box.bottom:
            continue
        run.append(line)
        bottom = line.box.bottom
    return run


def _same_style(first: TextLine, line: TextLine) -> bool:
    return line.font == first.font and max(line.size, first.size) <= SAME_SIZE * min(line.size, first.size)


def _like_body(line: TextLine, body_size: float, body_font: str) -> bool:
    return line.font == body_font and one_size(line.size, body_size)


def _ends_with_photo_credit(line: TextLine) -> bool:
    """The line ends with a credit (`本报记者 张三 摄`, `李明 制图`, `Photo: Reuters`), after a sentence or set apart
    by a space."""
    if c.LATIN_PHOTO_CREDIT.search(line.spaced) is not None:
        return True
    split = split_trailing_byline(line.spaced)
    words = line.spaced.split()
    bylines = [split[1] if split is not None else None]
    bylines += [parse_byline(" ".join(words[start:])) for start in range(max(0, len(words) - CREDIT_WORDS), len(words))]
    return any(byline is not None and byline.raw.endswith(tuple(c.PHOTO_CREDIT_WORDS)) for byline in bylines)

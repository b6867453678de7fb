"""Photo captions: the lines set under a picture, ending (usually) with its credit (`本报记者 张三 摄`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from itertools import takewhile

from .. import conventions as c
from ..bylines import parse_byline, split_trailing_byline
from ..lines import remove_letter_spacing
from .geometry import Box, union
from .textlines import SAME_SIZE, TextLine

CAPTION_GAP = 1.5
"""A caption starts at most this many ems under its picture, and its lines are this close."""

MAX_CAPTION_LINES = 4


@dataclass(frozen=True)
class Caption:
    picture: Box
    lines: list[TextLine]

    @property
    def box(self) -> Box:
        return union([self.picture, *(line.box for line in self.lines)])

    @property
    def text(self) -> str:
        return " ".join(remove_letter_spacing(line.spaced) for line in self.lines)


def find_captions(pictures: Sequence[Box], lines: Sequence[TextLine], body_size: float,
                  body_font: str) -> list[Caption]:
    """Per picture, the lines under it that are set apart from the body or end with a photo credit.

    A picture with body text right under it and no credit has no caption: the text is the article's.
    """
    captions = []
    taken: set[int] = set()
    for picture in sorted(pictures, key=lambda box: (box.top, box.x0)):
        run = _lines_under(picture, [line for line in lines if id(line) not in taken])
        credited = next((index for index, line in enumerate(run) if _ends_with_photo_credit(line)), None)
        if credited is not None:
            run = run[: credited + 1]
        elif run and not _like_body(run[0], body_size, body_font):
            run = list(takewhile(partial(_same_style, run[0]), run))
        else:
            run = []
        if run:
            captions.append(Caption(picture, run))
            taken.update(id(line) for line in run)
    return captions


def _lines_under(picture: Box, lines: Sequence[TextLine]) -> list[TextLine]:
    """The lines set one under the other, starting right under ``picture`` and within its width."""
    inside = sorted((line for line in lines if line.box.top >= picture.bottom - 1
                     and line.box.x0 >= picture.x0 - line.size and line.box.x1 <= picture.x1 + line.size),
                    key=lambda line: line.box.top)
    run: list[TextLine] = []
    bottom = picture.bottom
    for line in inside:
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
    return line.font == body_font and abs(line.size - body_size) < 0.5


def _ends_with_photo_credit(line: TextLine) -> bool:
    split = split_trailing_byline(line.spaced)
    byline = split[1] if split is not None else parse_byline(line.spaced)
    return byline is not None and any(byline.raw.endswith(word) for word in c.PHOTO_CREDIT_WORDS)

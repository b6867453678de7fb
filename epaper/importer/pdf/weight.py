"""Type weight in a scan: bold type is drawn with thicker strokes for its size than the text round it.

A scan shows no font names, but it shows weight: the stems of bold letters (and of 黑体 beside 宋体) are
about half as thick again as those of the regular text of the same size. Each recognised glyph is
measured (the usual width of its ink's runs across, a stem's width, in ems of its size) and those set
BOLD_STEMS times heavier than the page's usual glyph are given a font of their own, so that the layout reading
tells a bold heading at body size from the text as it does on a text layer.

Only Latin letters and figures are weighed: a Chinese page's heavier face (黑体 beside 宋体) differs from
its text face in the contrast of its strokes as much as in their weight, so that the weight of one
ideograph against the page's tells too little (and a scan's sizes already tell its headings apart).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from .chars import Glyph
from .ems import BOLD_STEMS, WEIGHT_MIN_INK, WEIGHT_NEIGHBOURS

LATIN = re.compile(r"[0-9A-Za-z\u00c0-\u024f]+")
"""A glyph weighed: Latin letters (with their accented forms) and figures."""


def with_weights(ink: np.ndarray, lines: Sequence[Sequence[Glyph]], scale: float, bold_font: str) -> list[Glyph]:
    """The glyphs of ``lines`` (boxes in points, ``ink`` at ``scale`` pixels a point), the bold ones set in
    ``bold_font``. A glyph's weight is the median of its own and its neighbours' on the line (WEIGHT_NEIGHBOURS
    each way): a letter or two is too little ink to tell, and weight changes by the word, not by the letter."""
    stems = [[_stem(ink, glyph, scale) for glyph in line] for line in lines]
    measured = [stem for line in stems for stem in line if stem is not None]
    if not measured:
        return [glyph for line in lines for glyph in line]
    usual = float(np.median(measured))
    weighed = []
    for line, line_stems in zip(lines, stems, strict=True):
        for index, glyph in enumerate(line):
            around = line_stems[max(index - WEIGHT_NEIGHBOURS, 0):index + WEIGHT_NEIGHBOURS + 1]
            near = [stem for stem in around if stem is not None]
            bold = line_stems[index] is not None and float(np.median(near)) >= BOLD_STEMS * usual
            weighed.append(replace(glyph, font=bold_font) if bold else glyph)
    return weighed


def _stem(ink: np.ndarray, glyph: Glyph, scale: float) -> float | None:
    """The glyph's usual stroke width in ems of its size (twice its ink over the length of the ink's edge, as a
    stroke's area is its width times its length and its edge twice its length); None for a mark."""
    if not LATIN.fullmatch(glyph.text) or glyph.size <= 0:
        return None
    box = glyph.box
    patch = ink[int(box.top * scale):int(np.ceil(box.bottom * scale)), int(box.x0 * scale):int(np.ceil(box.x1 * scale))]
    if patch.sum() < WEIGHT_MIN_INK:
        return None
    padded = np.pad(patch, 1)
    inner = padded[1:-1, 1:-1] & padded[:-2, 1:-1] & padded[2:, 1:-1] & padded[1:-1, :-2] & padded[1:-1, 2:]
    edge = int(patch.sum()) - int(inner.sum())
    return 2 * float(patch.sum()) / edge / (glyph.size * scale)

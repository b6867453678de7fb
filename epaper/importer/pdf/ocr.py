"""The OCR engine: RapidOCR (PP-OCR models run by onnxruntime), loaded once, models from its own wheel.

Nothing is downloaded: rapidocr-onnxruntime ships its detection, direction and recognition models inside
the package. Loading them takes a fraction of a second, so the engine is made on first use only, and
imports that need no OCR never load it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import numpy as np

from .geometry import Box

MAX_SIDE = 12000
"""Pixels: RapidOCR shrinks larger pictures before detection (its default, 2000, would blur a broadsheet scan)."""

STRIP = 1024
OVERLAP = 320
"""A tall picture is read in strips this many pixels high, overlapping by this many: detection needs memory in
proportion to the pixels it sees at once (about 2 GB for a whole broadsheet at 200 dpi). A line belongs to the
strip that holds its middle away from the overlaps, so a line up to OVERLAP high (a 100-point headline at 200 dpi)
is read whole exactly once."""


@dataclass(frozen=True)
class OcrChar:
    """One recognised character, in pixels."""

    text: str
    box: Box


@dataclass(frozen=True)
class OcrLine:
    text: str
    box: Box
    """The detected line's bounding box, in pixels."""
    score: float
    chars: tuple[OcrChar, ...]


@functools.cache
def _engine() -> Any:
    from rapidocr_onnxruntime import RapidOCR

    return RapidOCR(max_side_len=MAX_SIDE)


def read_lines(picture: np.ndarray) -> list[OcrLine]:
    """Every line of text in ``picture`` (an RGB array) with a box for each of its characters, top to bottom."""
    height = picture.shape[0]
    lines: list[OcrLine] = []
    step = STRIP - OVERLAP
    for top in range(0, max(height - OVERLAP, 1), step):
        bottom = min(top + STRIP, height)
        own_top = top + OVERLAP / 2 if top else 0.0
        own_bottom = bottom - OVERLAP / 2 if bottom < height else float(height)
        found, _ = _engine()(picture[top:bottom], return_word_box=True)
        for item in found or []:
            line = _line(item, top)
            if item[1].strip() and own_top <= (line.box.top + line.box.bottom) / 2 < own_bottom:
                lines.append(line)
    return lines


def read_crops(crops: list[np.ndarray]) -> list[tuple[str, float]]:
    """The text in each small picture (one glyph or one word, already cut out) and how sure the engine is."""
    if not crops:
        return []
    found, _ = _engine().text_rec(crops)
    return [(str(text), float(score)) for text, score, *_ in found]


def _line(item: list[Any], top: float) -> OcrLine:
    """A detected line, ``top`` pixels down the page; its characters boxed by the engine (where it placed each in
    the line), else spread evenly."""
    corners, text, score, char_corners, chars = item[0], str(item[1]), float(item[2]), item[3], item[4]
    box = _bounds(corners, top)
    if len(chars) == len(char_corners):
        boxed = [OcrChar(str(char), _bounds(corner, top)) for char, corner in zip(chars, char_corners, strict=True)
                 if not str(char).isspace()]
    else:
        printed = [char for char in text if not char.isspace()]
        step = box.width / max(len(printed), 1)
        boxed = [OcrChar(char, Box(box.x0 + index * step, box.top, box.x0 + (index + 1) * step, box.bottom))
                 for index, char in enumerate(printed)]
    return OcrLine(text, box, score, tuple(boxed))


def _bounds(corners: list[list[float]], top: float) -> Box:
    xs, ys = [float(x) for x, _ in corners], [float(y) + top for _, y in corners]
    return Box(min(xs), min(ys), max(xs), max(ys))

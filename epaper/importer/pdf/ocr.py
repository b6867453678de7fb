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
    """Every line of text in ``picture`` (an RGB array) with a box for each of its characters."""
    found, _ = _engine()(picture, return_word_box=True)
    return [_line(item) for item in found or [] if item[1].strip()]


def read_crops(crops: list[np.ndarray]) -> list[tuple[str, float]]:
    """The text in each small picture (one glyph or one word, already cut out) and how sure the engine is."""
    if not crops:
        return []
    found, _ = _engine().text_rec(crops)
    return [(str(text), float(score)) for text, score, *_ in found]


def _line(item: list[Any]) -> OcrLine:
    """A detected line; its characters boxed by the engine (where it placed each in the line), else spread evenly."""
    corners, text, score, char_corners, chars = item[0], str(item[1]), float(item[2]), item[3], item[4]
    box = _bounds(corners)
    if len(chars) == len(char_corners):
        boxed = [OcrChar(str(char), _bounds(corner)) for char, corner in zip(chars, char_corners, strict=True)
                 if not str(char).isspace()]
    else:
        printed = [char for char in text if not char.isspace()]
        step = box.width / max(len(printed), 1)
        boxed = [OcrChar(char, Box(box.x0 + index * step, box.top, box.x0 + (index + 1) * step, box.bottom))
                 for index, char in enumerate(printed)]
    return OcrLine(text, box, score, tuple(boxed))


def _bounds(corners: list[list[float]]) -> Box:
    xs, ys = [float(x) for x, _ in corners], [float(y) for _, y in corners]
    return Box(min(xs), min(ys), max(xs), max(ys))

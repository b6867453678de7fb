"""The OCR engine: RapidOCR (PP-OCR models run by onnxruntime), loaded once, models from its own wheel.

Nothing is downloaded: rapidocr-onnxruntime ships its detection and recognition models inside the
package. Loading them takes a fraction of a second, so the engine is made on first use only, and
imports that need no OCR never load it.

Lines are found and read in two steps, so that the page can be split between them: ``find_lines``
detects the lines of a whole page, ``read_boxes`` recognises the text in given boxes of it.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np

from .geometry import Box

DETECTION_SCALE = 0.5
"""Lines are found on the page shrunk to this share: at 100 dpi 9-point type is still 12 pixels high, which the
detection model finds as well, in a quarter of the memory and time. They are read at full resolution."""

STRIP = 768
OVERLAP = 320
"""A tall page is searched in strips this many pixels (of the full page) high, overlapping by this many:
detection needs memory in proportion to the pixels it sees at once (bench/ocr.py, a broadsheet page: strips of
1024 pixels peaked at 390–500 MB, strips of 768 at 260–300 MB). A line belongs to the strip that holds its
middle away from the overlaps, so a line up to OVERLAP high (a 100-point headline at 200 dpi) is found whole
exactly once."""

RECOGNITION_BATCH = 1
"""Line crops recognised at once. The engine pads a batch to its widest crop, so a batch of six long lines
needed 440–510 MB where crops one by one need 250–340 MB, in no more time on two cores."""

THREADS = min(os.cpu_count() or 1, 4)
"""onnxruntime threads per model: more than a few add memory, not speed, on a page of small line crops."""

TALL = 1.5
"""A box this many times higher than wide holds a line of vertical text (the engine's own measure)."""

TURNED_MARKS = str.maketrans({"’": "，", "'": "，"})
"""Marks of a vertical line as the engine reads them, its crop turned on its side: a comma (at the top right of
its em in vertical text) turned reads as an apostrophe, which vertical Chinese never sets."""

MIN_SCORE = 0.5
"""A line the engine reads with less confidence than this is not text (a photo's texture, a rule's edge)."""


@dataclass(frozen=True)
class OcrChar:
    """One recognised character (a whole word, for Latin script), in pixels."""

    text: str
    box: Box


@dataclass(frozen=True)
class OcrLine:
    text: str
    box: Box
    """The line's box, in pixels."""
    score: float
    chars: tuple[OcrChar, ...]
    vertical: bool = False
    """Read top to bottom (竖排): a box at least TALL times as high as it is wide."""


@functools.cache
def _engine() -> Any:
    from rapidocr_onnxruntime import RapidOCR

    # limit_side_len: never enlarge a strip before detection (the engine's default enlarges it to 736 pixels).
    return RapidOCR(det_limit_side_len=32, rec_batch_num=RECOGNITION_BATCH, intra_op_num_threads=THREADS,
                    inter_op_num_threads=1)


def find_lines(page: np.ndarray) -> list[Box]:
    """The box of every line of text in ``page`` (a greyscale array), top to bottom, in its pixels."""
    height = page.shape[0]
    found: list[Box] = []
    for top in range(0, max(height - OVERLAP, 1), STRIP - OVERLAP):
        bottom = min(top + STRIP, height)
        own_top = top + OVERLAP / 2 if top else 0.0
        own_bottom = bottom - OVERLAP / 2 if bottom < height else float(height)
        strip = cv2.cvtColor(cv2.resize(page[top:bottom], None, fx=DETECTION_SCALE, fy=DETECTION_SCALE,
                                        interpolation=cv2.INTER_AREA), cv2.COLOR_GRAY2RGB)
        corners, _ = _engine().text_det(strip)
        del strip
        for quad in corners if corners is not None else []:
            xs, ys = quad[:, 0] / DETECTION_SCALE, quad[:, 1] / DETECTION_SCALE + top
            box = Box(max(float(xs.min()), 0.0), max(float(ys.min()), 0.0), min(float(xs.max()), page.shape[1]),
                      min(float(ys.max()), height))
            if own_top <= (box.top + box.bottom) / 2 < own_bottom and box.width > 0 and box.height > 0:
                found.append(box)
    return sorted(found, key=lambda box: (box.top, box.x0))


def read_boxes(page: np.ndarray, boxes: Sequence[Box]) -> list[OcrLine]:
    """The text in each box of ``page`` (greyscale), read as one line, with a box for each character; boxes
    with no text the engine is sure of are left out."""
    crops = [_crop(page, box) for box in boxes]
    if not crops:
        return []
    engine = _engine()
    read, _ = engine.text_rec(crops, True)
    corners = [np.array([[box.x0, box.top], [box.x1, box.top], [box.x1, box.bottom], [box.x0, box.bottom]])
               for box in boxes]
    placed = engine.cal_rec_boxes(crops, corners, read)
    lines = []
    for box, (text, score, char_corners, chars, *_) in zip(boxes, placed, strict=True):
        if str(text).strip() and float(score) >= MIN_SCORE:
            lines.append(_line(str(text), box, float(score), char_corners, chars))
    return lines


def read_crops(crops: list[np.ndarray]) -> list[tuple[str, float]]:
    """The text in each small picture (one glyph or one word, already cut out) and how sure the engine is."""
    if not crops:
        return []
    found, _ = _engine().text_rec(crops)
    return [(str(text), float(score)) for text, score, *_ in found]


@functools.cache
def known_characters() -> frozenset[str]:
    """Every character the recogniser can read (its alphabet)."""
    return frozenset(char for char in _engine().text_rec.postprocess_op.character if len(char) == 1)


def is_vertical(box: Box) -> bool:
    return box.height >= TALL * box.width


def _crop(page: np.ndarray, box: Box) -> np.ndarray:
    """The box cut out of the page as the recogniser takes it: RGB, a vertical line turned to lie left to right."""
    crop = cv2.cvtColor(page[int(box.top):int(np.ceil(box.bottom)), int(box.x0):int(np.ceil(box.x1))],
                        cv2.COLOR_GRAY2RGB)
    return np.ascontiguousarray(np.rot90(crop)) if is_vertical(box) else crop


def _line(text: str, box: Box, score: float, char_corners: Sequence[Any], chars: Sequence[Any]) -> OcrLine:
    """A read line; its characters boxed by the engine (where it placed each in the line), else spread evenly
    (down a vertical line, whose characters each take an em of it)."""
    if is_vertical(box):
        text = text.translate(TURNED_MARKS)
        printed = [char for char in text if not char.isspace()]
        step = box.height / max(len(printed), 1)
        return OcrLine(text, box, score, tuple(
            OcrChar(char, Box(box.x0, box.top + index * step, box.x1, box.top + (index + 1) * step))
            for index, char in enumerate(printed)), vertical=True)
    if len(chars) == len(char_corners) and chars:
        boxed = [OcrChar(str(char), _bounds(corner)) for char, corner in zip(chars, char_corners, strict=True)
                 if not str(char).isspace()]
    else:
        printed = [char for char in text if not char.isspace()]
        step = box.width / max(len(printed), 1)
        boxed = [OcrChar(char, Box(box.x0 + index * step, box.top, box.x0 + (index + 1) * step, box.bottom))
                 for index, char in enumerate(printed)]
    return OcrLine(text, box, score, tuple(boxed))


def _bounds(corners: Sequence[Sequence[float]]) -> Box:
    xs, ys = [float(x) for x, _ in corners], [float(y) for _, y in corners]
    return Box(min(xs), min(ys), max(xs), max(ys))

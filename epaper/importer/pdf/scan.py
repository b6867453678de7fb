"""Scanned pages: a PDF page that holds only a picture of the printed page is read by OCR.

The whole page is rendered and recognised line by line; each recognised character becomes a Glyph
like those of a text layer (its box in points, the line's height as its size), and the rules, frames
and photos are found in the picture's ink outside the text. The page then goes through the same
layout reading as any other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np
import pypdfium2 as pdfium

from .chars import Glyph, PdfPage
from .geometry import Box
from .ocr import OcrLine, read_lines

SCAN_COVER = 0.5
"""A page with no text layer whose pictures cover at least this share of it is a scan."""

OCR_DPI = 200
"""Resolution the page is read at: 9-point body type is 25 pixels high, what the recognition model is made for."""

OCR_FONT = "OCR"
"""The font name of recognised glyphs (a scan does not say which font was used)."""

INK = 200
"""Grey levels darker than this (of 255) are ink."""

RULE_MAX_THICKNESS = 0.25
RULE_MIN_LENGTH = 4.0
"""A stroke at most this many ems thick (of the page's usual type) and at least this many long is a rule."""

PICTURE_MIN_SIZE = 3.0
"""A patch of ink at least this many ems wide and high is a picture, or a frame when it is mostly hollow."""

FRAME_MAX_FILL = 0.15
"""A large patch inking less than this share of its bounding box is the outline of a frame."""

SPLIT_GAP = 0.8
"""Ems of blank paper inside a recognised line that split it (a column gutter the engine read across)."""

TEXT_MARGIN = 0.2
"""Ems round each recognised line left out when looking for rules and pictures (a line's box is tight)."""


@dataclass(frozen=True)
class ScanReading:
    """A scanned page read by OCR: the page as glyphs and shapes, and the lines the engine recognised."""

    page: PdfPage
    lines: list[OcrLine]
    """In pixels, at OCR_DPI."""


def is_scan(page: PdfPage) -> bool:
    """No text, and one or more pictures covering most of the page."""
    if page.glyphs:
        return False
    covered = sum(picture.width * picture.height for picture in page.pictures)
    return covered >= SCAN_COVER * page.width * page.height


def read_scan(document: pdfium.PdfDocument, page: PdfPage) -> ScanReading:
    """The page at ``page.index`` of ``document``, recognised."""
    scale = OCR_DPI / 72
    picture = np.asarray(document[page.index].render(scale=scale).to_pil().convert("RGB"))
    ink = (cv2.cvtColor(picture, cv2.COLOR_RGB2GRAY) < INK).astype(np.uint8)
    lines = read_lines(picture)
    glyphs = [glyph for line in lines for glyph in _glyphs(ink, line, scale)]
    em = float(np.median([line.box.height for line in lines])) if lines else OCR_DPI / 8
    rules, frames, photos = _shapes(ink, lines, em)
    points = [[_to_points(box, scale) for box in found] for found in (rules, frames, photos)]
    frame_edges = [Box(box.x0, edge, box.x1, edge) for box in points[1] for edge in (box.top, box.bottom)]
    return ScanReading(PdfPage(page.index, page.width, page.height, glyphs, points[2], points[0] + frame_edges,
                               points[1]), lines)


def _glyphs(ink: np.ndarray, line: OcrLine, scale: float) -> list[Glyph]:
    """The line's characters placed on its ink: as tall as the inked rows, spread over the inked runs.

    The engine boxes lines, not letters: its character boxes are where it heard each character along the
    line, a few pixels off, and a line may run across a column gutter. So the line is cut at wide blank
    gaps, each character goes to the run under its middle, and the characters of a run are stretched to
    its inked width.
    """
    box = line.box
    top, left = int(box.top), int(box.x0)
    patch = ink[top:int(box.bottom) + 1, left:int(box.x1) + 1]
    rows = np.flatnonzero(patch.any(axis=1))
    if not len(rows) or not line.chars:
        return []
    ink_top, ink_bottom = top + float(rows[0]), top + float(rows[-1]) + 1
    gaps = _runs(np.asarray(patch.any(axis=0)), SPLIT_GAP * (ink_bottom - ink_top))
    runs = [(left + start, left + end) for start, end in gaps]
    placed: dict[int, list[Box]] = {}
    for char in line.chars:
        middle = (char.box.x0 + char.box.x1) / 2
        nearest = min(range(len(runs)), key=lambda index: _distance(runs[index], middle))
        placed.setdefault(nearest, []).append(char.box)
    glyphs = []
    chars = iter(line.chars)
    for index in sorted(placed):
        start, end = runs[index]
        heard = placed[index]
        low, high = heard[0].x0, heard[-1].x1
        stretch = (end - start) / (high - low) if high > low else 1.0
        for heard_box in heard:
            char = next(chars)
            glyph_box = Box(start + (heard_box.x0 - low) * stretch, ink_top, start + (heard_box.x1 - low) * stretch,
                            ink_bottom)
            points = _to_points(glyph_box, scale)
            glyphs.append(Glyph(char.text, points, points.height, OCR_FONT))
    return glyphs


def _runs(inked: np.ndarray, min_gap: float) -> list[tuple[float, float]]:
    """Stretches of inked pixel columns, split where at least ``min_gap`` blank columns lie between."""
    columns = np.flatnonzero(inked)
    breaks = np.flatnonzero(np.diff(columns) > min_gap)
    starts = [columns[0], *columns[breaks + 1]]
    ends = [*columns[breaks], columns[-1]]
    return [(float(start), float(end) + 1) for start, end in zip(starts, ends, strict=True)]


def _distance(run: tuple[float, float], x: float) -> float:
    return max(run[0] - x, x - run[1], 0.0)


def _to_points(box: Box, scale: float) -> Box:
    return Box(box.x0 / scale, box.top / scale, box.x1 / scale, box.bottom / scale)


def _shapes(page_ink: np.ndarray, lines: Sequence[OcrLine], em: float) -> tuple[list[Box], list[Box], list[Box]]:
    """Rules, frames and photos: the connected patches of ink that are not recognised text."""
    ink = page_ink.copy()
    margin = int(TEXT_MARGIN * em)
    for line in lines:
        box = line.box
        ink[max(int(box.top) - margin, 0):int(box.bottom) + margin,
            max(int(box.x0) - margin, 0):int(box.x1) + margin] = 0
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    rules: list[Box] = []
    frames: list[Box] = []
    photos: list[Box] = []
    for x, y, width, height, area in stats[1:count]:
        box = Box(float(x), float(y), float(x + width), float(y + height))
        if height <= RULE_MAX_THICKNESS * em and width >= RULE_MIN_LENGTH * em:
            rules.append(box)
        elif width >= PICTURE_MIN_SIZE * em and height >= PICTURE_MIN_SIZE * em:
            (frames if area < FRAME_MAX_FILL * width * height else photos).append(box)
    return rules, frames, photos

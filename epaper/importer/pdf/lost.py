"""Glyphs without a Unicode mapping (no ToUnicode map, `(cid:N)`, U+FFFD), recovered by OCR of where they print.

Each lost glyph is cut out of the rendered page and recognised on its own. One font's glyph number
always draws the same character, so all the readings of a (font, code) vote: the character most of
them read is given to every glyph of that code. Nothing is settled silently: every recovered
character is listed for the editor to confirm, with how many readings agree.
"""

from __future__ import annotations

import dataclasses
import statistics
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pypdfium2 as pdfium

from .chars import Glyph, PdfPage
from .geometry import Box, union
from .ocr import read_crops

GLYPH_PIXELS = 48
"""The page is rendered so that a lost glyph is about this many pixels high: the recognition model's line height."""

MAX_SCALE = 12.0
"""Never render a page larger than this many pixels per point, however small its lost glyphs."""

MARGIN = 0.2
"""Ems of page cut out round a glyph: the recognition model needs a little white round the ink."""

MIN_SCORE = 0.2
"""A reading the engine is less sure of than this does not vote."""


@dataclass(frozen=True)
class Recovered:
    """A lost glyph and the character OCR read for it (all the glyphs of its font and code were read so)."""

    glyph: Glyph
    """The glyph as it now reads: its text is the recovered character."""
    agreeing: int
    """How many readings of this font and code gave this character…"""
    readings: int
    """…of how many glyphs of this font and code on the page."""
    confidence: float
    """The engine's mean confidence in the agreeing readings, 0 to 1."""


def recover_lost_glyphs(document: pdfium.PdfDocument, page: PdfPage) -> tuple[PdfPage, list[Recovered]]:
    """``page`` with the characters OCR reads for its lost glyphs; glyphs it cannot read stay lost."""
    lost = [glyph for glyph in page.glyphs if glyph.lost]
    if not lost:
        return page, []
    scale = min(GLYPH_PIXELS / statistics.median(glyph.size for glyph in lost), MAX_SCALE)
    inked, margin = union(glyph.box for glyph in lost), max(glyph.size for glyph in lost) * MARGIN
    area = Box(max(inked.x0 - margin, 0), max(inked.top - margin, 0), min(inked.x1 + margin, page.width),
               min(inked.bottom + margin, page.height))
    # Only the part of the page that holds lost glyphs is rendered: pdfium crops points off each side.
    crop = (area.x0, page.height - area.bottom, page.width - area.x1, area.top)
    picture = np.asarray(document[page.index].render(scale=scale, crop=crop).to_pil().convert("RGB"))
    readings = read_crops([_crop(picture, glyph, area, scale) for glyph in lost])
    votes: dict[tuple[str, int, int | None], list[tuple[str, float]]] = defaultdict(list)
    for glyph, (text, score) in zip(lost, readings, strict=True):
        text = text.strip()
        if len(text) == 1 and score >= MIN_SCORE:
            votes[_drawn_by(glyph)].append((text, score))
    recovered: dict[int, Recovered] = {}
    for glyph in lost:
        read = votes.get(_drawn_by(glyph))
        if not read:
            continue
        char, agreeing = Counter(text for text, _ in read).most_common(1)[0]
        confidence = statistics.mean(score for text, score in read if text == char)
        total = sum(1 for other in lost if _drawn_by(other) == _drawn_by(glyph))
        recovered[id(glyph)] = Recovered(dataclasses.replace(glyph, text=char), agreeing, total, confidence)
    glyphs = [recovered[id(glyph)].glyph if id(glyph) in recovered else glyph for glyph in page.glyphs]
    return dataclasses.replace(page, glyphs=glyphs), [recovered[id(glyph)] for glyph in lost if id(glyph) in recovered]


def _drawn_by(glyph: Glyph) -> tuple[str, int, int | None]:
    """What draws a glyph: its font (by name and object) and its code in that font."""
    return glyph.font, glyph.face, glyph.code


def _crop(picture: np.ndarray, glyph: Glyph, area: Box, scale: float) -> np.ndarray:
    """The glyph with a margin round it, out of the ``picture`` of ``area`` of the page."""
    margin = glyph.size * MARGIN
    box = Box(glyph.box.x0 - area.x0, glyph.box.top - area.top, glyph.box.x1 - area.x0, glyph.box.bottom - area.top)
    height, width = picture.shape[:2]
    top, left = max(int((box.top - margin) * scale), 0), max(int((box.x0 - margin) * scale), 0)
    bottom = max(min(int((box.bottom + margin) * scale) + 1, height), top + 1)
    right = max(min(int((box.x1 + margin) * scale) + 1, width), left + 1)
    return picture[top:bottom, left:right]


def codes_read(recovered: Sequence[Recovered]) -> str:
    """`font code 1 → “ (9 of 9 readings agree, confidence 0.55)`, for each code recovered."""
    seen: dict[tuple[str, int, int | None], Recovered] = {}
    for item in recovered:
        seen.setdefault(_drawn_by(item.glyph), item)
    return "; ".join(f"font {font} code {code} → {item.glyph.text} ({item.agreeing} of {item.readings} readings "
                     f"agree, confidence {item.confidence:.2f})" for (font, _, code), item in seen.items())

"""What PDFium does not tell about some glyphs, read from pdfminer.six: the character codes (CIDs) of
glyphs without a Unicode mapping, and the names of Type 3 fonts (a browser sets CJK text in them).

A lost glyph's code tells lost glyphs apart: one font's code always draws the same character, so
OCR's readings of it vote together (lost.py). A font's name tells a headline or a bold subhead from the
body text. Only a page that has such glyphs is read a second time, by pdfminer, and its glyphs are
matched to PDFium's by where they print.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .geometry import Box

UNMAPPED = re.compile(r"^\(cid:(?P<cid>\d+)\)$")
"""How pdfminer shows a glyph whose font has no Unicode mapping."""

SAME_X = 1.0
"""Points between where PDFium and pdfminer start the same glyph."""

SAME_LINE = 0.25
"""Ems between where they put its foot (they take a font's descent from different places)."""


@dataclass(frozen=True)
class Told:
    font: str
    code: int | None
    """The glyph's CID, if pdfminer found no Unicode for it either."""


def told_by_pdfminer(path: Path, index: int, boxes: Sequence[Box]) -> list[Told | None]:
    """For each glyph box on page ``index`` of ``path``: the font and code of pdfminer's glyph there, if any."""
    import pdfplumber  # loaded for the few pages that need it: it takes as long to load as PDFium to read a page

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # font-descriptor notes mean nothing to an editor
    places: dict[int, list[tuple[Box, Told]]] = {}
    with pdfplumber.open(path, pages=[index + 1]) as document:
        for char in document.pages[0].chars:
            unmapped = UNMAPPED.match(char["text"])
            box = Box(char["x0"], char["top"], char["x1"], char["bottom"])
            told = Told(str(char.get("fontname", "")), int(unmapped.group("cid")) if unmapped else None)
            places.setdefault(_place(box), []).append((box, told))
    return [_nearest(box, places) for box in boxes]


def _place(box: Box) -> int:
    return round(box.x0 / SAME_X)


def _nearest(box: Box, places: dict[int, list[tuple[Box, Told]]]) -> Told | None:
    near = [(abs(other.x0 - box.x0) + abs(other.bottom - box.bottom), told)
            for across in (-1, 0, 1) for other, told in places.get(_place(box) + across, [])
            if abs(other.x0 - box.x0) <= SAME_X and abs(other.bottom - box.bottom) <= SAME_LINE * box.height]
    return min(near, key=lambda found: found[0])[1] if near else None

"""Characters, pictures and rules of each page of a PDF, read with pdfplumber (pdfminer.six)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import PdfminerException

from .. import conventions as c
from .geometry import Box

UNMAPPED = re.compile(r"^\(cid:(?P<cid>\d+)\)$")
"""How pdfminer shows a glyph whose font has no Unicode mapping."""

PRIVATE_USE = (0xE000, 0xF8FF)
"""Fonts that map glyphs to the private use area have not really mapped them."""

RULE_THICKNESS = 2.0
"""A drawn line or box no thicker than this (in points) is a rule separating parts of the page."""

RULE_MIN_LENGTH = 20.0


class PdfReadError(Exception):
    """The file cannot be read as a PDF."""


@dataclass(frozen=True)
class Glyph:
    """One character as printed; ``text`` is LOST_GLYPH where the font gives no Unicode for it."""

    text: str
    box: Box
    size: float
    font: str
    code: int | None = None
    """For a lost glyph: its number in the font (CID), or the private-use code point it was mapped to."""

    @property
    def lost(self) -> bool:
        return self.text == c.LOST_GLYPH


@dataclass(frozen=True)
class PdfPage:
    index: int
    """0-based position in its file."""
    width: float
    height: float
    glyphs: list[Glyph]
    pictures: list[Box]
    rules: list[Box]
    """Horizontal rules: thin drawn lines and boxes that separate parts of the page."""


def read_pdf(path: Path) -> list[PdfPage]:
    """Every page of the PDF at ``path``; PdfReadError if it is not a readable PDF."""
    try:
        with pdfplumber.open(path) as document:
            return [_read_page(index, page) for index, page in enumerate(document.pages)]
    except (PdfminerException, PDFSyntaxError, PSException) as error:
        raise PdfReadError(f"not a readable PDF: {error}") from None


def _read_page(index: int, page: Any) -> PdfPage:
    glyphs = [_glyph(char) for char in page.chars if char.get("upright", True) and char["text"].strip()]
    pictures = [Box(image["x0"], image["top"], image["x1"], image["bottom"]) for image in page.images]
    shapes = [Box(shape["x0"], shape["top"], shape["x1"], shape["bottom"]) for shape in [*page.lines, *page.rects]]
    rules = [box for box in shapes if box.height <= RULE_THICKNESS and box.width >= RULE_MIN_LENGTH]
    return PdfPage(index, float(page.width), float(page.height), glyphs, pictures, rules)


def _glyph(char: dict[str, Any]) -> Glyph:
    box = Box(char["x0"], char["top"], char["x1"], char["bottom"])
    text, size, font = char["text"], float(char["size"]), str(char.get("fontname", ""))
    unmapped = UNMAPPED.match(text)
    if unmapped is not None:
        return Glyph(c.LOST_GLYPH, box, size, font, int(unmapped.group("cid")))
    if text == c.LOST_GLYPH or any(PRIVATE_USE[0] <= ord(char) <= PRIVATE_USE[1] for char in text):
        return Glyph(c.LOST_GLYPH, box, size, font, ord(text[0]))
    return Glyph(text, box, size, font)

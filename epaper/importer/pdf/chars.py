"""Characters, pictures and rules of each page of a PDF, read with pdfplumber (pdfminer.six)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import PdfminerException

from .. import conventions as c
from .geometry import Box
from .shapes import read_shapes

UNMAPPED = re.compile(r"^\(cid:(?P<cid>\d+)\)$")
"""How pdfminer shows a glyph whose font has no Unicode mapping."""

PRIVATE_USE = (0xE000, 0xF8FF)
"""Fonts that map glyphs to the private use area have not really mapped them."""


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
    turned: int = 0
    """0 for an upright glyph; 1 for one turned to read top to bottom (Latin in vertical text), -1 bottom to top."""

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
    """Images and vector art."""
    rules: list[Box]
    """Horizontal rules: thin drawn lines and boxes, and the edges of frames, that separate parts of the page."""
    frames: list[Box] = field(default_factory=list)
    """Ruled boxes around a part of the page (a sidebar, a boxed commentary)."""


def read_pdf(path: Path) -> list[PdfPage]:
    """Every page of the PDF at ``path``; PdfReadError if it is not a readable PDF."""
    try:
        with pdfplumber.open(path) as document:
            return [_read_page(index, page) for index, page in enumerate(document.pages)]
    except (PdfminerException, PDFSyntaxError, PSException) as error:
        raise PdfReadError(f"not a readable PDF: {error}") from None


def _read_page(index: int, page: Any) -> PdfPage:
    glyphs = [_glyph(char) for char in page.chars if char["text"].strip()]
    pictures = [Box(image["x0"], image["top"], image["x1"], image["bottom"]) for image in page.images]
    shapes = read_shapes(page, [glyph.box for glyph in glyphs])
    return PdfPage(
        index, float(page.width), float(page.height), glyphs, pictures + shapes.art, shapes.rules, shapes.frames
    )


def _glyph(char: dict[str, Any]) -> Glyph:
    box = Box(char["x0"], char["top"], char["x1"], char["bottom"])
    text, size, font = char["text"], float(char["size"]), str(char.get("fontname", ""))
    turned = _turned(char)
    if turned:
        size = box.width
    unmapped = UNMAPPED.match(text)
    if unmapped is not None:
        return Glyph(c.LOST_GLYPH, box, size, font, int(unmapped.group("cid")), turned)
    if text == c.LOST_GLYPH or any(PRIVATE_USE[0] <= ord(char) <= PRIVATE_USE[1] for char in text):
        return Glyph(c.LOST_GLYPH, box, size, font, ord(text[0]), turned)
    return Glyph(text, box, size, font, turned=turned)


def _turned(char: dict[str, Any]) -> int:
    """Which way a glyph set on its side reads: its baseline points down the page (1) or up it (-1)."""
    if char.get("upright", True):
        return 0
    along, down = char["matrix"][0], char["matrix"][1]
    if abs(down) <= abs(along):
        return 0
    return 1 if down < 0 else -1

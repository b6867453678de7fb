"""Characters, pictures and rules of each page of a PDF, read with PDFium (pypdfium2).

A glyph's box is the one pdfminer gives (and the ems of ems.py were measured on): the advance
across, the font size down, from the font's descent below the baseline. PDFium gives no character
code for a glyph it cannot map to Unicode, nor a name for a Type 3 font: a page that has such glyphs
is read by pdfminer too (untold.py).
"""

from __future__ import annotations

import ctypes
import math
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .. import conventions as c
from .accents import compose_accents
from .drawn import read_drawn
from .geometry import Box
from .radicals import as_ideograph
from .shapes import read_shapes
from .untold import told_by_pdfminer

PRIVATE_USE = (0xE000, 0xF8FF)
"""Fonts that map glyphs to the private use area have not really mapped them."""

UNMAPPED = (0, 0xFFFD)
"""What PDFium gives for a glyph its font maps to no character, when it gives no character code instead."""

SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")
"""The tag naming a font embedded as a subset (`ABCDEF+`)."""

INK_MATCH = 0.01
"""Points within which a glyph's loose box is its inked box: PDFium knows no ascent and descent for its font."""

LINE_END_HYPHEN = 0x02
"""PDFium's code for a hyphen printed at the end of a line: the hyphen the page prints (`non-` / `normal`)."""

PRINTED_SPACES = " \u00a0"
"""A space and a no-break space: word spaces wherever the text layer holds them."""

FONT_NAME_BYTES = 256


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
    face: int = 0
    """For a lost glyph: which of the page's font objects drew it. A browser splits one face into many Type 3
    fonts of one name, each numbering its glyphs anew, so a code alone names no glyph."""
    spaced: bool = False
    """The text layer prints a space right before this glyph: a word space, however tight the type is set."""

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
    size_tolerance: float = 0.0
    """Points two sizes of one style may differ by as the page's sizes were found: none where a text layer states
    them; on a scan, what one row of ink more or less makes of a measured size."""


def open_pdf(source: Path | bytes) -> pdfium.PdfDocument:
    """The PDF at ``source`` (or in it) opened with PDFium; PdfReadError if it is not a readable PDF.

    Opened from bytes, a document can be read by forked processes: none of them moves a shared file offset.
    """
    try:
        return pdfium.PdfDocument(source)
    except pdfium.PdfiumError as error:
        raise PdfReadError(f"not a readable PDF: {error}") from None


def read_pdf(path: Path) -> list[PdfPage]:
    """Every page of the PDF at ``path``; PdfReadError if it is not a readable PDF."""
    document = open_pdf(path)
    try:
        return [read_pdf_page(document, index, path) for index in range(len(document))]
    finally:
        document.close()


def read_pdf_page(document: pdfium.PdfDocument, index: int, path: Path) -> PdfPage:
    """The page at ``index`` of ``document`` (opened from ``path``)."""
    page = document[index]
    width, height = page.get_size()
    text_page = page.get_textpage()
    glyphs = _with_untold(_glyphs(text_page, height), path, index)
    drawn = read_drawn(page, height)
    shapes = read_shapes(drawn.shapes, [glyph.box for glyph in glyphs])
    return PdfPage(index, float(width), float(height), glyphs, drawn.images + shapes.art, shapes.rules, shapes.frames)


def _glyphs(text_page: Any, height: float) -> list[Glyph]:
    read = _GlyphReader(text_page, height)
    glyphs = (read.glyph(index) for index in range(pdfium_c.FPDFText_CountChars(text_page)))
    return compose_accents(_ligatures_spread([glyph for glyph in glyphs if glyph is not None]))


def _ligatures_spread(glyphs: list[Glyph]) -> list[Glyph]:
    """The characters of a ligature (`ﬁ`, `ﬃ`) set one after the other across it.

    PDFium gives each character of a ligature the ligature's origin, so that all of them stand at its
    start and the gap after the last one looks like a word space; each is moved on to the end of the
    one before it.
    """
    spread = list(glyphs)
    for index in range(1, len(glyphs)):
        before, glyph = glyphs[index - 1], glyphs[index]
        if glyph.turned or before.turned or glyph.box.x0 != before.box.x0 or glyph.box.bottom != before.box.bottom:
            continue
        box, shift = glyph.box, spread[index - 1].box.x1 - glyph.box.x0
        spread[index] = replace(glyph, box=Box(box.x0 + shift, box.top, box.x1 + shift, box.bottom))
    return spread


class _GlyphReader:
    """The glyphs of a PDFium text page, one by one in the text layer's order; the name of each text object's
    font looked up once."""

    def __init__(self, text_page: Any, height: float) -> None:
        self.text_page, self.height = text_page, height
        self.font_names: dict[int, str] = {}
        self.faces: dict[int, int] = {}
        self.buffer = ctypes.create_string_buffer(FONT_NAME_BYTES)
        self.loose, self.matrix = pdfium_c.FS_RECTF(), pdfium_c.FS_MATRIX()
        self.origin_x, self.origin_y, self.width = ctypes.c_double(), ctypes.c_double(), ctypes.c_float()
        self.space_before = False  # a space is printed since the last glyph read
        self.tight = [ctypes.c_double() for _ in range(4)]
        self.descent = 0.0
        """The descent (in ems, under the baseline) of the last glyph whose font PDFium knows one for."""

    def glyph(self, index: int) -> Glyph | None:
        """The glyph at ``index``; None for white space."""
        text_page = self.text_page
        if pdfium_c.FPDFText_IsGenerated(text_page, index) == 1:
            return None  # a space or line break PDFium inferred: the layout reading finds those itself
        unicode = pdfium_c.FPDFText_GetUnicode(text_page, index)
        unmapped = unicode in UNMAPPED or pdfium_c.FPDFText_HasUnicodeMapError(text_page, index) == 1
        if unicode == LINE_END_HYPHEN and not unmapped:
            unicode = ord("-")
        if not unmapped and chr(unicode).isspace():
            self.space_before = self.space_before or chr(unicode) in PRINTED_SPACES
            return None
        glyph = self._inked(index, unicode, unmapped)
        if self.space_before:
            glyph, self.space_before = replace(glyph, spaced=True), False
        return glyph

    def _inked(self, index: int, unicode: int, unmapped: bool) -> Glyph:
        """The glyph at ``index``, which prints ``unicode`` (a character code if ``unmapped``), measured."""
        text_page = self.text_page
        pdfium_c.FPDFText_GetLooseCharBox(text_page, index, self.loose)
        pdfium_c.FPDFText_GetMatrix(text_page, index, self.matrix)
        pdfium_c.FPDFText_GetCharOrigin(text_page, index, self.origin_x, self.origin_y)
        matrix, font_size = self.matrix, pdfium_c.FPDFText_GetFontSize(text_page, index)
        size, turned = font_size * math.hypot(matrix.c, matrix.d), _turned(matrix)
        font_handle = pdfium_c.FPDFTextObj_GetFont(pdfium_c.FPDFText_GetTextObject(text_page, index))
        font = self._font_name(font_handle)
        advance = self._advance(font_handle, unicode, font_size) * math.hypot(matrix.a, matrix.b)
        loose = Box(self.loose.left, self.height - self.loose.top, self.loose.right, self.height - self.loose.bottom)
        baseline = self.height - self.origin_y.value
        box = _pdfminer_box(loose, (self.origin_x.value, baseline), advance, size, turned,
                            descent=self._descent(index, loose, baseline, size) if font else 0.0)
        if unmapped:  # PDFium then gives the glyph's character code, if it knows it
            return Glyph(c.LOST_GLYPH, box, size, font, None if unicode in UNMAPPED else unicode, turned,
                         self._face(font_handle))
        if PRIVATE_USE[0] <= unicode <= PRIVATE_USE[1]:
            return Glyph(c.LOST_GLYPH, box, size, font, unicode, turned, self._face(font_handle))
        return Glyph(as_ideograph(chr(unicode)), box, size, font, turned=turned)

    def _descent(self, index: int, loose: Box, baseline: float, size: float) -> float | None:
        """How far under the baseline the glyph's box goes: None to take PDFium's loose box, which reaches down
        to the font's descent; where PDFium knows no descent for the font (its loose box is the glyph's ink, as
        for some of the fonts a browser splits a face into), that of the glyphs read before it."""
        left, right, bottom, top = self.tight
        pdfium_c.FPDFText_GetCharBox(self.text_page, index, left, right, bottom, top)
        inked = (abs(self.height - top.value - loose.top) <= INK_MATCH
                 and abs(self.height - bottom.value - loose.bottom) <= INK_MATCH)
        if not inked and size > 0:
            self.descent = max(0.0, (loose.bottom - baseline) / size)
            return None
        return self.descent * size

    def _font_name(self, font: Any) -> str:
        """The font's name without its subset tag: `YCBWMV+Times-Roman` and `Times-Roman` are one face, embedded
        whole for one part of the page and as a subset for another (which glyphs each font object draws is
        ``face``'s). Empty for a Type 3 font (PDFium names none)."""
        address = ctypes.cast(font, ctypes.c_void_p).value or 0
        if address not in self.font_names:
            length = pdfium_c.FPDFFont_GetBaseFontName(font, self.buffer, FONT_NAME_BYTES) if address else 0
            name = self.buffer.value.decode("utf-8", "replace") if length else ""
            self.font_names[address] = SUBSET_TAG.sub("", name)
        return self.font_names[address]

    def _face(self, font: Any) -> int:
        address = ctypes.cast(font, ctypes.c_void_p).value or 0
        return self.faces.setdefault(address, len(self.faces))

    def _advance(self, font: Any, unicode: int, font_size: float) -> float:
        """How far the glyph of ``unicode`` moves the pen, in text space (0 if the font cannot tell)."""
        if not font or not pdfium_c.FPDFFont_GetGlyphWidth(font, unicode, font_size, self.width):
            return 0.0
        return float(self.width.value)


def _with_untold(glyphs: list[Glyph], path: Path, index: int) -> list[Glyph]:
    """``glyphs`` with the codes of lost ones and the names of nameless fonts, as pdfminer reads them."""
    untold = [position for position, glyph in enumerate(glyphs)
              if not glyph.font or (glyph.lost and glyph.code is None)]
    if not untold:
        return glyphs
    told = told_by_pdfminer(path, index, [glyphs[position].box for position in untold])
    completed = list(glyphs)
    for position, found in zip(untold, told, strict=True):
        if found is not None:
            glyph = glyphs[position]
            completed[position] = replace(glyph, font=glyph.font or found.font,
                                          code=glyph.code if glyph.code is not None or not glyph.lost else found.code)
    return completed


def _pdfminer_box(loose: Box, origin: tuple[float, float], advance: float, size: float, turned: int, *,
                  descent: float | None) -> Box:
    """PDFium's loose box (the font's ascent to descent, the glyph's ink across) made pdfminer's: the
    font size high on the descent side, the glyph's ``advance`` wide (0 if unknown: then its ink).

    ``descent`` (points under the baseline) stands in for the font's where PDFium gives none: 0 for a Type 3
    font, whose glyphs stand on the baseline, as pdfminer puts them (PDFium takes one from each Type 3 font's
    box, and a browser splits one face into many Type 3 fonts of different boxes: the glyphs of one line would
    not line up); None takes the loose box's. Where PDFium knows no ascent and descent it gives the inked
    box: the glyph then starts at its origin.
    """
    if turned == 1:  # the glyph's top faces right: its descent is at the left
        return Box(loose.x0, loose.top, loose.x0 + size, loose.bottom)
    if turned == -1:
        return Box(loose.x1 - size, loose.top, loose.x1, loose.bottom)
    x, baseline = origin
    bottom, left = max(loose.bottom, baseline) if descent is None else baseline + descent, min(loose.x0, x)
    return Box(left, bottom - size, left + advance if advance > 0 else loose.x1, bottom)


def _turned(matrix: Any) -> int:
    """Which way a glyph set on its side reads: its baseline points down the page (1) or up it (-1)."""
    if matrix.a * matrix.d > 0 and matrix.b * matrix.c <= 0:
        return 0  # upright, perhaps slanted
    if abs(matrix.b) <= abs(matrix.a):
        return 0
    return 1 if matrix.b < 0 else -1



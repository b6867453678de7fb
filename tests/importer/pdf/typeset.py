"""Typesetting primitives for the test pages: fonts, horizontal and vertical text, rules, frames, wrapping.

Text is set in reportlab's built-in CID font STSong-Light (no font files needed: reportlab cannot embed
the PostScript-outline Noto CJK fonts). Headlines and bold subheads use a second name for the same
glyphs, as a layout system's 黑体 would appear in an exported PDF: same Unicode map, another font name.
Coordinates are measured from the top of the page, as in the layout files.
"""

from __future__ import annotations

import copy
import re

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import CIDFontInfo, UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

FONT = "STSong-Light"
BOLD_FONT = "FZHTJW--GB1-0"
"""The name Founder's 方正黑体 has in exported PDFs."""
UNMAPPED_FONT = "Vera"
"""A TrueType font shipped with reportlab; its Unicode map is removed to make glyphs without one."""

ROTATED_RUN = re.compile(r"[A-Za-z0-9.%]+")
"""Latin letters and digits in vertical text are set turned 90° clockwise, as print does."""

TOKEN = re.compile(r"[A-Za-z0-9.%:]+|.")
"""Latin words and numbers are not broken across lines."""

NO_LINE_START = frozenset("，。、；：？！”’）》")
"""Punctuation never set at the start of a line (禁则): it is squeezed into the line before."""


def register_fonts() -> None:
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    info = copy.deepcopy(CIDFontInfo[FONT])
    info["BaseFont"] = f"/{BOLD_FONT}"
    descendant = info["DescendantFonts"][0]
    descendant["BaseFont"] = f"/{BOLD_FONT}"
    descendant["FontDescriptor"]["FontName"] = f"/{BOLD_FONT}"
    CIDFontInfo[BOLD_FONT] = info
    bold = UnicodeCIDFont(FONT)
    bold.face = copy.copy(bold.face)
    bold.face.name = bold.name = bold.fontName = BOLD_FONT
    pdfmetrics.registerFont(bold)


def text_width(text: str, size: float, font: str = FONT) -> float:
    return sum(pdfmetrics.stringWidth(char, font, size) for char in text)


def set_latin_line(canvas: Canvas, x: float, baseline: float, text: str, *, font: str, size: float,
                   justified_to: float | None = None) -> None:
    """One line of Latin text, its word spaces stretched to fill the measure ``justified_to`` if one is given.

    The word space is set on every line, stretched or not: PDF keeps it from one text object to the next.
    """
    line = canvas.beginText(x, baseline)
    line.setFont(font, size)
    spare = 0.0 if justified_to is None else justified_to - pdfmetrics.stringWidth(text, font, size)
    line.setWordSpace(spare / max(text.count(" "), 1))
    line.textLine(text)
    canvas.drawText(line)


def wrap(text: str, width: float, size: float) -> list[str]:
    """Break ``text`` into rows no wider than ``width``."""
    rows, row = [], ""
    for token in TOKEN.findall(text):
        if row and token not in NO_LINE_START and text_width(row + token, size) > width:
            rows.append(row)
            row = ""
        row += token
    return [*rows, row] if row else rows


class Typesetter:
    """Draws on one page of ``canvas``; characters in ``unmapped`` are set in a font without a Unicode map."""

    def __init__(self, canvas: Canvas, page_height: float, unmapped: str) -> None:
        self.canvas, self.height, self.unmapped = canvas, page_height, unmapped

    def text(self, x: float, top: float, text: str, size: float, font: str = FONT, tracking: float = 0.0) -> float:
        """Set ``text`` with its top at ``top``, ``tracking`` points between characters; returns the x after it."""
        baseline = self.height - top - size * 0.88
        for char in text:
            used = UNMAPPED_FONT if char in self.unmapped else font
            self.canvas.setFont(used, size)
            self.canvas.drawString(x, baseline, char)
            x += pdfmetrics.stringWidth(char, used, size) + tracking
        return x

    def centred(self, left: float, right: float, top: float, text: str, size: float, font: str = FONT,
                tracking: float = 0.0) -> None:
        width = text_width(text, size, font) + tracking * (len(text) - 1)
        self.text((left + right - width) / 2, top, text, size, font, tracking)

    def justified(self, x: float, width: float, top: float, text: str, size: float) -> None:
        """A full line: the spare width spread between its characters (the letter-spacing of print)."""
        indent = len(text) - len(text.lstrip("\u3000"))
        chars = text[indent:]
        x += indent * size
        spare = width - indent * size - text_width(chars, size)
        self.text(x, top, chars, size, tracking=spare / (len(chars) - 1) if len(chars) > 1 else 0.0)

    def vertical(self, centre: float, top: float, text: str, size: float, font: str = FONT) -> None:
        """Set ``text`` top to bottom, characters upright, Latin runs turned 90° clockwise."""
        for token in TOKEN.findall(text):
            if ROTATED_RUN.fullmatch(token):
                self.canvas.saveState()
                self.canvas.translate(centre - size * 0.3, self.height - top)
                self.canvas.rotate(-90)
                self.canvas.setFont(font, size)
                self.canvas.drawString(0, 0, token)
                self.canvas.restoreState()
                top += text_width(token, size, font) + size * 0.1
            else:
                self.text(centre - text_width(token, size, font) / 2, top, token, size, font)
                top += size * 1.05

    def rule(self, top: float, left: float, right: float) -> None:
        self.canvas.setLineWidth(0.8)
        self.canvas.line(left, self.height - top, right, self.height - top)

    def vertical_rule(self, x: float, top: float, bottom: float) -> None:
        self.canvas.setLineWidth(0.6)
        self.canvas.line(x, self.height - top, x, self.height - bottom)

    def frame(self, left: float, top: float, right: float, bottom: float) -> None:
        self.canvas.setLineWidth(0.8)
        self.canvas.rect(left, self.height - bottom, right - left, bottom - top, stroke=1, fill=0)

    def bars(self, left: float, top: float, right: float, bottom: float, values: list[float]) -> None:
        """A bar chart drawn as vector art: filled bars on a baseline, no text."""
        self.canvas.setFillColorRGB(0.7, 0.2, 0.2)
        step = (right - left) / len(values)
        for index, value in enumerate(values):
            bar_top = bottom - (bottom - top) * value / max(values)
            self.canvas.rect(left + index * step + step * 0.2, self.height - bottom, step * 0.6, bottom - bar_top,
                             stroke=0, fill=1)
        self.canvas.setFillColorRGB(0, 0, 0)


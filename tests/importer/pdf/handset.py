"""Glyphs placed by hand for the layout rules' tests: a run of text on one baseline."""

from __future__ import annotations

from epaper.importer.pdf.chars import Glyph
from epaper.importer.pdf.geometry import Box


def set_run(text: str, x: float, bottom: float, size: float, font: str) -> list[Glyph]:
    """Glyphs of ``text`` half an em wide each, a third of an em between words, standing on ``bottom``."""
    glyphs, at = [], x
    for char in text:
        if char != " ":
            glyphs.append(Glyph(char, Box(at, bottom - size, at + 0.5 * size, bottom), size, font))
        at += 0.5 * size if char != " " else 0.33 * size
    return glyphs

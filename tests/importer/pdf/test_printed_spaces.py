"""A word space the text layer prints is kept even where the type is set so tight that its gap says nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from epaper.importer.pdf.chars import Glyph, read_pdf
from epaper.importer.pdf.geometry import Box
from epaper.importer.pdf.textlines import line_of

HEADLINE = "Bologna sott’acqua, un morto e migliaia di evacuati"
SIZE = 34.0


def _tight_headline(path: Path, word_space: float) -> Path:
    """One display line in Times at ``SIZE`` points, its spaces narrowed by ``word_space`` points."""
    canvas = Canvas(str(path), pagesize=(1000, 200))
    text = canvas.beginText(20, 100)
    text.setFont("Times-Roman", SIZE)
    text.setWordSpace(word_space)
    text.textLine(HEADLINE)
    canvas.drawText(text)
    canvas.save()
    return path


@pytest.mark.parametrize("word_space", [0.0, -0.16 * SIZE])
def test_printed_spaces_are_word_spaces(tmp_path: Path, word_space: float) -> None:
    # Times' space is 0.25 em wide: narrowed by 0.16 em it leaves a gap of 0.09 em, under any gap threshold.
    [page] = read_pdf(_tight_headline(tmp_path / "tight.pdf", word_space))
    assert line_of(page.glyphs).spaced == HEADLINE


def _glyphs(parts: list[tuple[str, float, bool]], size: float = 10.0) -> list[Glyph]:
    """Glyphs half an em wide, each ``(text, gap before it in ems, a space printed before it)``."""
    glyphs, x = [], 0.0
    for text, gap, spaced in parts:
        x += gap * size
        glyphs.append(Glyph(text, Box(x, 0.0, x + size / 2, size), size, "Serif-Italic", spaced=spaced))
        x += size / 2
    return glyphs


def test_a_gap_the_text_layer_prints_no_space_in_is_no_space_where_it_prints_the_others() -> None:
    # `Scalfari` in italic: the f's ink hangs 0.21 em left of its place, leaving 0.21 em before the a.
    word = [("E", 0.0, False), ("u", 0.0, False), ("S", 0.2, True), ("c", 0.0, False), ("a", 0.0, False),
            ("l", 0.0, False), ("f", -0.21, False), ("a", 0.21, False), ("r", 0.0, False), ("i", 0.0, False)]
    assert line_of(_glyphs(word)).spaced == "Eu Scalfari"


@pytest.mark.parametrize(("parts", "read"), [
    ([("G", 0.0, False), ("P", 0.0, False), ("T", 0.0, False), ("-", -0.07, False), ("4", 0.17, False),
      ("y", 0.3, False)], "GPT-4 y"),  # the hyphen's side bearing is no space
    ([(char, 0.0, False) for char in "abc"] + [("-", 0.3, False), ("d", 0.3, False)]
     + [(char, 0.0, False) for char in "efg"], "abc - defg"),  # a spaced dash keeps its spaces
])
def test_a_hyphen_set_close_takes_no_space_after_it(parts: list[tuple[str, float, bool]], read: str) -> None:
    assert line_of(_glyphs(parts)).spaced == read

"""A word space the text layer prints is kept even where the type is set so tight that its gap says nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from epaper.importer.pdf.chars import read_pdf
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

"""A sign set in a font of signs (the ▲ a paper sets before a caption) is an ornament: furniture, not a headline."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from epaper.importer.pdf.chars import read_pdf
from epaper.importer.pdf.parse import read_page

STORY = ("Una strada allagata a Bologna dopo l’esondazione del torrente Ravone, che ha rotto gli argini nella notte "
         "e costretto migliaia di persone a lasciare le case mentre la pioggia continuava a cadere sulla città.")


def _page(path: Path) -> Path:
    canvas = Canvas(str(path), pagesize=(400, 300))
    canvas.setFont("Times-Roman", 24)
    canvas.drawString(30, 250, "Bologna sott’acqua")
    canvas.setFont("Times-Roman", 9)
    for number, start in enumerate(range(0, len(STORY), 60)):
        canvas.drawString(30, 220 - 11 * number, STORY[start:start + 60])
    canvas.drawImage(ImageReader(Image.new("RGB", (64, 24), "steelblue")), 30, 136, 340, 44)  # the photo
    canvas.setFont("ZapfDingbats", 16)
    canvas.drawString(360, 190, "s")  # ▲, alone on its line
    canvas.setFont("Helvetica-Bold", 9)
    canvas.drawString(44, 121, "L’alluvione Una strada allagata a Bologna")
    canvas.save()
    return path


def test_a_sign_in_a_font_of_signs_is_no_headline(tmp_path: Path) -> None:
    [page] = read_pdf(_page(tmp_path / "ornament.pdf"))
    reading = read_page(page)
    assert [article.title for article in reading.articles] == ["Bologna sott’acqua"]
    assert any(len(text.strip()) == 1 for text in reading.furniture)

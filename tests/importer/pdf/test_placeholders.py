"""A template's placeholders left in a page (`sss` where a kicker goes, a row of `s` over a rule where a
standfirst goes): one letter typed over and over is no text of the page's, so it becomes no article."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from tests.importer.pdf.conftest import read_one_page
from tests.importer.pdf.typeset import set_latin_line

HEIGHT = 500.0
TEXT = ["Records were smashed in the championship last", "night as a grandmother of five became the first",
        "woman for fifty-six years to claim the gold medal.", "She walked away with her share of the prize."]


def _page(path: Path) -> Path:
    canvas = Canvas(str(path), pagesize=(400, HEIGHT))
    for font, size, x, top, text in [("Times-Bold", 17, 120, 40, "sss"), ("Times-Roman", 10, 60, 100, "s" * 14),
                                     ("Times-Bold", 16, 30, 140, "Granny wins World Championship"),
                                     ("Times-Roman", 10, 30, 280, "III")]:  # a numeral alone is no placeholder
        canvas.setFont(font, size)
        canvas.drawString(x, HEIGHT - top, text)
    canvas.line(30, HEIGHT - 106, 370, HEIGHT - 106)
    for number, text in enumerate(TEXT * 2):
        set_latin_line(canvas, 30, HEIGHT - 165 - 12 * number, text, font="Times-Roman", size=10, justified_to=None)
    for number, text in enumerate(TEXT):
        set_latin_line(canvas, 30, HEIGHT - 300 - 12 * number, text, font="Times-Roman", size=10, justified_to=None)
    canvas.save()
    return path


def test_a_letter_typed_over_and_over_is_no_article(tmp_path: Path) -> None:
    reading = read_one_page(_page(tmp_path / "placeholder.pdf"))
    assert [article.title for article in reading.articles] == ["Granny wins World Championship"]
    assert "ssssssssssssss" in reading.furniture
    assert "III" not in reading.furniture

"""A masthead set as LaTeX's newspaper class sets one: a boxed motto left of the name, the town right of it, and
under a rule the strip `VOL. I . . . No. 1 | date | price` between two rules; a headline and its text under it.

The date is printed in the paper's own language. Where it is read, the strip closes the masthead and the motto
and the town over it are furniture; where it is not, both become articles of their own.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from tests.importer.pdf.conftest import read_one_page
from tests.importer.pdf.typeset import set_latin_line

HEIGHT = 600.0
TEXT = ["Vivemos em uma sociedade em que algoritmos", "influenciam decisões cruciais: desde quem",
        "consegue um empréstimo bancário até quem é", "selecionado para uma vaga de emprego. Por trás",
        "dessas complexas fórmulas matemáticas, no", "entanto, escondem-se dilemas éticos graves."]


def _page(path: Path, date: str) -> Path:
    canvas = Canvas(str(path), pagesize=(450, HEIGHT))
    canvas.rect(30, HEIGHT - 90, 100, 60)
    canvas.line(30, HEIGHT - 100, 420, HEIGHT - 100)
    canvas.line(30, HEIGHT - 114, 420, HEIGHT - 114)
    canvas.line(30, HEIGHT - 116, 420, HEIGHT - 116)
    masthead = [("Times-Roman", 9, 55, ["“Coisas da", "", "", ""]), ("Times-Roman", 9, 64, ["computação”", "", "", ""]),
                ("Times-Bold", 48, 75, ["", "Jornal", "", ""]), ("Times-Bold", 8, 62, ["", "", "Salvador", ""]),
                ("Times-Roman", 9, 110, ["", date, "R$ 0", "VOL. I . . . No. 1"])]
    for font, size, top, (box, centre, right, left) in masthead:
        canvas.setFont(font, size)
        canvas.drawCentredString(80, HEIGHT - top, box)
        canvas.drawCentredString(225, HEIGHT - top, centre)
        canvas.drawRightString(420, HEIGHT - top, right)
        canvas.drawString(30, HEIGHT - top, left)
    canvas.setFont("Times-Bold", 16)
    canvas.drawString(30, HEIGHT - 150, "Tecnologia Tendenciosa")
    top = 175.0
    for text in TEXT * 2:
        set_latin_line(canvas, 30, HEIGHT - top, text, font="Times-Roman", size=10, justified_to=None)
        top += 12
    canvas.save()
    return path


@pytest.mark.parametrize(("printed", "date"), [
    ("17 DE DEZEMBRO, 2024", dt.date(2024, 12, 17)),  # Portuguese
    ("1 DE ABRIL DE 2024", dt.date(2024, 4, 1)),  # Spanish
    ("17 DECEMBER 2024", dt.date(2024, 12, 17)),
])
def test_the_motto_and_town_over_a_dated_strip_are_furniture(tmp_path: Path, printed: str, date: dt.date) -> None:
    reading = read_one_page(_page(tmp_path / "motto.pdf", printed))
    assert reading.masthead.date == date
    assert [article.title for article in reading.articles] == ["Tecnologia Tendenciosa"]
    assert "Salvador" in reading.furniture

"""A masthead whose name is set right under its date strip, and one closed by rules over a banner headline.

The page is set with reportlab as a hobbyist's layout script sets a front page: a strip of masthead lines
(the weekday set over the date), the paper's name right under them, the headline, then a narrow justified
column (a few lines of two long words stretched far); beside it a weather box, the temperature set as large as a
headline over the town's name. The second page is set as a web layout tool sets one: the
name beside a small issue line, two rules across under them, then a banner headline set larger than the name.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from epaper.importer.pdf.parse import PageReading
from tests.importer.pdf.conftest import read_one_page
from tests.importer.pdf.typeset import set_latin_line

HEIGHT, SIZE, MEASURE = 700.0, 9.0, 170.0
FULL = ["Lorem Ipsum es simplemente el texto de", "relleno de las imprentas y archivos de",
        "texto, que ha sido el texto de relleno", "estándar de las industrias desde el año"]
STRETCHED = ["relleno documentos", "electrónicos, quedando", "ingresó impresores"]


def _line(canvas: Canvas, top: float, text: str, *, stretch: bool) -> None:
    set_latin_line(canvas, 30, HEIGHT - top, text, font="Helvetica", size=SIZE,
                   justified_to=MEASURE if stretch else None)


def _page(path: Path) -> Path:
    canvas = Canvas(str(path), pagesize=(400, HEIGHT))
    canvas.setFont("Courier-Bold", 9)
    canvas.drawString(120, HEIGHT - 26, "DIMARTS")
    canvas.drawString(120, HEIGHT - 34, "6 D’AGOST DEL 2024")
    canvas.setFont("Times-Bold", 50)
    canvas.drawString(30, HEIGHT - 86, "The Aran’s Post")
    canvas.setFont("Helvetica-Bold", 30)
    canvas.drawString(260, HEIGHT - 250, "31.4°C")  # a weather box beside the column: a figure in display type
    canvas.setFont("Helvetica", 9)
    canvas.drawString(260, HEIGHT - 262, "Barcelona")
    canvas.line(30, HEIGHT - 96, 370, HEIGHT - 96)
    canvas.setFont("Helvetica-Bold", 30)
    canvas.drawString(30, HEIGHT - 136, "SUPERMAN: THE MAN")
    top = 170.0
    for text, stretch in [*((text, False) for text in FULL * 2), *((text, True) for text in STRETCHED),
                          *((text, False) for text in FULL * 2)]:
        _line(canvas, top, text, stretch=stretch)
        top += 10.5
    _line(canvas, top, "Ipsum.", stretch=False)
    canvas.save()
    return path


@pytest.fixture(scope="module")
def reading(tmp_path_factory: pytest.TempPathFactory) -> PageReading:
    return read_one_page(_page(tmp_path_factory.mktemp("stretched") / "stretched.pdf"))


def test_the_papers_name_under_its_date_strip_is_the_mastheads(reading: PageReading) -> None:
    assert reading.masthead.date == dt.date(2024, 8, 6)
    assert "The Aran’s Post" in reading.furniture
    assert [article.title for article in reading.articles] == ["SUPERMAN: THE MAN"]


def test_a_display_figure_with_no_text_of_its_own_is_furniture(reading: PageReading) -> None:
    """The temperature is set as large as a headline, but nothing under it is its own: no article."""
    assert "31.4°C" in reading.furniture
    assert any("a headline with no text, picture or caption of its own" in warning for warning in reading.warnings)


def _banner_page(path: Path) -> Path:
    canvas = Canvas(str(path), pagesize=(400, HEIGHT))
    canvas.setFont("Times-Bold", 30)
    canvas.drawString(30, HEIGHT - 36, "Lotus and Olive News")
    canvas.setFont("Helvetica", 8.5)
    canvas.drawString(300, HEIGHT - 34, "Volume 2, January 2025")
    canvas.line(20, HEIGHT - 44, 380, HEIGHT - 44)
    canvas.line(20, HEIGHT - 47, 380, HEIGHT - 47)
    canvas.setFont("Helvetica-Bold", 40)
    canvas.drawString(30, HEIGHT - 90, "MYSTERIOUS KILLER")
    top = 120.0
    for text in FULL * 3:
        _line(canvas, top, text, stretch=False)
        top += 10.5
    canvas.save()
    return path


def test_a_banner_under_the_rules_closing_the_masthead_is_no_name(tmp_path: Path) -> None:
    """The banner is set larger than the name and close enough under the issue line to be taken for it, but the
    rules across the page close the masthead over it: the name is the masthead's, the banner the headline."""
    reading = read_one_page(_banner_page(tmp_path / "banner.pdf"))
    assert "Lotus and Olive News" in reading.furniture
    assert [article.title for article in reading.articles] == ["MYSTERIOUS KILLER"]

"""A page printed on a background picture, with a story going on from a column's foot over a photo.

The page is set with reportlab as LaTeX's newspaper class sets one on a paper texture: the texture is an image
placed under the whole page (reaching past its edges), the paper's name and date between rules, the text set
over it in columns. The first story starts under its headline low in the first column and goes on at the head
of the second, which starts higher than that headline; a photo and its credit close it there, and the second
story starts under them. The texture is the page's, no picture of a story: the first story's text flows on
into the second column, and the photo there goes with the text it stands in.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from epaper.importer.pdf.parse import PageReading
from tests.importer.pdf.conftest import read_one_page

HEIGHT = 792.0
LEADING = 12.0
FIRST = ["Thousands of people gathered in the square", "yesterday to protest the way the papers",
         "report on the mentally ill, with signs and", "songs that filled the streets for hours",
         "until the evening, when the crowd went", "home in the rain, promising to come back",
         "next year with twice as many friends, and"]
FIRST_ON = ["with a louder voice than ever before.", "The organisers said the day was a success."]
SECOND = ["The moose census got off to a flying start", "today with hopes for an increase in the",
          "population after a disappointing year."]


def _column(canvas: Canvas, x: float, top: float, lines: list[str]) -> float:
    canvas.setFont("Times-Roman", 10)
    for line in lines:
        canvas.drawString(x, HEIGHT - top, line)
        top += LEADING
    return top


def _page(path: Path) -> Path:
    canvas = Canvas(str(path), pagesize=(612, HEIGHT))
    canvas.drawImage(ImageReader(Image.new("RGB", (32, 32), (236, 234, 228))), 0, 0, 624, HEIGHT + 51)
    canvas.setFont("Times-Bold", 30)
    canvas.drawCentredString(306, HEIGHT - 50, "The Valley Courier")
    canvas.line(50, HEIGHT - 62, 562, HEIGHT - 62)
    canvas.setFont("Times-Italic", 9)
    canvas.drawCentredString(306, HEIGHT - 74, "15 JAN 2019")
    canvas.line(50, HEIGHT - 80, 562, HEIGHT - 80)
    canvas.setFont("Times-Bold", 17)
    canvas.drawString(50, HEIGHT - 160, "Thousands March")
    _column(canvas, 50, 660, FIRST)
    below = _column(canvas, 225, 100, FIRST_ON)
    canvas.drawImage(ImageReader(Image.new("RGB", (40, 30), "steelblue")), 225, HEIGHT - below - 100, 150, 90)
    canvas.setFont("Times-Roman", 9)
    canvas.drawCentredString(300, HEIGHT - below - 112, "Reuters")
    canvas.setFont("Times-Bold", 17)
    canvas.drawString(225, HEIGHT - below - 150, "Moose Counted")
    _column(canvas, 225, below + 175, SECOND)
    canvas.save()
    return path


@pytest.fixture(scope="module")
def reading(tmp_path_factory: pytest.TempPathFactory) -> PageReading:
    return read_one_page(_page(tmp_path_factory.mktemp("background") / "page.pdf"))


def test_the_story_goes_on_from_the_column_foot_over_the_background(reading: PageReading) -> None:
    assert [(article.title, [text for _, text in article.blocks]) for article in reading.articles] == [
        ("Thousands March", [" ".join(FIRST + FIRST_ON[:1]), FIRST_ON[1]]), ("Moose Counted", [" ".join(SECOND)])]


def test_the_photo_in_the_text_that_went_on_goes_with_it(reading: PageReading) -> None:
    assert [article.captions for article in reading.articles] == [["Reuters"], []]

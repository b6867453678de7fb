"""A banner with its deck over three column heads: one story, the heads its subheads.

The page is set with reportlab as a design tool sets a one-story page: the paper's name over a rule, a banner
headline across the three columns and its deck under it, then a head over each column in a face of their own,
smaller than the deck. The first column starts under a picture, with a rule the column's width over its head;
the second and third heads stand close under the deck, level with each other. Nothing but those heads stands
over the text: the banner governs it all, and the heads part it, in column order.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from epaper.importer.pdf.parse import PageReading
from tests.importer.pdf.conftest import read_one_page

HEIGHT = 792.0
COLUMNS = (36.0, 220.0, 404.0)
MEASURE = 172.0
BODY = 10.0
PARTS = [
    ("Chilling Numbers", ["The city is gripped by fear as the killer claims yet another victim, continuing his "
                          "tradition of targeting those born on one day of the year.",
                          "Police found the body of a man in his apartment late last night, a single red rose "
                          "placed on his chest and a number scrawled on the wall behind him."]),
    ("A Pattern of Hatred", ["The detective leading the case said that every year, on the same day, someone with "
                             "a birthday on it meets the same fate.",
                             "A detail in each murder is a smashed egg filled with confetti left near the victims, "
                             "a sign of joy twisted into a signature."]),
    ("Amidst a Regal Day", ["The festivities of the day, once a highlight of the year, have become a time of "
                            "fear, and many residents have left town.",
                            "The police urge anyone with information to come forward, however small it may "
                            "seem to them."]),
]
TITLE, DECK = "MYSTERIOUS KILLER", "NEW THREAT SLAYS ONLY ON ONE DAY?"


def _wrap(text: str) -> list[str]:
    rows, row = [], ""
    for word in text.split():
        if row and stringWidth(f"{row} {word}", "Helvetica", BODY) > MEASURE:
            rows.append(row)
            row = word
        else:
            row = f"{row} {word}".strip()
    return [*rows, row]


def _set(canvas: Canvas, x: float, top: float, text: str, font: str, size: float) -> None:
    canvas.setFont(font, size)
    canvas.drawString(x, HEIGHT - top - size * 0.8, text)


def _page(path: Path) -> Path:
    canvas = Canvas(str(path), pagesize=(612, HEIGHT))
    _set(canvas, 150, 20, "The Valley Courier", "Times-Bold", 36)
    canvas.line(0, HEIGHT - 70, 612, HEIGHT - 70)
    _set(canvas, 60, 84, TITLE, "Helvetica-Bold", 54)
    _set(canvas, 60, 146, DECK, "Helvetica-Bold", 24)
    canvas.drawImage(ImageReader(Image.new("RGB", (40, 40), "darkred")), 46, HEIGHT - 340, 150, 150)
    for (head, paragraphs), x in zip(PARTS, COLUMNS, strict=True):
        top = 360.0 if x == COLUMNS[0] else 180.0
        if x == COLUMNS[0]:
            canvas.line(x, HEIGHT - top + 6, x + MEASURE, HEIGHT - top + 6)
        _set(canvas, x, top, head, "Times-Bold", 19)
        top += 28
        for paragraph in paragraphs:
            for row in _wrap(paragraph):
                _set(canvas, x, top, row, "Helvetica", BODY)
                top += 14
            top += 6
    canvas.save()
    return path


@pytest.fixture(scope="module")
def reading(tmp_path_factory: pytest.TempPathFactory) -> PageReading:
    return read_one_page(_page(tmp_path_factory.mktemp("column-heads") / "page.pdf"))


def test_the_banner_and_its_deck_head_the_one_story(reading: PageReading) -> None:
    assert [(article.title, article.subtitle) for article in reading.articles] == [(TITLE, DECK)]


def test_the_column_heads_part_its_text_in_column_order(reading: PageReading) -> None:
    [story] = reading.articles
    assert story.blocks == [block for head, paragraphs in PARTS
                            for block in [("subhead", head), *(("paragraph", text) for text in paragraphs)]]

"""A front page whose date strip and foot line are spread across the page between rules.

The page is set with reportlab as an invitation printed as a newspaper sets its front page: the paper's name,
then a strip ruled over and under across the page with the day and month at the left margin and the year at the
right, a headline with its deck, two short stories in two columns (a picture under the second, its caption
set on the last rule), and at the foot a line of small type standing
on the last rule (the place at the left, the town at the right) over a closing line.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from epaper.importer.pdf.parse import PageReading
from tests.importer.pdf.conftest import read_one_page
from tests.importer.pdf.typeset import set_latin_line

WIDTH, HEIGHT, SIZE, LEADING, MEASURE = 595.0, 842.0, 11.0, 14.0, 220.0
LEFT = ["Se ha detectado una alta concentración de", "amor en el ambiente. Para evitar daños",
        "colaterales, se recomienda asistir a la", "boda de Alain y Laura el 23/03/25."]
RIGHT = ["Se ha abierto un nuevo sendero en el", "salón del bosque de la Hacienda Santa",
         "Elena, donde espera a los invitados", "el destino de esta historia: el altar."]

CAPTION = "El bosque de la Hacienda Santa Elena."


def _story(canvas: Canvas, x: float, headline: str, lines: list[str]) -> None:
    canvas.setFont("Times-Bold", 20)
    canvas.drawString(x, HEIGHT - 520, headline)
    for number, text in enumerate(lines):
        set_latin_line(canvas, x, HEIGHT - 550 - number * LEADING, text, font="Times-Roman", size=SIZE,
                       justified_to=None if number == len(lines) - 1 else MEASURE)


def _spread(canvas: Canvas, baseline: float, left: str, right: str, size: float) -> None:
    """A strip's two pieces, flush with the left and the right margin."""
    canvas.setFont("Times-Roman", size)
    canvas.drawString(63, HEIGHT - baseline, left)
    canvas.drawRightString(540, HEIGHT - baseline, right)


def _page(path: Path) -> Path:
    canvas = Canvas(str(path), pagesize=(WIDTH, HEIGHT))
    canvas.setFont("Times-Bold", 60)
    canvas.drawCentredString(WIDTH / 2, HEIGHT - 95, "The Wedding Post")
    canvas.line(62, HEIGHT - 113, 541, HEIGHT - 113)
    _spread(canvas, 134, "23 MARZO", "2025", 9)
    canvas.line(62, HEIGHT - 147, 541, HEIGHT - 147)
    canvas.setFont("Times-Roman", 40)
    canvas.drawCentredString(WIDTH / 2, HEIGHT - 195, "ALAIN & LAURA")
    canvas.setFont("Times-Roman", 24)
    canvas.drawCentredString(WIDTH / 2, HEIGHT - 230, "SE VAN A CASAR")
    canvas.rect(64, HEIGHT - 476, 478, 227, stroke=0, fill=1)  # the couple's photograph
    canvas.line(63, HEIGHT - 495, 542, HEIGHT - 495)
    _story(canvas, 70, "¡AVISO IMPORTANTE!", LEFT)
    _story(canvas, 320, "¡EXTRA! ¡EXTRA!", RIGHT)
    canvas.rect(320, HEIGHT - 770, MEASURE, 160, stroke=0, fill=1)  # the forest, its caption on the foot rule
    canvas.setFont("Times-Roman", 8)
    canvas.drawString(320, HEIGHT - 785, CAPTION)
    _spread(canvas, 794, "HACIENDA SANTA ELENA", "COTA - CHÍA", 8)
    canvas.line(62, HEIGHT - 797, 541, HEIGHT - 797)
    canvas.setFont("Times-Roman", 12)
    canvas.drawCentredString(WIDTH / 2, HEIGHT - 822, "Asegúrate de reservar la fecha")
    canvas.save()
    return path


@pytest.fixture(scope="module")
def reading(tmp_path_factory: pytest.TempPathFactory) -> PageReading:
    return read_one_page(_page(tmp_path_factory.mktemp("folio") / "folio.pdf"))


def test_a_date_spread_across_its_strip_closes_the_masthead(reading: PageReading) -> None:
    """`23 MARZO` and `2025` stand at the two ends of the strip, each too short to say it is a date: read across
    the band they are one, so the name over them is the masthead's and the headline under the rule the story's."""
    assert {"The Wedding Post", "23 MARZO", "2025"} <= set(reading.furniture)
    assert reading.articles[0].title == "ALAIN & LAURA"
    assert reading.articles[0].subtitle == "SE VAN A CASAR"


def test_a_line_of_small_type_standing_on_the_foot_rule_is_the_pages(reading: PageReading) -> None:
    """The foot line stands over the last rule, under the columns' last lines by more than their leading."""
    assert {"HACIENDA SANTA ELENA", "COTA - CHÍA", "Asegúrate de reservar la fecha"} <= set(reading.furniture)
    stories = {article.title: " ".join(text for _, text in article.blocks) for article in reading.articles[1:]}
    assert stories == {"¡AVISO IMPORTANTE!": " ".join(LEFT), "¡EXTRA! ¡EXTRA!": " ".join(RIGHT)}


def test_a_caption_standing_on_the_foot_rule_stays_its_pictures(reading: PageReading) -> None:
    assert CAPTION not in reading.furniture
    assert reading.articles[2].captions == [CAPTION]

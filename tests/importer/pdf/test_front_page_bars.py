"""A Latin-script front page: border rules down its sides, a masthead closed by a date bar, and a team byline.

The page is set with reportlab the way an Italian daily sets its front page: hairlines down both sides of
the page, the paper's name (drawn, not set in type), its founder and director, then a date bar (a hairline
over it, a heavy bar under it) holding the date, a supplement and the price; under it stories parted by
rules, one signed by a team whose surnames wrap onto a second line before the jump line; a rule over the
footer.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from epaper.importer.pdf.parse import PageReading
from tests.importer.pdf.conftest import read_one_page

WIDTH, HEIGHT = 600.0, 800.0
BODY = ("Mentre il governo prepara il decreto sul caso dei migranti, nel pieno dello scontro con la magistratura, "
        "il presidente invita al dialogo e chiede di non limitarsi a una visione di parte della questione che "
        "divide le istituzioni da settimane, mentre in Parlamento si discute ancora delle norme sui Paesi sicuri.")
TEAM = ["Candito", "Cerami", "Ciriaco", "Foschini", "Scaramuzzi", "Vecchio"]


def _bar(canvas: Canvas, top: float, thickness: float, x0: float = 30.0, x1: float = WIDTH - 30.0) -> None:
    canvas.rect(x0, HEIGHT - top - thickness, x1 - x0, thickness, stroke=0, fill=1)


def _text(canvas: Canvas, x: float, top: float, text: str, font: str = "Times-Roman", size: float = 9.0) -> None:
    canvas.setFont(font, size)
    canvas.drawString(x, HEIGHT - top - size, text)


def _column(canvas: Canvas, x: float, top: float, text: str, width: int = 52) -> float:
    """``text`` broken into lines of at most ``width`` characters from ``top`` down; the top of the next line."""
    words, line = text.split(), ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            _text(canvas, x, top, line)
            top, line = top + 11.0, word
        else:
            line = f"{line} {word}".strip()
    _text(canvas, x, top, line)
    return top + 11.0


def _front_page(path: Path) -> Path:
    canvas = Canvas(str(path), pagesize=(WIDTH, HEIGHT))
    canvas.rect(30.0, 10.0, 0.4, HEIGHT - 20.0, stroke=0, fill=1)  # the borders down the page's sides
    canvas.rect(WIDTH - 30.4, 10.0, 0.4, HEIGHT - 20.0, stroke=0, fill=1)
    canvas.circle(300.0, HEIGHT - 50.0, 28.0, stroke=0, fill=1)  # the paper's name, drawn as vector art
    _text(canvas, 40, 88, "Fondatore Eugenio Rossi", "Times-Italic", 10.0)
    _text(canvas, 440, 88, "Direttore Mario Bianchi", "Times-Italic", 10.0)
    _bar(canvas, 104.0, 0.4)  # the hairline over the date bar
    _text(canvas, 40, 110, "Lunedì 21 ottobre 2024", size=12.0)
    _text(canvas, 320, 110, "Oggi con Affari&Finanza", size=12.0)
    _text(canvas, 520, 110, "€ 1,70", "Times-Bold", 12.0)
    _bar(canvas, 130.0, 3.5)  # the heavy bar under it, and the bar's ends
    canvas.rect(30.0, HEIGHT - 133.5, 0.4, 29.5, stroke=0, fill=1)
    canvas.rect(WIDTH - 30.4, HEIGHT - 133.5, 0.4, 29.5, stroke=0, fill=1)
    _text(canvas, 40, 150, "L’altolà del presidente", "Times-Roman", 30.0)
    top = _column(canvas, 40, 196, BODY)
    top = _column(canvas, 40, top, BODY)
    _text(canvas, 80, top, f"di {', '.join(TEAM[:4])}", "Times-Bold")
    _text(canvas, 80, top + 11.0, f"{TEAM[4]} e {TEAM[5]} ● da pagina 2 a 7", "Times-Bold")
    _bar(canvas, top + 40.0, 0.4)
    _text(canvas, 40, top + 56.0, "Bologna sott’acqua, un morto", "Times-Roman", 24.0)
    _column(canvas, 40, top + 92.0, BODY)
    _bar(canvas, 760.0, 0.4)
    _text(canvas, 40, 766, "Sede: 00147 Roma, via Cristoforo Colombo, 90 – Tel. 06/49821", size=6.0)
    canvas.save()
    return path


@pytest.fixture(scope="module")
def reading(tmp_path_factory: pytest.TempPathFactory) -> PageReading:
    return read_one_page(_front_page(tmp_path_factory.mktemp("front") / "front.pdf"))


def test_the_rules_across_a_bordered_page_close_its_masthead(reading: PageReading) -> None:
    """The side borders cross every rule across the page but rule no table; the heavy bar under the date closes
    the masthead, so what is set beside the date and over it is furniture, and the date is the issue's."""
    assert [article.title for article in reading.articles] == ["L’altolà del presidente",
                                                              "Bologna sott’acqua, un morto"]
    assert reading.masthead.date == dt.date(2024, 10, 21)
    furniture = " | ".join(reading.furniture)
    for printed in ("Direttore Mario Bianchi", "Oggi con", "€ 1,70", "Sede: 00147 Roma"):
        assert printed in furniture


def test_a_team_byline_wrapped_onto_two_lines_names_every_surname(reading: PageReading) -> None:
    lead = reading.articles[0]
    assert lead.authors == TEAM
    assert lead.continues_on == 2
    text = " ".join(text for _, text in lead.blocks)
    assert "Candito" not in text and "Vecchio" not in text and text.endswith("Paesi sicuri.")

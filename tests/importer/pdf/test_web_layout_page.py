"""A page as a web layout tool exports it: justified columns, a running header, a footer under a rule.

The page is set with reportlab as a web layout tool exports a justified page: a story in two columns under its
headline, each column justified to its measure. In the left column a few lines of three short words are
stretched so far that their spaces run blank down three lines, as a gutter does; and a running header set in the
body's size crosses the gutter between the columns a few lines over their first line. The columns end right on
the rule over the footer, their last line's descenders under it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from epaper.importer.pdf.parse import PageReading
from tests.importer.pdf.conftest import read_one_page
from tests.importer.pdf.typeset import set_latin_line

HEIGHT, SIZE, MEASURE, GUTTER, LEADING = 262.0, 9.0, 165.0, 12.0, 11.0
LEFT = ["The city of San Jose is gripped by fear", "as the elusive killer has claimed yet",
        "relleno en documentos", "relleno en documentos", "relleno en documentos",
        "another victim, continuing his macabre", "tradition of targeting those born on a",
        "single day of the year, once more, and",
        "the police have asked the public to stay", "calm while the search for the killer goes",
        "on in every part of the city, day and night,", "with officers walking the streets of the",
        "old town and the harbour, where the last", "victim was seen alive on the evening of",
        "the thirteenth, a few hours before dawn."]
RIGHT = ["Detectives are considering the cultural", "implications of the cascaron, though no",
         "clear link has been established so far", "by anyone working on the case, and the",
         "city waits for the investigators to say", "what the number scrawled on the wall",
         "behind the victim is meant to tell them.", "Some say it is a date, others a phone",
         "number, and a few believe it is the code", "of a locker at the railway station, which",
         "the police searched on Sunday with no", "result that they have wished to share with",
         "the press, who wait outside the station", "for the chief of police to speak at noon.",
         "Nobody knows."]
FOOTER = "www.lotus-and-olive.example"
HEADER = "Lotus and Olive News  /  Volume 2  /  Saturday, 15 February 2025  /  Page 9"


def _column(canvas: Canvas, x: float, top: float, lines: list[str], *, ends: bool) -> None:
    for number, text in enumerate(lines):
        last = ends and number == len(lines) - 1  # a paragraph's last line keeps its natural spaces
        set_latin_line(canvas, x, HEIGHT - top - number * LEADING, text, font="Helvetica", size=SIZE,
                       justified_to=None if last else MEASURE)


def _page(path: Path) -> Path:
    canvas = Canvas(str(path), pagesize=(400, HEIGHT))
    canvas.setFont("Helvetica", SIZE)
    canvas.drawString(30, HEIGHT - 40, HEADER)
    canvas.setFont("Helvetica-Bold", 16)
    canvas.drawString(30, HEIGHT - 66, "Chilling numbers strike the city again")
    _column(canvas, 30, 80, LEFT, ends=False)
    _column(canvas, 30 + MEASURE + GUTTER, 80, RIGHT, ends=True)
    rule = HEIGHT - 80 - (len(LEFT) - 1) * LEADING - 1.0  # a point under the last baseline
    canvas.setLineWidth(0.8)
    canvas.line(20, rule, 380, rule)
    canvas.setFont("Helvetica", SIZE)
    canvas.drawString(150, rule - 18, FOOTER)
    canvas.save()
    return path


@pytest.fixture(scope="module")
def reading(tmp_path_factory: pytest.TempPathFactory) -> PageReading:
    return read_one_page(_page(tmp_path_factory.mktemp("justified") / "justified.pdf"))


def test_stretched_spaces_and_a_crossed_gutter_read_as_they_are_set(reading: PageReading) -> None:
    """The stretched spaces run blank through three lines, but not through the lines within a few ems, and they are
    as wide as the other spaces of their line: no gutter. Over the first lines the gutter does not run blank
    through every line within a few ems (the header crosses it), but it stands out from the natural spaces beside
    it: a gutter. The last line stands on the rule over the footer. So the story reads as one paragraph, in order,
    and the footer is furniture."""
    [story] = [article for article in reading.articles if article.title == "Chilling numbers strike the city again"]
    assert [text for _, text in story.blocks] == [" ".join(LEFT + RIGHT)]
    assert FOOTER in reading.furniture

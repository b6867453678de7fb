"""A digest of short stories: each a two-line headline over a paragraph of two or three lines, after a cover.

The page is set with reportlab as a LaTeX news digest sets one, in two justified columns. Its headlines hold
almost as many glyphs as its text, so that the size that fills most of the page is not a sure sign of the body
type: the headlines' size stands in columns of two lines, the text's runs on as text does. The last two
headlines start on one baseline, flush left over their columns, a gutter apart: two titles, not one row of one.
Both pages carry the masthead with its ears (the weather beside the paper's name); the cover carries nothing
else. The last story's two lines are both justified (the last one full), their spaces stretched about an em
wide: the lines of the column beside them leave those spaces blank, but do not reach across them, so only the
one line over or under says whether a gutter runs there.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from epaper.importer.pdf.chars import read_pdf
from epaper.importer.pdf.parse import PageReading, read_page
from tests.importer.pdf.test_command import run
from tests.importer.pdf.typeset import set_latin_line

MEASURE = 243.0
STORIES = [
    (["We will ignore the title noise, says", "Gerrard after the Old Firm win"],
     ["Rangers will ignore the noise around claims", "the title is theirs to lose after defeating",
      "Celtic, says manager Steven Gerrard."]),
    (["France: more than 2,500 break", "virus rules at an illegal rave"],
     ["The New Year's Eve event, held in a warehouse", "in Brittany, was shut down on Saturday."]),
    (["Primary schools reopening: call", "for remote learning as cases rise"],
     ["Unions want learning moved online as head", "teachers begin legal action against ministers."]),
    (["Police shut down a rave held in", "defiance of the pandemic rules"],
     ["The party attracted some 2,500 revellers and", "began on New Year's Eve in spite of a curfew."]),
    (["New COVID-19 Variant Spreads To", "Dozens Of Countries"],
     ["The new strain has spread to more than thirty", "countries across several continents."]),
    (["Norway landslide: Third body", "found as rescuers search", "the Gjerdrum site"],
     ["Seven people are still missing after the slide", "that destroyed homes in the village of Ask."]),
]


def _masthead(canvas: Canvas) -> None:
    canvas.setFont("Times-Bold", 14.3)
    canvas.drawCentredString(306, 792 - 62, "It’s Some News!")
    canvas.setFont("Times-Bold", 9)
    canvas.drawCentredString(306, 792 - 74, "Saturday, January 02, 2021")
    canvas.drawString(36, 792 - 60, "Temp: 22.6")
    canvas.drawString(36, 792 - 72, "Humidity: 94")


def _issue(path: Path) -> Path:
    canvas = Canvas(str(path), pagesize=(612, 792))
    _masthead(canvas)
    canvas.showPage()
    _masthead(canvas)
    for number, (headline, text) in enumerate(STORIES):
        x, top = 57 + (number % 2) * 270, 90 + (number // 2) * 200
        canvas.setFont("Times-Bold", 14.3)
        for row, line in enumerate(headline):
            canvas.drawString(x, 792 - top - row * 17, line)
        for row, line in enumerate(text):
            last = row == len(text) - 1 and number < len(STORIES) - 1  # a paragraph's last line is set loose
            set_latin_line(canvas, x, 792 - top - 28 - 17 * len(headline) - row * 12, line, font="Times-Roman",
                           size=10, justified_to=None if last else MEASURE)
    canvas.save()
    return path


@pytest.fixture(scope="module")
def issue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _issue(tmp_path_factory.mktemp("digest") / "digest.pdf")


@pytest.fixture(scope="module")
def reading(issue: Path) -> PageReading:
    return read_page(read_pdf(issue)[1])


def test_each_short_story_is_read_under_its_headline(reading: PageReading) -> None:
    assert {article.title: [text for _, text in article.blocks] for article in reading.articles} == {
        " ".join(headline): [" ".join(text)] for headline, text in STORIES}


def test_the_ears_beside_the_masthead_are_furniture(reading: PageReading) -> None:
    assert {"Temp: 22.6", "Humidity: 94", "It’s Some News!"} <= set(reading.furniture)


def test_a_cover_of_furniture_alone_imports_with_a_warning(issue: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert run(tmp_path, str(issue), "--date", "2021-01-02", "--dry-run", "--json") == 0
    captured = capsys.readouterr()
    assert len(json.loads(captured.out)) == len(STORIES)
    assert "page 1: no article on this page: only page furniture" in captured.err

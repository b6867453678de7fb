"""A photo's credit set on its side up the photo's edge, and a jump line that names a section, not a page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from epaper.importer.pdf.chars import read_pdf
from epaper.importer.pdf.parse import read_page
from epaper.importer.record import ImportedArticle, Photo

HEIGHT = 500.0
STORY = ["Coppia America. Rosso intenso. Ferrari in doppietta", "con i propri cowboy in Texas. Il rodeo lo vince",
         "Charles Leclerc davanti a Carlos Sainz. Tutto vale", "più delle evoluzioni degli altri. ● nello sport"]


def _page(path: Path) -> Path:
    canvas = Canvas(str(path), pagesize=(400, HEIGHT))
    canvas.setFont("Times-Roman", 24)
    canvas.drawString(30, HEIGHT - 50, "Leclerc e Sainz, doppietta Ferrari")
    canvas.drawImage(ImageReader(Image.new("RGB", (40, 30), "darkred")), 30, HEIGHT - 240, 300, 170)
    canvas.saveState()  # the credit, turned to read upwards, against the photo's right edge
    canvas.translate(336, HEIGHT - 238)
    canvas.rotate(90)
    canvas.setFont("Helvetica", 5)
    canvas.drawString(0, 0, "Massimo Gennari / Eikon")
    canvas.restoreState()
    canvas.setFont("Helvetica-Bold", 8)
    canvas.drawString(30, HEIGHT - 252, "Charles Leclerc e Carlos Sainz sul podio")
    canvas.setFont("Times-Roman", 9)
    for number, line in enumerate(STORY):
        canvas.drawString(30, HEIGHT - 280 - 11 * number, line)
    canvas.save()
    return path


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> ImportedArticle:
    [page] = read_pdf(_page(tmp_path_factory.mktemp("photo") / "photo.pdf"))
    [article] = read_page(page).articles
    return article


def test_a_credit_set_up_the_photos_edge_is_its_photographers(story: ImportedArticle) -> None:
    assert story.photos == [Photo("Charles Leclerc e Carlos Sainz sul podio", "Massimo Gennari / Eikon")]


def test_an_agency_named_under_a_photo_is_its_credit(tmp_path: Path) -> None:
    canvas = Canvas(str(tmp_path / "agency.pdf"), pagesize=(400, HEIGHT))
    canvas.setFont("Times-Roman", 24)
    canvas.drawString(30, HEIGHT - 50, "Children die in drone strike")
    canvas.drawImage(ImageReader(Image.new("RGB", (40, 30), "darkred")), 30, HEIGHT - 240, 300, 170)
    canvas.setFont("Times-Roman", 9)
    canvas.drawString(160, HEIGHT - 252, "Reuters")  # set in the body's type, under the photo
    for number, line in enumerate(STORY[:3]):
        canvas.drawString(30, HEIGHT - 280 - 11 * number, line)
    canvas.save()
    [page] = read_pdf(tmp_path / "agency.pdf")
    [article] = read_page(page).articles
    assert article.photos == [Photo("", "Reuters")]
    assert "Reuters" not in " ".join(text for _, text in article.blocks)


def test_a_jump_line_naming_a_section_is_no_text(story: ImportedArticle) -> None:
    assert [text for _, text in story.blocks] == [" ".join(STORY).removesuffix(" ● nello sport")]
    assert story.continues_on is None
    assert any(artefact.text == "● nello sport" for artefact in story.artefacts)

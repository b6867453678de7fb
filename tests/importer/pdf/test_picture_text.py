"""Pictures as clipped, and the type set on them: an advert's copy in faces of its own is the page's furniture;
a title laid over a photo in the paper's faces stays the article's."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from epaper.importer.pdf.chars import read_pdf
from epaper.importer.pdf.geometry import Box
from epaper.importer.pdf.parse import read_page

HEIGHT = 600.0
STORY = ("Coppia America. Rosso intenso. Ferrari in doppietta con i propri cowboy in Texas. Il rodeo lo vince "
         "Charles Leclerc davanti a Carlos Sainz, con le macchine meno attrezzate dell’arena e pezzi maturi.")


def _photo(canvas: Canvas, x: float, top: float, width: float, height: float) -> None:
    canvas.drawImage(ImageReader(Image.new("RGB", (40, 30), "darkred")), x, HEIGHT - top - height, width, height)


def _lines(canvas: Canvas, x: float, top: float, text: str, *, font: str = "Times-Roman", size: float = 9.0) -> None:
    canvas.setFont(font, size)
    for number, start in enumerate(range(0, len(text), 56)):
        canvas.drawString(x, HEIGHT - top - size - 11 * number, text[start:start + 56])


def _page(path: Path) -> Path:
    canvas = Canvas(str(path), pagesize=(500, HEIGHT))
    _lines(canvas, 30, 30, "Leclerc e Sainz, doppietta Ferrari", size=24.0)
    _lines(canvas, 30, 70, STORY)
    canvas.saveState()  # a photo placed wider than its frame, clipped to it
    frame = canvas.beginPath()
    frame.rect(30, HEIGHT - 260, 200, 150)
    canvas.clipPath(frame, stroke=0, fill=0)
    _photo(canvas, 0, 100, 300, 180)
    canvas.restoreState()
    _photo(canvas, 260, 110, 210, 300)  # an advert, its copy set on its picture
    _lines(canvas, 275, 130, "Wherever you go.", font="Helvetica-Bold", size=18.0)
    _lines(canvas, 275, 360, "Scopri l’avventura, dalla Mongolia al Nepal", font="Helvetica", size=9.0)
    _photo(canvas, 30, 300, 200, 150)  # a feature's photo with its title laid over it
    _lines(canvas, 45, 320, "Il rodeo di Austin", size=20.0)
    _lines(canvas, 30, 460, STORY)
    canvas.save()
    return path


def test_a_picture_is_where_its_clipping_path_lets_it_print(tmp_path: Path) -> None:
    [page] = read_pdf(_page(tmp_path / "pictures.pdf"))
    assert Box(30.0, 110.0, 230.0, 260.0) in [Box(*(round(edge, 1) for edge in (box.x0, box.top, box.x1, box.bottom)))
                                              for box in page.pictures]


def test_an_adverts_copy_on_its_picture_is_furniture_a_title_on_a_photo_is_not(tmp_path: Path) -> None:
    [page] = read_pdf(_page(tmp_path / "pictures.pdf"))
    reading = read_page(page)
    assert [article.title for article in reading.articles] == ["Leclerc e Sainz, doppietta Ferrari",
                                                              "Il rodeo di Austin"]
    assert "Wherever you go." in reading.furniture
    assert any(text.startswith("Scopri l’avventura") for text in reading.furniture)


def test_a_page_printed_on_a_background_picture_keeps_its_text(tmp_path: Path) -> None:
    """A paper texture placed under the whole page holds every line; it is the page's background, no advert."""
    canvas = Canvas(str(tmp_path / "texture.pdf"), pagesize=(500, HEIGHT))
    _photo(canvas, 0, 0, 500, HEIGHT)
    _lines(canvas, 30, 30, "Leclerc e Sainz, doppietta Ferrari", size=24.0)
    _lines(canvas, 30, 70, STORY)
    canvas.save()
    [page] = read_pdf(tmp_path / "texture.pdf")
    [article] = read_page(page).articles
    assert article.title == "Leclerc e Sainz, doppietta Ferrari" and article.blocks

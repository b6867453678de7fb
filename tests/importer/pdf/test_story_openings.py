"""How a story's opening is set: a rule under its headline, a raised initial, a face embedded as a subset."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from epaper.importer.pdf.chars import _pdfminer_box, read_pdf
from epaper.importer.pdf.geometry import Box
from tests.importer.pdf.conftest import read_one_page

HEIGHT = 400.0
LINES = ["of the heir presumptive of the Austro-", "Hungarian empire, Archduke Franz Ferdinand,",
         "yesterday morning at 10:45am in the Bosnian", "capital of Sarajevo. The main assassins have",
         "been identified as Gavrilo Princip and others."]


def _story(path: Path) -> Path:
    canvas = Canvas(str(path), pagesize=(500, HEIGHT))
    canvas.setFont("Times-Bold", 24)
    canvas.drawString(60, HEIGHT - 60, "FAILED BOMB PLOT TURNED INTO MURDER")
    canvas.rect(30, HEIGHT - 70, 440, 0.4, stroke=0, fill=1)  # the rule under the headline, wider than it
    canvas.setFont("Times-Bold", 20)
    canvas.drawString(30, HEIGHT - 100, "A")  # a raised initial on the first line's baseline
    canvas.setFont("Times-Roman", 14)
    canvas.drawString(47, HEIGHT - 100, "group of ultra-nationalists took part in the murder")
    for number, line in enumerate(LINES, start=1):
        canvas.drawString(30, HEIGHT - 100 - 17 * number, line)
    canvas.save()
    return path


def test_a_rule_under_a_headline_and_a_raised_initial_open_its_story(tmp_path: Path) -> None:
    [story] = read_one_page(_story(tmp_path / "story.pdf")).articles
    assert story.title == "FAILED BOMB PLOT TURNED INTO MURDER"
    text = " ".join(text for _, text in story.blocks)
    assert text == "A group of ultra-nationalists took part in the murder " + " ".join(LINES).replace("- ", "-")


def test_a_face_embedded_as_a_subset_is_named_without_its_subset_tag(tmp_path: Path) -> None:
    """One face in two font objects, one named with a subset tag (`ABCDEF+Times-Roman`), as InDesign embeds a face
    whole for one part of a page and as a subset for another: one font for the layout reading."""
    canvas = Canvas(str(tmp_path / "faces.pdf"), pagesize=(300, 100))
    canvas.setFont("Times-Roman", 12)
    canvas.drawString(20, 70, "Sarajevo")
    canvas.setFont("Times-Bold", 12)
    canvas.drawString(20, 40, "Bosnia")
    canvas.save()
    path = tmp_path / "faces.pdf"
    path.write_bytes(path.read_bytes().replace(b"/BaseFont /Times-Bold", b"/BaseFont /ABCDEF+Times-Roman"))
    [page] = read_pdf(path)
    assert {glyph.font for glyph in page.glyphs} == {"Times-Roman"}


def test_a_glyph_whose_font_gives_no_descent_stands_on_the_line_of_its_neighbours() -> None:
    """Chrome splits a CJK face into fonts of which PDFium knows the ascent and descent of some only (a title's
    `長` then came 0.4 em higher than `夏休み延` beside it, and off their line): such a glyph's box takes the
    descent of the glyphs read before it."""
    size, baseline = 18.0, 81.8
    with_metrics = _pdfminer_box(Box(142.1, 62.7, 160.1, 89.7), (142.1, baseline), 18.0, size, 0, descent=None)
    inked_only = _pdfminer_box(Box(160.8, 67.0, 177.4, 82.6), (160.1, baseline), 18.0, size, 0,
                               descent=(89.7 - baseline))
    assert (inked_only.top, inked_only.bottom) == (with_metrics.top, with_metrics.bottom)

"""How a story's opening is set: a rule under its headline, a raised initial, a face embedded as a subset."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from epaper.importer.pdf.chars import read_pdf
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

"""Conventions of Latin newspapers set by TeX and page-layout programs, on glyphs placed by hand: a one-em
gutter with hyphens hung into it, the short rule under a headline, a byline's cue set small before the name."""

from __future__ import annotations

from epaper.importer.pdf.chars import Glyph, PdfPage
from epaper.importer.pdf.geometry import Box
from epaper.importer.pdf.parse import read_page
from epaper.importer.pdf.textlines import build_lines

ROMAN = "TeXGyreTermesX-Regular"
ITALIC = "TeXGyreTermesX-Italic"


def words(text: str, x: float, bottom: float, size: float = 10.0, font: str = ROMAN,
          space: float = 0.3) -> list[Glyph]:
    """Glyphs of ``text`` half an em wide each, ``space`` ems between words, standing on ``bottom``."""
    glyphs, left = [], x
    for char in text:
        if char == " ":
            left += space * size
            continue
        glyphs.append(Glyph(char, Box(left, bottom - size, left + 0.5 * size, bottom), size, font))
        left += 0.5 * size
    return glyphs


def justified(text: str, x0: float, x1: float, bottom: float) -> list[Glyph]:
    """``text`` spread from ``x0`` to ``x1`` by its word spaces, as justified columns are set."""
    letters = 0.5 * 10 * len(text.replace(" ", ""))
    return words(text, x0, bottom, space=(x1 - x0 - letters) / 10 / text.count(" "))


def test_a_one_em_gutter_narrowed_by_a_hung_hyphen_still_parts_the_columns() -> None:
    lines = [("justified text in the column", "columna con texto justi-"),
             ("one ends with its hyphen-", "ficado en la otra que ya"),
             ("ated word hung past the", "llega al mismo borde sin"),
             ("edge into the one-em gap", "nada entre las columnas"),
             ("beside the other column.", "de una pagina de prensa.")]
    glyphs = []
    for number, (left, right) in enumerate(lines):
        hung = 2.0 if left.endswith("-") else 0.0
        glyphs += justified(left, 40, 170 + hung, 100 + 12 * number)
        glyphs += justified(right, 180, 310, 100 + 12 * number)
    read = [" ".join(line.spaced.split()) for line in build_lines(glyphs).lines]
    assert read == [text for pair in lines for text in pair]


def test_a_stretched_word_space_on_a_line_alone_is_no_gutter() -> None:
    glyphs = words("Reports", 50, 100) + words("from the accident", 50 + 3.5 * 10 + 7, 100)
    assert [" ".join(line.spaced.split()) for line in build_lines(glyphs).lines] == ["Reports from the accident"]


def test_the_short_rule_under_a_headline_closes_no_story() -> None:
    glyphs = words("Bienvenidos al futuro", 60, 100, 20.0, ITALIC)
    for number, text in enumerate(["Bienvenidos al futuro, donde la IA es la",
                                   "reina del baile y nosotros apenas somos",
                                   "invitados a la fiesta. Sí, la inteligencia",
                                   "artificial está evolucionando más rápido."]):
        glyphs += words(text, 40, 140 + 12 * number)
    ornament = Box(120, 110, 185, 110.4)
    [article] = read_page(PdfPage(0, 300, 400, glyphs, [], [ornament])).articles
    assert article.title == "Bienvenidos al futuro"
    assert article.paragraphs[0].startswith("Bienvenidos al futuro, donde") and "rápido." in article.paragraphs[-1]


def test_a_rule_as_wide_as_the_column_under_a_headline_still_parts_it_from_the_text() -> None:
    glyphs = words("Bienvenidos al futuro", 60, 100, 20.0, ITALIC)
    for number, text in enumerate(["Bienvenidos al futuro, donde la IA es la",
                                   "reina del baile y nosotros apenas somos"]):
        glyphs += words(text, 40, 140 + 12 * number)
    across = Box(40, 110, 260, 110.4)
    articles = read_page(PdfPage(0, 300, 400, glyphs, [], [across])).articles
    assert [article.title for article in articles if article.paragraphs] == [None]


def test_a_bylines_cue_set_small_before_the_name_reads_with_it() -> None:
    glyphs = words("di", 100, 100, 9.3, ITALIC) + words("Michele Ainis", 100 + 9.3 + 2.5, 100, 14.0)
    assert [line.spaced for line in build_lines(glyphs).lines] == ["di Michele Ainis"]


def test_a_small_word_that_is_no_cue_stays_apart_from_a_larger_line() -> None:
    glyphs = words("ok", 100, 100, 9.3, ITALIC) + words("Michele Ainis", 100 + 9.3 + 2.5, 100, 14.0)
    assert sorted(line.spaced for line in build_lines(glyphs).lines) == ["Michele Ainis", "ok"]

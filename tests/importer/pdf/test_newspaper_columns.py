"""Conventions of Latin newspapers set by TeX and page-layout programs, on glyphs placed by hand: a one-em
gutter with hyphens hung into it, the short rule under a headline, a byline's cue set small before the name,
a display headline tracked tight, a drop capital."""

from __future__ import annotations

from epaper.importer.pdf.chain import RULES, read_layout
from epaper.importer.pdf.chars import Glyph, PdfPage
from epaper.importer.pdf.geometry import Box
from epaper.importer.pdf.parse import read_page
from epaper.importer.pdf.tables import merge_table_rows
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


COLUMNS = [("the first line of the page.", "columna con texto justi-"),
           ("one ends with its hyphen-", "ficado en la otra que ya"),
           ("ated word hung past the", "llega al mismo borde sin"),
           ("edge into the one-em gap", "nada entre las columnas"),
           ("beside the other column,", "de una pagina de prensa.")]


def _columns(hung_on: int) -> list[Glyph]:
    """Two justified columns a one-em gutter apart; the stop or comma ending line ``hung_on`` hangs into it."""
    glyphs = []
    for number, (left, right) in enumerate(COLUMNS):
        glyphs += justified(left, 40, 170 + (2.0 if number == hung_on else 0.0), 100 + 12 * number)
        glyphs += justified(right, 180, 310, 100 + 12 * number)
    return glyphs


def test_a_running_header_over_the_rule_witnesses_nothing_of_the_gutter_under_it() -> None:
    """The header is set in the body size across the gutter, close over the columns, but the rule under it closes
    them: the first line's stop hung into the gutter still parts the columns."""
    header = words("VOL. I No. 1 Jornal 17 DE DEZEMBRO 2024", 40, 60)
    rule = Box(40, 70, 310, 70.5)
    read = [" ".join(line.spaced.split()) for line in build_lines(header + _columns(0), [rule]).lines]
    assert read[1:] == [text for pair in COLUMNS for text in pair]


def test_a_gutter_narrowed_on_the_columns_last_line_still_parts_them() -> None:
    """The columns end on one baseline at the page's foot; the comma hung into the gutter there leaves it
    narrower than a gutter, but it runs blank down all the lines over it."""
    read = [" ".join(line.spaced.split()) for line in build_lines(_columns(len(COLUMNS) - 1)).lines]
    assert read == [text for pair in COLUMNS for text in pair]


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


def test_a_headline_tracked_tight_keeps_its_narrow_word_spaces() -> None:
    size, glyphs, x = 75.0, [], 50.0
    for char in "L’altolà di Mattarella":
        if char == " ":
            x += 0.17 * size
            continue
        glyphs.append(Glyph(char, Box(x, 100, x + 0.4 * size, 100 + size), size, "EugenioSerif"))
        x += 0.4 * size - 0.02 * size
    assert [line.spaced for line in build_lines(glyphs).lines] == ["L’altolà di Mattarella"]


def comment_piece(*, drop_capital: bool) -> PdfPage:
    """A signed comment as la Repubblica sets one: title, a short rule, `di` + the name, a drop capital, a jump."""
    glyphs = words("La nostra povera Carta", 60, 100, 20.0)
    glyphs += words("di", 80, 130, 9.3, ITALIC) + words("Michele Ainis", 80 + 9.3 + 2.5, 130, 14.0)
    text = ["a madre delle riforme è sempre incinta,", "come la madre dei cretini evocata da",
            "Flaiano. Ma in attesa di generare il", "premierato, l’impeto riformatore si",
            "rovescia su ogni norma della Costituzione."]
    for number, line in enumerate(text):
        indent = 32 if drop_capital and number < 2 else 0
        glyphs += words(line if drop_capital or number else "L" + line, 40 + indent, 160 + 11 * number, 9.3)
    if drop_capital:
        glyphs.append(Glyph("L", Box(40, 151.5, 70, 181.5), 30.0, "EugenioSerif-Bold"))
    glyphs += words("● a pagina 24", 150, 160 + 11 * len(text), 9.3)
    return PdfPage(0, 300, 400, glyphs, [], [Box(110, 108, 170, 108.4)])


def test_a_drop_capital_is_the_first_letter_of_its_paragraph_and_no_headline() -> None:
    [article] = read_page(comment_piece(drop_capital=True)).articles
    [plain] = read_page(comment_piece(drop_capital=False)).articles
    assert article.title == plain.title == "La nostra povera Carta"
    assert article.paragraphs == plain.paragraphs
    assert article.paragraphs == ["La madre delle riforme è sempre incinta, come la madre dei cretini evocata da "
                                  "Flaiano. Ma in attesa di generare il premierato, l’impeto riformatore si "
                                  "rovescia su ogni norma della Costituzione."]


def test_a_signed_comment_reads_its_byline_under_the_rule_and_its_jump_line() -> None:
    [article] = read_page(comment_piece(drop_capital=True)).articles
    assert (article.authors, article.continues_on) == (["Michele Ainis"], 24)


def test_a_short_rule_heading_another_column_under_a_wide_headline_parts_nothing() -> None:
    """Read by the articles rule itself (no later rule joins headless parts back to a story)."""
    glyphs = words("L’altolà di Mattarella, il richiamo del presidente", 40, 100, 20.0)
    for number in range(8):
        glyphs += words("Mentre il governo prepara il decreto sul", 40, 150 + 12 * number)
    over_another_column = Box(430, 125, 512, 125.4)
    rules = tuple(rule for rule in RULES if rule.name not in ("ruled parts", "column flow"))
    state = read_layout(PdfPage(0, 600, 400, glyphs, [], [over_another_column]), rules)
    [story] = state.layouts
    assert story.head is not None and len(story.segments) == 1


def test_a_column_head_set_on_two_lines_is_one_more_cell_of_the_row_of_heads() -> None:
    """The Federal Register's cost tables centre `Cost on U.S.` / `operators` on the row `Action  Labor cost …`."""
    glyphs = words("Action", 60, 100, 8.0) + words("Labor cost", 160, 100, 8.0) + words("Parts cost", 260, 100, 8.0)
    glyphs += words("Cost on U.S.", 360, 96, 8.0) + words("operators", 364, 104, 8.0)
    for number, (label, figure) in enumerate([("Stabilizer wiring change ....", "$3,790 ......"),
                                               ("AOA sensor system test ......", "$0 .........")]):
        bottom = 122 + 12 * number
        glyphs += words(label, 40, bottom, 8.0) + words(figure, 260, bottom, 8.0) + words("$248,200.", 360, bottom, 8.0)
    lines = merge_table_rows(build_lines(glyphs).lines, 8.0)
    heads = [" ".join(line.spaced.split()) for line in lines if line.spaced.startswith("Action")]
    assert heads == ["Action Labor cost Parts cost Cost on U.S. operators"]
    assert not any(line.spaced.strip() in ("Cost on U.S.", "operators") for line in lines)

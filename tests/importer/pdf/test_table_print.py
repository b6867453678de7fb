"""Tables and accents as gazettes print them, on glyphs placed by hand: rows whose cells are led on by leader
dots across a page-wide table, its column heads, its title over it, and accents set as glyphs of their own
(a whole page of them is scored in tests/importer/pdf/test_scores.py: Federal Register page 47702)."""

from __future__ import annotations

from epaper.importer.pdf.accents import compose_accents
from epaper.importer.pdf.chain import read_layout
from epaper.importer.pdf.chars import Glyph, PdfPage
from epaper.importer.pdf.geometry import Box
from epaper.importer.pdf.joining import join_printed
from epaper.importer.pdf.tables import merge_table_rows
from epaper.importer.pdf.textlines import build_lines
from tests.importer.pdf.handset import set_run

TEXT = "Melior"
TABLE = "Helvetica"


def run(text: str, x: float, bottom: float, size: float = 9.0, font: str = TEXT) -> list[Glyph]:
    return set_run(text, x, bottom, size, font)


def row(cells: list[tuple[str, float]], bottom: float) -> list[Glyph]:
    return [glyph for text, x in cells for glyph in run(text, x, bottom, 8.0, TABLE)]


def columns(top: float, bottom: float) -> list[Glyph]:
    """Three columns of running text, each line a full one."""
    text = "running text of the page set in three columns"
    return [glyph for y in range(int(top), int(bottom), 11) for x in (45, 222, 399)
            for glyph in run(text, x, y)]


def cost_table(bottom: float) -> list[Glyph]:
    glyphs = row([("Action", 105), ("Labor cost", 245), ("Parts cost", 359), ("Cost per product", 424)], bottom)
    glyphs += row([("Installation and verification ..", 45), ("1 work-hour × $85 per hour ......", 195),
                   ("$0 ..........", 342), ("$85 .........", 420), ("$6,205.", 498)], bottom + 22)
    glyphs += row([("AFM revisions ....................", 45), ("1 work-hour × $85 per hour ......", 195),
                   ("$0 ..........", 342), ("$85 .........", 420), ("$6,205.", 498)], bottom + 32)
    glyphs += row([("MDS installation, INOP", 45), ("1 work-hour × $85 per hour ......", 195),
                   ("$0 ..........", 342), ("$85 .........", 420), ("$6,205.", 498)], bottom + 42)
    return glyphs


def test_cells_led_on_by_leader_dots_are_one_row_however_wide_the_table() -> None:
    lines = merge_table_rows(build_lines([*columns(100, 200), *cost_table(240)]).lines, 9.0)
    rows = [line for line in lines if line.box.top > 220]
    assert [line.cells for line in rows] == [4, 5, 5, 5]
    assert rows[1].spaced.startswith("Installation and verification ..  1 work-hour")
    assert rows[3].spaced.startswith("MDS installation, INOP  1 work-hour"), "a first cell without leaders"
    assert all(line.cells == 1 for line in lines if line.box.top < 220), "columns of text stay apart"


def wrapped_cost_table(bottom: float) -> list[Glyph]:
    """A table whose labour cell is set on two lines: its first line has no leaders, the cells after it have."""
    glyphs = row([("Action", 105), ("Labor cost", 245), ("Parts cost", 359), ("Cost per product", 424)], bottom)
    glyphs += row([("Stabilizer wiring change .......", 45), ("Up to 79 work-hours × $85 per hour =", 195),
                   ("Up to $3,790 .....", 342), ("Up to $10,505 ...", 420), ("Up to $766,865.", 498)], bottom + 22)
    glyphs += row([("Up to $6,715.", 203)], bottom + 31)
    glyphs += row([("AOA sensor system test .........", 45), ("40 work-hours × $85 per hour =", 195),
                   ("$0 ..............", 342), ("$3,400 .........", 420), ("$248,200.", 498)], bottom + 40)
    glyphs += row([("$3,400.", 203)], bottom + 49)
    return glyphs


def test_a_cell_set_on_two_lines_is_one_cell_of_its_row() -> None:
    lines = merge_table_rows(build_lines([*columns(100, 200), *wrapped_cost_table(240)]).lines, 9.0)
    rows = [line for line in lines if line.box.top > 220]
    assert [line.cells for line in rows] == [4, 5, 5], "the cells after the wrapped one, and its second line"
    assert rows[1].spaced.startswith("Stabilizer wiring change .......  Up to 79 work-hours × $85 per hour =  Up to")
    assert rows[1].spaced.endswith("Up to $766,865.  Up to $6,715.")
    assert rows[2].spaced.endswith("$248,200.  $3,400.")


def test_text_under_a_headless_table_heading_the_page_goes_on_with_it_after_the_table() -> None:
    """A page going on from the one before opens with the rest of a table across the columns (its title
    `…—Continued` over it), and the text under it, set apart by a gutter's space, is the same document."""
    title = run("ESTIMATED COSTS—Continued", 238, 70, 10.0, TABLE)
    text = [glyph for y in range(180, 300, 11) for x in (45, 222, 399)
            for glyph in run("running text of the page set in columns", x, y)]
    glyphs = title + wrapped_cost_table(92) + text
    state = read_layout(PdfPage(0, 612, 792, glyphs, [], [], []))
    assert len(state.layouts) == 1
    [layout] = state.layouts
    order = [segment.lines[0].spaced for segment in layout.reading_order()]
    assert order[:2] == ["ESTIMATED COSTS—Continued", "Action  Labor cost  Parts cost  Cost per product"]
    assert order[2].startswith("Stabilizer wiring change"), "the table's rows, before the columns under it"
    assert [segment.box.x0 for segment in layout.reading_order()[-3:]] == [45, 222, 399]


def test_a_sentence_closing_in_an_ellipsis_beside_the_next_column_is_no_table_row() -> None:
    glyphs = run("and then it was gone...", 45, 100) + run("The next column starts", 222, 100)
    glyphs += [glyph for y in (111, 122, 133) for x in (45, 222) for glyph in run("running text of a column", x, y)]
    lines = merge_table_rows(build_lines(glyphs).lines, 9.0)
    assert all(line.cells == 1 for line in lines)


def test_a_title_over_a_table_is_a_subhead_of_the_text_not_an_article() -> None:
    title = run("ESTIMATED COSTS", 266, 225, 10.0, TABLE)
    glyphs = run("Proposed Costs", 45, 88, 12.0, "Melior-Bold") + columns(100, 200) + title + cost_table(240)
    state = read_layout(PdfPage(0, 612, 792, glyphs, [], [], []))
    assert len(state.layouts) == 1
    [layout] = state.layouts
    order = [segment.lines[0].spaced for segment in layout.reading_order()]
    assert order[-3:-1] == ["ESTIMATED COSTS", "Action  Labor cost  Parts cost  Cost per product"]
    assert [segment.subhead for segment in layout.reading_order()][-3] is True


def test_an_accent_set_as_a_glyph_over_its_letter_is_composed_with_it() -> None:
    glyphs = run("Agencia Aviacao", 50, 100)
    e, c, a = glyphs[2], glyphs[11], glyphs[12]
    accents = [Glyph("ˆ", Box(e.box.x0 + 0.7, e.box.top - 0.6, e.box.x1 - 0.7, e.box.bottom - 0.6), 9.0, TEXT),
               Glyph("¸", Box(c.box.x0, c.box.top, c.box.x1, c.box.bottom), 9.0, TEXT),
               Glyph("˜", Box(a.box.x0 + 0.7, a.box.top, a.box.x1 - 0.7, a.box.bottom), 9.0, TEXT)]
    printed = glyphs[:3] + accents[:1] + glyphs[3:12] + accents[1:2] + glyphs[12:13] + accents[2:] + glyphs[13:]
    [line] = build_lines(compose_accents(printed)).lines
    assert line.spaced == "Agência Aviação"


def test_a_tilde_beside_the_letters_stays() -> None:
    glyphs = run("www.site.edu/", 50, 100)
    glyphs.append(Glyph("~", Box(glyphs[-1].box.x1, 91, glyphs[-1].box.x1 + 4.5, 100), 9.0, TEXT))
    glyphs += run("user", glyphs[-1].box.x1, 100)
    [line] = build_lines(compose_accents(glyphs)).lines
    assert line.spaced == "www.site.edu/~user"


def test_a_break_after_a_dash_or_slash_set_close_has_no_space() -> None:
    assert join_printed(["Service Bulletin 737–", "27–1318, Revision 1"]) == "Service Bulletin 737–27–1318, Revision 1"
    assert join_printed(["information at https://", "www.regulations.gov"]) == "information at https://www.regulations.gov"
    assert join_printed(["the plan –", "which was"]) == "the plan – which was"

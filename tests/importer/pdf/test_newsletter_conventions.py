"""Conventions of newsletters and English-language papers, on glyphs placed by hand: a byline set smaller on
the headline's line, a column set beside a photo, and English jump lines (a whole page of them is scored in
tests/importer/pdf/test_scores.py: tests/fixtures/pdf/html/club-bulletin.html)."""

from __future__ import annotations

import pytest

from epaper.importer.jumps import continued_from, continues_on
from epaper.importer.pdf.chars import Glyph
from epaper.importer.pdf.columns import Segment
from epaper.importer.pdf.geometry import Box
from epaper.importer.pdf.head_bylines import split_head_byline
from epaper.importer.pdf.parse import _measures
from epaper.importer.pdf.small_capitals import in_lower_case
from epaper.importer.pdf.textlines import build_lines
from tests.importer.pdf.handset import set_run

BOLD = "Calibri-Bold"


def run(text: str, x: float, size: float, bottom: float = 100.0) -> list[Glyph]:
    return set_run(text, x, bottom, size, BOLD)


def head_line(title: str, tail: str, tail_size: float) -> tuple[str, list[Glyph]]:
    glyphs = run(title, 50.0, 14.0)
    glyphs += run(tail, glyphs[-1].box.x1 + 0.33 * 14.0, tail_size)
    [line] = build_lines(glyphs).lines
    return line.spaced, list(line.glyphs)


def test_a_byline_set_smaller_on_the_headline_line_is_split_from_the_title() -> None:
    split = split_head_byline(*head_line("Jr. High To Asahikawa", "by Sanae Ferrier", 12.0))
    assert split is not None
    title, byline = split
    assert title == "Jr. High To Asahikawa" and byline.authors == ["Sanae Ferrier"]


@pytest.mark.parametrize(("title", "tail", "size"), [
    ("A Song Called", "Stand by Me", 14.0),          # the title's own size: words of the title
    ("Exchange Students", "by Sanae Ferrier", 13.5),  # hardly smaller: not set apart
    ("Notes From", "the Garden Committee", 11.0),     # smaller, but no byline
])
def test_a_tail_in_the_title_size_or_without_a_byline_stays_title(title: str, tail: str, size: float) -> None:
    assert split_head_byline(*head_line(title, tail, size)) is None


def test_a_column_beside_a_photo_ends_where_the_photo_starts() -> None:
    """Lines beside a photo are short of the full-width text under them, but not broken by hand."""
    beside = [glyph for bottom in (100, 112, 124) for glyph in run("text set beside the photo", 50, 9.0, bottom)]
    under = [glyph for bottom in (300, 312) for glyph in run("a story set across the whole page", 50, 9.0, bottom)]
    narrow, wide = Segment(list(build_lines(beside).lines)), Segment(list(build_lines(under).lines))
    photo = Box(narrow.box.x1 + 12, 80, wide.box.x1, 250)
    assert _measures([narrow, wide], [])[id(narrow)] == wide.box.x1
    assert _measures([narrow, wide], [photo])[id(narrow)] == photo.x0
    assert _measures([narrow, wide], [photo])[id(wide)] == wide.box.x1


@pytest.mark.parametrize(("line", "page"), [
    ("Continued on page 4", 4), ("(Continued on Page 4)", 4), ("Cont. on p. 5", 5), ("Turn to page 3", 3),
    ("See BUDGET, Page A6", 6), ("Please see SCHOOL BOARD on page 3", 3), ("See page 12", 12),
])
def test_english_lines_that_send_the_reader_on(line: str, page: int) -> None:
    jump = continues_on(line)
    assert jump is not None and jump.page == page and jump.text == line
    assert continued_from(line) is None


@pytest.mark.parametrize(("line", "page"), [
    ("Continued from page 1", 1), ("(continued from Page 1)", 1), ("BUDGET, from Page A1", 1), ("From page 2", 2),
])
def test_english_lines_that_take_a_story_up(line: str, page: int) -> None:
    jump = continued_from(line)
    assert jump is not None and jump.page == page and jump.text == line
    assert continues_on(line) is None


@pytest.mark.parametrize("line", [
    "the rules (see page 4) apply to every", "Continued on page 4 of the report, the", "We will see you on page 4",
])
def test_page_references_in_running_text_are_no_jump_lines(line: str) -> None:
    assert continues_on(line) is None and continued_from(line) is None


@pytest.mark.parametrize(("line", "page", "before"), [
    ("● a pagina 24", 24, ""), ("di Massimo Pisa ● apagina 8", 8, "di Massimo Pisa "),
    ("Scaramuzzi e Vecchio ● da pagina 2 a 7", 2, "Scaramuzzi e Vecchio "), ("alle pagine 20 e 21", 20, ""),
    ("Suite page 5", 5, ""), ("Fortsetzung auf Seite 3", 3, ""), ("► sigue en la página 4", 4, ""),
])
def test_jump_lines_of_other_latin_papers_whole_or_after_a_jump_mark(line: str, page: int, before: str) -> None:
    jump = continues_on(line)
    assert jump is not None and jump.page == page and line[:jump.start] == before


@pytest.mark.parametrize("line", ["come scritto a pagina 8", "a pagina 8 del testo unico", "● nello sport",
                                  "la suite page 5 du rapport"])
def test_a_page_named_inside_running_text_or_a_jump_with_no_page_is_no_jump_line(line: str) -> None:
    assert continues_on(line) is None


def test_chinese_jump_lines_still_read_inside_a_line() -> None:
    jump = continues_on("海油发展（下转第二版）")
    assert jump is not None and (jump.page, jump.text) == (2, "（下转第二版）")
    start = continued_from("（上接第1版）")
    assert start is not None and start.page == 1


def test_a_name_in_small_capitals_reads_as_a_name_and_a_word_all_in_small_capitals_stays() -> None:
    """The line as printed: `by F. W` and `FAA` in the body size, `ENNEKER` and `AGENCY:` in capitals set smaller."""
    glyphs = (run("by F. W", 50.0, 10.0) + run("ENNEKER", 90.0, 8.0) + run("AGENCY:", 130.0, 8.0)
              + run("FAA", 165.0, 10.0))
    assert in_lower_case("by F. WENNEKER AGENCY: FAA", glyphs) == "by F. Wenneker AGENCY: FAA"
    assert in_lower_case("by F. WENNEKER", run("by F. WENNEKER", 50.0, 10.0)) == "by F. WENNEKER"

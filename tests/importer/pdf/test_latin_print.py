"""Conventions of Latin-script pages from word processors and gazettes, on glyphs placed by hand: small
capitals, raised note numbers, ligatures, run-in leads, underlines, the body size under long notes."""

from __future__ import annotations

from epaper.importer.pdf.chars import Glyph, _ligatures_spread
from epaper.importer.pdf.columns import usual_size
from epaper.importer.pdf.geometry import Box
from epaper.importer.pdf.heads import heading_lines
from epaper.importer.pdf.textlines import build_lines
from epaper.importer.pdf.underlines import without_underlines

ROMAN = "Melior"
BOLD = "Melior-Bold"
ITALIC = "Melior-Italic"


def word(text: str, x: float, bottom: float, size: float = 9.0, font: str = ROMAN) -> list[Glyph]:
    """Glyphs of ``text`` set half an em wide each, their boxes standing on ``bottom``."""
    step = 0.5 * size
    return [Glyph(char, Box(x + index * step, bottom - size, x + (index + 1) * step, bottom), size, font)
            for index, char in enumerate(text) if char != " "]


def words(*runs: tuple[str, float, str], x: float = 50.0, bottom: float = 100.0) -> list[Glyph]:
    """Runs of (text, size, font) set one after the other on one baseline, a word space between them."""
    glyphs: list[Glyph] = []
    for text, size, font in runs:
        run = word(text, x, bottom, size, font)
        glyphs += run
        x = run[-1].box.x1 + 0.3 * size
    return glyphs


def test_small_capitals_stay_in_the_line_they_lead() -> None:
    glyphs = words(("AGENCY:", 7.4, BOLD), ("Federal Aviation Administration", 9.0, ROMAN))
    [line] = build_lines(glyphs).lines
    assert line.spaced == "AGENCY: Federal Aviation Administration" and line.size == 9.0


def test_a_raised_note_number_joins_its_line_and_a_smaller_line_under_it_does_not() -> None:
    text = word("operator. Reports", 50, 100)
    note = [Glyph("1", Box(text[-1].box.x1 + 0.5, 91, text[-1].box.x1 + 3.5, 96.5), 5.8, ROMAN)]
    rest = word("from the accident", text[-1].box.x1 + 6, 100)
    footnote = word("1 Preliminary report", 50, 130, 7.0)
    lines = build_lines([*text, *note, *rest, *footnote]).lines
    assert [line.spaced for line in lines] == ["operator. Reports1 from the accident", "1 Preliminary report"]


def test_the_characters_of_a_ligature_are_spread_across_it() -> None:
    at = Box(10, 0, 13.3, 9)
    glyphs = [Glyph("o", Box(4.5, 0, 10, 9), 9.0, ROMAN), *(Glyph(char, at, 9.0, ROMAN) for char in "ffi"),
              Glyph("c", Box(19.2, 0, 24, 9), 9.0, ROMAN)]
    spread = _ligatures_spread(glyphs)
    assert [glyph.box.x0 for glyph in spread] == [4.5, 10, 13.3, 16.6, 19.2]
    assert build_lines(spread).lines[0].spaced == "offic"


def test_the_body_is_the_largest_size_a_quarter_of_the_page_is_set_in() -> None:
    text = [glyph for bottom in range(100, 300, 11) for glyph in word("Running text of the document.", 50, bottom)]
    notes = [glyph for bottom in range(320, 700, 8) for glyph in word("A long footnote, in small type.", 50, bottom, 7)]
    title = word("Headline", 50, 80, 18.0, BOLD)
    lines = build_lines([*title, *text, *notes]).lines
    assert sum(len(line.glyphs) for line in lines if line.size == 7.0) > len(text)
    assert usual_size(lines) == 9.0
    lead = [glyph for bottom in range(100, 300, 13) for glyph in word("A lead set a point larger.", 300, bottom, 10)]
    assert usual_size(build_lines([*lead, *text]).lines) == 9.0, "a second text size is no small print"


def test_run_in_leads_and_wrapped_links_are_text_and_a_two_line_bold_title_is_a_heading() -> None:
    glyphs = words(("• Federal eRulemaking Portal:", 9.0, ITALIC), ("Go to", 9.0, ROMAN), bottom=100)
    glyphs += words(("internet", 9.0, ROMAN), ("https://", 9.0, ITALIC), bottom=130)
    glyphs += words(("www.boeingfleet.com/service/documents", 9.0, ITALIC), bottom=140)
    glyphs += words(("Oct. 24 –", 9.0, ROMAN), ("Staff Learning Day – NO SCHOOL", 9.0, BOLD), bottom=170)
    glyphs += words(("Airworthiness Directives; The Boeing", 9.0, BOLD), bottom=200)
    glyphs += words(("Company Airplanes", 9.0, BOLD), bottom=210)
    glyphs += [glyph for bottom in range(240, 300, 10) for glyph in word("Running text in the body face.", 50, bottom)]
    lines = build_lines(glyphs).lines
    headings = [line.spaced for line in heading_lines(lines, 9.0, ROMAN)]
    assert headings == ["Airworthiness Directives; The Boeing", "Company Airplanes"]


def test_an_underline_is_no_rule_but_a_rule_under_a_column_is() -> None:
    heading = word("EARTHQUAKE DRILL", 32, 100, font=BOLD)
    underline = Box(32, 99.2, heading[-1].box.x1, 99.7)
    separator = Box(20, 104, 300, 104.5)
    lines = build_lines(heading).lines
    assert without_underlines([underline, separator], lines) == [separator]

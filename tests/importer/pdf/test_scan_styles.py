"""Sizes measured on a scan are known to a row of ink: two headings of one style measured a row apart still
start two items, and a bold heading measured a row short of the body's size is still a heading, where a text
layer's stated sizes are taken as they are (synthetic lines)."""

from __future__ import annotations

from epaper.importer.pdf.chars import Glyph
from epaper.importer.pdf.columns import Segment
from epaper.importer.pdf.geometry import Box
from epaper.importer.pdf.heads import HeadGroup, Row, heading_lines, headline_rows
from epaper.importer.pdf.subheads import demote_subheads
from epaper.importer.pdf.textlines import TextLine, build_lines

BODY = 9.5
BOLD = "OCR bold"
REGULAR = "OCR"
MEASURED_BODY = 9.18
"""The Federal Register's body type as a 200-dpi scan of it measures."""


def _line(text: str, top: float, size: float, font: str) -> TextLine:
    width = 0.55 * size
    glyphs = [Glyph(char, Box(40 + index * width, top, 40 + (index + 1) * width, top + size), size, font)
              for index, char in enumerate(text)]
    [line] = build_lines(glyphs).lines
    return line


def _page() -> tuple[list[HeadGroup], list[Segment]]:
    """COATS AND HATS (10.5 pt) over a paragraph, GARDEN CLUB (10.0 pt, a row less) over another, in one column."""
    first = HeadGroup([Row([_line("COATS AND HATS", 100, 10.5, BOLD)])])
    first_text = Segment([_line("Now that the mornings are colder, please name them.", 100 + 14 + 14 * row, BODY,
                                REGULAR) for row in range(3)])
    second = HeadGroup([Row([_line("GARDEN CLUB", 165, 10.0, BOLD)])])
    second_text = Segment([_line("The garden club planted three hundred bulbs there.", 165 + 14 + 14 * row, BODY,
                                 REGULAR) for row in range(3)])
    return [first, second], [first_text, second_text]


def test_headings_a_row_of_ink_apart_on_a_scan_are_of_one_style() -> None:
    groups, segments = _page()
    heads, subheads = demote_subheads(groups, segments, [], BODY, REGULAR, size_tolerance=0.5)
    assert [head.lines[0].spaced for head in heads] == ["COATS AND HATS", "GARDEN CLUB"] and not subheads


def test_stated_sizes_half_a_point_apart_are_two_styles() -> None:
    """In a text layer the lesser heading between two paragraphs of its item is a subhead of it."""
    groups, segments = _page()
    heads, subheads = demote_subheads(groups, segments, [], BODY, REGULAR)
    assert [head.lines[0].spaced for head in heads] == ["COATS AND HATS"]
    assert [segment.lines[0].spaced for segment in subheads] == ["GARDEN CLUB"]


def _text_around(heading: TextLine) -> list[TextLine]:
    """Two lines of body text over ``heading`` (the last ending a sentence) and two under it."""
    texts = ("The office stays open all day during the works", "while the rooms are being painted.")
    over = [_line(text, top, MEASURED_BODY, REGULAR) for text, top in zip(texts, (60, 74), strict=True)]
    under = [_line("The garden club planted three hundred bulbs", top, MEASURED_BODY, REGULAR) for top in (104, 118)]
    return [*over, heading, *under]


def test_a_bold_line_a_row_short_of_the_body_size_on_a_scan_is_a_heading() -> None:
    """Airworthiness Directives; The Boeing measured 8.47 pt over 9.18-pt text: a row more of ink is the body's
    size, as the title's second line measured."""
    heading = _line("Airworthiness Directives; The Boeing", 89, 8.47, BOLD)
    lines = _text_around(heading)
    assert heading_lines(lines, MEASURED_BODY, REGULAR, size_tolerance=0.5) == [heading]
    assert heading_lines(lines, MEASURED_BODY, REGULAR) == [], "a text layer's 8.5-pt bold line under 9-pt text is text"


def test_a_title_wrapped_onto_lines_measured_a_row_apart_on_a_scan_is_one_title() -> None:
    first = Row([_line("Airworthiness Directives; The Boeing", 89, 8.47, BOLD)])
    second = Row([_line("Company Airplanes", 99, 8.82, BOLD)])
    rows = headline_rows(HeadGroup([first, second]), size_tolerance=0.5)
    assert rows.kicker == [] and rows.title == [first, second]
    assert headline_rows(HeadGroup([first, second])).kicker == [first], "in a text layer a smaller row is a kicker"

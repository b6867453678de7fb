"""How a multi-column newsletter (LaTeX's multicol, InDesign, Word) flows its stories, on glyphs placed by hand:
a teaser set beside its photo, a rule closing it, stories running from the foot of one column to the head of
the next, justified text whose column ends where its lines end."""

from __future__ import annotations

from dataclasses import replace

from epaper.importer import conventions as c
from epaper.importer.pdf.chain import read_layout
from epaper.importer.pdf.chars import Glyph, PdfPage
from epaper.importer.pdf.columns import Segment
from epaper.importer.pdf.geometry import Box
from epaper.importer.pdf.parse import _measures
from epaper.importer.pdf.textlines import build_lines

BODY = "CharterBT-Roman"
ITALIC = "CharterBT-Italic"
DISPLAY = "Augie"


def line(text: str, x: float, right: float, bottom: float, size: float = 10.0, font: str = BODY) -> list[Glyph]:
    """``text`` set justified from ``x`` to ``right``: its glyphs spread evenly along the line."""
    chars = [char for char in text if char != " "]
    words = text.split()
    step = (right - x) / (len(chars) + 0.6 * (len(words) - 1))
    glyphs, at = [], x
    for char in text:
        if char == " ":
            at += 0.6 * step
            continue
        glyphs.append(Glyph(char, Box(at, bottom - size, at + step * 0.95, bottom), size, font))
        at += step
    return glyphs


def column(x: float, right: float, top: float, count: int, *, font: str = BODY, last: float | None = None,
           indent: bool = False) -> list[Glyph]:
    """``count`` justified lines of running text from ``top``, 12 points apart; the last one ends at ``last``."""
    glyphs = []
    for index in range(count):
        bottom = top + 12 * (index + 1)
        end = last if index == count - 1 and last is not None else right
        start = x + 15 if indent and index == 0 else x
        glyphs += line("words of running text set justified in a column", start, end, bottom, font=font)
    return glyphs


def test_a_teaser_beside_its_photo_is_text_and_a_rule_under_it_closes_the_story() -> None:
    glyphs = line("Frog eats monkey", 270, 380, 195, 14.0, DISPLAY)
    glyphs += column(270, 483, 200, 12, font=ITALIC, last=330)                       # the teaser, beside the photo
    glyphs += line("Monkey eats elephant", 57, 188, 440, 14.0, DISPLAY)
    glyphs += column(42, 203, 445, 24, indent=True)                                   # its story, first column
    glyphs += column(213, 375, 432, 10, last=334)                                     # it goes on in the second
    glyphs += line("Elephant eats frog", 228, 345, 580, 14.0, DISPLAY)
    glyphs += column(213, 375, 585, 12, indent=True)                                  # a story at its foot
    glyphs += column(385, 546, 432, 9, last=505)                                      # which goes on in the third
    photo, rule = Box(105, 205, 264, 362), Box(170, 395, 419, 395.5)
    state = read_layout(PdfPage(0, 595, 842, glyphs, [photo], [rule], []))
    assert state.captions == [], "twelve lines beside the photo are no caption"
    stories = {layout.head.lines[0].spaced if layout.head else None: layout for layout in state.layouts}
    assert set(stories) == {"Frog eats monkey", "Monkey eats elephant", "Elephant eats frog"}
    assert [round(segment.box.x0) for segment in stories["Frog eats monkey"].segments] == [270]
    assert sorted(round(segment.box.x0) for segment in stories["Monkey eats elephant"].segments) == [42, 213]
    assert {round(segment.box.x0) for segment in stories["Elephant eats frog"].segments} == {213, 385}


def test_a_justified_column_ends_where_its_lines_end() -> None:
    """Its lines are no lines broken by hand, though text wider than it is set elsewhere across it."""
    teaser = Segment(list(build_lines(column(270, 483, 200, 6, font=ITALIC)).lines))
    wide = Segment(list(build_lines(column(42, 546, 500, 3)).lines))
    ragged = Segment(list(build_lines([glyph for index, end in enumerate((300, 340, 290, 320, 310))
                                       for glyph in line("a list item", 270, end, 100 + 12 * index)]).lines))
    measures = _measures([teaser, wide, ragged], [])
    assert measures[id(teaser)] == teaser.box.x1
    assert measures[id(ragged)] == wide.box.x1, "a ragged list is set in the column of the text across it"


def test_an_issue_line_over_the_newsletter_name_is_its_masthead() -> None:
    glyphs = line("FEBRUARY 2014, NO 1", 447, 546, 61)
    glyphs += line("Science & Technology", 159, 430, 105, 28.0, DISPLAY)
    glyphs += line("Monkey eats elephant", 57, 188, 160, 14.0, DISPLAY)
    glyphs += column(42, 546, 165, 12, indent=True)
    state = read_layout(PdfPage(0, 595, 842, glyphs, [], [Box(42, 123, 546, 123.5)], []))
    assert [line.spaced for line in state.furniture] == ["FEBRUARY 2014, NO 1", "Science & Technology"]
    assert [layout.head.lines[0].spaced for layout in state.layouts if layout.head] == ["Monkey eats elephant"]


def test_a_line_of_issue_marks_and_only_that_is_a_masthead_line() -> None:
    marks = ["FEBRUARY 2014, NO 1", "Vol. 12, No. 3", "Volume XII · Number 4", "December 4, 2014 (Volume IV no. 3)"]
    running = ["In February 2014, no one came", "February 2014", "No 1", "December 4, 2014 (see page 3)"]
    assert all(c.LATIN_ISSUE_LINE.match(text) for text in marks)
    assert not any(c.LATIN_ISSUE_LINE.match(text) for text in running)



def test_a_newsletter_name_over_a_dated_issue_line_is_the_masthead_and_bold_items_under_it_are_headlines() -> None:
    """A word processor's masthead: the name hardly twice the size of its lines, over a tagline, a contact line and
    the date with its volume in brackets, a rule under them; the items under it are headed by bold lines at body
    size, which the name over them made subheads of one story when the masthead was read as a headline."""
    glyphs = line("Feeding the Flame", 257, 443, 58, 18.0, "Verdana,Bold")
    glyphs += line("The Social Justice Newsletter of the", 240, 461, 71, 11.0, "Verdana,BoldItalic")
    glyphs += line("Phone (989) 631-1162 www.uufom.org", 146, 550, 98, 11.0, "Verdana")
    glyphs += line("December 4, 2014 (Volume IV no. 3)", 236, 464, 111, 11.0, "Verdana,Bold")
    glyphs += line("Forum on Institutionalized Racism", 36, 300, 161, 11.0, "Verdana,Bold")
    glyphs += [replace(glyph, size=11.0, font="Verdana") for glyph in column(36, 570, 165, 6)]
    glyphs += line("Equal Rights for Gay and Transgender People", 36, 329, 270, 11.0, "Verdana,Bold")
    glyphs += [replace(glyph, size=11.0, font="Verdana") for glyph in column(36, 570, 275, 6)]
    state = read_layout(PdfPage(0, 612, 792, glyphs, [], [Box(146, 120, 550, 121)], []))
    assert [line.spaced for line in state.furniture][-1] == "December 4, 2014 (Volume IV no. 3)"
    assert "Feeding the Flame" in [line.spaced for line in state.furniture]
    assert [layout.head.lines[0].spaced for layout in state.layouts if layout.head] == [
        "Forum on Institutionalized Racism", "Equal Rights for Gay and Transgender People"]

def test_a_headline_set_beside_a_photo_over_its_text_is_no_caption() -> None:
    body = [glyph for index in range(8) for glyph in line("words of the story set beside the photo", 279, 560,
                                                            652 + 14 * index, 11.0)]
    glyphs = line("Strategic Planning", 279, 361, 643, 11.0, "Calibri-Bold") + body
    state = read_layout(PdfPage(0, 612, 792, glyphs, [Box(36, 470, 255, 759)], [], []))
    assert state.captions == []
    assert [layout.head.lines[0].spaced for layout in state.layouts if layout.head] == ["Strategic Planning"]


def test_lines_beside_a_photo_the_text_runs_round_end_where_the_photo_starts() -> None:
    full = [glyph for index in range(4) for glyph in line("a paragraph set across the whole column here", 36, 574,
                                                            340 + 14 * index, 11.0)]
    beside = [glyph for index in range(3)
              for glyph in line("it runs on beside the photo", 36, 285, 396 + 14 * index, 11.0)]
    [segment] = [Segment(list(build_lines(full + beside).lines))]
    photo = Box(298, 380, 576, 600)
    measures = _measures([segment], [photo])
    assert measures[id(segment.lines[-1])] == photo.x0
    assert id(segment.lines[0]) not in measures and measures[id(segment)] == segment.box.x1


def test_text_under_a_figure_across_the_columns_goes_on_with_the_story_over_it_band_by_band() -> None:
    """A page going on from the one before: three columns, a figure placed across them, and under it the text
    going on in two columns, set apart from the figure by more than a gutter (and from each other, ragged)."""
    glyphs = column(45, 212, 48, 3) + column(222, 389, 48, 3) + column(399, 566, 48, 3)
    glyphs += column(45, 190, 225, 2) + column(222, 389, 225, 2)
    figure = Box(108, 100, 504, 190)
    state = read_layout(PdfPage(0, 612, 792, glyphs, [figure], []))
    assert len(state.layouts) == 1
    [layout] = state.layouts
    starts = [(segment.box.x0, segment.box.top) for segment in layout.reading_order()]
    assert [x for x, _ in starts] == [45, 222, 399, 45, 222], "the columns over the figure, then the ones under it"
    assert all(top > 200 for _, top in starts[3:])



def test_ragged_columns_under_a_figure_over_no_story_are_one_story_band_by_band() -> None:
    """A page going on from the one before that starts with a figure across the columns, nothing over it: the
    paragraph under it runs over two ragged columns level with each other, one story read left to right."""
    glyphs = line("(4) In the Operating Procedures chapter,", 53, 200, 675, 8.0)
    glyphs += line("replace the existing Runaway Stabilizer", 45, 190, 684, 8.0)
    glyphs += line("paragraph with the information in figure 3 to", 222, 387, 675, 8.0)
    glyphs += line("paragraph (h)(4) of this AD.", 222, 323, 684, 8.0)
    figure = Box(97, 59, 515, 640)                                                   # three ems over the text
    state = read_layout(PdfPage(0, 612, 792, glyphs, [figure], []))
    assert len(state.layouts) == 1
    assert [segment.box.x0 for segment in state.layouts[0].reading_order()] == [45, 222]


def test_a_segment_with_no_width_measures_to_its_own_edge() -> None:
    """OCR may box a mark alone on its line with no width at all (a scan's `|`): no other text overlaps it by half
    its width, and its column still ends somewhere, at its own edge."""
    mark = Segment(list(build_lines([Glyph("|", Box(300, 90, 300, 100), 10.0, BODY)]).lines))
    assert _measures([mark], []) == {id(mark): 300}

"""Conventions of a word processor's newsletter page, on glyphs placed by hand: a heading flush left under a
centred notice, and a calendar whose entries are lines broken by hand, an entry's second line set in by a tab."""

from __future__ import annotations

from epaper.importer.pdf.chars import PdfPage
from epaper.importer.pdf.heads import group_heads
from epaper.importer.pdf.parse import read_page
from epaper.importer.pdf.textlines import build_lines
from tests.importer.pdf.test_latin_print import BOLD, ITALIC, word


def test_a_heading_flush_left_under_a_centred_notice_starts_a_headline_of_its_own() -> None:
    notice = [*word("Volunteers this week are parents from Room 15", 120, 100, 12.0, ITALIC),
              *word("Volunteers next week are parents from Room 14", 120, 118, 12.0, ITALIC)]
    heading = word("CALENDAR OF EVENTS", 32, 134, 9.8, BOLD)
    subtitle = word("from Room 14 and 15", 190, 134, 9.8, BOLD)
    lines = build_lines([*notice, *heading]).lines
    assert [len(group.rows) for group in group_heads(lines, [])] == [2, 1]
    centred = build_lines([*notice, *subtitle]).lines
    assert [len(group.rows) for group in group_heads(centred, [])] == [3]



def test_a_calendar_entry_set_on_by_a_tab_goes_on_and_each_entry_is_a_paragraph() -> None:
    glyphs = word("CALENDAR OF EVENTS", 32, 100, 9.0, BOLD)
    entries = ["Oct. 24 – Staff Learning Day – NO SCHOOL", "Nov. 3 – SSC Meeting 7:45 am",
               "Nov. 14 – De Anza Planetarium - K–3 from 6:30 pm"]
    glyphs += [glyph for index, text in enumerate(entries) for glyph in word(text, 113, 114 + 12 * index)]
    glyphs += word("4–5 from 8:00 pm", 284, 150)
    glyphs += word("Nov. 20 – 5th Grade Parent Meeting – 6:00 – 7:00 pm in the GLC", 113, 162)
    [article] = read_page(PdfPage(0, 612, 1008, glyphs, [], [])).articles
    assert article.title == "CALENDAR OF EVENTS"
    assert article.paragraphs == [*entries[:2], "Nov. 14 – De Anza Planetarium - K–3 from 6:30 pm 4–5 from 8:00 pm",
                                  "Nov. 20 – 5th Grade Parent Meeting – 6:00 – 7:00 pm in the GLC"]

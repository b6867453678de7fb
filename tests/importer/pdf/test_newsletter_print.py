"""Conventions of a word processor's newsletter page, on glyphs placed by hand: a heading flush left under a
centred notice, a calendar whose entries are lines broken by hand (an entry's second line set in by a tab), and an
item's title run in before a dash."""

from __future__ import annotations

from epaper.importer.pdf.chars import Glyph, PdfPage
from epaper.importer.pdf.geometry import Box
from epaper.importer.pdf.heads import group_heads
from epaper.importer.pdf.parse import read_page
from epaper.importer.pdf.textlines import build_lines
from tests.importer.pdf.test_latin_print import BOLD, ITALIC, ROMAN, word, words


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


def item_page(run_in: list[Glyph]) -> PdfPage:
    """A heading and its text, then a paragraph opening with ``run_in`` and going on for two lines."""
    glyphs = word("WALKAROUND DONATIONS", 32, 100, 9.0, BOLD)
    text = "Donations were due on Monday, please turn them in."
    glyphs += [glyph for bottom in (112, 124) for glyph in word(text, 32, bottom)]
    glyphs += run_in
    text = "supervising our students daily during lunch."
    glyphs += [glyph for bottom in (160, 172) for glyph in word(text, 32, bottom)]
    return PdfPage(0, 612, 1008, glyphs, [], [])


def test_a_title_in_the_item_headings_style_run_in_before_a_dash_is_the_next_items_headline() -> None:
    run_in = words(("NOON DUTY NEEDED", 9.0, BOLD), ("- If you enjoy working with children, please", 9.0, ROMAN),
                   x=32, bottom=148)
    reading = read_page(item_page(run_in))
    assert [article.title for article in reading.articles] == ["WALKAROUND DONATIONS", "NOON DUTY NEEDED"]
    noon = reading.articles[1]
    assert noon.paragraphs[0].startswith("If you enjoy working with children")
    assert [artefact.text for artefact in noon.artefacts] == ["-"]


def test_a_bold_phrase_before_a_dash_in_another_style_or_in_running_text_is_no_title() -> None:
    italic = words(("Noon duty needed", 9.0, ITALIC), ("- If you enjoy working with children, please", 9.0, ROMAN),
                   x=32, bottom=148)
    assert len(read_page(item_page(italic)).articles) == 1
    page = item_page(words(("NOON DUTY NEEDED", 9.0, BOLD), ("- If you enjoy working with children", 9.0, ROMAN),
                           x=32, bottom=148))
    running = PdfPage(0, 612, 1008, [glyph for glyph in page.glyphs if glyph.box.bottom != 124]
                      + word("Donations were due on Monday and the office", 32, 136), [], [])
    assert len(read_page(running).articles) == 1


def closing_lines_page(closing: str, *, gap: float) -> PdfPage:
    """Two stories, one under the other: the first closes with ``closing`` in bold at body size, ``gap`` points
    under its text; the second, set in a column apart, signs off with a name in bold under a blank line."""
    text = ["Coffee mornings start again on a Thursday in each", "month from ten until noon, in the church hall, for",
            "anyone who would like a cup of tea and some cake."]
    glyphs = word("COFFEE MORNINGS", 32, 100, 18.0, BOLD)
    glyphs += [glyph for index, line in enumerate(text) for glyph in word(line, 32, 120 + 15 * index, 12.0)]
    glyphs += word(closing, 32, 150 + gap, 12.0, BOLD)
    glyphs += word("THE FLOODLIGHTS", 320, 230, 18.0, BOLD)
    text = ["For a small donation the church will be lit for", "you, from dusk to the early hours of the day."]
    glyphs += [glyph for index, line in enumerate(text) for glyph in word(line, 320, 250 + 15 * index, 12.0)]
    glyphs += word("Mark Bate", 320, 295, 12.0, BOLD)
    return PdfPage(0, 612, 1008, glyphs, [], [])


def test_a_bold_line_at_body_size_closing_a_story_is_its_text_and_a_name_alone_there_its_signature() -> None:
    closing = "If so, phone Shirley on 833293."
    for gap in (24.0, 33.0):  # under a paragraph space, and under a blank line
        reading = read_page(closing_lines_page(closing, gap=gap))
        coffee, floodlights = reading.articles
        assert (coffee.title, coffee.paragraphs[-1], coffee.authors) == ("COFFEE MORNINGS", closing, [])
        assert (floodlights.title, floodlights.authors) == ("THE FLOODLIGHTS", ["Mark Bate"])
        assert floodlights.paragraphs[-1].endswith("early hours of the day.")
        assert reading.furniture == []


def test_a_bold_line_with_text_of_its_own_under_it_is_still_a_heading() -> None:
    page = closing_lines_page("Tea Dances", gap=24.0)
    glyphs = [*page.glyphs, *word("They start again in March, in the hall.", 32, 189, 12.0)]
    coffee, _ = read_page(PdfPage(0, 612, 1008, glyphs, [], [])).articles
    assert (coffee.subheads, coffee.paragraphs[-1]) == (["Tea Dances"], "They start again in March, in the hall.")


def photo_page(photo: Box) -> PdfPage:
    """A story at the top left, and ``photo`` with a caption under it."""
    glyphs = word("HIGH SCHOOL EXCHANGE", 32, 70, 14.0, BOLD)
    text = ["We welcomed Kana in August. She is attending the", "high school and is enjoying her gym class a lot,",
            "and she has built numerous friendships in school."]
    glyphs += [glyph for index, line in enumerate(text) for glyph in word(line, 32, 95 + 12 * index, 10.0)]
    glyphs += word("Kana (second left) with friends", photo.x0, photo.bottom + 14, 8.0)
    return PdfPage(0, 612, 792, glyphs, [photo], [])


def test_a_captioned_photo_beside_a_story_whose_top_is_over_its_headline_is_the_storys() -> None:
    [story] = read_page(photo_page(Box(300, 50, 560, 200))).articles
    assert (story.title, story.captions) == ("HIGH SCHOOL EXCHANGE", ["Kana (second left) with friends"])


def test_a_captioned_photo_far_from_any_story_is_listed_as_furniture_with_a_warning() -> None:
    reading = read_page(photo_page(Box(300, 400, 560, 550)))
    [story] = reading.articles
    assert (story.title, story.captions) == ("HIGH SCHOOL EXCHANGE", [])
    assert reading.furniture == ["Kana (second left) with friends"]
    assert [warning for warning in reading.warnings if "Kana" in warning] == [
        "a picture's caption with no headline over it nor story beside it was left out as page furniture: "
        "Kana (second left) with friends"]

"""Conventions of a gazette's document page, on glyphs placed by hand: a standing notice under the header
rule, a heading block over the title, run-in leads in small capitals, a rule setting off a part of the
document, bold subheads after a line ending in a figure or a colon or wrapped onto two lines, a title of many words,
and hyphens printed at line ends."""

from __future__ import annotations

from epaper.importer.headlines import undashed_subtitle
from epaper.importer.pdf.chain import read_layout
from epaper.importer.pdf.chars import Glyph, PdfPage, read_pdf
from epaper.importer.pdf.furniture import separate_furniture
from epaper.importer.pdf.geometry import Box
from epaper.importer.pdf.heads import heading_lines
from epaper.importer.pdf.joining import printed_line
from epaper.importer.pdf.parse import read_page
from epaper.importer.pdf.run_in import opens_with_run_in_lead
from epaper.importer.pdf.subheads import closes_before_heading
from epaper.importer.pdf.textlines import build_lines
from tests.importer.pdf.corpus import OPEN_PAGES
from tests.importer.pdf.test_latin_print import ROMAN, word, words

SANS = "Helvetica"
SANS_BOLD = "Helvetica-Bold"
SERIF_BOLD = "Melior-Bold"
FILLER = "the agency proposes to supersede this"
"""A full line of the body in a column 168 points wide (half an em a letter)."""


def lines_from(bottom: float, texts: list[str], x: float = 45.0) -> list[Glyph]:
    """Lines of body text ten points apart, the first standing on ``bottom``."""
    return [glyph for index, text in enumerate(texts) for glyph in word(text, x, bottom + 10 * index)]


def gazette_page() -> PdfPage:
    glyphs = [glyph for index, text in enumerate(["This section contains notices to the",
                                                  "public of proposed rules."])
              for glyph in word(text, 45, 130 + 9 * index, 8.0, SANS)]
    glyphs += word("DEPARTMENT OF TRANSPORTATION", 45, 180, 9.0, SANS_BOLD)
    glyphs += word("14 CFR Part 39", 45, 200, 9.0, SANS_BOLD)
    glyphs += word("[Docket No. FAA–2020–0686]", 45, 218, 8.0, SANS_BOLD)
    glyphs += word("Airworthiness Directives", 45, 238, 9.0, SANS_BOLD)
    glyphs += words(("AGENCY:", 7.4, SANS_BOLD), ("Federal Aviation.", 9.0, ROMAN), x=45, bottom=254)
    glyphs += words(("ACTION:", 7.4, SANS_BOLD), ("Notice of proposal.", 9.0, ROMAN), x=45, bottom=264)
    glyphs += words(("SUMMARY:", 7.4, SANS_BOLD), ("The FAA proposes to supersede", 9.0, ROMAN), x=45, bottom=282)
    glyphs += lines_from(292, [FILLER] * 4 + ["the rule in force."])
    glyphs += words(("DATES:", 7.4, SANS_BOLD), ("Comments are due by September", 9.0, ROMAN), x=45, bottom=342)
    glyphs += lines_from(352, [FILLER] * 3 + ["Docket No. FAA–2020–0686."])
    glyphs += word("Examining the Docket", 45, 398, 9.0, SERIF_BOLD)
    glyphs += lines_from(412, [FILLER] * 4 + ["shortly after receipt."])
    glyphs += word("SUPPLEMENTARY INFORMATION:", 45, 466, 7.4, SANS_BOLD)
    glyphs += word("Comments Invited", 45, 484, 9.0, SERIF_BOLD)
    glyphs += lines_from(498, [FILLER] * 5 + ["of those comments."])
    glyphs += lines_from(130, [FILLER] * 20 + ["by the closing date."], x=222)
    rules = [Box(45, 109, 567, 109), Box(45, 150, 213, 150), Box(45, 270, 213, 270)]
    return PdfPage(0, 612, 792, glyphs, [], rules)


def test_a_gazette_document_reads_as_one_article_with_its_heading_block_as_kicker() -> None:
    reading = read_page(gazette_page())
    [article] = reading.articles
    assert article.kicker == "DEPARTMENT OF TRANSPORTATION 14 CFR Part 39 [Docket No. FAA–2020–0686]"
    assert article.title == "Airworthiness Directives" and article.subtitle is None
    assert article.subheads == ["Examining the Docket", "Comments Invited"]
    opening = [paragraph.split()[0] for paragraph in article.paragraphs]
    assert opening[:4] == ["AGENCY:", "ACTION:", "SUMMARY:", "DATES:"]
    assert "SUPPLEMENTARY INFORMATION:" in article.paragraphs
    assert any(paragraph.endswith("by the closing date.") for paragraph in article.paragraphs)
    assert "This section contains notices to the" in reading.furniture


def test_a_notice_in_the_body_face_or_without_a_closing_rule_is_no_furniture() -> None:
    page = gazette_page()
    unruled = PdfPage(0, 612, 792, page.glyphs, [], [page.rules[0], page.rules[2]])
    reading = read_page(unruled)
    assert "This section contains notices to the" not in reading.furniture
    assert any("This section contains notices" in paragraph for article in reading.articles
               for paragraph in article.paragraphs)


def test_a_run_in_lead_is_a_label_in_its_own_face_closed_by_a_colon() -> None:
    def line(*runs: tuple[str, float, str], text_font: str = ROMAN) -> bool:
        [printed] = build_lines(words(*runs)).lines
        return opens_with_run_in_lead(printed, text_font)

    assert line(("DATES:", 7.4, SANS_BOLD), ("The FAA must receive comments", 9.0, ROMAN))
    assert not line(("DATES: The FAA must receive comments", 9.0, ROMAN))
    assert not line(("in the", 9.0, ROMAN), ("FOR FURTHER INFORMATION", 7.4, SANS_BOLD))
    assert line(("SUPPLEMENTARY INFORMATION:", 7.4, SANS_BOLD))
    assert not line(("SUPPLEMENTARY INFORMATION:", 7.4, SANS_BOLD), text_font=SANS_BOLD)


def test_a_full_stop_after_a_figure_or_a_colon_closes_the_text_before_a_heading() -> None:
    assert closes_before_heading("locating Docket No. FAA–2020–0686.")
    assert closes_before_heading("SUPPLEMENTARY INFORMATION:")
    assert closes_before_heading("全文如下。")
    assert not closes_before_heading("the FAA will post all comments")


def test_a_lead_in_small_capitals_takes_the_size_of_the_text_it_runs_into_and_is_no_heading() -> None:
    glyphs = words(("FOR FURTHER INFORMATION CONTACT:", 7.4, SANS_BOLD), ("Ian", 9.0, ROMAN), bottom=100)
    glyphs += [glyph for bottom in range(140, 200, 10) for glyph in word(FILLER, 45, bottom)]
    glyphs += word("SUPPLEMENTARY INFORMATION:", 45, 215, 9.0, SANS_BOLD)
    glyphs += [glyph for bottom in range(235, 300, 10) for glyph in word(FILLER, 45, bottom)]
    lines = build_lines(glyphs).lines
    assert lines[0].spaced == "FOR FURTHER INFORMATION CONTACT: Ian" and lines[0].size == 9.0
    assert heading_lines(lines, 9.0, ROMAN) == []


def test_a_latin_title_of_many_words_is_no_subtitle_but_three_chinese_phrases_are() -> None:
    latin = [printed_line(1, "DEPARTMENT OF TRANSPORTATION"),
             printed_line(2, "Airworthiness Directives; The Boeing Company Airplanes")]
    assert undashed_subtitle(latin, []) is None
    chinese = [printed_line(1, "邮政业务量稳步增长"), printed_line(2, "改革 创新 发展")]
    assert undashed_subtitle(chinese, []) is chinese[1]



def test_a_subhead_wrapped_onto_two_lines_under_a_short_run_of_text_is_one_subhead() -> None:
    glyphs = lines_from(100, ["action to bring the airplanes", "into regulatory compliance."])
    glyphs += word("Related Service Information Under 1", 45, 132, 9.0, SERIF_BOLD)
    glyphs += word("CFR Part 51", 45, 142, 9.0, SERIF_BOLD)
    glyphs += lines_from(156, [FILLER] * 4 + ["the following service information."])
    [article] = read_page(PdfPage(0, 612, 792, glyphs, [], [])).articles
    assert article.title is None
    assert article.subheads == ["Related Service Information Under 1 CFR Part 51"]
    assert article.paragraphs[-1].startswith("the agency") and "CFR" not in " ".join(article.paragraphs)


def test_the_hyphen_printed_at_a_lines_end_is_read_as_printed() -> None:
    [page] = read_pdf(OPEN_PAGES / "federal-register-2020-08-06-p47699" / "page.pdf")
    assert not any(glyph.text == "\x02" for glyph in page.glyphs)
    text = " ".join(paragraph for article in read_page(page).articles for paragraph in article.paragraphs)
    assert "PK-LQP" in text and "nose-down" in text


def test_a_story_at_a_columns_foot_goes_on_at_the_head_of_the_next_column() -> None:
    glyphs = lines_from(100, [FILLER] * 5 + ["in an airworthy condition."])
    glyphs += word("Airworthiness Directives; Pilatus", 45, 190, 9.0, SANS_BOLD)
    glyphs += lines_from(204, [FILLER] * 2)
    glyphs += lines_from(100, ["ACTION: Notice of proposed rulemaking.", *[FILLER] * 8, "on these products."], x=222)
    reading = read_page(PdfPage(0, 612, 792, glyphs, [], []))
    fragment, story = reading.articles
    assert fragment.title is None and fragment.paragraphs[-1].endswith("in an airworthy condition.")
    assert story.title == "Airworthiness Directives; Pilatus"
    assert story.paragraphs[-1].endswith("on these products.") and "ACTION:" in " ".join(story.paragraphs)
    continued = [glyph for glyph in glyphs if glyph.box.x0 < 222]
    continued += word("（上接第4版）", 222, 100) + lines_from(110, [FILLER] * 3, x=222)
    _, story = read_page(PdfPage(0, 612, 792, continued, [], [])).articles
    assert story.paragraphs == [f"{FILLER} {FILLER}"], "text continued from another page is not the story's"


def test_small_capitals_set_in_a_gap_of_a_line_belong_to_it() -> None:
    glyphs = word("listed under the", 45, 100) + word("ADDRESSES", 121, 100, 7.4, SANS_BOLD)
    glyphs += word("section.", 157, 100)
    [line] = build_lines(glyphs).lines
    assert line.spaced == "listed under the ADDRESSES section."


def test_a_contact_line_a_paragraph_runs_on_into_is_text_not_furniture() -> None:
    glyphs = lines_from(400, [FILLER, "Switzerland; fax: +41 619 67 73;", "email: techsupport@pilatus.ch",
                              "internet: www.pilatus-aircraft.com.", FILLER, "and the rest."])
    reading = read_page(PdfPage(0, 612, 792, glyphs, [], []))
    assert not reading.furniture
    assert "email: techsupport@pilatus.ch internet:" in reading.articles[0].paragraphs[0]


def test_a_date_a_paragraph_runs_on_into_at_the_top_of_a_page_is_text_not_the_masthead() -> None:
    glyphs = word("Thursday, August 6, 2020", 45, 40, 8.0)
    glyphs += lines_from(70, [FILLER, "Service Bulletin 737–31–1860, dated", "June 12, 2020.", *[FILLER] * 6])
    reading = read_page(PdfPage(0, 612, 792, glyphs, [], [Box(45, 50, 567, 50)]))
    assert reading.masthead.date is not None and reading.masthead.date.isoformat() == "2020-08-06"
    assert "June 12, 2020." not in reading.furniture
    assert "dated June 12, 2020." in reading.articles[0].paragraphs[0]


def test_a_heading_in_the_body_faces_bold_at_a_columns_head_is_a_subhead_but_one_in_another_face_a_title() -> None:
    glyphs = lines_from(100, [FILLER] * 8 + ["of those comments."])
    glyphs += lines_from(100, [FILLER] * 3 + ["of the Administrator."], x=222)
    subhead = word("Regulatory Findings", 399, 100, 9.0, SERIF_BOLD) + lines_from(114, [FILLER] * 4, x=399)
    [article] = read_page(PdfPage(0, 612, 792, glyphs + subhead, [], [])).articles
    assert article.title is None and article.subheads == ["Regulatory Findings"]
    assert article.paragraphs[-1].startswith("the agency")
    title = word("Regulatory Findings", 399, 100, 9.0, SANS_BOLD) + lines_from(114, [FILLER] * 4, x=399)
    _, story = read_page(PdfPage(0, 612, 792, glyphs + title, [], [])).articles
    assert story.title == "Regulatory Findings", "a heading in another face than the text's heads a document"


def test_a_heading_naming_a_continuation_heads_no_new_article() -> None:
    text = lines_from(100, [FILLER] * 8 + ["of those comments."], x=222)
    text += lines_from(114, [FILLER] * 8 + ["of the Administrator."], x=399)
    for cue in ("—Continued", " (continued)"):
        heading = word(f"Mayor’s Plan{cue}", 45, 100, 11.0, SANS_BOLD) + lines_from(114, [FILLER] * 8, x=45)
        [article] = read_page(PdfPage(0, 612, 792, heading + text, [], [])).articles
        assert article.title is None and article.subheads == [f"Mayor’s Plan{cue}"]
    heading = word("Mayor’s Plan", 45, 100, 11.0, SANS_BOLD) + lines_from(114, [FILLER] * 8, x=45)
    assert read_page(PdfPage(0, 612, 792, heading + text, [], [])).articles[0].title == "Mayor’s Plan"


def test_a_slug_under_a_figure_on_a_page_of_nothing_else_is_furniture() -> None:
    """Under a running header and its rule, a figure; under the band left blank under it, small print: the slug."""
    glyphs = word("Federal Register / Vol. 85, No. 152 / Thursday, August 6, 2020", 120, 44, 10.0, ROMAN)
    glyphs += word("VerDate Sep<11>2014 Jkt 250001 PO 00000 Frm 00008", 25, 773, 6.5, SANS)
    page = PdfPage(0, 612, 792, glyphs, [Box(108, 59, 504, 696)], [Box(45, 49, 567, 49)])
    parts = separate_furniture(page, build_lines(page.glyphs).lines)
    assert parts.content == [] and len(parts.furniture) == 2


def small_lines(text: str, x: float, bottom: float, count: int) -> list[Glyph]:
    """``count`` lines of eight-point text nine points apart, the first standing on ``bottom``."""
    return [glyph for index in range(count) for glyph in word(text, x, bottom + 9 * index, 8.0, ROMAN)]


def rule_text_column(x: float = 399.0) -> list[Glyph]:
    """A rule's text set in eight points under a nine-point preamble: lettered headings in eight-point bold, one
    wrapped onto two lines, each over eight-point text."""
    glyphs = word("(c) Applicability", x, 200, 8.0, SERIF_BOLD)
    glyphs += small_lines("this AD applies to the Boeing Company", x, 211, 3)
    glyphs += word("(g) Installation of Flight Control", x, 250, 8.0, SERIF_BOLD)
    glyphs += word("Computer Software (OPS)", x, 259, 8.0, SERIF_BOLD)
    glyphs += small_lines("before further flight install the FCC", x, 270, 3)
    return glyphs


def test_a_bold_heading_over_text_set_smaller_than_the_body_is_measured_against_that_text() -> None:
    glyphs = lines_from(130, [FILLER] * 30)                                   # the nine-point preamble, the body
    lines = build_lines(glyphs + rule_text_column()).lines
    headings = [line.spaced for line in heading_lines(lines, 9.0, ROMAN)]
    assert headings == ["(c) Applicability", "(g) Installation of Flight Control", "Computer Software (OPS)"]


def test_small_text_under_a_subhead_at_a_columns_foot_is_read_in_its_place_not_as_a_note() -> None:
    """The rule's text at the foot of the second column goes on at the head of the third, after it."""
    glyphs = lines_from(130, [FILLER] * 30) + lines_from(130, [FILLER] * 10, x=222)
    glyphs += word("(b) Affected ADs", 222, 250, 8.0, SERIF_BOLD)
    glyphs += small_lines("this AD replaces AD 2018–23–51,", 222, 261, 2)
    glyphs += small_lines("December 6, 2018; corrected December", 399, 130, 3)
    glyphs += rule_text_column()
    [layout] = read_layout(PdfPage(0, 612, 792, glyphs, [], [])).layouts
    order = [segment.lines[0].spaced for segment in layout.reading_order()]
    assert order.index("this AD replaces AD 2018–23–51,") == order.index("(b) Affected ADs") + 1
    assert order.index("December 6, 2018; corrected December") > order.index("this AD replaces AD 2018–23–51,")


def test_lines_set_in_under_a_line_broken_inside_a_number_go_on_with_it() -> None:
    """A hanging indent: the lines after the first are set in, and the first two end in a dash inside a number."""
    glyphs = lines_from(130, [FILLER] * 4 + ["and adding the following new AD:"])
    glyphs += words(("The Boeing Company:", 8.0, SERIF_BOLD), ("Docket No. FAA–", 8.0, ROMAN), x=45, bottom=184)
    glyphs += small_lines("2020–0686; Product Identifier 2019–", 61, 193, 1)
    glyphs += small_lines("NM–035–AD.", 61, 202, 1)
    [article] = read_page(PdfPage(0, 612, 792, glyphs, [], [])).articles
    assert article.paragraphs[-1] == "The Boeing Company: Docket No. FAA–2020–0686; Product Identifier 2019–NM–035–AD."

"""Headings marked with a box or bullet, and a headline's last row styled like the subheads under it.

A class's newspaper worksheet, set with reportlab as a browser sets one: a story under a kicker marked
`▨ 新闻1` and its bold title; then the questions on it, headed `■ 质问` in bold a size over the text, with a
bold subhead for each story (`新闻1`, `新闻2`) in a size between, the first set right under the heading.
The box before a byline (`□ 田昀澍`) marks it in the text's size; before a line set at a headline's size it
marks the heading, and is no word of it. `新闻1` under `■ 质问` is set as the subheads under it are: the
questions' first subhead, not a subtitle.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from epaper.importer.pdf.parse import PageReading
from tests.importer.pdf.conftest import read_one_page
from tests.importer.pdf.typeset import BOLD_FONT, Typesetter, register_fonts, wrap

BODY = 12.5
LEFT, MEASURE = 72.0, 440.0
STORY = ["小学生要求延长暑假的呼声终于得到回应，教育部门决定将今年暑假延长七天，并表示不会因此增加作业。",
         "不少家长表示支持，也有老师担心学习进度会受影响，希望学校提前做好新学期的安排。"]
QUESTIONS = [("新闻1", ["标题：这篇新闻的标题用了“终于得到回应”的说法。读了标题，你觉得哪些人会感到高兴？",
                        "内容：这篇新闻主要写了什么？文中出现了哪些人物？他们之间是什么关系？请举例说明。"]),
             ("新闻2", ["标题：读了这个标题，你想不想继续读下去？为什么？请结合标题中的词语，说说你的理由。",
                        "内容：老师们担心的是什么？这对谁会有影响？你同意他们的看法吗？请写下你的想法。"])]


def _paragraph(setter: Typesetter, top: float, text: str, *, indent: float) -> float:
    """Set ``text`` in the body size from ``top``, its first line ``indent`` in; returns the top after it."""
    for number, row in enumerate(wrap(text, MEASURE - indent, BODY) if indent else wrap(text, MEASURE, BODY)):
        setter.text(LEFT + (indent if number == 0 else 0.0), top, row, BODY)
        top += BODY * 1.7
    return top


def _worksheet(path: Path) -> Path:
    register_fonts()
    canvas = Canvas(str(path), pagesize=(595, 842))
    setter = Typesetter(canvas, 842, "")
    setter.text(LEFT, 60, "▨ 新闻1", BODY, BOLD_FONT)
    setter.text(LEFT, 84, "暑假延长七天的要求获批", 18, BOLD_FONT)
    top = 114.0
    for text in STORY:
        top = _paragraph(setter, top, text, indent=BODY)
    top += 30
    setter.text(LEFT, top, "■ 质问", 15.6, BOLD_FONT)
    top += 28
    for subhead, questions in QUESTIONS:
        setter.text(LEFT, top, subhead, 14, BOLD_FONT)
        top += 24
        for question in questions:
            top = _paragraph(setter, top, question, indent=0.0) + 6
    canvas.save()
    return path


@pytest.fixture(scope="module")
def reading(tmp_path_factory: pytest.TempPathFactory) -> PageReading:
    return read_one_page(_worksheet(tmp_path_factory.mktemp("worksheet") / "worksheet.pdf"))


def test_a_marked_line_at_a_headlines_size_is_a_heading_not_a_byline(reading: PageReading) -> None:
    assert [(article.kicker, article.title, article.authors) for article in reading.articles] == [
        ("新闻1", "暑假延长七天的要求获批", []), (None, "质问", [])]


def test_the_mark_before_a_heading_is_reported_not_dropped(reading: PageReading) -> None:
    marks = [(artefact.text, artefact.kind) for article in reading.articles for artefact in article.artefacts]
    assert marks == [("▨", "heading mark"), ("■", "heading mark")]


def test_a_row_under_the_headline_styled_like_the_subheads_under_it_is_the_first_subhead(
        reading: PageReading) -> None:
    questions = reading.articles[1]
    assert questions.subtitle is None
    assert questions.blocks == [block for subhead, texts in QUESTIONS
                                for block in [("subhead", subhead), *(("paragraph", text) for text in texts)]]

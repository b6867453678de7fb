"""Segmentation rules found on held-out pages of a national daily (issue 16), each on a small page of its own.

The texts are written for these tests; the pages they stand for were scored from outside the repository.
"""

from __future__ import annotations

import pytest

from epaper.importer.parse import parse_page
from tests.importer.corpus import Style, render

LEAD = "一条破败的老街，三年间变成了远近闻名的文化街区。改造没有大拆大建，而是留住了老手艺、老住户，也迎回了年轻人。"


@pytest.mark.parametrize("width", [17, 22, 26, 34])
def test_under_a_title_closed_by_a_series_tag_an_undashed_heading_is_the_subtitle(width: int) -> None:
    """`（解码·文化遗产系统性保护）` names a series as `（人民时评）` names a column: it closes the title, so the
    heading under it is the subtitle printed without its dash, not the title under a kicker; the box label under
    the head (`核心阅读`) marks a head too, and the box text opens the story."""
    page = {"paper": "features", "articles": [
        {"title": "老街融入城市日常（解码·文化遗产系统性保护）", "subtitle": "古城探索文化资源保护传承、活化发展路径",
         "box": "老街三年间变成了远近闻名的文化街区。", "byline": "none", "paragraphs": [LEAD]}]}
    [first] = parse_page(render(page, Style(width, blanks="article", subtitle_dash=False)))
    assert (first.kicker, first.title, first.subtitle) == (
        None, "老街融入城市日常（解码·文化遗产系统性保护）", "古城探索文化资源保护传承、活化发展路径")
    assert first.paragraphs == ["老街三年间变成了远近闻名的文化街区。", LEAD]
    assert "a heading under the title without a dash" in " ".join(first.warnings)


STORY = ["今年以来，各地推进质量强县建设，一批地方特色产业提质升级，带动就业和增收，县域经济的底气更足了。",
         "在浙江安吉，白茶产业从种植到加工再到文旅，链条越拉越长；在山东寿光，蔬菜标准走出县城，成为行业通行的规矩。"]
FEATURE = ["一季度的数据有亮点也有隐忧。消费回暖的势头能否延续？新动能的成长能否提速？答案藏在几组细分数据里。",
           "从商品消费看，以旧换新政策带动家电、汽车销售明显增长；从服务消费看，文旅、体育、演出等领域热度不减。"]


@pytest.mark.parametrize("width", [15, 21, 24, 33])
def test_a_heading_opened_by_a_column_name_and_a_bar_is_the_next_story(width: int) -> None:
    """`观察｜…` names the column its story runs in, as `（人民时评）` does at a title's end: a subhead carries no
    column, so a heading so opened between paragraphs is the next story's title, and the end byline is its own."""
    page = {"paper": "features", "articles": [
        {"title": "质量强县建设见成效", "byline": "none", "paragraphs": STORY},
        {"title": "数据观察｜一季度消费与新动能怎么看", "byline": "end-own", "authors": ["李文"],
         "paragraphs": FEATURE}]}
    first, second = parse_page(render(page, Style(width, blanks="every", indent="ascii")))
    assert (first.title, first.authors, first.subheads) == ("质量强县建设见成效", [], [])
    assert (second.title, second.authors) == ("数据观察｜一季度消费与新动能怎么看", ["李文"])
    assert second.paragraphs == FEATURE


@pytest.mark.parametrize("width", [22, 25, 28, 34])
def test_where_blank_lines_part_articles_two_headings_under_none_are_a_subhead_in_two_decks(width: int) -> None:
    """A page that sets each head off by a blank line prints none over a subhead: two heading lines between
    paragraphs with no blank over them are one subhead in two decks, not the next story's kicker and title. Where
    the page prints no blank lines, nothing tells the two apart: the rule stays out (a kicker and title may follow).
    The decks fit the column as a subhead does."""
    deck = "<<乡村产业呈现“规模稳、品质稳、收益稳”|“电商增长快、文旅增长快”等特点"
    page = {"paper": "features", "articles": [
        {"title": "县域经济稳中向好", "byline": "head", "authors": ["王明"], "paragraphs": [*STORY, deck, *FEATURE]},
        {"kicker": "乡村振兴看变化", "title": "老街融入城市日常", "byline": "none", "paragraphs": [LEAD]}]}
    first, second = parse_page(render(page, Style(width, blanks="article")))
    assert first.subheads == ["乡村产业呈现“规模稳、品质稳、收益稳” “电商增长快、文旅增长快”等特点"]
    assert "".join(first.paragraphs) == "".join([*STORY, *FEATURE])
    assert (second.kicker, second.title) == ("乡村振兴看变化", "老街融入城市日常")
    assert any("one subhead in two decks" in warning for warning in first.warnings)
    unblanked = parse_page(render(page, Style(width, blanks="none")))
    assert not any("one subhead in two decks" in warning for article in unblanked for warning in article.warnings)


LAWS = ["2026年3月12日下午，十四届全国人大四次会议表决通过生态环境法典、民族团结进步促进法、国家发展规划法。",
        "一次会议表决通过三部重要法律，为近些年来少见。"]


@pytest.mark.parametrize("width", [18, 19, 22])
def test_a_blank_line_under_a_head_line_ends_it_though_a_number_opens_the_text(width: int) -> None:
    """`国家立法新刻度  三部重要法律表决通过`, about as wide as the column, over `2026年3月12日…`: a line the next
    line's number did not fit would be wrapped text, but where blank lines part heads from text the blank line
    between them says the line ended there. The story keeps its head and is not run into the one above."""
    page = {"paper": "news", "articles": [
        {"title": "县域经济稳中向好", "byline": "head", "authors": ["王明"], "paragraphs": STORY},
        {"kicker": "两会新华鲜报", "title": "国家立法新刻度  三部重要法律表决通过", "byline": "none",
         "paragraphs": LAWS}]}
    first, second = parse_page(render(page, Style(width, blanks="article")))
    assert first.paragraphs == STORY and second.paragraphs == LAWS
    assert "三部重要法律表决通过" in f"{second.title} {second.subtitle}"


@pytest.mark.parametrize("width", [13, 15, 17])
def test_a_title_opened_by_a_column_name_and_a_bar_has_no_kicker(width: int) -> None:
    """`数据观察｜…` is a whole title, its column named in it: the unpunctuated first line of the text under it
    (`2025年是“十四五”收官之`) is no title under a kicker; as wide as the column (17 cells) over a number that did
    not fit, it is still no wrapped line of text."""
    opening = ["2025年是“十四五”收官之年，县域经济交出了一份有亮点也有隐忧的成绩单。", *FEATURE]
    page = {"paper": "features", "articles": [
        {"title": "质量强县建设见成效", "byline": "none", "paragraphs": STORY},
        {"title": "数据观察｜一季度消费与新动能怎么看", "byline": "end-own", "authors": ["李文"],
         "paragraphs": opening}]}
    first, second = parse_page(render(page, Style(width)))
    assert first.title == "质量强县建设见成效"
    assert (second.kicker, second.title, second.authors) == (None, "数据观察｜一季度消费与新动能怎么看", ["李文"])
    assert "".join(second.paragraphs) == "".join(opening)

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

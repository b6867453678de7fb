"""Habits of other papers' pages, each on a small page of our own text: a title repeated over a jump line, blank
lines that set heads off where paragraphs run on without them, a bracketed end byline wrapped at the column's edge."""

from __future__ import annotations

from epaper.importer.parse import parse_page
from tests.importer.corpus import wrap

FEATURE = ("尽管社区服务体系建设取得了一定成效，但城乡之间不够均衡，农村服务投入和建设滞后于城镇。",
           "专家指出，随着生活水平的提高，单纯的服务已经满足不了需求，居民对专业服务的要求更高。")
REPORT = ("连日来，铁路建设一线不断传来好消息：最长隧道顺利贯通，最大新建车站开始浇筑作业。",
          "全线建成通车后，沿线城市之间的出行时间将大大缩短，为产业升级打下良好基础。")


def column(*paragraphs: str, width: int = 17, indent: str = "") -> list[str]:
    """Hard-wrapped paragraphs: the indent kept as ``indent`` (two ideographic spaces) or lost (``""``)."""
    lines = []
    for paragraph in paragraphs:
        wrapped = wrap(indent + paragraph, width - (0 if indent else 2), width)
        lines += wrapped
    return lines


def page(*blocks: list[str] | str) -> str:
    return "".join(line + "\n" for block in blocks for line in ([block] if isinstance(block, str) else block))


def test_a_heading_under_the_jump_line_of_a_repeated_title_is_the_first_subhead() -> None:
    (article,) = parse_page(page("服务更贴心  生活更舒心", "（上接第1版）", "补齐城乡服务短板", column(*FEATURE)))
    assert (article.kicker, article.title, article.continued_from) == (None, "服务更贴心 生活更舒心", 1)
    assert article.subheads == ["补齐城乡服务短板"]
    assert article.paragraphs[0].startswith("尽管社区服务体系")
    assert "line 3: subhead (a heading under the jump line that closed the head)" in article.sources


def test_a_heading_set_off_by_blank_lines_where_paragraphs_run_on_without_them_is_the_next_title() -> None:
    indent = "\u3000\u3000"
    text = page("服务更贴心  生活更舒心", "（上接第1版）", "", "补齐城乡服务短板", column(*FEATURE, indent=indent), "",
                "铁路建设捷报频传", "", column(*REPORT, indent=indent))
    first, second = parse_page(text)
    assert first.subheads == ["补齐城乡服务短板"] and len(first.paragraphs) == 2
    assert (second.title, second.subheads, len(second.paragraphs)) == ("铁路建设捷报频传", [], 2)
    assert any("set off from its text by a blank line" in source for source in second.sources)


def test_a_heading_over_text_signed_by_a_bracketed_byline_wrapped_at_the_edge_is_the_next_title() -> None:
    report = column(*REPORT)
    report[-1:] = [report[-1] + "（经济日", "报记者 王新伟 吴秉泽）"]
    text = page("服务的温度在细节里（经济时评）", "周维宁", column(*FEATURE), "铁路建设捷报频传", report)
    first, second = parse_page(text)
    assert (first.title, first.authors) == ("服务的温度在细节里（经济时评）", ["周维宁"])
    assert (second.title, second.authors) == ("铁路建设捷报频传", ["王新伟", "吴秉泽"])

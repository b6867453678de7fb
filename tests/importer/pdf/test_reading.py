"""Parts of the PDF reader on glyphs placed by hand: vertical text, strays, table rows, heading fonts."""

from __future__ import annotations

from epaper.importer.pdf.chars import Glyph, PdfPage
from epaper.importer.pdf.geometry import Box
from epaper.importer.pdf.heads import heading_lines
from epaper.importer.pdf.parse import read_page
from epaper.importer.pdf.tables import merge_table_rows
from epaper.importer.pdf.textlines import TextLine, build_lines

BODY = "Song"
BOLD = "Hei"


def row(text: str, x: float, top: float, size: float = 10.0, font: str = BODY) -> list[Glyph]:
    """Glyphs of ``text`` set left to right, one em apart."""
    return [Glyph(char, Box(x + index * size, top, x + (index + 1) * size, top + size), size, font)
            for index, char in enumerate(text)]


def column(text: str, x: float, top: float, size: float = 30.0, turned: str = "", upwards: bool = False) -> list[Glyph]:
    """Glyphs of ``text`` stacked top to bottom; characters in ``turned`` are set on their side."""
    return [Glyph(char, Box(x, top + index * size, x + size, top + (index + 1) * size), size, BODY,
                  turned=(-1 if upwards else 1) if char in turned else 0)
            for index, char in enumerate(text)]


def only_line(glyphs: list[Glyph]) -> TextLine:
    [line] = build_lines(glyphs).lines
    return line


def test_vertical_text_is_read_top_to_bottom_with_its_turned_digits() -> None:
    line = only_line(column("奋进2021再创佳绩", 700, 80, turned="2021"))
    assert line.vertical and line.spaced == "奋进2021再创佳绩"


def test_text_turned_to_read_upwards_is_read_bottom_to_top() -> None:
    glyphs = column("第三版要闻", 20, 300, size=9, turned="第三版要闻", upwards=True)
    assert only_line(glyphs).spaced == "闻要版三第"


def test_a_turned_glyph_on_no_line_is_reported_not_dropped() -> None:
    body = [glyph for top in range(100, 300, 15) for glyph in row("邮政快递业务量再创新高，同比增长。", 50, top)]
    stray = column("5", 400, 500, size=10, turned="5")
    reading = read_page(PdfPage(0, 595, 842, body + stray, [], []))
    assert any("'5' at (400, 500)" in warning and "left out" in warning for warning in reading.warnings)


def test_table_rows_inside_a_column_become_one_line_each() -> None:
    glyphs = [*row("邮政行业主要指标如下：全年业务", 50, 100), *row("业务总量", 60, 115), *row("2.1万亿", 150, 115),
              *row("快递业务量", 60, 130), *row("833亿件", 150, 130), *row("数据来源：国家邮政局统计公报", 50, 145),
              *row("以上数据均为初步统计结果合计", 50, 160)]
    lines = build_lines(glyphs).lines
    merged = merge_table_rows(lines, 10.0)
    assert [line.spaced for line in merged if line.cells > 1] == ["业务总量  2.1万亿", "快递业务量  833亿件"]


def test_two_columns_of_text_are_not_a_table() -> None:
    text = "全国快递业务量完成八百亿"
    glyphs = [glyph for top in range(100, 200, 15) for x in (50, 180) for glyph in row(text, x, top)]
    lines = build_lines(glyphs).lines
    assert len(merge_table_rows(lines, 10.0)) == len(lines) == 14


def test_a_lone_line_in_a_heading_font_is_a_heading_but_text_in_another_font_is_not() -> None:
    glyphs = [*row("寄递网络更加完善", 70, 100, font=BOLD), *row("一年来农村寄递物流体系建设加快推进。", 50, 115)]
    commentary = "评论文章全文以楷体排印不是标题。"
    glyphs += [glyph for top in range(300, 360, 15) for glyph in row(commentary, 50, top, font=BOLD)]
    lines = build_lines(glyphs).lines
    assert [line.spaced for line in heading_lines(lines, 10.0, BODY)] == ["寄递网络更加完善"]

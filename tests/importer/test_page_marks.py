"""End marks, captions, bare jump lines, self-signed bylines and column estimates on short paragraphs."""

from __future__ import annotations

from epaper.importer.bylines import parse_byline
from epaper.importer.jumps import continued_from, continues_on
from epaper.importer.lines import local_columns, make_line
from epaper.importer.marks import caption_end, split_end_mark, uncued_caption_end
from epaper.importer.parse import parse_page


def test_end_marks_are_split_off_after_a_sentence_only() -> None:
    assert split_end_mark("典型应用场景。（完）") == ("典型应用场景。", "（完）")
    assert split_end_mark("保障居民生活用能。■") == ("保障居民生活用能。", "■")
    assert split_end_mark("文件（完）稿") is None


def test_a_caption_needs_its_opening_and_its_credit() -> None:
    lines = [make_line(1, "图为改造后的小区，居民在新建"), make_line(2, "的广场上锻炼。（张明 摄）"),
             make_line(3, "改造前，社区工作人员挨家挨")]
    assert caption_end(lines, 0) == 1
    assert caption_end([make_line(1, "图为改造后的小区。"), make_line(2, "改造前，社区")], 0) is None


def test_bare_jump_lines_are_read_only_as_whole_lines() -> None:
    assert continues_on("转第4版") is not None and continues_on("转第4版").page == 4  # type: ignore[union-attr]
    assert continued_from("紧接第一版") is not None
    assert continues_on("资金已转第4版面设计费") is None


def test_a_role_that_signs_alone_is_the_author() -> None:
    byline = parse_byline("本报评论员")
    assert byline is not None and byline.authors == ["本报评论员"]


def test_short_paragraphs_do_not_narrow_the_column() -> None:
    texts = ["清晨六点半，天还没有", "完全亮，杨老师已经站在了", "村小的门口。", "“杨老师早！”",
             "“早！路上慢点。”", "孩子们三三两两地走进", "校门，杨老师一个个地打招", "呼。"]
    columns = local_columns([make_line(number, text) for number, text in enumerate(texts, start=1)])
    assert min(columns) >= 11.5


def test_captions_leave_the_text_and_go_with_the_article() -> None:
    page = "\n".join([
        "老旧小区改造让居民住得更舒心", "本报记者 王立新",
        "走进城东区幸福里小区，平整", "的道路、整齐的车位、崭新的外墙", "映入眼帘。",
        "图为改造后的幸福里小区，居民在新建", "的健身广场上锻炼。（张明 摄）",
        "改造前，社区工作人员挨家挨", "户上门征求意见，共收集居民建议", "两百多条。",
    ])
    [article] = parse_page(page)
    assert article.captions == ["图为改造后的幸福里小区，居民在新建的健身广场上锻炼。（张明 摄）"]
    assert all("图为" not in paragraph for paragraph in article.paragraphs)
    assert article.credit is None


def test_a_caption_without_its_opening_is_known_by_a_sentence_closed_with_its_credit() -> None:
    def lines(*texts: str) -> list:
        return [make_line(number, text) for number, text in enumerate(texts, start=1)]

    assert uncued_caption_end(lines("新建的健身广场。（张明", "摄）", "改造前，社区"), 0) == 1
    assert uncued_caption_end(lines("居民在广场上锻炼。 社区供图"), 0) == 0
    assert uncued_caption_end(lines("广场上的健身器材。", "图片来源：城东区政府"), 0) == 1
    assert uncued_caption_end(lines("本报记者 张明 摄"), 0) is None  # a credit alone signs; it describes nothing
    assert uncued_caption_end(lines("照片由他拍"), 0) is None


def test_captions_that_open_as_any_sentence_leave_the_text() -> None:
    page = "\n".join([
        "居民在新建的健身广场上锻炼。", "图片来源：城东区政府", "",
        "老旧小区改造让居民住得更舒心", "",
        "走进城东区幸福里小区，平整", "的道路、整齐的车位、崭新的外墙", "映入眼帘。", "",
        "改造后的幸福里小区。（城东区", "住建局供图）", "",
        "改造前，社区工作人员挨家挨", "户上门征求意见，共收集居民建议", "两百多条。",
        "社区工作人员在听取居民意见。 社区供图",
        "城西区十条背街小巷路面整修换新颜",
        "城西区的十条背街小巷完成了", "路面整修，沿街商户也换上了新招", "牌。",
    ])
    first, second = parse_page(page)
    assert first.title == "老旧小区改造让居民住得更舒心"
    assert first.captions == ["居民在新建的健身广场上锻炼。图片来源：城东区政府",
                              "改造后的幸福里小区。（城东区住建局供图）", "社区工作人员在听取居民意见。 社区供图"]
    assert first.paragraphs == ["走进城东区幸福里小区，平整的道路、整齐的车位、崭新的外墙映入眼帘。",
                                "改造前，社区工作人员挨家挨户上门征求意见，共收集居民建议两百多条。"]
    assert second.title == "城西区十条背街小巷路面整修换新颜"

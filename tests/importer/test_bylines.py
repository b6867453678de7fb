from __future__ import annotations

import pytest

from epaper.importer.bylines import match_dateline, parse_byline, split_trailing_byline


@pytest.mark.parametrize(("line", "text", "authors", "credit"), [
    ("前进。□肖芳", "前进。", ["肖芳"], None),
    ("□周雯晴  摄影报道", "", ["周雯晴"], "摄影报道"),
    ("□ 本报记者 钱程 李明", "", ["钱程", "李明"], None),
    ("已办理业务三百余笔。（周强）", "已办理业务三百余笔。", ["周强"], None),
    ("发展。（记者 张三 通讯员 李四）", "发展。", ["张三", "李四"], None),
    ("刘洋 摄", "", [], "刘洋 摄"),
    ("有效。（编译/环球网 王晓）", "有效。", ["王晓"], None),
    ("城市晚报记者  陈立  编辑  张扬  校对  李铭", "", ["陈立"], None),
    ("地作实地考察。本报记者吴申燕", "地作实地考察。", ["吴申燕"], None),
])
def test_trailing_bylines(line: str, text: str, authors: list[str], credit: str | None) -> None:
    split = split_trailing_byline(line)
    assert split is not None
    assert (split[0], split[1].authors, split[1].credit) == (text, authors, credit)


@pytest.mark.parametrize("line", [
    "正在缴费的村民老周笑着说。",
    "推动邮政业务转型发展。（试行）",
    "全文如下。（完）",
    "“后浪”的大单",
    "地作实地考察。本报记者近日",
    "地作实地考察。本报记者吴申燕说",
])
def test_ordinary_text_is_not_a_byline(line: str) -> None:
    assert split_trailing_byline(line) is None


def test_a_line_of_names_needs_a_role_or_a_mark() -> None:
    assert parse_byline("本报记者  王海燕").authors == ["王海燕"]  # type: ignore[union-attr]
    assert parse_byline("布局谋篇  落实落细") is None
    assert parse_byline("王海燕") is None


@pytest.mark.parametrize(("text", "dateline", "authors"), [
    ("本报讯1月14日，为了深入开展", "本报讯", []),
    ("本报讯（记者 陈明 通讯员 赵丽）为支持春耕", "本报讯", ["陈明", "赵丽"]),
    ("新华社北京1月5日电（记者 张三 李四）记者从", "新华社北京1月5日电", ["张三", "李四"]),
    ("本报上海1月5日讯 记者从", "本报上海1月5日讯", []),
])
def test_datelines(text: str, dateline: str, authors: list[str]) -> None:
    found = match_dateline(text)
    assert found is not None
    assert (found.text, found.authors) == (dateline, authors)


def test_ordinary_text_has_no_dateline() -> None:
    assert match_dateline("本报记者从有关部门获悉") is None


@pytest.mark.parametrize(("line", "authors", "credit", "place"), [
    ("本报记者 周之然/文", ["周之然"], None, None),  # the role after the names: text by
    ("本报记者 李静 青岛报道", ["李静"], None, "青岛"),  # the word run into 报道 is where it was filed
    ("本报记者 张三 报道", ["张三"], "报道", None),  # set off by a space, 报道 is a credit word
    ("记者李静报道", ["李静"], "报道", None),  # one word: the name itself
    ("中国国际问题研究院研究员  虞少华", ["虞少华"], None, None),  # an expert under the post
])
def test_bylines_with_roles_places_and_posts(line: str, authors: list[str], credit: str | None,
                                             place: str | None) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert (byline.authors, byline.credit, byline.place) == (authors, credit, place)


def test_a_line_of_text_ending_in_baodao_is_no_byline() -> None:
    assert parse_byline("朝党报《劳动新闻》以大量篇幅、图文并茂、集中报道") is None


def test_a_clause_naming_the_reporter_is_no_byline() -> None:
    assert parse_byline("一名学生，他对记者表示，") is None

"""Habits of other papers' pages, each on a small page of our own text: a title repeated over a jump line, blank
lines that set heads off where paragraphs run on without them, a bracketed end byline wrapped at the column's edge,
numbers set off by half-width spaces, two heading lines between paragraphs where blank lines tell nothing, a
reporter's role named in running text, and reporters named by the lead after a dateline."""

from __future__ import annotations

from epaper.importer.bylines import match_dateline, parse_byline
from epaper.importer.lines import read_lines
from epaper.importer.parse import parse_page
from tests.importer.corpus import gap_ascii, wrap

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


NUMBERED = ("城市的温度，体现在细微之处。一条无障碍通道、一张便民服务卡、一句耐心的解答，看似微不足道，"
            "却能让人感受到被尊重、被关怀。",
            "截至2017年年底，全市60周岁及以上老年人口占总人口的比例就达到23.1%，老龄化趋势加快显现。",
            "让城市更有温度，需要管理者把群众的急难愁盼放在心上。哪里的路灯坏了，哪里的井盖松了，都应当有人管。",
            "全长481公里的铁路是西南山区第一条设计时速350公里的高速铁路，建成通车后最快只需2小时。",
            "民生无小事。从群众身边的小事做起，积小胜为大胜，改革的获得感才会越来越强，群众的日子也会越过越红火。",
            "去年，全省实现进出口总额654.16亿元，同比增长19.7%，其中4月21日开行的60个标准集装箱专列运量约1650吨。")


def test_numbers_set_off_by_half_width_spaces_are_measured_as_wide_as_the_page_prints_them() -> None:
    spaced = [line for paragraph in NUMBERED for line in wrap(gap_ascii(paragraph), 13, 15)]
    (article,) = parse_page(page("铁路建设捷报频传", spaced))
    assert len(article.paragraphs) == len(NUMBERED)  # `654.16 亿元，同比增长 19.7%，` is a full line, no first line
    padded = {line.text: line.run_padding for line in read_lines(page(spaced))}
    assert padded["654.16亿元，同比增长19.7%，"] == 0.5  # two sides set off by a space, a quarter em each
    assert padded["民生无小事。从群众身边的小"] == 0.0


def test_numbers_printed_as_the_measure_expects_keep_their_widths() -> None:
    tight = [line for paragraph in NUMBERED for line in wrap(paragraph, 13, 15)]
    assert {line.run_padding for line in read_lines(page(tight))} == {0.0}


def test_two_heading_lines_between_paragraphs_of_a_page_without_blank_lines_are_a_flagged_boundary() -> None:
    """A subhead in two decks and a kicker over a title look the same where no blank line sets heads off: the
    importer takes the next article's head, as it must where one follows, and names the lines for the editor."""
    text = page("小楼加装电梯  居民笑上眉梢", "本报记者  林  静", column(*FEATURE), "从“没人牵头”", "到“抢着报名”",
                column(*REPORT))
    first, second = parse_page(text)
    assert (first.authors, second.kicker, second.title) == (["林静"], "从“没人牵头”", "到“抢着报名”")
    assert any(warning.startswith("uncertain boundary: line 9 and the line under it, two heading lines")
               for warning in second.warnings)
    signed = parse_page(page("小楼加装电梯  居民笑上眉梢", column(*FEATURE), "铁路建设捷报频传", "本报记者  王  浩",
                             column(*REPORT)))
    assert not any("two heading lines" in warning for article in signed for warning in article.warnings)


def test_a_role_word_in_running_text_wrapped_to_a_line_start_is_no_byline_under_a_heading() -> None:
    """`日间照料中心护理部主` over `任告诉都市报记者，营养师`: the role word is followed by a clause mark, so the
    line signs no one, and the paragraph's first line over it, without punctuation, is text, not a title over a
    byline."""
    care = ("“老人入住后，会有专人评估健康状况，制定个性化的饮食计划。”",
            "日间照料中心护理部主任告诉都市报记者，营养师会定期根据老人的身体状况调整食谱。",
            "与此同时，医护人员会定时定量分发药物，让老人拿药问诊更方便。")
    assert parse_byline("任告诉都市报记者，营养师") is None
    assert parse_byline("都市报记者  王浩") is not None
    (article,) = parse_page(page("照料中心有了营养师", column(*care, width=12)))
    assert article.paragraphs == list(care)


def test_a_subhead_of_a_continued_text_signed_under_it_is_flagged_as_a_possible_title() -> None:
    """On a jump page without blank lines a heading inside the continued text may be its subhead or the next
    story's title; where the text under it ends with a byline, the report names the decision and the byline."""
    report = column(*REPORT)
    report[-1] += "（记者 王新伟）"
    text = page("服务更贴心  生活更舒心", "（上接第1版）", column(*FEATURE), "铁路建设捷报频传", report)
    (article,) = parse_page(text)
    assert article.subheads == ["铁路建设捷报频传"] and article.authors == ["王新伟"]
    assert any(warning.startswith("line 9: a heading in a text continued from another page was read as a subhead")
               and "（记者 王新伟）" in warning for warning in article.warnings)


def test_reporters_named_by_the_lead_after_a_dateline_sign_the_report() -> None:
    """`本报北京1月15日电 记者李海秀从团中央获悉`: older reports name their reporter in the lead, without brackets;
    words there that read as no name (`记者日前从…`) sign nothing."""
    dated = match_dateline("本报北京1月15日电 记者李海秀从团中央获悉，评选活动近日在北京揭晓。")
    assert dated is not None and (dated.text, dated.authors) == ("本报北京1月15日电", ["李海秀"])
    undated = match_dateline("本报讯 记者日前从市商务局获悉，全市消费持续回暖。")
    assert undated is not None and undated.authors == []
    lead = "本报北京1月15日电\ufffd记者王浩、李明从团中央获悉，全国青少年评选活动近日在北京揭晓，入选者来自各行各业。"
    (article,) = parse_page(page("青少年评选活动揭晓", column(lead, *REPORT)))
    assert (article.dateline, article.authors) == ("本报北京1月15日电", ["王浩", "李明"])


def test_a_role_labelling_its_names_after_a_colon_is_a_byline_and_a_question_put_so_is_not() -> None:
    """`记者：李金磊` under a headline signs the story; `记者：您认为…？` is the reporter's question, naming no one."""
    (article,) = parse_page(page("铁路建设捷报频传", "记者：李金磊", column(*REPORT)))
    assert (article.title, article.authors) == ("铁路建设捷报频传", ["李金磊"])
    assert parse_byline("本报记者：王浩 李明") is not None
    assert parse_byline("记者：您认为官方思维在改变？") is None


def test_a_byline_under_the_headline_closes_it_though_the_text_opens_with_questions() -> None:
    """A lead of questions, its indent kept, under the byline: the story's text, not a title and subtitle."""
    indent = "\u3000\u3000"
    questions = ("2021年中国经济成绩单怎么看？2022年中国经济面临哪些挑战？“三驾马车”会呈现什么走势？出生人口下降"
                 "又该如何应对？")
    text = page("GDP创新高，出生人口创新低，怎么办？", "本报记者  王浩",
                column(questions, *REPORT, width=30, indent=indent))
    (article,) = parse_page(text)
    assert (article.kicker, article.title, article.subtitle) == (None, "GDP创新高，出生人口创新低，怎么办？", None)
    assert article.authors == ["王浩"] and "".join(article.paragraphs).startswith(questions)


def test_a_heading_ending_in_a_long_dash_leads_into_the_heading_under_it_one_subhead_in_two_decks() -> None:
    """`看投资——` over `行业内外迎来更多机遇` between paragraphs, no blank lines to tell: one subhead, not the next
    article's kicker and title; under a continued story's jump line, likewise its first subhead."""
    indent = "\u3000\u3000"
    (article,) = parse_page(page("快递业为经济注入活力", column(*FEATURE, indent=indent), "看投资——",
                                 "行业内外迎来更多机遇", column(*REPORT, indent=indent)))
    assert article.subheads == ["看投资—— 行业内外迎来更多机遇"] and len(article.paragraphs) == 4
    assert any("a heading ending in a long dash" in warning for warning in article.warnings)
    (continued,) = parse_page(page("快递业为经济注入活力", "（上接第1版）", "看跨境——", "打通直营“最后一公里”",
                                   column(*REPORT, indent=indent)))
    assert (continued.kicker, continued.title) == (None, "快递业为经济注入活力")
    assert continued.subheads == ["看跨境—— 打通直营“最后一公里”"]


SURVEY = ("春节前夕，本报面向全市幼儿园和小学的学生家长发放调查问卷，共收回有效问卷556份。",
          "1.家庭亲子阅读在家庭日常生活中占有重要地位。认为亲子阅读十分必要的家长占比84.53%，仅有一位家长认为没必要。",
          "需注意的是，在家庭中基本没有亲子阅读行为的家长占5.03%。")


def test_a_numbered_heading_under_the_headline_is_the_first_subhead_not_the_title() -> None:
    """`一、问卷调查概况` under the title, over the text: the text's first part, not a title with a kicker over it."""
    indent = "\u3000\u3000"
    (article,) = parse_page(page("亲子阅读成为最好的陪伴", "一、问卷调查概况", column(SURVEY[0], indent=indent),
                                 "二、调查显示的结论", column(*SURVEY[1:], indent=indent)))
    assert (article.kicker, article.title) == (None, "亲子阅读成为最好的陪伴")
    assert article.subheads == ["一、问卷调查概况", "二、调查显示的结论"]
    assert "line 2: subhead (a numbered heading under the headline, over its text)" in article.sources


def test_a_numbered_paragraphs_unpunctuated_first_line_is_text_not_a_second_subhead_deck() -> None:
    """`1.家庭亲子阅读在家庭日常生活` fills a first line's measure over a line that opens no paragraph: the
    numbered paragraph runs on, so it is no subhead (nor the second deck of the one over it), indent kept or lost."""
    for indent in ("\u3000\u3000", ""):
        lines = column(*SURVEY[1:], indent=indent)
        assert lines[0].strip() == "1.家庭亲子阅读在家庭日常生活"
        (article,) = parse_page(page("亲子阅读成为最好的陪伴", column(SURVEY[0], indent=indent), "二、调查显示的结论",
                                     lines))
        assert article.subheads == ["二、调查显示的结论"] and article.paragraphs[1:] == list(SURVEY[1:])


def parted(*paragraphs: str, width: int = 24) -> list[str]:
    """Paragraphs with their indent kept and a blank line after each, as some extractions leave them."""
    lines: list[str] = []
    for paragraph in paragraphs:
        lines += [*column(paragraph, width=width, indent="\u3000\u3000"), ""]
    return lines


def test_a_heading_standing_on_its_text_as_heads_do_where_blank_lines_part_paragraphs() -> None:
    """Heads stand on their texts, paragraphs are parted by blank lines: a heading with a blank over it and its text
    straight under it is the next article's title where the article's subhead was set off from its text as the
    paragraphs are; where no subhead tells the paper's habit, it stays a subhead and the review names it."""
    (one,) = parse_page(page("社区服务更贴心", parted(*FEATURE), "铁路建设捷报频传", parted(*REPORT)))
    assert one.subheads == ["铁路建设捷报频传"] and len(one.paragraphs) == 4
    assert any(warning.startswith("line ") and "was read as a subhead; if the paper sets its subheads off" in warning
               for warning in one.warnings)
    first, second = parse_page(page("社区服务更贴心", parted(FEATURE[0]), "补齐城乡服务短板", "", parted(FEATURE[1]),
                                    "铁路建设捷报频传", parted(*REPORT)))
    assert (first.title, first.subheads, len(first.paragraphs)) == ("社区服务更贴心", ["补齐城乡服务短板"], 2)
    assert (second.title, len(second.paragraphs)) == ("铁路建设捷报频传", 2)
    assert any(warning.startswith("uncertain boundary: line ") and "this article's subheads are set off" in warning
               for warning in second.warnings)


def test_two_heading_lines_set_off_as_paragraphs_are_where_heads_stand_on_their_texts_are_one_subhead() -> None:
    """`居民收入与经济增长` over `基本同步`, then a blank line, where paragraphs are parted by blank lines and the
    article's head stands on its text: one subhead in two decks, not the next article's kicker and title."""
    text = page("前三季经济平稳恢复", "本报记者  王浩", parted(*FEATURE), "居民收入与经济增长", "基本同步", "",
                parted(*REPORT))
    (article,) = parse_page(text)
    assert (article.title, article.authors) == ("前三季经济平稳恢复", ["王浩"])
    assert article.subheads == ["居民收入与经济增长 基本同步"] and len(article.paragraphs) == 4


def test_a_heading_under_the_one_blank_line_that_parts_articles_is_the_next_title() -> None:
    """Blank lines stand only between articles (heads on their texts, paragraphs and subheads run on): a heading
    with a blank line over it and its text straight under it is the next article's title, though no byline or
    dateline opens it; the same heading with no blank over it, or over text whose paragraphs blank lines part,
    stays a subhead."""
    first, second = parse_page(page("社区服务更贴心", column(*FEATURE), "", "铁路建设捷报频传", column(*REPORT)))
    assert (first.title, first.subheads, len(first.paragraphs)) == ("社区服务更贴心", [], 2)
    assert (second.title, second.subheads, len(second.paragraphs)) == ("铁路建设捷报频传", [], 2)
    assert any("blank lines part no paragraph or subhead" in source for source in second.sources)
    (one,) = parse_page(page("社区服务更贴心", column(*FEATURE), "铁路建设捷报频传", column(*REPORT)))
    assert one.subheads == ["铁路建设捷报频传"]
    (parted_text,) = parse_page(page("社区服务更贴心", column(FEATURE[0]), "", "铁路建设捷报频传",
                                     column(REPORT[0]), "", column(REPORT[1])))
    assert parted_text.subheads == ["铁路建设捷报频传"]

"""The segmentation rules that read other papers' habits, each on a small page of its own."""

from __future__ import annotations

from epaper.importer.bylines import bare_name, match_dateline, split_lost_box_byline, split_trailing_byline
from epaper.importer.parse import parse_page
from epaper.importer.report import text_report
from epaper.importer.segment import BODY_RULES, HEAD_RULES
from tests.importer.corpus import Style, load_pages, render, wrap


def column(*paragraphs: str, width: int = 20) -> str:
    """Paragraphs hard-wrapped as the extraction gives them: first-line indent lost, no blank lines."""
    return "".join(line + "\n" for paragraph in paragraphs for line in wrap(paragraph, width - 2, width))


STORY = column("城市的温度，体现在细微之处。一条无障碍通道、一张便民服务卡、一句耐心的解答，看似微不足道，"
               "却能让人感受到被尊重、被关怀。",
               "让城市更有温度，需要管理者把群众的急难愁盼放在心上。哪里的路灯坏了，哪里的井盖松了，都应当有人管。")
OTHER = column("民生无小事。从群众身边的小事做起，积小胜为大胜，改革的获得感才会越来越强，群众的日子也会越过越红火。")


def test_rules_are_small_named_steps_in_order() -> None:
    assert [rule.__name__ for rule in HEAD_RULES] == [
        "_head_furniture", "_head_jump_from", "_head_second_deck", "_head_continued_subhead", "_head_subtitle",
        "_head_byline", "_head_bare_name", "_head_box_label", "_head_column_name", "_head_numbered_subhead",
        "_head_heading"]
    assert BODY_RULES[-1].__name__ == "_body_text"  # the last rule takes whatever no other rule took


def test_a_bare_name_under_a_commentary_headline_is_its_author() -> None:
    articles = parse_page("让城市更有温度（人民时评）\n周  方\n" + STORY)
    assert len(articles) == 1
    article = articles[0]
    assert (article.kicker, article.title, article.authors) == (None, "让城市更有温度（人民时评）", ["周方"])
    assert "line 2: a bare name under the headline (周方) was taken as the byline" in article.warnings
    assert "line 2: byline under headline (a bare name)" in article.sources


def test_a_short_heading_without_a_surname_stays_a_heading() -> None:
    assert bare_name("周 方") is not None and bare_name("欧阳明远") is not None
    assert bare_name("守住初心") is None  # 守 is no common surname
    assert bare_name("记者") is None


def test_a_title_with_a_column_tag_starts_an_article_however_wide() -> None:
    articles = parse_page("让城市更有温度\n本报评论员\n" + STORY + "小切口也能做出大文章（今日谈）\n" + OTHER)
    assert [article.title for article in articles] == ["让城市更有温度", "小切口也能做出大文章（今日谈）"]
    assert articles[1].paragraphs[0].startswith("民生无小事")


def test_a_closing_note_stays_with_its_story_and_the_next_kicker_is_clean() -> None:
    page = ("春耕备耕有序展开\n本报记者  王浩\n" + STORY + "（相关报道见第十版）\n"
            "让群众办事更方便\n政务服务提速扩面\n" + OTHER)
    first, second = parse_page(page)
    assert first.paragraphs[-1] == "（相关报道见第十版）"
    assert (second.kicker, second.title) == ("让群众办事更方便", "政务服务提速扩面")


def test_an_end_mark_on_a_line_of_its_own_closes_the_story() -> None:
    (article,) = parse_page("国际油价小幅收涨\n新华社纽约3月4日电　" + STORY + "（完）\n")
    assert not any("完" in paragraph for paragraph in article.paragraphs)
    assert any(artefact.kind == "end mark" and artefact.text == "（完）" for artefact in article.artefacts)


def test_an_end_byline_whose_box_was_lost_is_split_off() -> None:
    assert split_lost_box_byline("服务农户3000余户。\ufffd刘敏") is not None
    text, byline = split_lost_box_byline("服务农户3000余户。\ufffd刘敏")  # type: ignore[misc]
    assert (text, byline.authors) == ("服务农户3000余户。", ["刘敏"])
    assert split_lost_box_byline("跨境电\ufffd等新业态") is None


def test_text_running_on_after_a_sentence_is_no_byline() -> None:
    assert split_trailing_byline("一公里”？记者日前专访") is None
    assert split_trailing_byline("成功开单。本报记者 张三") is not None


def test_a_heading_over_text_signed_again_is_the_next_article() -> None:
    """An article has one byline: a heading after a signed text, over text with a byline of its own."""
    page = ("让城市更有温度\n本报评论员\n" + STORY + "民生无小事\n" + OTHER.rstrip("\n") + "□何勇\n")
    first, second = parse_page(page)
    assert (first.authors, second.title, second.authors) == (["本报评论员"], "民生无小事", ["何勇"])
    assert any(warning.startswith("uncertain boundary: line ") for warning in second.warnings)


def test_an_unsigned_story_keeps_its_subheads() -> None:
    (article,) = parse_page("一条老街的新生\n" + STORY + "老手艺找到新市场\n" + OTHER.rstrip("\n") + "□陈立\n")
    assert article.subheads == ["老手艺找到新市场"] and article.authors == ["陈立"]


def test_the_report_names_where_fields_came_from_and_what_was_dropped() -> None:
    articles = parse_page("（上接第1版）\n科技创新赋能产业升级\n" + STORY + "\ufffd宗合\n")
    report = text_report(articles)
    assert "from line 1: continued from page 1 (jump line)" in report
    assert "from line 2: title (last line of the headline stack)" in report
    assert "from line 10: byline after the last paragraph (a name alone on its line)" in report
    assert "removed jump line at line 1: （上接第1版）" in report
    assert "removed byline at line 10: 宗合" in report


def test_a_box_label_is_dropped_and_its_box_kept_as_text() -> None:
    (article,) = parse_page("一条老街的新生\n本报记者  陈立\n核心阅读\n" + OTHER + STORY)
    assert article.title == "一条老街的新生" and article.paragraphs[0].startswith("民生无小事")
    assert any(artefact.kind == "box label" and artefact.line == 3 for artefact in article.artefacts)


def test_an_end_byline_broken_by_the_wrap_is_one_byline() -> None:
    last = column("民生无小事。从群众身边的小事做起，积小胜为大胜，改革获得感越来越强。□马骏")
    assert len(last.splitlines()[-1]) >= 19  # the byline reaches the column's edge: the next name wrapped
    first, second = parse_page("小事不出村\n" + STORY + last + "邓雅\n让制度优势转化为治理效能\n" + OTHER)
    assert first.authors == ["马骏", "邓雅"] and (second.kicker, second.title) == (None, "让制度优势转化为治理效能")
    assert "line 11: byline wrapped from the line before" in first.sources


def test_a_short_phrase_under_a_kicker_is_the_title() -> None:
    (article,) = parse_page("推进基层治理现代化\n小事不出村  大事不出镇\n" + STORY)
    assert (article.kicker, article.title) == ("推进基层治理现代化", "小事不出村 大事不出镇")


def test_a_subtitle_printed_without_its_dash_stays_the_subtitle() -> None:
    """`记…` under the title is its subtitle, `访…` over it a kicker; three heading lines: kicker, title, subtitle."""
    [feature] = parse_page("一条老街的新生\n记古城改造中的烟火人间\n" + STORY)
    assert (feature.kicker, feature.title, feature.subtitle) == (None, "一条老街的新生", "记古城改造中的烟火人间")
    assert any("without a dash" in warning for warning in feature.warnings)
    [interview] = parse_page("访中国工程院院士张卫东\n让科研成果走出实验室\n" + STORY)
    assert (interview.kicker, interview.title, interview.subtitle) == (
        "访中国工程院院士张卫东", "让科研成果走出实验室", None)
    [news] = parse_page("坚持稳中求进\n全国春耕备耕有序展开\n农资供应充足\n" + STORY)
    assert (news.kicker, news.title, news.subtitle) == ("坚持稳中求进", "全国春耕备耕有序展开", "农资供应充足")
    assert "subtitle (under the title, no dash)" in text_report([news])


def test_under_a_title_that_exclaims_or_asks_an_undashed_line_is_the_subtitle() -> None:
    """A kicker leads into its title and does not end with `！` or `？`; a title may."""
    [sales] = parse_page("87小时，保费突破30亿元！\n湖北武汉市分公司“开门红”战役告捷\n" + STORY)
    assert (sales.kicker, sales.title, sales.subtitle) == (
        None, "87小时，保费突破30亿元！", "湖北武汉市分公司“开门红”战役告捷")
    assert "line 2: a heading under the title without a dash (湖北武汉市分公司“开门红”战役告捷) was taken as the " \
           "subtitle" in sales.warnings
    [company] = parse_page("绥宁县分公司\n警邮联合宣传交通安全\n" + STORY)
    assert (company.kicker, company.title, company.subtitle) == ("绥宁县分公司", "警邮联合宣传交通安全", None)


def test_a_report_under_its_speakers_office_is_signed_by_the_speaker() -> None:
    [report] = parse_page("政府工作报告\n海南省省长  刘小明\n" + STORY)
    assert (report.title, report.authors) == ("政府工作报告", ["刘小明"])
    assert bare_name("海南省省长") is None


def test_a_laws_articles_and_a_bracketed_note_are_text_not_headings() -> None:
    [law] = parse_page("中华人民共和国国家通用语言文字法\n" + column(
        "（2000年10月31日第九届全国人民代表大会常务委员会第十八次会议通过）",
        "第二条 本法所称的国家通用语言文字是普通话和规范汉字。", "第三条 国家推广普通话，推行规范汉字。", width=17))
    assert (law.kicker, law.title, law.subheads) == (None, "中华人民共和国国家通用语言文字法", [])
    assert law.paragraphs[0].startswith("（2000年10月31日") and law.paragraphs[-1].startswith("第三条")


def test_a_heading_wider_than_the_column_after_a_text_is_the_next_articles_title() -> None:
    """Nothing closes the story before it, but a subhead is never wider than its column."""
    narrow = column("城市的温度，体现在细微之处。一条无障碍通道、一张便民服务卡、一句耐心的解答，看似微不足道，"
                    "却能让人感受到被尊重、被关怀。", "民生无小事。从群众身边的小事做起，积小胜为大胜。", width=13)
    first, second = parse_page("小切口做出大文章\n" + narrow + "推动优质公共文化服务向基层延伸\n" + narrow)
    assert (first.title, second.title) == ("小切口做出大文章", "推动优质公共文化服务向基层延伸")
    assert first.subheads == [] and len(first.paragraphs) == 2


def test_a_title_as_wide_as_a_first_line_over_a_first_line_starts_the_next_brief() -> None:
    """A paragraph's first line is followed by a full line, so a line over another first line is a heading."""
    report = column("本报讯（记者吴芳）新学期即将开始，全市各中小学已完成校舍安全检查和教材发放。",
                    "市教育局要求，各校要做好开学第一课，引导学生尽快收心，以良好状态投入学习。", width=13)
    brief = column("市老年大学新学期报名日前启动，书法、声乐、智能手机应用等课程名额很快报满。", width=13)
    first, second = parse_page("中小学春季开学准备就绪\n" + report + "老年大学新学期报名火爆\n" + brief)
    assert (first.title, second.title) == ("中小学春季开学准备就绪", "老年大学新学期报名火爆")
    assert any("as wide as a paragraph's first line" in warning for warning in first.warnings)


def test_in_a_news_report_a_heading_over_a_one_line_paragraph_is_the_next_title() -> None:
    """A report (消息) has no subheads: a heading there over a short opening sentence starts a new piece."""
    report = column("新华社北京3月5日电 多地密集出台稳就业举措，通过发放补贴、开发岗位、"
                    "优化服务等方式帮助重点群体就业。", width=15)
    feature = column("产业焕新，AI赋能。", "习近平总书记指出，加快发展新一代人工智能是我们赢得"
                     "全球科技竞争主动权的重要战略抓手。", width=15)
    first, second = parse_page("多地出台措施稳定和扩大就业\n" + report + "奔向人工智能的“海油高地”\n" + feature)
    assert (first.title, second.title) == ("多地出台措施稳定和扩大就业", "奔向人工智能的“海油高地”")
    assert second.paragraphs[0] == "产业焕新，AI赋能。"
    assert any(warning.startswith(f"uncertain boundary: line {2 + len(report.splitlines())},")
               for warning in second.warnings)  # the weak decision names its line


def test_in_a_news_report_a_line_that_fills_the_measure_over_a_short_sentence_end_is_text() -> None:
    """`这是中国华电第三次发布碳排放白` over `皮书。`: running text fills its measure, a title only by chance, so an
    unpunctuated line as wide as the column is no title over a one-line paragraph; the report goes on."""
    report = column("本报北京3月5日电 多地出台稳就业举措，通过发放补贴、开发岗位等方式帮助重点群体就业。"
                    "这是今年以来各地第二次集中出台稳就业举措。",
                    "数据显示，一季度城镇新增就业人数同比增加。", width=15)
    lines = report.splitlines()
    assert lines[3:5] == ["这是今年以来各地第二次集中出台", "稳就业举措。"]  # the shape under test
    [article] = parse_page("多地出台措施稳定和扩大就业\n" + report)
    assert article.title == "多地出台措施稳定和扩大就业" and len(article.paragraphs) == 2
    feature = column("产业焕新，AI赋能。", "习近平总书记指出，加快发展新一代人工智能是我们赢得"
                     "全球科技竞争主动权的重要战略抓手。", width=13)
    first, second = parse_page("多地出台措施稳定和扩大就业\n" + column("新华社北京3月5日电 多地密集出台稳就业"
                               "举措，帮助重点群体就业。相关部门将加强督促指导。", width=13)
                               + "奔向人工智能的“海油高地”\n" + feature)
    # as wide as the column, but under a short last line
    assert (first.title, second.title) == ("多地出台措施稳定和扩大就业", "奔向人工智能的“海油高地”")


def test_a_one_character_title_over_a_pen_name_is_title_and_author() -> None:
    """An essay's `推` over `丰之余`: 丰 is no common surname, but a three-character line between a title
    and a text's first line is its author's name (listed for review)."""
    essay = column("两三月前，报上好像登过一条新闻，说有一个卖报的孩子，踏上电车的踏脚去取报钱。",
                   "住在上海，想不遇到推与踏，是不能的，而且这推与踏也还要廓大开去。", width=15)
    first, second = parse_page("推\n丰之余\n" + essay + "喝茶\n丰之余\n" + essay)
    assert [(article.title, article.authors) for article in (first, second)] == [
        ("推", ["丰之余"]), ("喝茶", ["丰之余"])]
    assert "line 2: a bare name under the headline (丰之余) was taken as the byline" in first.warnings
    assert len(first.paragraphs) == 2


def test_only_a_three_character_line_passes_for_a_name_without_a_known_surname() -> None:
    assert bare_name("丰之余") is None and bare_name("丰之余", any_surname=True) is not None
    assert bare_name("守住初心", any_surname=True) is None and bare_name("春耕", any_surname=True) is None
    assert bare_name("第一章 总则", any_surname=True) is None and bare_name("第一章", any_surname=True) is None
    assert bare_name("旅 隼", any_surname=True) is not None  # two characters spaced out to three: a name
    assert bare_name("旅隼", any_surname=True) is None and bare_name("旅 隼") is None


def test_a_documents_dated_note_marks_its_title_even_after_an_unsigned_report() -> None:
    """Nothing closes the report, and the law's title fits the column; the note under it only follows a title.

    After the note, which ends with its bracket and no full stop, `第一章 总则` is a subhead."""
    report = column("现在，我代表海南省人民政府，向大会报告工作，请予审议。", "这一年，我们感恩奋进、埋头苦干，"
                    "封关运作如期实现。封关准备重点任务和软硬件建设全面完成。", width=36)
    law = column("（2000年10月31日第九届全国人民代表大会常务委员会第十八次会议通过 2000年10月31日中华人民共和国"
                 "主席令第三十七号公布 自2001年1月1日起施行）", width=36) + "第一章 总则\n" + column(
        "第一条 为推动国家通用语言文字的规范化、标准化及其健康发展，根据宪法，制定本法。",
        "第二条 本法所称的国家通用语言文字是普通话和规范汉字。", width=36)
    first, second = parse_page("政府工作报告\n" + report + "中华人民共和国国家通用语言文字法\n" + law)
    assert (first.title, first.subheads) == ("政府工作报告", [])
    assert (second.title, second.subheads) == ("中华人民共和国国家通用语言文字法", ["第一章 总则"])
    assert second.paragraphs[0].endswith("起施行）") and len(second.paragraphs) == 3


def test_a_numbered_subhead_may_be_wider_than_a_narrow_column() -> None:
    (report,) = parse_page("政府工作报告\n" + column("现在，我代表海南省人民政府，向大会报告工作。", width=15)
                           + "一、2025年和“十四五”时期工作回顾\n" + STORY)
    assert report.subheads == ["一、2025年和“十四五”时期工作回顾"] and len(report.paragraphs) == 3


def test_a_speechs_occasion_under_its_title_is_the_subtitle_with_or_without_its_dash() -> None:
    occasion = "2026年1月27日在海南省第七届人民代表大会第五次会议上"
    narrow = column("各位代表：", "现在，我代表海南省人民政府，向大会报告工作，请予审议。", width=13)
    for printed in (occasion, "——" + occasion):  # wider than two columns, unpunctuated
        (speech,) = parse_page("政府工作报告\n" + printed + "\n海南省省长  刘小明\n" + narrow)
        assert (speech.kicker, speech.title, speech.subtitle, speech.authors) == (
            None, "政府工作报告", occasion, ["刘小明"])


def test_a_line_short_by_an_opening_mark_carried_over_does_not_open_a_paragraph() -> None:
    text = ("喝茶\n那好味道竟又不知不觉的滑过去，像喝着粗茶一样了。\n"
            "有好茶喝，会喝好茶，是一种“清福”。不过要享这\n“清福”，首先就须有工夫，其次是练习出来的特别的\n"
            "感觉。由这一极琐屑的经验，我想，假使是一个使用筋\n力的工人，在喉干欲裂的时候，那么，即使给他龙井芽\n"
            "茶，珠兰窨片，恐怕他喝起来也未必觉得有大区别罢。\n")
    (essay,) = parse_page(text)
    assert len(essay.paragraphs) == 1


def test_a_report_led_by_its_reporter_has_no_subheads_so_a_heading_in_it_is_the_next_title() -> None:
    """`记者从…获悉` opens a news report as a dateline does: a heading after it starts the next piece."""
    report = column("记者从省交通运输厅获悉，春节期间全省高速公路小型客车免费通行。", "交通运输部门提醒，节日期间"
                    "部分路段车流量较大，请提前规划出行路线。", width=28)
    brief = column("傍晚时分，位于老城区的一家城市书房里灯火通明，不少市民安静地坐在书架旁阅读。", width=28)
    first, second = parse_page("高速公路春运期间免费通行\n" + report + "城市书房成为市民“文化客厅”\n" + brief)
    assert (first.title, first.subheads, second.title) == ("高速公路春运期间免费通行", [], "城市书房成为市民“文化客厅”")
    assert any(warning.startswith("uncertain boundary: line 6,") for warning in second.warnings)


def test_a_heading_in_a_report_over_text_that_runs_on_unsigned_is_its_subhead() -> None:
    """A long report may part its text with subheads: a heading over text that opens no report (no dateline,
    `记者…获悉` or day), runs on past a paragraph's end and is signed by no byline before the next heading goes on
    with the story; the decision is named in the review report. Text under it opening with the day it reports is
    the next item's."""
    lead = "\u3000\u3000" + column("南方日报讯（记者/王立新）城东区幸福里小区改造昨日完工，三百多户居民住上了新房。",
                                    width=17)
    under = "".join("\u3000\u3000" + column(paragraph, width=17) for paragraph in (
        "改造前，社区工作人员挨家挨户上门征求意见，共收集居民建议两百多条。", "施工期间，社区还为居民开通了临时通道。"))
    (report,) = parse_page("老旧小区改造完工\n" + lead + "居民意见收进图纸\n" + under)
    assert report.subheads == ["居民意见收进图纸"] and len(report.paragraphs) == 3
    assert any(warning.startswith(f"line {2 + len(lead.splitlines())}: a heading in a text opened by a dateline was "
                                  "read as a subhead") for warning in report.warnings)
    dated = under.replace("改造前，", "7月8日，", 1)
    first, second = parse_page("老旧小区改造完工\n" + lead + "居民意见收进图纸\n" + dated)
    assert (first.subheads, second.title) == ([], "居民意见收进图纸")


def test_an_undated_dateline_of_a_papers_name_opens_a_report() -> None:
    found = match_dateline("南方日报讯 自去年开展农村综合改革以来")
    assert found is not None and found.text == "南方日报讯"
    assert match_dateline("扬子晚报讯（记者 王立新）") is not None
    assert match_dateline("警报讯号响起后，居民有序撤离") is None


def test_a_bracketed_end_byline_broken_by_the_wrap_is_one_byline_over_two_lines() -> None:
    (brief,) = parse_page("城市书房成为市民“文化客厅”\n文化部门表示，今年将新建城市书房十五家，并推动书房向\n"
                          "乡镇延伸，让更多群众在家门口享受阅读的乐趣。（通讯员 黄\n静）\n")
    assert brief.authors == ["黄静"] and brief.paragraphs[-1].endswith("阅读的乐趣。")
    assert [(artefact.line, artefact.text) for artefact in brief.artefacts if artefact.kind == "byline"] == [
        (3, "（通讯员 黄"), (4, "静）")]
    assert "line 3: byline at the end of the text, wrapped onto line 4" in brief.sources


def test_a_phrase_opening_the_page_over_a_first_line_with_a_hanging_comma_is_the_title() -> None:
    """The first line's last comma hangs past the measure, so the line is not narrowed; a phrase at the top
    of a page is a title all the same (a fragment opens with running text), listed for review."""
    [news] = [page["articles"][0] for page in load_pages() if page["name"] == "real-news-1933"]
    body = column(news["paragraphs"][0], width=32)
    assert body.splitlines()[0].endswith("，")  # hangs: 31 cells where a first line has 30
    (article,) = parse_page(news["title"] + "\n" + body)
    assert article.title == "艺华影片公司被“影界铲共同志会”捣毁" and len(article.paragraphs) == 1
    assert any(warning.startswith("line 1: a short phrase at the top of the page") for warning in article.warnings)
    (fragment,) = parse_page(body)
    assert fragment.title is None  # running text opens a fragment


def test_a_dateline_of_any_agency_site_or_paper_opens_a_report() -> None:
    assert match_dateline("中国经济网北京 6 月 12 日讯 A 股三大指数") is not None
    assert match_dateline("浙江日报杭州3月1日讯") is not None and match_dateline("央广网北京3月1日电") is not None
    assert match_dateline("截至6月12日电力供应平稳") is None and match_dateline("人民网昨日报道") is None


def test_a_labelled_title_across_columns_opens_the_page_and_the_next_report_follows() -> None:
    """`午评：…` is a title with its label; a title wider than two narrow columns over a first line is a title;
    the first report opens with a dateline, so a heading after it starts the next one."""
    report = column("中国经济网北京6月12日讯 A股三大指数今日早盘集体上涨。截至午间收盘，上证指数报4049.29点。",
                    "行业板块方面，贵金属、工业金属、小金属等板块涨幅居前。", width=13)
    other = column("中国经济网北京6月12日讯 魅视科技昨日晚间发布公告称，近日，公司收到股东出具的告知函。", width=13)
    first, second = parse_page("午评：三大指数早盘集体上涨  贵金属板块领涨\n" + report
                               + "魅视科技实控人方拟套现1.13亿元  2022年上市募5.43亿\n" + other)
    assert (first.title, first.dateline) == ("午评：三大指数早盘集体上涨 贵金属板块领涨", "中国经济网北京6月12日讯")
    assert second.title == "魅视科技实控人方拟套现1.13亿元 2022年上市募5.43亿"
    assert second.dateline == "中国经济网北京6月12日讯"
    assert first.paragraphs[-1].startswith("行业板块方面")


def test_a_first_line_running_on_into_latin_words_or_indented_is_text_not_a_second_head_line() -> None:
    """Short because `Rouleau` did not fit, the line ends inside a run of Latin words the next line goes on with."""
    paragraph = ("加拿大麦吉尔大学蒙特利尔神经科学研究所（MNI）主任Guy Rouleau对当前神经科学研究向临床转化的"
                 "速度之慢感到沮丧。“我们现在的工作糟透了。”他说。")
    text = "\n".join(line.rstrip() for line in wrap(paragraph, 30, 32))
    assert text.splitlines()[0].endswith("Guy")
    title = "加拿大一科研机构将开放数据促进科学发展"
    for page in (text, "\u3000\u3000" + text):
        (article,) = parse_page(title + "\n" + page + "\n")
        assert (article.kicker, article.title, article.subtitle) == (None, title, None)
        assert article.paragraphs[0].startswith("加拿大麦吉尔大学") and "Guy Rouleau" in article.paragraphs[0]



def test_a_title_over_a_first_line_hanging_its_closing_mark_starts_the_next_report() -> None:
    """`…称作“开门红”` fills a first line's measure and hangs its `”` past it (a closing mark never starts
    a line), so it measures as wide as a full line; the short phrase over it cannot be running text."""
    report = column("本报北京1月30日电（记者王浩）寒假将至，全市科普场馆开放时间日前公布：科技馆、天文馆、博物馆，"
                    "每天开放，时长八小时；讲座、展览、体验，场场免费，“科学之夜”“少年实验室”等活动，同步推出。",
                    "市科协表示，寒假期间，讲座、体验、研学，将持续推出，线上展厅、云课堂，也将上新。", width=24)
    next_report = column("科技馆研究中心主任李明把这次开放称作“开门红”并说，物理、化学、生物、天文、地理，每个门类，"
                         "都有专人负责；讲解、答疑、指导，全部免费。", width=24)
    assert next_report.splitlines()[0].endswith("“开门红”")
    first, second = parse_page("寒假科普活动精彩纷呈\n" + report + "科技馆实验室向中小学生开放\n" + next_report)
    assert (first.title, second.title) == ("寒假科普活动精彩纷呈", "科技馆实验室向中小学生开放")
    assert second.paragraphs == ["科技馆研究中心主任李明把这次开放称作“开门红”并说，物理、化学、生物、天文、地理，"
                                 "每个门类，都有专人负责；讲解、答疑、指导，全部免费。"]
    assert len(first.paragraphs) == 2


def test_a_line_the_next_lines_number_did_not_fit_is_text_not_a_heading_or_a_paragraph_end() -> None:
    """`…充电桩达到` over `38,460个…`: a number is never broken, so the line before it is short though full."""
    report = column("本报讯（记者吴芳）全市公，今年以来新建充电桩12,500个。累计建成的公共充电桩达到38,460个，"
                    "同比增长21.5%。", "市发展改革委表示，明年将继续加密充电网络。", width=15)
    assert "累计建成的公共充电桩达到\n38,460个" in report
    (article,) = parse_page("充电设施建设提速\n" + report)
    assert article.paragraphs == ["本报讯（记者吴芳）全市公，今年以来新建充电桩12,500个。累计建成的公共充电桩达到"
                                  "38,460个，同比增长21.5%。", "市发展改革委表示，明年将继续加密充电网络。"]


def test_a_reports_subheads_stay_subheads_when_its_own_reporter_signs_the_end() -> None:
    """`城市晚报讯（记者 陈立）` opens a report with subheads (one wider than the column) and the paper's end
    credit names the same reporter with the desk's staff: one article, by one author, the credit line dropped."""
    opening = column("城市晚报讯（记者 陈立）昨日下午，市教育局发布寒假安全工作通知，要求各校做好假期安全教育。",
                     width=15)
    first = column("通知要求，各校要通过家长会、致家长的一封信等方式，提醒学生注意交通、防火和防溺水安全。", width=15)
    second = column("通知还要求各校做好寒假值班值守，保持通信畅通，遇到突发情况及时报告。", width=15)
    page = ("寒假安全教育要早抓实抓\n" + opening + "提醒家长做好假期看护\n" + first
            + "假期值班值守安排务必落实到具体人员\n" + second + "城市晚报记者  陈立  编辑  张扬  校对  李铭\n")
    (article,) = parse_page(page)
    assert article.subheads == ["提醒家长做好假期看护", "假期值班值守安排务必落实到具体人员"]
    assert article.authors == ["陈立"] and article.dateline == "城市晚报讯"
    assert article.paragraphs[-1] == "通知还要求各校做好寒假值班值守，保持通信畅通，遇到突发情况及时报告。"
    assert any(artefact.kind == "byline" and "校对" in artefact.text for artefact in article.artefacts)


def test_a_fragment_without_a_headline_names_the_line_it_starts_on() -> None:
    """The review report's warning says where the headless text is, so an editor finds it at once."""
    fragment = column("的工作经验，各地还要结合实际抓好落实。", width=20)
    first, second = parse_page("\n\n" + fragment[1:] + "让城市更有温度\n本报评论员\n" + STORY)
    assert first.title is None and second.title == "让城市更有温度"
    assert first.warnings[0] == ("no headline found: the text from line 3 on starts on another page; "
                                 "add a title to publish it")


def test_a_deck_twice_as_wide_as_the_title_is_its_subtitle_and_a_kicker_decision_names_its_lines() -> None:
    """Plain text has no type size: a long two-phrase deck under a short title is read as its subtitle,
    a column's bracketed label stays a kicker, and every kicker-or-title decision is listed with its lines."""
    (deck,) = parse_page("老街改造完工\n百年骑楼恢复原貌  沿街商铺陆续开张营业\n" + STORY)
    assert (deck.kicker, deck.title, deck.subtitle) == (None, "老街改造完工", "百年骑楼恢复原貌 沿街商铺陆续开张营业")
    assert any(warning.startswith("line 2: a heading under the title without a dash") for warning in deck.warnings)
    (label,) = parse_page("【市场观察】\n冬季用能高峰  煤炭供应总体平稳\n" + STORY)
    assert (label.kicker, label.title, label.subtitle) == ("【市场观察】", "冬季用能高峰 煤炭供应总体平稳", None)
    assert ("line 1: 【市场观察】 over the title was taken as its kicker; if it is the title, line 2 is its subtitle "
            "printed without a dash") in label.warnings


def test_a_title_naming_a_document_is_a_phrase_however_wide_the_marks_in_its_name() -> None:
    """`…发布《城市更新行动：进展、成效与展望》白皮书` is a phrase over a dateline, three columns wide or not."""
    report = column("新华社北京5月6日电（记者李明）国务院新闻办公室6日发布白皮书，介绍城市更新行动的进展和成效。",
                    width=10)
    (article,) = parse_page("我国发布《城市更新行动：进展、成效与展望》白皮书\n" + report)
    assert article.title == "我国发布《城市更新行动：进展、成效与展望》白皮书"
    assert article.dateline == "新华社北京5月6日电" and article.authors == ["李明"]


def test_credited_items_of_a_brief_column_stay_one_article() -> None:
    page = "文化简讯\n" + column("△学术讨论会十月十三日在曲阜开幕，中外学者百余人与会。（朱文志）",
                                "△电视系列片《陕北民歌》集近期在北京举行了首映式。（山风）",
                                "△歌剧《弄臣》十月十三日在南京首演，这在我国尚属首次。")
    [article] = parse_page(page)
    assert article.title == "文化简讯" and article.authors == []
    assert [paragraph[:3] for paragraph in article.paragraphs] == ["△学术", "△电视", "△歌剧"]
    assert article.paragraphs[0].endswith("（朱文志）")


def test_a_heading_over_unmarked_text_ends_a_brief_column() -> None:
    page = "文化简讯\n" + column("△学术讨论会十月十三日在曲阜开幕，中外学者百余人与会。（朱文志）",
                                "△歌剧《弄臣》十月十三日在南京首演，这在我国尚属首次。") + "友好往来\n" + OTHER
    assert [article.title for article in parse_page(page)] == ["文化简讯", "友好往来"]


def test_marked_item_titles_open_articles_and_the_column_name_is_no_kicker() -> None:
    page = ("台湾短讯\n■福建省新闻界访问团抵金门\n" + STORY + "■两岸学术研讨会将在台北召开\n" + OTHER)
    first, second = parse_page(page)
    assert (first.kicker, first.title, second.title) == (None, "福建省新闻界访问团抵金门", "两岸学术研讨会将在台北召开")
    assert any("台湾短讯 over an item's marked title" in warning for warning in first.warnings)
    assert first.subheads == [] and second.kicker is None


def test_two_heading_lines_after_an_announcing_colon_are_one_subhead() -> None:
    page = ("温宪做客人民网\n" + STORY + column("以下是访谈文字实录：") + "回忆70年代初进人民日报\n四十年来发生了巨变\n"
            + column("主持人：各位网友大家上午好，欢迎各位收看系列访谈。今天作客演播室的嘉宾是温宪，欢迎温老师。",
                     "温宪：您好，人民网网友大家好。"))
    [article] = parse_page(page)
    assert article.subheads == ["回忆70年代初进人民日报 四十年来发生了巨变"]
    assert any("ending with a colon was read as a subhead" in warning for warning in article.warnings)
    assert article.paragraphs[-1] == "温宪：您好，人民网网友大家好。"


def test_the_bare_name_under_a_tagged_title_is_its_author_over_a_lead_in() -> None:
    page = ("破解预约难，“诗外”下功夫（人民时评）\n李忱阳\n"
            + column("破解“预约难”，需要立足一域、因地制宜，得出“最优解”") + STORY)
    [article] = parse_page(page)
    assert article.title == "破解预约难，“诗外”下功夫（人民时评）"
    assert (article.kicker, article.authors) == (None, ["李忱阳"])
    assert article.paragraphs[0] == "破解“预约难”，需要立足一域、因地制宜，得出“最优解”"
    assert len(article.paragraphs) == 3
    assert ("line 4: a paragraph was ended here though no mark closes it, because the line falls short of its "
            "measure") in article.warnings  # weak evidence: listed for the editor


def test_a_dashed_subtitle_across_the_page_stays_in_the_head() -> None:
    page = (column("许多高校学生结合自己所掌握的专业知识，提供智力型的科技文化服务，这是今年的一个显著特点。", width=15)
            + "受李鹏总理委托朱镕基副总理主持国务院第二次全会\n部署加强宏观调控做好当前经济工作措施\n"
            + "——近日将派出十个中央调查组，前往二十个省区市督促检查各地贯彻落实情况\n"
            + column("新华社北京7月10日电（记者邹爱国）国务院今天举行第二次全体会议，部署当前经济工作的措施。",
                     width=15))
    second = parse_page(page)[-1]
    assert second.kicker == "受李鹏总理委托朱镕基副总理主持国务院第二次全会"
    assert second.title == "部署加强宏观调控做好当前经济工作措施"
    assert second.subtitle == "近日将派出十个中央调查组，前往二十个省区市督促检查各地贯彻落实情况"


def test_a_second_dateline_under_no_heading_is_the_same_storys_second_dispatch() -> None:
    page = ("李鹏总理回到北京\n"
            + column("新华社北京11月16日电（记者杨国强）国务院总理李鹏圆满结束对日本的正式友好访问，"
                     "今天下午乘专机返回北京。")
            + column("本报大阪11月16日电记者张国成报道：李鹏总理一行今天下午在日本大阪关西国际机场乘专机回国，"
                     "大阪府知事到机场送行。"))
    [article] = parse_page(page)
    assert len(article.paragraphs) == 2 and article.paragraphs[1].startswith("本报大阪11月16日电")
    assert any("second dispatch" in warning for warning in article.warnings)
    assert article.authors == ["杨国强", "张国成"]  # the second dispatch's reporters, named without brackets


def test_reporters_named_without_brackets_after_a_dateline() -> None:
    dateline = match_dateline("本报天津10月4日电 记者肖荻、王芳报道：天津市各方热情关注高新技术的发展")
    assert dateline is not None and (dateline.text, dateline.authors) == ("本报天津10月4日电", ["肖荻", "王芳"])


def test_a_title_wider_than_two_columns_over_a_dateline_is_a_title_commas_and_all() -> None:
    page = ("人民日报高级记者、人民日报原国际部副主任温宪做客人民网\n"
            + column("人民网北京5月14日电今年6月15日，是人民日报创刊70周年纪念日，人民网推出系列访谈。", width=13))
    assert parse_page(page)[0].title == "人民日报高级记者、人民日报原国际部副主任温宪做客人民网"


def test_reporters_wrapped_under_their_dateline_do_not_end_the_story() -> None:
    page = ("上海10万大学生暑期奔赴百县千乡\n新华社上海7月8日电\n（通讯员马春雷、记者刘军）\n"
            + column("今年暑期，上海高校10万多名大学生开展社会实践活动，足迹遍及百县千乡。", width=13))
    [article] = parse_page(page)
    assert article.authors == ["马春雷", "刘军"] and article.dateline == "新华社上海7月8日电"
    assert len(article.paragraphs) == 1


def test_reporters_bracketed_at_the_start_of_a_text_without_a_dateline_are_its_authors() -> None:
    [article] = parse_page("110万园丁奉献三尺讲台\n" + column("（记者冯芸）百年大计，教育为本。记者从省教育厅了解到，"
                                                           "我省专任教师已达110万人。"))
    assert article.authors == ["冯芸"] and article.dateline is None
    assert article.paragraphs[0].startswith("（记者冯芸）百年大计")  # the text keeps what the paper printed
    assert any("reporters bracketed opening the text" in source for source in article.sources)
    [aside] = parse_page("一条老街的新生\n" + column("（小标题略）老街的清晨，青石板路上已经有了脚步声。"))
    assert aside.authors == []  # a bracket that names no role is an aside


def test_a_marked_phrase_over_a_title_names_a_section_of_the_page_not_a_kicker() -> None:
    page = ("□师者之尊缘自用心\n葛堂友深山从教42年\n" + STORY
            + "□桃李芬芳真情感恩\n清丰开展谢师恩活动\n本报记者  李铮\n" + OTHER)
    first, second = parse_page(page)
    assert (first.kicker, first.title) == (None, "葛堂友深山从教42年")
    assert (second.kicker, second.title, second.authors) == (None, "清丰开展谢师恩活动", ["李铮"])
    assert any("name of a section of the page" in warning for warning in first.warnings + second.warnings)


def test_a_note_naming_the_storys_source_closes_it() -> None:
    inline = ("王生英以校为家\n" + column("三十年来，她二十年以校为家，历尽艰辛，默默奉献。为此，王生英无怨无悔。"
                                           "（据新华社郑州9月9日电）")
              + "蒋二军用生命坚守讲台\n" + OTHER)
    first, second = parse_page(inline)
    assert first.paragraphs[-1].endswith("（据新华社郑州9月9日电）") and second.title == "蒋二军用生命坚守讲台"
    assert any("source noted after its last sentence" in source for source in first.sources)
    own_line = "王生英以校为家\n" + STORY + "（据新华社郑州9月9日电）\n蒋二军用生命坚守讲台\n" + OTHER
    first, second = parse_page(own_line)
    assert first.paragraphs[-1] == "（据新华社郑州9月9日电）" and (second.kicker, second.title) == (
        None, "蒋二军用生命坚守讲台")


def test_a_heading_labelled_as_the_title_is_the_next_item_not_a_subhead() -> None:
    page = ("葛堂友：深山从教42年\n" + STORY + "王生英：以校为家以家为校\n" + OTHER)
    first, second = parse_page(page)
    assert first.subheads == [] and second.title == "王生英：以校为家以家为校"
    assert any("labelled as the title" in warning for warning in second.warnings)
    [unlabelled] = parse_page("一条老街的新生\n" + STORY + "老手艺找到新市场\n" + OTHER)
    assert unlabelled.subheads == ["老手艺找到新市场"]  # an unlabelled title's heading stays a subhead


def test_a_letter_spaced_line_ending_in_a_role_word_carries_no_byline() -> None:
    assert split_trailing_byline("100% 随 机 获 赠 代 金 券。 记 者 从 啤 酒 节") is None
    split = split_trailing_byline("…不得而知。 本报记者 张三")
    assert split is not None and split[1].authors == ["张三"]


def test_boxed_byline_lines_under_a_headline_name_every_author() -> None:
    article = {"title": "场馆游泳意外身亡 未尽安保担责六成", "byline": "lines", "authors": ["张驰", "范瑞恒", "张晓斌"],
               "byline_lines": ["□ 本报记者 张驰", "□ 本报见习记者 范瑞恒", "□ 本报通讯员 张晓斌"],
               "paragraphs": ["炎炎夏日，各类游泳健身场馆正在成为人们“乘风破浪”的好去处，"
                              "但其中潜在的运动风险也容易引发相关的纠纷。"]}
    page = {"name": "legal", "paper": "legal-daily", "articles": [article]}
    text = render(page, Style(19, blanks="every", indent="ascii", seed=12))
    assert "□ 本报见习记者 范瑞恒\n" in text
    [read] = parse_page(text)
    assert read.authors == ["张驰", "范瑞恒", "张晓斌"] and read.title == "场馆游泳意外身亡 未尽安保担责六成"


def test_a_paragraph_broken_before_a_long_dash_is_no_title_over_a_subtitle() -> None:
    text = column("新华网合肥5月15日电（记者陈诺）章燎原和他的创客团队刷新中国电商食品销售纪录。",
                  "位于安徽省芜湖市的食品电商——“三只松鼠”从零起步，短短几年时间，用小小的坚果敲开了无数“吃货”的胃。",
                  width=15)
    assert "食品电商\n——“三只松鼠”从零起步，" in text  # the dash, never broken, went whole to the next line
    [article] = parse_page("“三只松鼠”与一颗坚果\n" + text)
    assert article.title == "“三只松鼠”与一颗坚果" and article.subtitle is None
    assert article.paragraphs[1].startswith("位于安徽省芜湖市的食品电商——")
    [titled] = parse_page("一条老街的新生\n——记古城改造中的烟火人间\n" + STORY)
    assert titled.subtitle == "记古城改造中的烟火人间"  # a short dashed line under a title stays its subtitle


def test_an_undated_dispatch_followed_by_its_reporters_is_a_dateline() -> None:
    dateline = match_dateline("本报海口电（记者 王晓 通讯员 李明）海南自由贸易港建设又有新进展")
    assert dateline is not None and (dateline.text, dateline.authors) == ("本报海口电", ["王晓", "李明"])
    assert match_dateline("本报电视专栏今天开播，观众反响热烈") is None  # no bracket of reporters: running text
    [article] = parse_page("自贸港建设又有新进展\n" + column("本报海口电（记者 王晓）海南自由贸易港建设又有新进展，"
                                                          "一批重点项目集中开工。"))
    assert article.dateline == "本报海口电" and article.authors == ["王晓"]


def test_a_dated_feature_goes_on_under_a_subhead_that_names_the_subject_its_title_quotes() -> None:
    """A feature opens with a dateline as a report does, but has subheads: the text under the heading
    names `“松鼠”`, the subject the title quotes, so the story goes on; a report's next title would not."""
    lead = column("新华社合肥5月15日电（记者陈诺）一家食品电商在“双十一”以一亿元的单日销售额刷新纪录。",
                  "几年之间，“松鼠”用小小的坚果敲开了无数顾客的门，也敲响了平凡人的创业梦想。", width=22)
    under = column("五年前，零食铺子依然是主要销售渠道，创始人却嗅到了网上的商机，辞去了原有的职位。",
                   "当年二月，“松鼠”在一座百余平方米的小区民房里成立，五位合伙人集结于此，共同创业。", width=22)
    (feature,) = parse_page("“松鼠”与一颗坚果\n" + lead + "民房里走出创业团队\n" + under)
    assert (feature.title, feature.subheads, feature.dateline) == ("“松鼠”与一颗坚果", ["民房里走出创业团队"],
                                                                   "新华社合肥5月15日电")
    assert len(feature.paragraphs) == 4
    assert any(warning.startswith("line 7: a heading in a text opened by a dateline was read as a subhead")
               for warning in feature.warnings)


def test_a_heading_of_two_phrases_as_the_title_is_over_a_dated_lead_is_the_next_brief() -> None:
    """Sports briefs carry no byline or dateline, only the day they report; a heading parted in two phrases
    as the item's title is, over `北京时间6月25日，`, is the next brief's title, not a subhead of the first."""
    first = column("北京时间6月25日，据多方消息源报道，球队拒绝执行老将下赛季的球队选项，他成为完全自由球员。",
                   "三十四岁的他在刚刚结束的赛季出战二十七场比赛，场均登场十二分钟。", width=24)
    second = column("北京时间6月25日，据报道，年轻前锋承诺将代表国家队参加今年夏天的男篮世界杯。", width=24)
    one, two = parse_page("球队拒绝执行老将选项  老将成自由球员\n" + first
                          + "前锋承诺代表国家队出战  名单仅差一人\n" + second)
    assert (one.title, one.subheads, two.title) == ("球队拒绝执行老将选项 老将成自由球员", [],
                                                    "前锋承诺代表国家队出战 名单仅差一人")
    assert any("a heading of two phrases as the title is" in warning for warning in two.warnings)


def test_a_two_phrase_subhead_wider_than_a_narrow_column_stays_in_its_feature() -> None:
    """`二十年以校为家　不让一个孩子辍学` in a feature titled in one phrase: at 15 cells the subhead runs wider
    than the column, yet shaped as no title of its article is, it is a subhead, not a headline across columns."""
    above = column("她是一名普通的山村女教师，三十年来默默奉献，用言行诠释着对教师的理解。", width=15)
    under = column("1993年，一场暴雨冲毁了破旧不堪的教室，她决定把孩子们领到自己家里去上课。", width=15)
    (feature,) = parse_page("王英：以校为家以家为校\n" + above + "十余载以家为校　为孩子们撑起一间教室\n" + under)
    assert feature.subheads == ["十余载以家为校 为孩子们撑起一间教室"]
    assert any("two phrases wider than the column was read as a subhead" in warning for warning in feature.warnings)


def test_a_labelled_title_wider_than_the_column_over_a_year_opens_the_next_item() -> None:
    """`F1大奖赛正赛：维斯塔潘冠军  阿隆索亚军` is a phrase after its label (Latin letters in it), and a line
    wider than the column is no wrapped line that the next line's `2023年` did not fit: a title."""
    first = column("北京时间6月25日，据报道，年轻前锋承诺将代表国家队参加今年夏天的男篮世界杯。", width=15)
    second = column("2023年F1大奖赛结束，红牛车队的车手杆位发车，一路轻松领跑，再次夺冠。", width=15)
    one, two = parse_page("前锋承诺代表国家队出战  名单仅差一人\n" + first
                          + "F1大奖赛正赛：维斯塔潘冠军  阿隆索亚军\n" + second)
    assert two.title == "F1大奖赛正赛：维斯塔潘冠军 阿隆索亚军" and one.paragraphs == [first.replace("\n", "")]


def test_a_line_over_a_paragraph_that_keeps_its_indent_does_not_run_on_into_it() -> None:
    """A heading as wide as the column over `　　2023年F1…`: the kept indent opens a paragraph, so the
    heading's line did not break before the number for want of room."""
    def indented(text: str) -> str:
        return "\u3000\u3000" + column(text, width=22)
    first = indented("北京时间6月25日，据著名记者报道，魔术前锋承诺将代表国家队参加2023年男篮世界杯。")
    second = indented("2023年F1加拿大大奖赛正式比赛结束。红牛车队维斯塔潘杆位发车一路轻松领跑，再次完成了夺冠。")
    _, two = parse_page("前锋承诺代表国家队出战  名单仅差一人\n" + first
                        + "F1加拿大大奖赛正赛：维斯塔潘冠军  阿隆索亚军\n" + second)
    assert two.title == "F1加拿大大奖赛正赛：维斯塔潘冠军 阿隆索亚军"


def test_a_quoted_first_line_under_a_title_is_text_not_the_title() -> None:
    """`“千百年来，…这份情` under a title, keeping its indent or as wide as a first line that lost it: it holds
    clause marks and its sentence runs on, so it opens the text; the title is no kicker."""
    quote = ("“千百年来，两国一直是隔海相望的邻居，人民之间的往来从未中断，这份情谊值得珍惜。”谈起两国关系，"
             "这位大使的语气十分肯定。")
    rest = "他说，近年来两国在经贸、文化、教育等领域的合作不断深化，成果惠及两国人民。"
    lead_in = "基层治理千头万绪，既要听民声也要察民情，如此才能得出“最优解”"
    for text in ("\u3000\u3000" + column(quote, width=36) + "\u3000\u3000" + column(rest, width=36),
                 column(lead_in, width=29) + column(rest, width=29)):
        [article] = parse_page("两国人民友谊源远流长\n" + text)
        assert (article.kicker, article.title) == (None, "两国人民友谊源远流长")
        assert article.paragraphs[0].startswith(("“千百年来", "基层治理"))


def test_under_a_title_that_closes_a_statement_or_is_labelled_an_undashed_line_is_the_subtitle() -> None:
    """A kicker leads into its title: it does not close with `了` or `吗`, nor carry a title's label (`香港：`)."""
    [market] = parse_page("老城区的早市又热闹起来了\n一座北方小城的烟火气与新变化\n本报记者  李华\n" + STORY)
    assert (market.kicker, market.title, market.subtitle) == (
        None, "老城区的早市又热闹起来了", "一座北方小城的烟火气与新变化")
    assert "line 2: a heading under the title without a dash (一座北方小城的烟火气与新变化) was taken as the " \
           "subtitle" in market.warnings
    [finance] = parse_page("香港：金融业界积极对接新机遇\n多家银行推出跨境理财新服务\n" + STORY)
    assert (finance.kicker, finance.title, finance.subtitle) == (
        None, "香港：金融业界积极对接新机遇", "多家银行推出跨境理财新服务")


def test_a_lead_in_ending_without_a_mark_on_a_full_line_is_a_paragraph_of_its_own() -> None:
    """`…如此才能得出“最优解”` fills its last line: the line under it, short by the indent alone between two full
    lines, opens the next paragraph; where the extraction kept the indents, a one-line lead-in keeps its own."""
    lead_in = "基层治理千头万绪，既要听民声也要察民情，如此才能得出“最优解”"
    body = "近年来，不少地方把解决群众急难愁盼问题作为工作重点，推动资源、服务、管理向基层下沉，取得了明显成效。"
    head = "让基层治理更有温度（人民时评）\n张  平\n"
    [lost] = parse_page(head + column(lead_in, width=16) + column(body, width=16))
    assert lost.paragraphs == [lead_in, body]
    assert ("line 4: a paragraph was ended here though no mark closes it and the line is full, because the next "
            "line is short by a paragraph's indent alone") in lost.warnings  # weak evidence: listed for the editor

    def indented(text: str) -> str:
        return "\u3000\u3000" + column(text, width=36)
    [kept] = parse_page(head + indented(lead_in) + indented(body))
    assert kept.paragraphs == [lead_in, body]


def test_a_byline_with_the_place_filed_from_names_the_reporter_alone() -> None:
    (article,) = parse_page("城市更有温度\n本报记者 李静 青岛报道\n" + STORY)
    assert (article.authors, article.credit) == (["李静"], None)
    assert ("line 2: 青岛, run into `报道` after the byline's names, was taken as the place filed from, not a name"
            in article.warnings)


def test_a_byline_signed_as_text_by_after_the_story_is_its_author_not_the_next_kicker() -> None:
    first, second = parse_page("城市更有温度\n" + STORY + "本报记者 周之然/文\n民生无小事\n" + OTHER)
    assert (first.authors, second.kicker, second.title) == (["周之然"], None, "民生无小事")


def test_a_dateline_set_after_the_story_closes_it() -> None:
    first, second = parse_page("城市更有温度\n本报记者  王浩\n" + STORY + "（本报平壤9月8日电）\n民生无小事\n" + OTHER)
    assert first.paragraphs[-1] == "（本报平壤9月8日电）"
    assert (second.kicker, second.title) == (None, "民生无小事")


def test_the_same_reporters_next_story_is_no_subhead_of_the_one_their_dateline_signs() -> None:
    report = column("本报平壤2月19日电（记者莽九晨）朝鲜劳动党中央政治局常委、内阁总理朴凤柱19日晚来到中国驻朝鲜"
                    "大使馆，与大使和外交官们共度元宵佳节。")
    first, second = parse_page("朝鲜总理共庆元宵节\n" + report + "朝鲜社会主义保健制度惠及民众\n"
                               + STORY.rstrip("\n") + "□莽九晨\n")
    assert (first.title, first.authors, first.subheads) == ("朝鲜总理共庆元宵节", ["莽九晨"], [])
    assert (second.title, second.authors) == ("朝鲜社会主义保健制度惠及民众", ["莽九晨"])


def test_a_title_closed_by_a_column_tag_as_wide_as_the_column_opens_the_next_piece() -> None:
    piece = column("有关各方都应继续展示政治智慧与历史担当，为了和平与繁荣、和解与合作，相向而行、共同努力。", width=21)
    story = column("城市的温度，体现在细微之处。一条无障碍通道、一张便民服务卡、一句耐心的解答，看似微不足道，"
                   "却能让人感受到被尊重、被关怀。", width=21)
    first, second = parse_page("让城市更有温度（人民时评）\n周  方\n" + story
                               + "为实现朝鲜半岛持久和平行动起来（钟声）\n" + piece)
    assert (first.title, second.title) == ("让城市更有温度（人民时评）", "为实现朝鲜半岛持久和平行动起来（钟声）")
    assert second.paragraphs[0].startswith("有关各方")
    assert any(warning.startswith("line 6: a short phrase") for warning in second.warnings)


def test_a_lead_ended_without_a_mark_over_an_indented_paragraph_is_one_paragraph() -> None:
    """Its last line is as short as a first line that lost its indent, but the line under it kept its indent:
    that one opens the next paragraph, so the lead ends here and does not split before its last line."""
    lead = ("有关各方都应继续展示政治智慧与历史担当，为了和平与繁荣、和解与合作，朝着政治解决半岛问题、"
            "实现地区持久和平目标相向而行、共同行动")
    rest = "9月18日至20日，韩国总统文在寅访问朝鲜，双方签署了《9月平壤共同宣言》，半岛形势继续保持缓和势头。"
    [article] = parse_page("为实现朝鲜半岛持久和平行动起来（钟声）\n\u3000\u3000" + column(lead, width=17)
                           + "\u3000\u3000" + column(rest, width=17))
    assert article.paragraphs == [lead, rest]


def test_a_full_line_over_the_short_end_of_its_paragraph_is_no_title_where_paragraphs_keep_their_indent() -> None:
    """A news report has no subheads, so a phrase over a short one-line paragraph is the next item's title; but
    where the report's paragraphs keep their indent, a short line without it ends the paragraph over it."""
    first = column("新华社首尔1月3日电（记者陆睿）韩国统一部3日确认，朝韩当天通过板门店联络渠道进行了通话。",
                   width=17)
    second = ["据韩联社报道，统一部表示，首尔", "当天朝方首先通过板门店联络渠道打来",
              "电话，双方随即开始了线路技术检查。", "朝韩双方就电话和传真机是否能够正常", "使用进行了确认和检查。"]
    [article] = parse_page("韩国确认朝韩实现通话\n\u3000\u3000" + first + "\u3000\u3000" + "\n".join(second) + "\n")
    assert article.paragraphs[-1] == "".join(second)


def test_an_indented_first_line_over_the_rest_of_its_sentence_is_no_title() -> None:
    """`“我们祝愿…城市经济社会发` keeps the indent and fills the measure, or opens a quote the line under it closes:
    a paragraph's first line, though it holds no clause mark and the line under it is short; in a news report it
    would otherwise pass for the next item's title."""
    paragraphs = ["本报北京1月8日电（记者王远）市政府新闻发言人8日就今年的城市建设回答了记者提问。",
                  "“我们祝愿当地居民在新的一年里齐心协力推动城市经济社会发展取得新成就。”他说。",
                  "他表示，新的一年，市里将继续推进老旧小区改造，让更多居民住得更舒心。"]
    for indent in ("\u3000\u3000", ""):  # the indent kept, or lost
        text = "".join(indent + column(paragraph, width=30) for paragraph in paragraphs)
        assert indent + "“我们祝愿当地居民在新的一年里齐心协力推动城市经济社会发\n" in text
        [article] = parse_page("发言人答记者问\n" + text)
        assert article.paragraphs == paragraphs


def test_an_end_byline_whose_lost_box_wrapped_onto_the_next_line_closes_its_story() -> None:
    """`…都应当有人管。` and a box lost as U+FFFD before `周睿 朴`, over `馨语`: two names broken at the line end;
    read as one byline, they close the story, so the heading after them is the next story's title."""
    first, last = STORY.rstrip("\n").rsplit("\n", 1)
    page = f"城市有温度\n{first}\n{last}\ufffd周睿 朴\n馨语\n小事连着民生\n{OTHER}"
    titles = [(article.title, article.authors) for article in parse_page(page)]
    assert titles == [("城市有温度", ["周睿", "朴馨语"]), ("小事连着民生", [])]



def test_a_name_of_any_surname_wrapped_from_an_end_byline_is_its_next_author() -> None:
    """`…。□周睿` at the column's edge over `朴馨语`: the byline vouches for a surname no list has, over the next
    title; over a byline the same line is a title itself (a profile's)."""
    last = column("民生无小事。从群众身边的小事做起，积小胜为大胜，改革获得感越来越强了。□周睿")
    assert len(last.splitlines()[-1]) >= 19  # the byline reaches the column's edge: the next name wrapped
    first, second = parse_page("小事不出村\n" + STORY + last + "朴馨语\n让制度优势转化为治理效能\n" + OTHER)
    assert first.authors == ["周睿", "朴馨语"] and (second.kicker, second.title) == (None, "让制度优势转化为治理效能")
    assert any(warning.startswith("line 11: a name of a surname no list has (朴馨语)") for warning in first.warnings)
    first, second = parse_page("小事不出村\n" + STORY + last + "朴馨语\n本报记者  王明\n" + OTHER)
    assert (first.authors, second.title, second.authors) == (["周睿"], "朴馨语", ["王明"])


def test_a_site_named_online_dates_its_reports() -> None:
    found = match_dateline("中青在线成都9月6日电 四川省成都市中级人民法院今天")
    assert found is not None and found.text == "中青在线成都9月6日电"


def test_a_brief_columns_name_after_a_commentary_is_neither_its_author_nor_the_next_kicker() -> None:
    """`简讯` over the first item's title names the column; 简 is a surname, but a column's name is no author."""
    assert bare_name("简讯") is None
    item = column("本报讯 城东区十条背街小巷昨日完成路面整修，沿街商户也换上了新招牌。")
    first, second = parse_page("让城市更有温度（人民时评）\n周  方\n" + STORY + "简讯\n背街小巷换新颜\n" + item)
    assert (first.authors, second.kicker, second.title) == (["周方"], None, "背街小巷换新颜")
    assert [(artefact.line, artefact.kind) for artefact in second.artefacts] == [(3 + len(STORY.splitlines()),
                                                                                 "column name")]


def test_a_box_marked_label_over_a_heading_in_a_story_is_a_subhead_in_two_decks() -> None:
    """`■律师说法` over `此类招生行为不合法`, then text: a part of the story (a sidebar's), not the next article;
    the decision is named in the review report."""
    (story,) = parse_page("老旧小区改造让居民住得更舒心\n本报记者  王浩\n" + STORY + "■律师说法\n改造资金须公开透明\n"
                          + OTHER)
    assert story.subheads == ["律师说法 改造资金须公开透明"]
    assert any("a box-marked label over a heading" in warning for warning in story.warnings)


def test_a_blank_under_a_heading_tells_no_head_where_the_text_under_it_parts_its_paragraphs_by_blanks() -> None:
    """A page that sets a blank line after every paragraph and around subheads: under a one-paragraph lead, the
    heading's blank line is the page's habit, not a head set off from its text; the blank over the paragraph after
    the one under the heading shows it."""
    def block(text: str) -> str:
        return column(text, width=16) + "\n"
    page = ("老旧小区改造完工\n\n" + block("南方日报讯（记者/王立新）城东区幸福里小区改造昨日完工，三百多户居民住上了"
                                      "新房，小区的道路和车位也焕然一新。")
            + "居民意见收进图纸\n\n" + block("改造前，社区工作人员挨家挨户上门征求意见，共收集居民建议两百多条。")
            + block("施工期间，社区还为居民开通了临时通道，方便老人出行。"))
    (article,) = parse_page(page)
    assert article.subheads == ["居民意见收进图纸"] and len(article.paragraphs) == 3

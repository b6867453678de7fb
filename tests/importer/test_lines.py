from __future__ import annotations

from epaper.importer.lines import (
    ends_sentence,
    join_lines,
    line_width,
    local_columns,
    make_line,
    paragraph_starts,
    read_lines,
    remove_letter_spacing,
)


def test_letter_spacing_is_removed_between_chinese_characters_and_numbers() -> None:
    assert remove_letter_spacing("截 至 1 月 4 日 15：12，全 市 保 费") == "截至1月4日15：12，全市保费"


def test_spaces_between_latin_words_are_kept() -> None:
    assert remove_letter_spacing("发布 China Post 报告 2.0 版") == "发布China Post报告2.0版"


def test_spaces_between_accented_latin_words_in_a_chinese_line_are_kept() -> None:
    """A word ending or starting with a letter beyond ASCII (`café`, `Ángel`) keeps its word space."""
    assert (remove_letter_spacing("记者在巴黎的一家咖啡馆里点了一杯 café au lait 和一份可颂")
            == "记者在巴黎的一家咖啡馆里点了一杯café au lait和一份可颂")
    assert remove_letter_spacing("报道称 Ángel Di María 进球，全 场 沸 腾") == "报道称Ángel Di María进球，全场沸腾"
    assert remove_letter_spacing("他 说 “ 清 福 ” ， 首 先") == "他说“清福”，首先"  # curly quotes are not Latin


def test_the_space_after_a_documents_numbering_is_kept() -> None:
    assert remove_letter_spacing("第一条 为推动国家通用语言文字的规范化") == "第一条 为推动国家通用语言文字的规范化"
    assert remove_letter_spacing("第一章 总则") == "第一章 总则"
    assert remove_letter_spacing("第 一 章 总 则 ， 很 好") == "第一章总则，很好"  # letter-spaced: nothing is kept


def test_lost_glyphs_are_removed_and_counted() -> None:
    [line] = read_lines("本报讯\ufffd \ufffd 1 月 14 日 , 为了")
    assert (line.text, line.lost_glyphs) == ("本报讯1月14日,为了", 2)


def test_blank_lines_are_remembered_on_the_next_line() -> None:
    lines = read_lines("甲\n\n乙\n丙\n")
    assert [line.blank_before for line in lines] == [False, True, False]


def test_hard_wraps_join_without_spaces_except_between_latin_words() -> None:
    assert join_lines(["中国邮政", "集团公司"]) == "中国邮政集团公司"
    assert join_lines(["the China", "Post group"]) == "the China Post group"
    assert join_lines(["建党 100", "周年"]) == "建党 100周年"


def test_width_counts_punctuation_and_digits_narrower() -> None:
    assert line_width("邮政") == 2
    assert line_width("邮政。") < 3
    assert line_width("2021年") < line_width("二〇二一年")


def test_sentence_ends() -> None:
    assert ends_sentence("历史纪录。")
    assert ends_sentence("有大担当！”")
    assert not ends_sentence("扛旗的“老将”")
    assert not ends_sentence("接回去外地出差的客户，这")
    assert ends_sentence("all that is needed is political will”.")
    assert ends_sentence("he said, ’’all that is needed is will’’.")
    assert not ends_sentence("a rise of “2”.")  # a figure in quotes: a number may go on


PAGE = "\n".join([
    "一是坚持以高质量发展为主题，加快",  # first line: indent lost
    "经营提质转型。金融业务做专，形成可持",
    "续快速发展格局；寄递业务做精，提升高",
    "质量发展水平。",  # short last line
    "为圆满完成开局之年的目标任务，黑",
    "龙江省邮政分公司将围绕六个聚焦做好",
    "工作，实现六个着力，推动各项工作。",  # full last line ...
    "福建省邮政分公司提出，代理金融着",  # ... so only the lost indent marks the break
    "重做好结构优化、场景打造等工作。",
])


def test_paragraphs_start_after_a_short_line_or_before_an_indented_one() -> None:
    lines = read_lines(PAGE)
    starts = paragraph_starts(lines, local_columns(lines), [False] * len(lines))
    assert [index for index, start in enumerate(starts) if start] == [0, 4, 7]


def test_rare_blank_lines_are_paragraph_breaks() -> None:
    text = "\n".join(["第一段的第一行文字写得满满当当的", "第一段第二行也写满了，句子结束。", "",
                      "第二段的第一行文字写得满满当当的", "第二段第二行也写满了，句子结束。"])
    lines = read_lines(text)
    starts = paragraph_starts(lines, local_columns(lines), [True] * len(lines))
    assert starts == [True, False, True, False]


def test_an_indent_the_extraction_kept_starts_a_paragraph() -> None:
    text = (
        "　　据介绍，去年全省农村地区收投快件超过十亿件，同比增长百分\n"
        "之二十一。农产品通过寄递渠道出村进城，带动农民增收致富。\n"
        "　　省邮政管理局有关负责人表示，将推动邮政、快递、交通、供销\n"
        "等资源共享，降低农村末端配送成本，让农民寄递更方便更实惠\n"
        "    四个空格的缩进也算，即使上一行没有以句号结束，也是新的段落\n"
        "的开始，这一行是它的续行。\n"
    )
    lines = read_lines(text)
    assert [line.indent for line in lines] == [2.0, 0.0, 2.0, 0.0, 2.0, 0.0]
    starts = paragraph_starts(lines, local_columns(lines), [False] * len(lines))
    assert starts == [True, False, True, False, True, False]


def test_latin_script_keeps_every_word_space() -> None:
    """Italian accents and curly quotes are not ASCII, yet the spaces beside them are word spaces."""
    assert remove_letter_spacing("la città è  “bella”, disse") == "la città è “bella”, disse"
    assert remove_letter_spacing("he said 中 国 today") == "he said中国today"


def test_latin_lines_join_with_a_space_after_punctuation_but_not_after_a_hyphen() -> None:
    assert join_lines(["took place in the", "#Wikinews IRC channel,", "with several"]) == (
        "took place in the #Wikinews IRC channel, with several")
    assert join_lines(["a well-", "known source"]) == "a well-known source"
    assert join_lines(["增长3.2%,", "4.5%"]) == "增长3.2%,4.5%"


def test_a_full_stop_ends_a_latin_sentence_but_not_a_wrapped_number() -> None:
    assert ends_sentence("questions asked and answered.")
    assert not ends_sentence("国内生产总值2.")


def test_a_full_line_thick_with_punctuation_does_not_end_its_paragraph() -> None:
    lines = read_lines("".join(line + "\n" for line in [
        "一个社区食堂解决了老人吃饭难一个共享工具",
        "箱方便了邻里修修补补这些小切口的改革往往",
        "最能，见到，实效，群众，点赞，民生，事；",
        "为大胜改革的获得感才会越来越强群众的日子",
        "也会越过越红火。",
    ]))
    starts = paragraph_starts(lines, local_columns(lines), [False] * len(lines))
    assert [index for index, start in enumerate(starts) if start] == [0]


def test_a_letter_spaced_line_narrowed_by_the_indent_opens_a_paragraph() -> None:
    """Justified first lines are letter-spaced too; a character or two of stretch is not the two-character indent."""
    lines = read_lines("粮，但若说他吃人，是不对的，\n他所吃的物事，叫作“两脚羊”。\n时 候 是 二 十 世 纪， 地 方 是\n"
                       "上海，虽然骨子里永是“素重\n人道”，但表面上当然会有些\n不同的。对于中国的有一部分\n")
    starts = paragraph_starts(lines, local_columns(lines), [False] * len(lines))
    assert starts == [True, False, True, False, False, False]
    stretched = read_lines("上海，虽然骨子里永是“素重\n人道”，但表面上当然会有些不\n同的。对于中国的有一部分人。\n"
                           "并 不 是 “ 人 ” 的 生 物 ， 洋 大 人\n如何赐谥，我不得而知，我仅\n"
                           "知道洋大人的下属们所给与\n")
    assert paragraph_starts(stretched, local_columns(stretched), [False] * 6)[3] is False


def test_a_texts_first_line_running_on_measures_the_column_less_the_indent() -> None:
    """Three lines of one width: the first runs on, so it is a first line and the column is two wider;
    the second, as wide, is a short last line, and the third opens a paragraph."""
    lines = read_lines("本报讯3月1日起，国网南昌供电公司组织开展为期一个月的春季设\n"
                       "备安全大检查，重点排查变电站、输电线路和配电设施的安全隐患。\n"
                       "检查中，该公司采用无人机巡检与人工巡视相结合的方式，对辖区内\n"
                       "220千伏及以上线路进行全面体检，发现并消除隐患37处。\n")
    assert paragraph_starts(lines, local_columns(lines, first_opens=True), [False] * 4) == [True, False, True, False]
    assert paragraph_starts(lines, local_columns(lines), [False] * 4) == [True, False, False, False]  # a fragment


def test_one_space_between_two_headline_phrases_is_kept_but_letter_spacing_goes() -> None:
    assert make_line(1, "坚持稳中求进 扎实推进春耕").phrased == "坚持稳中求进 扎实推进春耕"
    assert make_line(1, "春 耕").phrased == "春耕"  # a short title spaced out to its measure
    assert make_line(1, "截 至 1 月 4 日 全 市").phrased == "截至1月4日全市"

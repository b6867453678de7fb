"""Newspaper typesetting conventions, as data.

Everything the importer knows about how Chinese newspapers print their pages lives here:
the other modules apply these tables and contain no newspaper-specific words of their own.
"""

from __future__ import annotations

import re

# --- characters -------------------------------------------------------------------------------

LOST_GLYPH = "\ufffd"
"""What text extraction puts where a glyph could not be mapped to a character."""

LOST_GLYPH_SHOWN = "〓"
"""How the report shows where a glyph was lost (the typesetter's mark for a missing character)."""

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_CHAR = re.compile(f"[{CJK}]")

SENTENCE_END = frozenset("。！？!?…")
"""A paragraph can end after one of these (optionally followed by a closing quote or bracket)."""

CLOSING_MARKS = frozenset("”’」』）)》")
"""Marks that may follow a sentence end and still close the paragraph."""

LATIN_SENTENCE_END = frozenset(".")
"""Ends a sentence after a Latin word (`answered.`), not after a digit (`2.` of a wrapped `2.81`)."""

PARAGRAPH_END = SENTENCE_END | frozenset("；：")
"""Last visible characters after which a short line ends its paragraph."""

NEVER_LINE_START = CLOSING_MARKS | PARAGRAPH_END | frozenset("，、")
"""Marks type never starts a line with: one ending a full line may hang past the measure by its cell."""

HEADING_FORBIDDEN_END = frozenset("，、；：。,;:…")
"""A heading (kicker, title, subhead) never ends with clause punctuation."""

CLAUSE_MARKS = "，。；：！？"
"""Marks that go on a clause of running text: a role word they follow (`…告诉经济日报记者，`) signs nothing."""

LEAD_IN_DASH = "——"
"""A heading's first deck that ends in a long dash leads into the deck under it (`看投资——` over
`行业内外迎来更多机遇`): the two are one heading; a kicker or title never ends so (a subtitle opens with the dash)."""

ROLE_LABEL_COLON = re.compile(r"\s*[：:]\s*")
"""A colon after a byline's role word at the line's start labels the names after it (`记者：李金磊`, `文：张三`): no
clause mark then; a question put by the reporter (`记者：您认为…？`) names no one, and the names' check rejects it."""

QUOTED_TITLE = re.compile(r"《[^《》]{1,60}》")
"""A work or document named in a line (`《共建“一带一路”倡议：进展、贡献与展望》`): its marks are its own."""

HEADING_FORBIDDEN_INSIDE = frozenset("。；")
"""A heading is a phrase: it may hold a comma or a `！`, never a full stop or a semicolon."""

SUBHEAD_FORBIDDEN_INSIDE = frozenset("，,")
"""A title may hold a comma (`87小时，保费突破30亿元！`); a subhead between paragraphs does not."""

HEADLINE_ONLY_END = frozenset("！？!?")
"""Endings a title may have at the head of an article but a subhead inside the body may not."""

SUBTITLE_DASHES = re.compile(r"^\s*(?:——|—|--|──|－－)\s*")
"""A subtitle (副题) starts with a long dash."""

SUBTITLE_OPENER = re.compile(r"^(?:记(?!者)|访|专访|探访|走近|追记|写在|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*在)")
"""How a subtitle begins (`记古城改造中的烟火人间`, `访…院士`, a speech's `2026年1月27日在…会议上`): under
the title it is the subtitle even when its dash was not printed or was lost; over the title the same line is
a kicker."""

SUBTITLE_CLOSER = re.compile(
    r"(?:之[一二三四五六七八九十]{1,3}|综述|侧记|纪实|述评|巡礼|上的(?:讲话|报告|致辞|发言|演讲))$")
"""How a subtitle ends: a series label (`…目标综述之二`, `…工作侧记`), a speech's occasion (`在…上的讲话`);
a kicker or title does not."""

DECK_WIDTH_RATIO = 2.0
"""A line of two phrases or more this many times as wide as the title over it is its deck (subtitle), not the title."""

COLUMN_LABEL = re.compile(r"^[【〔［\[（(][^【】〔〕［］\[\]]{1,12}[】〕］\]）)]$")
"""A head line that is all one bracketed label (`【市场观察】`): a column's name, set as a kicker."""

STATEMENT_END = frozenset("了啦吗呢")
"""Particles that close a statement or question (`老城区的早市又热闹起来了`): a title may end with one, a kicker,
which leads into its title, does not; so a heading under such a line is its subtitle."""

SUBTITLE_PHRASES = 3
"""A head line listing this many phrases apart (`汪东进致辞 周心怀出席并讲话 俞进主持`) is a subtitle:
a kicker or title holds at most two."""

SUBHEAD_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]{1,3}[部分节章篇]"
    r"|\d{1,2}[、．.](?!\d))"
)
"""Numbered subheads (`一、`, `（二）`, `3.`): a short line so numbered between paragraphs is a subhead."""

TITLE_LABEL = re.compile(rf"^[{CJK}A-Za-z0-9]{{1,10}}[：:]\s*(?=\S)")
"""A title's label (`午评：`, `快讯：`): a title may open with one and stay a phrase."""

QUOTED_NAME = re.compile(r"“([^“”]{2,12})”")
"""A name set in quotation marks (`“三只松鼠”`): a title that quotes its subject's name shares it with the
story's text."""

SUBJECT_LOOKAHEAD_CHARS = 200
"""How much of the text under a heading is read for the title's quoted subject: two or three paragraphs, in
characters so that it is the same reading at any column width."""

PARAGRAPH_LOOKAHEAD_LINES = 40
"""How many lines under a heading are read to find where the paragraph under it ends."""

SECTION_MARKS = frozenset("□○◎☆★")
"""A box or bullet before a short phrase over a headline (`□师者之尊缘自用心`) heads a section of the page,
several articles: no article's kicker. (`■`, `◆` and the like mark a brief item's own title: ``ITEM_MARKS``.)"""

DOCUMENT_NOTE = re.compile(r"^[（(]\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
"""A document's note under its title (`（2000年10月31日第九届…会议通过…）`): a line only a head has over it."""

DOCUMENT_NUMBERING = re.compile(r"第[一二三四五六七八九十百零〇]{1,6}[编章节条](?=[ \u3000]+[^ \u3000])")
"""`第一条 为推动…`, `第一章 总则`: the space after a document's numbering is printed, not letter-spacing."""

LAW_ARTICLE = re.compile(r"^第[一二三四五六七八九十百零〇]{1,6}条")
"""A law's article (`第二条 本法所称…`) opens a paragraph: a line so numbered is never a heading."""

OPENING_BRACKETS = frozenset("（(")
CLOSING_BRACKETS = frozenset("）)")
"""A heading closes every bracket it opens (`（人民时评）`); a line that leaves one open is wrapped text."""

OPENING_MARKS = frozenset("（(“‘《「『〈【")
"""Marks never set at a line's end: one that fell there is carried to the next line, so the line is a cell short."""

HEADLINE_GAP = re.compile(r"(?<=\S)(?:[ \t]{2,}|\u3000+)(?=\S)")
"""A wide space between the two phrases of a headline (`布局谋篇  落实落细`)."""

SPEAKER_TAG = re.compile(r"^(?:\[[^\]\s]{1,24}\]|[QA][：:.]|问[：:]|答[：:])\s*\S")
"""Who speaks next in an interview, opening a line after a sentence end: `[JWales] …`, `Q: …`, `问：…`."""

LATIN_SHARE = 0.5
"""Text with more Latin letters than this share of its visible characters is in Latin script."""

LATIN_HYPHENS = frozenset("-\u00ad\u2010")
"""A Latin line ending in one of these is a word broken at the line end: joined without a space."""

# --- line geometry (in ems: a Chinese character is 1, an ASCII character 1/2) -----------------

ASCII_RUN_PADDING = 0.5
"""Extra width of a run of Latin letters or digits: print sets it off with thin spaces."""

MIN_RUN_PADDING_SAMPLES = 3
"""Lines with set-off number runs needed inside paragraphs before a page's own run padding is measured."""

COMPRESSIBLE_PUNCTUATION = frozenset("，。、；：“”‘’！？（）《》「」『』")
PUNCTUATION_WIDTH = 0.75
"""Average width of a punctuation mark: justified Chinese type sets many of them half-width."""

SHORT_LINE_MARGIN = 1.5
"""A line this much narrower than the column ends its paragraph (the short last line)."""

FIRST_LINE_INDENT = 2.0
"""The first line of a paragraph is indented by two characters (lost in extraction)."""

KEPT_INDENT = 1.5
"""A line whose extraction kept this much more leading space than the line before starts a paragraph."""

SPACE_WIDTHS = {"\u3000": 1.0, "\t": 2.0}
"""Width of leading white space in ems; any other space counts 1/2."""

INDENT_MARGIN = 1.0
"""A line this much narrower than the column, after a sentence end, starts a paragraph (lost indent)."""

INDENT_BAND = 3.0
"""A line narrower than the column by between SHORT_LINE_MARGIN and this is an indented first line."""

HEADING_MARGIN = 2.5
"""A heading candidate is at least this much narrower than the column."""

HEADLINE_SPAN = 2.0
"""A headline may run across this many columns."""

COLUMN_WINDOW = 12
"""Lines on each side used to estimate the local column width."""

UNPUNCTUATED_END_SHORT = 4.0
"""A line this much narrower than its measure ends its paragraph though no mark closes it (a commentary's
lead-in `…如此才能得出“最优解”`): justified type fills every line of a paragraph but its last."""

COLUMN_TOLERANCE = 0.5
"""Widths this close count as the same printed width."""

WIDER_THAN_COLUMN = 1.0
"""An unpunctuated line this much wider than the measured column overflows it: a headline across columns
(a full line without punctuation is as wide as the column, which tight punctuation makes measure narrower)."""

WIDE_COLUMN_WINDOW = 40
"""Lines on each side searched for full lines where the local window has too few (short paragraphs)."""

HEADING_SHARE = 0.6
"""Lines narrower than this share of the wide lines around are headings, not full lines of text."""

MIN_COLUMN_SAMPLE = 4
"""Fewer lines than this on one side of a line cannot tell the column width there."""

LETTER_SPACED_MIN_GAPS = 3
"""Single spaces between two Chinese characters that mark a line as letter-spaced."""

BLANK_WINDOW = 6
"""Line transitions on each side used to decide whether blank lines are extraction artefacts."""

BLANK_ARTEFACT_RATIO = 0.5
"""Where at least this share of line transitions has a blank line, blank lines mean nothing."""

# --- datelines ----------------------------------------------------------------------------------

_AGENCIES = "本报|新华社|中新社|中新网|人民日报|央视网|光明日报|经济日报|工人日报|人民网|新华网"
_PAPER_KINDS = "日|晚|早|时|商|都市|青年|法治|法制|经济|科技|工人|农民"
"""What a paper's name ends with before `报` (`南方日报`, `扬子晚报`, `中国青年报`): its `…报讯` is a dateline."""
_DATE = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日"

DATELINES: tuple[re.Pattern[str], ...] = (
    re.compile(r"^本\s*报\s*讯"),
    re.compile(rf"^本报\s*(?:[{CJK}]{{1,12}}\s*)?(?:{_DATE})?\s*讯"),
    re.compile(rf"^(?:{_AGENCIES})\s*[{CJK}]{{0,12}}\s*{_DATE}\s*电"),
    re.compile(rf"^(?:{_AGENCIES})\s*{_DATE}\s*[{CJK}]{{0,12}}\s*电"),
    re.compile(rf"^[{CJK}]{{1,10}}(?:社|网|报|台|在线)\s*[{CJK}]{{0,12}}?\s*{_DATE}\s*[电讯]"),
    re.compile(rf"^[{CJK}]{{1,8}}(?:社|网|报|台|在线)\s*讯(?=\s*[（(])"),
    re.compile(rf"^[{CJK}]{{1,8}}(?:{_PAPER_KINDS})报\s*讯"),
    re.compile(rf"^(?:{_AGENCIES})\s*[{CJK}]{{0,8}}?\s*电(?=\s*[（(])"),
)
"""A dateline (电头) opens the first paragraph: `本报讯`, `新华社北京1月5日电`, `本报上海1月5日讯`, and any
agency, site, paper or station named so (`中国经济网北京6月12日讯`, `中青在线成都9月6日电`), undated when its
reporters follow (`新京报讯（记者 苏季）`) or when the name is a paper's (`南方日报讯 自去年…`), as is an agency's
dispatch when they follow (`本报海口电（记者 王晓）`); text running on (`本报电视专栏…`) is none."""

_PLACE_WORD = r"[A-ZÀ-Þ][\wÀ-ÿ’'.-]*"
LATIN_DATELINE = re.compile(rf"^(?P<place>{_PLACE_WORD}(?:\s+(?:{_PLACE_WORD}|d[aei]|de|del|la|le|sur|am))"
                            rf"{{0,3}})(?:,\s*\d{{1,2}}\s+\w+)?(?:\s*\([A-Z][\w.]{{1,10}}\))?\s*[—–]\s")
"""A Latin-script dateline: the place a report was filed from, perhaps its date or agency, then a dash,
opening the first paragraph: `VERONA — Un giovane…`, `WASHINGTON (AP) — The…`, `San Francisco — `."""

DATE_LEAD = re.compile(r"^(?:北京时间)?(?:\d{4}年)?\d{1,2}月\d{1,2}日[，,]")
"""A report's lead that opens with the day it tells of (`北京时间6月25日，`, `6月17日，`): a news item's opening."""

NEWS_LEAD = re.compile(r"^(?:本报)?记者[^，。：；]{0,6}从[^。；]{1,30}?(?:获悉|了解到|得知)")
"""A report's lead without a dateline (`记者从省商务厅获悉`, `记者日前从…了解到`): a news report, like a dated one."""

DATELINE_ENDS = frozenset("讯电")
"""Last characters of a dateline; a lost glyph right after one is a lost space, not lost text."""

DATELINE_REPORTERS = re.compile(r"\s*[（(](?P<inner>[^（()）]{2,60})[）)]")
"""Reporters in brackets right after a dateline: `（记者 张三 通讯员 李四）`."""

DATELINE_REPORTED = re.compile(r"\s*(?P<inner>(?:本报)?记者\s*[^，。：:（()）]{2,40}?)\s*报道\s*[：:]")
"""Reporters named without brackets after a dateline, as older reports print them: `本报大阪11月16日电
记者张国成、吴迎春报道：`."""

DATELINE_LEAD_REPORTERS = re.compile(
    r"\s*(?:本报)?记者(?P<inner>[^，。：；从\s]{2,12}?)(?=从[^。；]{1,30}?(?:获悉|了解到|得知))")
"""Reporters named without brackets after a dateline by the lead they open: `本报北京1月15日电 记者李海秀从团中央
获悉`; the words between `记者` and `从` are names only if they read as names (`记者日前从…` names no one)."""

# --- bylines ------------------------------------------------------------------------------------

BYLINE_MARKERS = "□■◇◆○●◎☆★△▲"
"""A byline set at the end of an article after a box or bullet: `□肖芳`."""

SELF_NAMED_ROLES = frozenset({"本报评论员", "本报特约评论员", "特约评论员", "评论员", "本报编辑部", "编辑部"})
"""Roles that sign an article on their own: the role is the author (`本报评论员`)."""

BYLINE_ROLES = (
    *sorted(SELF_NAMED_ROLES, key=len, reverse=True),
    "本报特约记者", "本报见习记者", "本报实习生", "本报通讯员", "本报记者", "特约记者", "见习记者",
    "特约通讯员", "记者", "通讯员", "实习生", "撰稿", "撰文", "文/图", "文／图", "图/文", "图／文",
    "文图", "文/", "文／", "图/", "图／", "作者", "编译", "翻译",
)
"""Role words that precede names in a byline; the names follow, separated by spaces or `、`."""

OWN_STAFF_ROLES = ("本报特约记者", "本报见习记者", "本报实习生", "本报通讯员", "本报记者")
"""The paper's own reporters' roles: one may run into the name with no space at the end of a text (`本报记者吴申燕`)."""
RUN_IN_NAME_LENGTHS = (2, 3)
"""How long a name run into its role may be: the commonest names' lengths (a longer run is text going on)."""

_OFFICES = ("副总理", "总理", "副主席", "主席", "委员长", "副省长", "省长", "副市长", "市长", "县长", "区长", "书记",
            "部长", "主任", "厅长", "局长", "院长", "校长", "董事长", "总经理", "行长", "会长", "秘书长", "检察长",
            "研究员", "教授")
OFFICE_BYLINE = re.compile(rf"^(?P<office>[{CJK}]{{0,16}}(?:{'|'.join(_OFFICES)}))\s+(?P<name>[{CJK}]{{2,4}})$")
"""A speech or report printed under its speaker's office and name: `海南省省长  刘小明`, `国务院总理 李强`; an
expert's piece under the writer's post: `中国国际问题研究院研究员  虞少华`."""

MEDIA_BEFORE_ROLE = re.compile(rf"[{CJK}]{{1,8}}(?:报|社|网|台)(?=(?:特约|见习)?记者|通讯员)")
"""A paper's or station's name run into a role word (`新京报记者 苏季`): the role, not a name."""

MEDIA_NAME = re.compile(rf"^[{CJK}]{{2,8}}(?:报|社|网|台)$")
"""A paper, agency, site or station named among a byline's names (`编译/海外网 侯兴川`): no author."""

_STAFF_ROLES = ("编辑", "校对", "责编", "美编", "审校", "审核", "监制")
STAFF_CREDITS = re.compile(rf"\s+(?:{'|'.join(_STAFF_ROLES)})\s*[：:/／]?\s*[{CJK}]")
"""Staff named after a byline at an article's end (`新京报记者 苏季 编辑 张三 校对 李铭`): credits, not authors."""

AUTHOR_SUFFIXES = ("/文", "／文")
"""A role set after the names, not before them: `本报记者 周之然/文` (text by)."""

REPORTED_FROM = "报道"
"""`本报记者 李静 青岛报道`: the word run into `报道` after the names is the place reported from, not a name."""

CREDIT_WORDS = ("摄影报道", "图文报道", "摄影", "报道", "摄", "绘", "制图")
"""Words that follow names in a credit: `□周雯晴  摄影报道`, `张三 摄`."""

PHOTO_CREDIT_WORDS = frozenset({"摄", "摄影", "绘", "制图"})
"""Credits naming who made a picture; kept whole (`张三 摄`) rather than as an article author."""

PHOTO_AGENCIES = ("Reuters", "AP", "AFP", "EPA", "ANSA", "Ansa", "Getty Images", "LaPresse", "dpa", "Bloomberg",
                  "Xinhua", "Alamy", "Shutterstock", "iStock", "Imagoeconomica", "Fotogramma", "Eikon", "Sipa",
                  "Keystone", "Belga", "EFE", "Europa Press", "TASS", "Kyodo", "Yonhap", "PA", "Zuma", "Ullstein")
"""Photo agencies, which credit a picture by their name alone (`Reuters`, `Massimo Gennari / Eikon`)."""

_AGENCY = "|".join(re.escape(agency) for agency in sorted(PHOTO_AGENCIES, key=len, reverse=True))
LATIN_PHOTO_CREDIT = re.compile(
    rf"(?:^|(?<=[.!?»”’)])\s)\s*(?P<credit>(?i:photos?|foto|photograph|picture|bild|image)\s*(?:by\s|di\s|de\s|von\s|:)"
    rf"\s*[^.!?:]{{2,40}}|(?:[A-Z][\w’'.-]*\s+){{0,3}}(?:[/|]\s*|/?(?=[A-Z]))?(?:{_AGENCY})(?:\s*/\s*[A-Z][\w’'.-]*){{0,2}})\s*$")
"""A Latin-script photo credit closing a caption, or a caption of its own: an agency (`Reuters`, `AP Photo`
is `Photo by` reversed), a photographer and agency (`Massimo Gennari / Eikon`), or a cue and a name
(`Photo: Jane Doe`, `Foto di Mario Rossi`)."""

UNCUED_CREDIT_WORDS = PHOTO_CREDIT_WORDS | {"摄影报道", "图文报道"}
"""Credits that mark names as a byline even without a box, bracket or role word."""

SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴"
    "霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑"
    "景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
"""Single-character surnames common in China: a bare 2–4 character line that starts with one reads as a name."""

PEN_NAME_LENGTH = 3
"""A name alone under a headline whose first character is no common surname is taken for a name at this length."""

COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容", "公孙", "尉迟", "长孙", "宇文")

NAME = re.compile(rf"^[{CJK}]{{2,4}}$|^[{CJK}]{{1,8}}(?:[·•．][{CJK}]{{1,8}})+$")
"""A personal name: two to four Chinese characters, or parts joined by a middle dot."""

NOT_NAMES = frozenset({
    "完", "待续", "续完", "未完", "未完待续", "全文完", "本报讯", "图片", "资料图", "试行", "草案", "节选",
    "新华社", "中新社", "中新网", "人民网", "新华网", "央视网", "人民日报", "光明日报", "经济日报",
    "据新华社",
})
"""Short bracketed words at the end of a text that are not names: `（完）`, `（待续）`."""

BRACKETED_BYLINE = re.compile(r"[（(](?P<inner>[^（()）]{2,40})[）)]\s*$")
"""A byline in brackets at the end of the last paragraph: `（记者 张三）`, `（张三 李四）`."""

NAME_SEPARATORS = re.compile(r"[\s、，,;；/／]+")

END_MARK = re.compile(r"(?<=[。！？!?”’）)])\s*(?:[（(]\s*完\s*[）)]|[■□◆◇])\s*$")
"""A mark that closes a story: `（完）` after wire copy, a box after the last sentence."""

CAPTION_START = re.compile(r"^\s*(?:[▲△▼▽↑←→]|图为|上图|下图|左图|右图|图\s*[①-⑩\d]|图片[：:]|图[：:])")
"""How a photo caption printed among the paragraphs begins: `图为…`, `▲…`, `上图：…`."""

FIGURE_LABEL = re.compile(
    r"^\s*(?:Figure|Fig\.|Abbildung|Abb\.|Figura|Figuur|图|圖)\s*[\dIVXLC一二三四五六七八九十]+(?![A-Za-z])")
"""How the label of a figure begins, set over or under it: `Figure 1 to paragraph (h)(2)`, `Fig. 3`, `图2`."""

CAPTION_LINES = 4
"""A caption is short: it ends with its credit within this many lines."""

PHOTO_SOURCE = re.compile(r"(?:[（(][^（()）]{0,20}(?:摄|供图|资料图片?)[）)]|(?:摄|供图|资料图片?))\s*$")
"""How a caption ends: with who took the picture, `（张明 摄）`, `本报记者 陈建国 摄`, `新华社发`."""

CAPTION_CREDIT = re.compile(r"[。！？]\s*(?:[（(][^（()）]{1,24}(?:摄|供图|资料图片?)[）)]"
                            r"|[^\s。，！？（()）]{1,12}\s*(?:摄|供图)|(?:图片来源|图源)[：:][^。！？]{1,30})$")
"""How a caption that opens with no caption word ends: a sentence, then who took or gave the picture
(`…的录取信息。 受访者供图`, `…两用船。（大连海事大学供图）`, `…冰。` over `图片来源：美国国家航空航天局`)."""

CREDIT_LINE = re.compile(r"^(?:(?:图片来源|图源)[：:]\S|[（(][^（()）]{1,24}(?:摄|供图)[）)]$)")
"""A photo's credit on a line of its own under its caption: `图片来源：美国国家航空航天局`, `（张明 摄）`."""

COLUMN_TAG = re.compile(rf"[（(][{CJK}·“”]{{2,14}}[）)]$")
"""A column's name in brackets closing a title: `（人民时评）`, `（今日谈）`, a series' name
(`（解码·文化遗产系统性保护）`, `（“十五五”开好局起好步）`); a subhead never carries one."""

COLUMN_BAR = re.compile(rf"^[{CJK}]{{2,8}}\s*[｜|]\s*(?=\S)")
"""A column's name parted by a bar from the title it opens (`权威解读｜从前8个月数据看…`, `新华时评|…`): a story's
title in the column, which a subhead never carries."""

HEAD_MARKS = frozenset(chr(code) for code in range(0x25A0, 0x2600)) | frozenset("★☆")
"""Geometric shapes and stars set before a heading's words (`▨ 新聞1`, `■ 質問`): a mark of the heading, not
its text."""

ITEM_MARKS = frozenset("△▲●■◆◇")
"""Marks a brief column (`文化简讯`) sets before each of its items: a paragraph that opens with one is an item."""

ANNOUNCING_END = "："
"""A paragraph ending with a colon announces what follows (`以下是访谈文字实录：`): the article goes on."""

BOX_LABELS = frozenset({"核心阅读", "阅读提示", "导读", "编者按", "延伸阅读", "相关链接", "背景链接"})
"""Labels of a box printed with an article (a summary, an editor's note): dropped, the box text kept."""

COLUMN_NAMES = frozenset({"简讯", "短讯", "快讯", "简报", "速览", "速读", "图片新闻", "新闻速递", "一句话新闻"})
"""The name of a column of short items, printed over its first item's title: no author, no kicker."""

END_MARK_LINE = re.compile(r"^[（(]\s*完\s*[）)]$|^[■□◆◇]$")
"""An end mark on a line of its own, pushed there by the line break: `（完）`."""

# --- jump lines ---------------------------------------------------------------------------------

PAGE_NUMBER = r"[A-Za-z]?\s*(?P<number>\d{1,3}|[零〇一二两三四五六七八九十百]{1,4})"

_JUMP_OPEN = r"(?:[（(]|^)\s*"
_JUMP_CLOSE = r"\s*(?:[）)]|$)"
_EN_PAGE = r"(?i:page|pg\.?|p\.)\s*"
_EN_SLUG = r"(?:[A-Z][A-Z0-9'’&-]*\s+){0,3}[A-Z][A-Z0-9'’&-]*"
"""The catchword of an English jump line, in capitals: `See BUDGET, Page A6`, `SCHOOL BOARD, from Page 1`."""
_EN_CONTINUED_FROM = (rf"(?:(?:{_EN_SLUG}\s*,?\s*)?(?i:(?:continued|cont\.|cont'd)\s+)?(?i:from)"
                      rf"|(?i:continued|cont\.|cont'd)\s+(?i:from))\s+{_EN_PAGE}")
_EN_CONTINUES_ON = (rf"(?:(?i:(?:story\s+)?continued|continues|cont\.|cont'd)\s+(?i:on)"
                    rf"|(?i:(?:please\s+)?(?:see|turn\s+to))(?:\s+{_EN_SLUG}\s*(?:,|\s(?i:on)|/))?)\s+{_EN_PAGE}")
CONTINUED_FROM = re.compile(rf"(?:{_JUMP_OPEN}(?P<cjk>上接|紧接|接)\s*第?|^\s*\(?\s*(?:{_EN_CONTINUED_FROM}))"
                            rf"\s*{PAGE_NUMBER}(?(cjk)\s*版{_JUMP_CLOSE}|\s*\)?\s*$)")
CONTINUES_ON = re.compile(rf"(?:{_JUMP_OPEN}(?P<cjk>下转|转)\s*第?|^\s*\(?\s*(?:{_EN_CONTINUES_ON}))"
                          rf"\s*{PAGE_NUMBER}(?(cjk)\s*版{_JUMP_CLOSE}|\s*\)?\s*$)")
"""Jump lines: a Chinese one bracketed anywhere in a line (`（下转第三版）`) or bare on a line of its own
(`转第4版`); an English one only as a whole line, bracketed or not (`Continued on page 4`, `See BUDGET, Page A6`,
`(Continued from Page 1)`, `BUDGET, from Page A1`): in running text `(see page 4)` is a cross-reference."""

SOURCE_NOTE = re.compile(
    rf"(?:^|(?<=[。！？!?”’]))\s*[（(]\s*(?:据[^（()）]{{1,30}}|(?:{_AGENCIES})[^（()）]{{0,20}}?电)\s*[）)]\s*$")
"""A note naming where a story came from, after its last sentence: `（据新华社郑州9月9日电）`, `（据《人民日报》）`,
or its own dateline set at its end: `（本报平壤9月8日电）`.
It stays in the text and closes the story."""

_EN_CONTINUED = r"(?i:continued|cont(?:\.|['’]d))"
CONTINUATION_HEAD = re.compile(rf"(?:[—–-]\s*{_EN_CONTINUED}|[(（]\s*{_EN_CONTINUED}\s*[)）]"
                               r"|[(（]\s*续(?:表|完)?\s*[)）]|^\s*续表)\s*$")
"""The cue ending a heading repeated where a table or story goes on from an earlier page (`ESTIMATED
COSTS—Continued`, `Results (continued)`, `主要指标（续表）`, `（续）`): it names a continuation, not a new article."""

JUMP_MARKS = "●►▶→▸"
"""Marks a paper sets before a jump line at the end of a story's last line (`di Massimo Pisa ● a pagina 8`)."""

_LATIN_CONTINUES_ON = (r"(?i:(?:segue\s*)?(?:alle|a|da)\s*pagin[ae]|(?:lire\s+la\s+)?suite\s+(?:en\s+)?page"
                       r"|(?:fortsetzung|weiter)\s+auf\s+seite|(?:sigue|contin[úu]a|pasa)\s+(?:en\s+|a\s+)?la\s+p[áa]gina)")
LATIN_CONTINUES_ON = re.compile(rf"(?:^|[{JUMP_MARKS}])\s*\(?\s*{_LATIN_CONTINUES_ON}\s*{PAGE_NUMBER}"
                                r"(?:\s*(?:a|e|et|und|y|to|and|[-–])\s*\d{1,3})?\s*\)?\s*$")
"""A jump line of another Latin-script paper, as a whole line or after a jump mark at a line's end: `a pagina 24`,
`● alle pagine 20 e 21`, `da pagina 2 a 7` (the first page counts), `suite page 5`, `Fortsetzung auf Seite 3`,
`sigue en la página 4`. Spaces may be missing in small type (`apagina 8`)."""

_SECTION_WORD = r"[^\W\d_][\w’'-]*"
SECTION_JUMP = re.compile(rf"(?:^|(?<=[.!?»”’\"]))\s*[{JUMP_MARKS}]\s*"
                          rf"(?P<section>{_SECTION_WORD}(?:\s+{_SECTION_WORD}){{0,3}})\s*$")
"""A jump line naming the section a story goes on in rather than its page, after a jump mark ending the
story's last line: `● nello sport`, `► in Cronaca`. It is typesetting, not text, and names no page."""

CROSS_REFERENCE = re.compile(rf"^[（(][{CJK}]{{0,8}}见\s*第?\s*{PAGE_NUMBER}\s*版[{CJK}]{{0,4}}[）)]$")
"""A note closing a story that points to another page: `（相关报道见第十版）`, `（详见第3版）`."""

CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
                  "七": 7, "八": 8, "九": 9}
CHINESE_UNITS = {"十": 10, "百": 100}

LEADERS = re.compile(r"\s(?:\.\s?){2,}$|\s?(?:…|⋯|·){2,}$")
"""Leader dots closing a table cell (`FCC OPS installation ..`, `$0 ......`, `快递业务量 ……`): they lead the eye
on along the row to the next cell."""

# --- page furniture -----------------------------------------------------------------------------

PAGE_FURNITURE: tuple[re.Pattern[str], ...] = (
    re.compile(r"^(?:责任编辑|责编|美术编辑|美编|版式设计|版式|校对|组版|编辑|本版编辑)\s*[：:/／]?\s*[^\s，。/／]{2,4}"
               r"(?:\s+(?:责任编辑|责编|美术编辑|美编|版式设计|版式|校对|组版|编辑)\s*[：:/／]?\s*[^\s，。/／]{2,4})*$"),
    re.compile(r"^(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)?\s*(?:星期|周)[一二三四五六日天]$"),
    re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期|周)[一二三四五六日天]"),
    re.compile(rf"^第?\s*{PAGE_NUMBER}\s*版(?:\s*[{CJK}]{{0,8}})?$"),
    re.compile(rf"^[A-Z]\d{{1,2}}\s*[{CJK}]{{2,8}}$"),
    re.compile(r"^(?:电话|传真|E-?mail|邮箱)\s*[：:]\s*\S+$", re.IGNORECASE),
)
"""Whole lines that belong to the page, not to an article: editors, dates, page labels."""

# --- mastheads and running headers (read from PDFs) ---------------------------------------------

ISSUE_DATE = re.compile(r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日")
ISSUE_NUMBER = re.compile(r"(?<!总)第\s*(?P<number>\d{1,6})\s*期")
LATIN_ISSUE_NUMBER = re.compile(r"(?<![^\W\d_])(?:N[°º]|No\.|No(?=\s*\d)|Nr\.?|Núm\.?|Num\.|Numéro|Number|Issue)"
                                r"\s*(?P<number>\d{1,6})(?!\d)")
"""An issue number on a Latin-script masthead: `Anno 31 N° 41`, `VOL.I. . . No.1`, `Nr. 12`, `Issue 48`."""
RUNNING_NUMBER = re.compile(r"总\s*第\s*(?P<number>\d{1,7})\s*期")
PAGE_LABEL = re.compile(rf"^第?\s*{PAGE_NUMBER}\s*版(?:\s*[·•|｜:：]?\s*(?P<name>[{CJK}]{{2,8}}))?$")
"""A running header's page label: `第2版`, `2版 综合新闻`, `第三版·要闻`."""

MASTHEAD: tuple[re.Pattern[str], ...] = (
    ISSUE_DATE,
    ISSUE_NUMBER,
    RUNNING_NUMBER,
    re.compile(r"(?:星期|周)[一二三四五六日天]"),
    re.compile(r"农历|国内统一连续出版物号|CN\s*\d{2}\s*[-－]\s*\d{4}|邮发代号|今日\s*\d{1,3}\s*版"),
)
"""Text that only a masthead or running header prints: issue date, 第N期, 总第N期, CN number."""

EDITOR_ROLES = ("本期值班副总编", "本期值班总编", "值班副总编", "值班总编", "值班编委", "责任编辑", "责任校对",
                "美术编辑", "版式设计", "本版编辑", "责编", "美编", "校对", "组版", "编辑", "版式", "排版", "图片编辑")
"""Who a page's footer or editor line names: `本期值班副总编/姜啸啸 责任编辑/常容轩`."""

EDITOR_LINE = re.compile(
    rf"(?:^|\s)(?:{'|'.join(EDITOR_ROLES)})\s*[：:/／]\s*[^\s，。/／：:]{{2,8}}"
    rf".*\s(?:{'|'.join(EDITOR_ROLES)})\s*[：:/／]\s*[^\s，。/／：:]{{2,8}}"
)
"""A line naming two editors or more, each after a role and a colon or slash: page furniture wherever it is."""

LIST_BULLETS = ("\u2022", "\u2023", "\u25e6", "\u2043")
"""Marks that open an item of a list (`• Fax: 202–493–2251.`): the line is text, never a headline."""

ADVERTISEMENT_MARK = re.compile(r"^\s*广\s*告\s*$")
"""The label an advertisement must carry (`广告`): everything in its frame belongs to the ad, not to an article."""

# --- Latin-script bylines and dates -------------------------------------------------------------

LATIN_BYLINE_CUES = ("By", "BY", "by", "Di", "DI", "di", "Da", "da", "Par", "PAR", "par", "Von", "VON", "von",
                     "Por", "POR", "por", "Door", "door")
"""Words that open a Latin-script byline: `By Jane Doe`, `di Mario Rossi`, `Par Jean Dupont`, `Von Anna Weber`."""

LATIN_NAME_JOINERS = ("and", "AND", "&", "e", "E", "et", "ET", "und", "UND", "y", "Y", "en")
"""Words between the last two names of a byline: `By Jane Doe and John Roe`, `di Mario Rossi e Anna Bianchi`."""

LATIN_NAME_PARTICLES = ("de", "da", "di", "del", "della", "dos", "du", "van", "von", "der", "den", "ter", "la", "le",
                        "zu", "bin", "al")
"""Lower-case words inside a name: `Ana de la Cruz`, `Jan van der Berg`."""

LATIN_BYLINE_ROLES = re.compile(
    r"^(?:(?:staff|senior|chief|special|foreign|political|science|sports?|business|education|health)\s+)*"
    r"(?:writer|reporter|correspondent|editor|photographer|inviat[oa]|corrispondente|envoy[ée]e? spéciale?|"
    r"correspondante?|redakteurin|redakteur|korrespondentin|korrespondent|corresponsal|redactora?)s?$",
    re.IGNORECASE)
"""A role after the names, set off by a comma or bar: `By Jane Doe, Staff Writer`, `di Mario Rossi, inviato`."""

LATIN_MONTHS = {
    **{name: number for number, name in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
         "november", "december"), start=1)},
    **{name: number for number, name in enumerate(
        ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre",
         "novembre", "dicembre"), start=1)},
    **{name: number for number, name in enumerate(
        ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
         "novembre", "décembre"), start=1)},
    **{name: number for number, name in enumerate(
        ("januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
         "november", "dezember"), start=1)},
    **{name: number for number, name in enumerate(
        ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
         "noviembre", "diciembre"), start=1)},
    **{name: number for number, name in enumerate(
        ("gener", "febrer", "març", "abril", "maig", "juny", "juliol", "agost", "setembre", "octubre",
         "novembre", "desembre"), start=1)},
    **{name: number for number, name in enumerate(
        ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
         "novembro", "dezembro"), start=1)},
}
"""Month names in English, Italian, French, German, Spanish, Catalan and Portuguese (lower case) and their
numbers."""

LATIN_WEEKDAYS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
    "dilluns", "dimarts", "dimecres", "dijous", "divendres", "dissabte", "diumenge",
    "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira",
})
"""Weekday names in the same languages: a masthead date may open with one."""

_LATIN_MONTH = "|".join(sorted(LATIN_MONTHS, key=len, reverse=True))
_LATIN_WEEKDAY = "|".join(sorted(LATIN_WEEKDAYS, key=len, reverse=True))
LATIN_ISSUE_DATE = re.compile(
    rf"(?<![^\W\d_])(?:(?:{_LATIN_WEEKDAY}),?\s*)?"
    rf"(?:(?P<month_first>{_LATIN_MONTH})\s*(?P<day_after>\d{{1,2}})(?:st|nd|rd|th)?,?\s*"
    rf"|(?P<day>\d{{1,2}})(?:\.|er|º|st|nd|rd|th)?\s*(?:de\s+|d[’'])?(?P<month>{_LATIN_MONTH})\s*(?:del?\s+)?,?\s*)"
    rf"(?P<year>\d{{4}})(?!\d)",
    re.IGNORECASE)
"""A masthead date in Latin script: `Monday, March 4, 2024`, `4 March 2024`, `Lunedì 4 marzo 2024`,
`lundi 4 mars 2024`, `Montag, 4. März 2024`, `lunes 4 de marzo de 2024`, `dimarts 6 d’agost del 2024`."""

_LATIN_ISSUE_MARK = (rf"(?:(?:vol(?:ume)?|no|nr|n°|issue|number|jg|anno|année)\.?\s*[\dIVXLC]+"
                     rf"|(?:{_LATIN_MONTH})\.?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?\d{{4}}|\d{{4}})")
_LATIN_ISSUE_MARKS = rf"\(?(?:{_LATIN_ISSUE_MARK})(?:\s*[,·|/–-]?\s*(?:{_LATIN_ISSUE_MARK}))*\)?"
LATIN_ISSUE_LINE = re.compile(rf"^(?:{_LATIN_ISSUE_MARKS})(?:\s*[,·|/–-]?\s*(?:{_LATIN_ISSUE_MARKS}))+$", re.IGNORECASE)
"""A masthead line made only of a newsletter's issue marks, a group of them in brackets too: `February 2014, No 1`,
`Vol. 12, No. 3`, `December 4, 2014 (Volume IV no. 3)`; `Issue #48, 2018` is not one (its `#`), `Spring 2020 ·
Issue 4` neither (a season)."""

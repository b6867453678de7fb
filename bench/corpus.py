"""A deterministic synthetic newspaper archive: N Chinese articles in issues of 48 articles on 8 pages.

Article number ``i`` is the same in every corpus that contains it, so a corpus of 20,000 is the one of
10,000 plus more issues. ``write_epaper_site`` writes it in our content layout; ``bench/peers.py`` writes
the same records for Hugo and Pelican.
"""

from __future__ import annotations

import datetime
import random
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
ARTICLES_PER_PAGE = 6
PAGES_PER_ISSUE = 8
ARTICLES_PER_ISSUE = ARTICLES_PER_PAGE * PAGES_PER_ISSUE
FIRST_ISSUE = datetime.date(2016, 1, 4)
PAGE_NAMES = ["要闻", "综合新闻", "经营管理", "金融保险", "寄递物流", "基层风采", "邮政文化", "副刊"]
TOPIC_NAMES = [
    "金融保险",
    "寄递物流",
    "便民服务",
    "集邮文化",
    "改革发展",
    "乡村振兴",
    "党建工作",
    "安全生产",
    "科技创新",
    "人才培养",
    "国际合作",
    "电子商务",
    "普遍服务",
    "网点转型",
    "绿色邮政",
    "质量管理",
    "客户服务",
    "基层一线",
    "劳动模范",
    "青年工作",
    "工会工作",
    "文化建设",
    "媒体融合",
    "数据治理",
    "风险防控",
    "合规经营",
    "供应链",
    "冷链物流",
    "跨境电商",
    "农村电商",
    "邮政储蓄",
    "代理保险",
    "报刊发行",
    "函件业务",
    "政务服务",
    "警邮合作",
    "抗疫保通",
    "节日寄递",
    "企业文化",
    "社会责任",
]
SUBJECTS = [
    "各地邮政企业",
    "省分公司",
    "基层网点",
    "寄递事业部",
    "邮储银行",
    "县分公司",
    "揽投部",
    "营业员",
    "投递员",
    "党委班子",
    "一线员工",
    "市场部门",
    "客户经理",
    "分拣中心",
    "乡镇支局",
    "集邮公司",
]
VERBS = [
    "认真落实",
    "深入推进",
    "全面部署",
    "扎实开展",
    "持续优化",
    "积极探索",
    "大力推动",
    "稳步提升",
    "统筹谋划",
    "不断完善",
    "切实加强",
    "精心组织",
    "着力打造",
    "加快建设",
    "有效拓展",
    "主动对接",
]
OBJECTS = [
    "高质量发展",
    "普遍服务能力",
    "寄递网络建设",
    "金融业务转型",
    "农村物流体系",
    "客户服务水平",
    "安全生产责任",
    "网点综合效能",
    "数字化转型",
    "品牌影响力",
    "绿色包装应用",
    "邮政文化传承",
    "重点项目落地",
    "营销渠道整合",
    "队伍素质提升",
    "风险防控机制",
    "便民服务体系",
    "市场竞争能力",
]
CLAUSES = [
    "取得了明显成效",
    "为全年工作开好局、起好步",
    "群众满意度不断提高",
    "业务收入同比增长",
    "形成了可复制可推广的经验",
    "赢得了社会各界的广泛好评",
    "进一步夯实了发展基础",
    "切实解决了群众的急难愁盼问题",
    "有力支撑了地方经济发展",
    "实现了经济效益和社会效益双丰收",
]
OPENERS = ["今年以来，", "近日，", "据了解，", "与此同时，", "在此基础上，", "下一步，", "记者了解到，", ""]
PLACES = [
    "北京",
    "河北",
    "山西",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "广西",
    "四川",
    "贵州",
    "云南",
    "陕西",
    "甘肃",
    "新疆",
]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "明华军平芳红伟丽强静敏磊洋艳勇杰娟涛超秀霞"


@dataclass(frozen=True)
class CorpusArticle:
    number: int
    date: datetime.date
    page: int
    order: int
    slug: str
    title: str
    kicker: str
    subtitle: str
    authors: list[str]
    topics: list[str]
    body: str


def topic_slug(index: int) -> str:
    return f"t{index + 1:02d}"


def issue_date(issue_number: int) -> datetime.date:
    """Issues appear on weekdays (about 250 a year)."""
    weeks, weekday = divmod(issue_number, 5)
    return FIRST_ISSUE + datetime.timedelta(weeks=weeks, days=weekday)


def _sentence(rng: random.Random) -> str:
    place = rng.choice(PLACES)
    return (
        f"{rng.choice(OPENERS)}{place}{rng.choice(SUBJECTS)}{rng.choice(VERBS)}{rng.choice(OBJECTS)}，"
        f"{rng.choice(VERBS)}{rng.choice(OBJECTS)}，{rng.choice(CLAUSES)}。"
    )


def _body(rng: random.Random) -> str:
    target = rng.randint(1500, 2500)
    blocks: list[str] = []
    length = 0
    while length < target:
        if blocks and rng.random() < 0.12:
            blocks.append(f"## {rng.choice(VERBS)}{rng.choice(OBJECTS)}")
        paragraph = "".join(_sentence(rng) for _ in range(rng.randint(2, 5)))
        if rng.random() < 0.3:  # hard-wrapped like text pasted from the print layout
            paragraph = "\n".join(paragraph[i : i + 38] for i in range(0, len(paragraph), 38))
        blocks.append(paragraph)
        length += len(paragraph)
    return "\n\n".join(blocks)


def make_article(number: int) -> CorpusArticle:
    rng = random.Random(number)
    issue, position = divmod(number, ARTICLES_PER_ISSUE)
    page, order = divmod(position, ARTICLES_PER_PAGE)
    topic_count = rng.randint(1, 3)
    return CorpusArticle(
        number=number,
        date=issue_date(issue),
        page=page + 1,
        order=order + 1,
        slug=f"wen-{number}",
        title=f"{rng.choice(PLACES)}{rng.choice(SUBJECTS)}{rng.choice(VERBS)}{rng.choice(OBJECTS)}",
        kicker=f"{rng.choice(PLACES)}邮政{rng.choice(VERBS)}{rng.choice(OBJECTS)}",
        subtitle=rng.choice(CLAUSES),
        authors=[rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN) for _ in range(rng.randint(1, 2))],
        topics=sorted(topic_slug(index) for index in rng.sample(range(len(TOPIC_NAMES)), topic_count)),
        body=_body(rng),
    )


def corpus(articles: int) -> Iterator[CorpusArticle]:
    return (make_article(number) for number in range(articles))


def yaml_list(items: list[str]) -> str:
    return "[" + ", ".join(items) + "]"


def article_file(article: CorpusArticle) -> str:
    return (
        "---\n"
        f"title: {article.title}\n"
        f"kicker: {article.kicker}\n"
        f"subtitle: {article.subtitle}\n"
        f"authors: {yaml_list(article.authors)}\n"
        f"page: {article.page}\n"
        f"order: {article.order}\n"
        f"topics: {yaml_list(article.topics)}\n"
        "---\n\n"
        f"{article.body}\n"
    )


def site_yaml(search: bool) -> str:
    topics = "".join(
        f"  - name: {name}\n    slug: {topic_slug(index)}\n    description: 关于{name}的报道。\n"
        for index, name in enumerate(TOPIC_NAMES)
    )
    return (
        "title: 基准日报\n"
        "description: 用于性能测试的合成数字报。\n"
        "base_url: https://example.org/\n"
        "per_page: 20\n"
        "feed_size: 20\n"
        f"search: {'true' if search else 'false'}\n"
        f"topics:\n{topics}"
    )


def issue_yaml(date: datetime.date, number: int) -> str:
    pages = "".join(f"  - number: {n}\n    name: {name}\n" for n, name in enumerate(PAGE_NAMES, start=1))
    return f"date: {date.isoformat()}\nnumber: {number}\npages:\n{pages}"


def write_epaper_site(root: Path, articles: int, search: bool = False) -> None:
    """A complete site folder: ``site.yaml``, ``content/``, and copies of the repository's templates and theme."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    (root / "site.yaml").write_text(site_yaml(search), encoding="utf-8")
    for folder in ("templates", "theme"):
        shutil.copytree(REPOSITORY / folder, root / folder)
    for article in corpus(articles):
        write_article(root, article)


def write_article(root: Path, article: CorpusArticle) -> None:
    folder = root / "content" / article.date.strftime("%Y/%m/%d")
    if not folder.is_dir():
        folder.mkdir(parents=True)
        (folder / "issue.yaml").write_text(issue_yaml(article.date, 1 + article.number // ARTICLES_PER_ISSUE))
    (folder / f"{article.page:02d}-{article.slug}.md").write_text(article_file(article), encoding="utf-8")


def write_issue(root: Path, first: int) -> None:
    """The issue whose first article is number ``first`` (a multiple of 48): a new folder of 48 articles."""
    for number in range(first, first + ARTICLES_PER_ISSUE):
        write_article(root, make_article(number))


def article_path(root: Path, number: int) -> Path:
    article = make_article(number)
    return root / "content" / article.date.strftime("%Y/%m/%d") / f"{article.page:02d}-{article.slug}.md"

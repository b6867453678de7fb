"""What crawlers and share previews read: titles, descriptions, canonical URLs, social tags, JSON-LD, sitemaps."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sitecheck import copy_site, html_files, page_path, parse

from epaper.config import load_config
from epaper.sitemaps import sitemaps

SITE_URL = "https://example.org/"
NAMESPACES = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "n": "http://www.google.com/schemas/sitemap-news/0.9"}


@pytest.fixture
def edition(tmp_path: Path, run_cli: Callable[..., int]) -> Path:
    """The fixture edition (three issues, four print pages) built without its search index."""
    site = copy_site("edition", tmp_path)
    site.joinpath("site.yaml").write_text(
        site.joinpath("site.yaml").read_text(encoding="utf-8").replace("search: true", "search: false"),
        encoding="utf-8",
    )
    assert run_cli(site, "build", "-q") == 0
    return site / "_site"


def meta(soup: BeautifulSoup, key: str) -> str:
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    assert tag is not None, key
    return str(tag["content"])


def json_ld(soup: BeautifulSoup, kind: str) -> dict:
    items = [json.loads(script.string) for script in soup.find_all("script", type="application/ld+json")]
    matching = [item for item in items if item["@type"] == kind]
    assert len(matching) == 1, [item["@type"] for item in items]
    return matching[0]


def test_every_page_has_title_description_canonical_and_share_tags(edition: Path) -> None:
    for path in html_files(edition):
        soup = parse(path)
        where = path.relative_to(edition)
        title = soup.title.get_text()
        assert title == "中国邮政报" if path == edition / "index.html" else title.endswith(" - 中国邮政报"), where
        description = meta(soup, "description")
        assert 0 < len(description) <= 160, where
        canonical = soup.select_one('link[rel="canonical"]')["href"]
        assert canonical.startswith(SITE_URL), where
        assert meta(soup, "og:url") == canonical, where
        assert meta(soup, "og:title") == meta(soup, "twitter:title") and meta(soup, "og:title") in title, where
        assert meta(soup, "og:description") == meta(soup, "twitter:description") == description, where
        assert meta(soup, "og:site_name") == "中国邮政报"
        assert meta(soup, "og:locale") == "zh_CN"
        assert meta(soup, "twitter:card") == "summary"
    article = parse(page_path(edition, "2021/01/18/03/bao-fei/"))
    assert meta(article, "og:type") == "article"
    assert meta(parse(edition / "index.html"), "og:type") == "website"


def test_the_description_is_the_summary_or_the_first_paragraph_cut_by_characters(edition: Path) -> None:
    soup = parse(page_path(edition, "2021/01/18/03/bao-fei/"))
    description = meta(soup, "description")
    first_paragraph = soup.select_one(".story-body p").get_text()
    assert len(first_paragraph) > 120
    assert description == first_paragraph[:119] + "…"
    short = parse(page_path(edition, "2020/12/28/01/nian-zhong/"))
    assert meta(short, "description") == "岁末年初，各地邮政网点延长营业时间，做好年终寄递和代理金融服务。"


def test_articles_describe_themselves_as_news_articles_of_a_print_issue(edition: Path) -> None:
    soup = parse(page_path(edition, "2021/01/18/03/bao-fei/"))
    article = json_ld(soup, "NewsArticle")
    assert article["headline"] == "87小时，保费突破30亿元！"
    assert article["alternativeHeadline"] == "湖北武汉市分公司“开门红”战役告捷"
    assert article["datePublished"] == "2021-01-18T06:00:00+08:00"
    assert article["author"] == [{"@type": "Person", "name": "肖芳"}]
    assert article["publisher"] == {"@type": "Organization", "name": "中国邮政报社"}
    assert (article["printPage"], article["printSection"]) == ("3", "金融保险")
    assert article["printEdition"] == "2021年1月18日 第7012期"
    assert article["isPartOf"]["@type"] == "PublicationIssue"
    assert article["isPartOf"]["url"] == SITE_URL + "2021/01/18/"
    assert article["isPartOf"]["issueNumber"] == "7012"
    assert article["isPartOf"]["isPartOf"] == {"@type": "Periodical", "name": "中国邮政报", "url": SITE_URL}
    assert article["mainEntityOfPage"] == SITE_URL + "2021/01/18/03/bao-fei/"
    crumbs = json_ld(soup, "BreadcrumbList")["itemListElement"]
    assert [crumb["position"] for crumb in crumbs] == [1, 2, 3, 4, 5]
    assert [crumb["item"].removeprefix(SITE_URL) for crumb in crumbs] == [
        "",
        "archive/",
        "2021/01/18/",
        "2021/01/18/03/",
        "2021/01/18/03/bao-fei/",
    ]
    no_subtitle = json_ld(parse(page_path(edition, "2021/01/18/01/jing-you/")), "NewsArticle")
    assert "alternativeHeadline" not in no_subtitle
    home = parse(edition / "index.html")
    assert home.find("script", type="application/ld+json") is None or "NewsArticle" not in home.get_text()


def test_the_news_sitemap_lists_the_last_two_days_of_articles(edition: Path) -> None:
    root = ElementTree.parse(edition / "sitemap-news.xml").getroot()
    entries = root.findall("s:url", NAMESPACES)
    locations = [entry.findtext("s:loc", namespaces=NAMESPACES) for entry in entries]
    assert len(locations) == 6
    assert all(location.startswith(SITE_URL + "2021/01/18/") for location in locations)
    first = entries[0].find("n:news", NAMESPACES)
    assert first.findtext("n:publication/n:name", namespaces=NAMESPACES) == "中国邮政报"
    assert first.findtext("n:publication/n:language", namespaces=NAMESPACES) == "zh"
    assert first.findtext("n:publication_date", namespaces=NAMESPACES) == "2021-01-18T06:00:00+08:00"
    assert first.findtext("n:title", namespaces=NAMESPACES) == "布局谋篇 落实落细"
    robots = (edition / "robots.txt").read_text()
    assert f"Sitemap: {SITE_URL}sitemap.xml\n" in robots
    assert f"Sitemap: {SITE_URL}sitemap-news.xml\n" in robots


def test_the_sitemap_becomes_an_index_past_the_url_limit(tmp_path: Path) -> None:
    config = load_config(copy_site("edition", tmp_path) / "site.yaml")
    page_urls = [f"2021/01/{day:02d}/" for day in range(1, 6)]
    files = dict(sitemaps(config, page_urls, limit=2))
    assert sorted(files) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"]
    index = ElementTree.fromstring(files["sitemap.xml"])
    assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    assert [loc.text for loc in index.findall("s:sitemap/s:loc", NAMESPACES)] == [
        f"{SITE_URL}sitemap-{number}.xml" for number in (1, 2, 3)
    ]
    parts = [ElementTree.fromstring(files[f"sitemap-{number}.xml"]) for number in (1, 2, 3)]
    listed = [loc.text for part in parts for loc in part.findall("s:url/s:loc", NAMESPACES)]
    assert listed == [SITE_URL + url for url in page_urls]
    assert [len(part) for part in parts] == [2, 2, 1]
    single = dict(sitemaps(config, page_urls, limit=5))
    assert list(single) == ["sitemap.xml"]

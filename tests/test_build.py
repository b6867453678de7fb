"""End to end: build the small test site and read it back as a reader, a feed reader and a crawler would."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from pathlib import Path

import feedparser
from sitecheck import broken_references, html_files, page_path, parse

ARTICLES = ["2021/01/18/01/shou-ye/", "2021/01/18/02/bu-ju/", "2021/01/18/02/jin-rong/", "2021/01/19/01/xin-chun/"]


def test_every_issue_page_article_and_topic_has_a_page(built_basic: Path) -> None:
    expected = [
        "",
        "2021/01/18/",
        "2021/01/18/01/",
        "2021/01/18/02/",
        "2021/01/19/",
        "2021/01/19/01/",
        "topics/",
        "topics/finance/",
        "topics/post/",
        "archive/",
        "search/",
        *ARTICLES,
    ]
    for url in expected:
        assert page_path(built_basic, url).is_file(), url
    assert (built_basic / "404.html").is_file()
    assert (built_basic / "robots.txt").read_text().endswith("Sitemap: https://example.org/sitemap.xml\n")


def test_no_internal_link_or_asset_is_broken(built_basic: Path) -> None:
    assert broken_references(built_basic) == []


def test_article_page_shows_the_print_headline_stack_and_links(built_basic: Path) -> None:
    soup = parse(page_path(built_basic, "2021/01/18/01/shou-ye/"))
    story = soup.select_one("article.story")
    assert story is not None
    assert story.select_one(".kicker").get_text() == "各地邮政部署新年工作"
    assert story.select_one("h1").get_text() == "布局谋篇 落实落细"
    assert story.select_one(".subtitle").get_text() == "——推动高质量发展开好局"
    assert story.select_one(".byline").get_text(strip=True) == "宗合"
    assert story.select_one(".story-body h2").get_text() == "开局之年"
    # hard-wrapped Chinese lines join without a space
    assert "工作会议精神，认真" in story.select_one(".story-body p").get_text()
    assert [a["href"] for a in story.select(".story-topics a")] == ["/topics/post/"]
    assert soup.select_one('nav.article-steps a[rel="next"]')["href"] == "/2021/01/18/02/bu-ju/"
    assert soup.select_one('a[href="/2021/01/18/01/"]') is not None
    assert len(soup.find_all("h1")) == 1


def test_parts_of_a_continued_story_link_to_each_other_and_read_as_one(built_basic: Path) -> None:
    first = parse(page_path(built_basic, "2021/01/18/01/shou-ye/"))
    second = parse(page_path(built_basic, "2021/01/18/02/bu-ju/"))
    for soup in (first, second):
        parts = soup.select("section.story-part")
        assert [part.select_one(".story-body p").get_text()[:6] for part in parts] == ["各地邮政企业", "这是从第一版"]
        assert soup.select_one('link[rel="canonical"]')["href"] == "https://example.org/2021/01/18/01/shou-ye/"
    assert first.select_one(".jump a")["href"] == "/2021/01/18/02/bu-ju/"
    assert second.select_one("#part-2 .jump a")["href"] == "/2021/01/18/01/shou-ye/"


def test_home_is_the_latest_issue_with_masthead_and_recent_issues(built_basic: Path) -> None:
    soup = parse(built_basic / "index.html")
    masthead = soup.select_one(".masthead-meta").get_text(" ", strip=True)
    assert "2021年1月19日" in masthead and "星期二" in masthead and "第5001期" in masthead
    assert soup.select_one(".lead-title a")["href"] == "/2021/01/19/01/xin-chun/"
    assert [a["href"] for a in soup.select(".recent-issues .issue-list a")] == ["/2021/01/18/"]


def test_issue_and_page_navigation(built_basic: Path) -> None:
    issue = parse(page_path(built_basic, "2021/01/18/"))
    assert issue.select_one('.issue-steps a[rel="next"]')["href"] == "/2021/01/19/"
    assert issue.select(".page-heading")[0].get_text(" ", strip=True).startswith("第1版 · 要闻")
    assert len(issue.select(".teaser")) == 3
    page = parse(page_path(built_basic, "2021/01/18/02/"))
    assert page.h1.get_text() == "第2版 · 综合新闻"
    assert page.select_one('.page-steps a[rel="prev"]')["href"] == "/2021/01/18/01/"
    assert page.select_one('.page-list a[aria-current="page"]')["href"] == "/2021/01/18/02/"


def test_a_topic_page_shows_its_newest_articles_until_there_are_two_pages_worth(built_basic: Path) -> None:
    newest = parse(page_path(built_basic, "topics/post/"))  # three articles, two a page: all on one page
    titles = [a["href"] for a in newest.select(".teaser-title a")]
    assert titles == ["/2021/01/19/01/xin-chun/", "/2021/01/18/02/bu-ju/", "/2021/01/18/01/shou-ye/"]
    assert newest.select_one(".pagination") is None
    assert not (built_basic / "topics/post/page").exists()


def test_archive_groups_issues_by_year_and_month(built_basic: Path) -> None:
    soup = parse(page_path(built_basic, "archive/"))
    assert soup.select_one(".archive-year h2").get_text() == "2021年"
    assert [a["href"] for a in soup.select(".issue-list a")] == ["/2021/01/19/", "/2021/01/18/"]


def test_drafts_are_left_out_unless_asked_for(basic_site: Path, run_cli: Callable[..., int]) -> None:
    assert run_cli(basic_site, "build", "-q") == 0
    assert len(list((basic_site / "_site/2021/01/19/01").iterdir())) == 2  # index.html + one article
    assert run_cli(basic_site, "build", "-q", "--drafts", "--out", "with-drafts") == 0
    assert (basic_site / "with-drafts/2021/01/19/01/cao-gao/index.html").is_file()


def test_feeds_parse_and_hold_the_right_items(built_basic: Path) -> None:
    site = feedparser.parse((built_basic / "feed.xml").read_bytes())
    assert not site.bozo, site.bozo_exception
    assert site.version == "rss20"
    assert site.feed.title == "测试日报" and site.feed.link == "https://example.org/"
    assert len(site.entries) == 3  # feed_size
    first = site.entries[0]
    assert first.link == "https://example.org/2021/01/19/01/xin-chun/"
    assert first.published == "Tue, 19 Jan 2021 06:00:00 +0800"
    assert first.summary == "新春邮票今日发行。"
    assert "<p>新春邮票今日在全国发行" in first.content[0].value
    topic = feedparser.parse((built_basic / "topics/finance/feed.xml").read_bytes())
    assert not topic.bozo
    assert [entry.link.removeprefix("https://example.org/") for entry in topic.entries] == [
        "2021/01/19/01/xin-chun/",
        "2021/01/18/02/jin-rong/",
        "2021/01/18/02/bu-ju/",
    ]
    issue = feedparser.parse((built_basic / "2021/01/18/feed.xml").read_bytes())
    assert len(issue.entries) == 3
    assert issue.entries[2].author == "肖芳"
    home = parse(built_basic / "index.html")
    assert home.select_one('link[rel="alternate"][type="application/rss+xml"]')["href"] == "/feed.xml"


def test_sitemap_lists_every_page(built_basic: Path) -> None:
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ElementTree.parse(built_basic / "sitemap.xml").getroot()
    listed = {loc.text for loc in root.findall("s:url/s:loc", namespace)}
    pages = {
        "https://example.org/" + path.relative_to(built_basic).as_posix().removesuffix("index.html")
        for path in html_files(built_basic)
        if path.name != "404.html"
    }
    assert listed == pages


def test_a_sub_path_base_url_prefixes_every_link(basic_site: Path, run_cli: Callable[..., int]) -> None:
    assert run_cli(basic_site, "build", "-q", "--base-url", "https://example.org/epaper") == 0
    site = basic_site / "_site"
    assert broken_references(site, "/epaper/") == []
    soup = parse(page_path(site, "2021/01/18/"))
    assert soup.select_one('link[rel="canonical"]')["href"] == "https://example.org/epaper/2021/01/18/"
    assert soup.select_one('link[rel="stylesheet"]')["href"].startswith("/epaper/assets/style.css?v=")
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert feed.entries[0].link.startswith("https://example.org/epaper/2021/")


def test_two_builds_are_byte_identical(basic_site: Path, run_cli: Callable[..., int]) -> None:
    assert run_cli(basic_site, "build", "-q", "--out", "one") == 0
    assert run_cli(basic_site, "build", "-q", "--out", "two") == 0
    one = {p.relative_to(basic_site / "one"): p.read_bytes() for p in (basic_site / "one").rglob("*") if p.is_file()}
    two = {p.relative_to(basic_site / "two"): p.read_bytes() for p in (basic_site / "two").rglob("*") if p.is_file()}
    assert one == two


def test_a_bad_file_fails_the_build_and_the_previous_site_survives(
    basic_site: Path, run_cli: Callable[..., int], capsys
) -> None:
    assert run_cli(basic_site, "build", "-q") == 0
    before = {p: p.read_bytes() for p in (basic_site / "_site").rglob("*") if p.is_file()}
    article = basic_site / "content/2021/01/18/02-jin-rong.md"
    article.write_text(article.read_text().replace("page: 2", "page: [2"), encoding="utf-8")
    capsys.readouterr()
    assert run_cli(basic_site, "build", "-q") == 1
    error = capsys.readouterr().err
    assert error.startswith("error: content/2021/01/18/02-jin-rong.md:6: invalid YAML")
    assert "Traceback" not in error
    after = {p: p.read_bytes() for p in (basic_site / "_site").rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in basic_site.iterdir() if p.name.startswith("._site")] == []


def test_an_undefined_topic_is_a_warning(basic_site: Path, run_cli: Callable[..., int], capsys) -> None:
    article = basic_site / "content/2021/01/18/02-jin-rong.md"
    article.write_text(article.read_text().replace("topics: [finance]", "topics: [finance, sport]"), encoding="utf-8")
    capsys.readouterr()
    assert run_cli(basic_site, "build", "-q") == 0
    warning = "warning: content/2021/01/18/02-jin-rong.md: topic 'sport' is not defined in site.yaml\n"
    assert capsys.readouterr().err == warning

"""The RSS elements a feed reader uses, read straight from the XML (feedparser, in test_build, forgives much)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from lxml import etree

NAMESPACES = {
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
}


def channel(built: Path, feed: str) -> etree._Element:
    root = etree.parse(built / feed).getroot()
    assert root.tag == "rss" and root.get("version") == "2.0"
    found = root.find("channel")
    assert found is not None
    return found


def texts(element: etree._Element, path: str) -> list[str]:
    return [found.text or "" for found in element.findall(path, NAMESPACES)]


def test_the_channel_says_what_it_is_and_where_it_lives(built_basic: Path) -> None:
    topic = channel(built_basic, "topics/finance/feed.xml")
    assert texts(topic, "title") == ["测试日报 · 金融"]
    assert texts(topic, "link") == ["https://example.org/topics/finance/"]
    assert texts(topic, "description") == ["金融新闻"]
    assert texts(topic, "language") == ["zh-CN"]
    self_links = topic.findall("atom:link", NAMESPACES)
    assert [(link.get("rel"), link.get("href")) for link in self_links] == [
        ("self", "https://example.org/topics/finance/feed.xml")
    ]
    newest_item = texts(topic, "item/pubDate")[0]
    assert texts(topic, "lastBuildDate") == [newest_item] == ["Tue, 19 Jan 2021 06:00:00 +0800"]


def test_each_item_carries_its_article(built_basic: Path) -> None:
    issue = channel(built_basic, "2021/01/18/feed.xml")
    items = {item.findtext("link"): item for item in issue.findall("item")}
    article = items["https://example.org/2021/01/18/02/jin-rong/"]
    guid = article.find("guid")
    assert guid is not None and guid.get("isPermaLink") == "true" and guid.text == article.findtext("link")
    assert texts(article, "title") == ["保费突破30亿元"]
    assert texts(article, "category") == ["金融"]  # named as in site.yaml, not by slug
    assert texts(article, "dc:creator") == ["肖芳"]
    assert texts(article, "pubDate") == ["Mon, 18 Jan 2021 06:00:00 +0800"]
    (body,) = texts(article, "content:encoded")
    assert body.startswith("<p>") and "金融业务开门红" in body
    continued = items["https://example.org/2021/01/18/02/bu-ju/"]
    assert texts(continued, "category") == ["邮政", "金融"]  # in the article's order
    assert texts(continued, "dc:creator") == []


def test_a_feed_without_items_still_has_a_build_date(basic_site: Path, run_cli: Callable[..., int]) -> None:
    config = basic_site / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "  - name: 空专题\n    slug: empty\n", encoding="utf-8")
    assert run_cli(basic_site, "build", "-q") == 0
    empty = channel(basic_site / "_site", "topics/empty/feed.xml")
    assert empty.findall("item") == []
    assert texts(empty, "lastBuildDate") == ["Sat, 01 Jan 2000 00:00:00 +0800"]

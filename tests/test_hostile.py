"""Hostile text in content and settings comes out inert: in pages, feeds, JSON-LD and the sitemap."""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Callable
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup
from sitecheck import copy_site, html_files, parse

TITLE = "</script><script>alert('title')</script>"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = copy_site("hostile", tmp_path_factory.mktemp("hostile"))
    previous = Path.cwd()
    os.chdir(site)
    try:
        from epaper.cli import main

        assert main(["build", "-q"]) == 0
    finally:
        os.chdir(previous)
    return site / "_site"


def live_markup(soup: BeautifulSoup) -> list[str]:
    """Anything in a parsed page that a browser would run or load from the content."""
    found = []
    for tag in soup.find_all(True):
        found += [f"{tag.name}[{name}]" for name in tag.attrs if name.lower().startswith("on")]
        for name in ("href", "src", "action", "formaction"):
            if tag.name == "link":  # only the theme writes <link> elements (a data: icon is fine)
                continue
            value = str(tag.get(name, "")).strip().lower()
            if value.startswith(("javascript:", "data:", "vbscript:")):
                found.append(f"{tag.name}[{name}={value[:30]}]")
        if tag.name in ("iframe", "svg", "object", "embed"):
            found.append(tag.name)
        if tag.name == "img" and tag.get("src") == "x":
            found.append("img[src=x]")
        if tag.name == "script" and tag.get("type") != "application/ld+json" and not tag.get("src"):
            found.append("inline script")
    return found


def test_no_page_contains_live_markup_from_content(hostile_site: Path) -> None:
    for path in html_files(hostile_site):
        assert live_markup(parse(path)) == [], path


def test_hostile_text_is_shown_as_text(hostile_site: Path) -> None:
    soup = parse(hostile_site / "2021/01/18/01/evil/index.html")
    assert soup.h1.get_text() == TITLE
    assert soup.select_one(".kicker").get_text() == "<img src=x onerror=alert('kicker')>"
    assert "<script>alert('body')</script>" in soup.select_one(".story-body").get_text()
    assert soup.title.get_text().startswith(TITLE)


def test_json_ld_cannot_close_its_script_element(hostile_site: Path) -> None:
    for path in html_files(hostile_site):
        raw = path.read_text(encoding="utf-8")
        for block in parse(path).find_all("script", type="application/ld+json"):
            text = block.string or ""
            assert "</script" not in text.lower() and "<!--" not in text
            json.loads(text)
        assert raw.lower().count("</script>") == raw.lower().count("<script")
    article = parse(hostile_site / "2021/01/18/01/evil/index.html")
    data = [json.loads(block.string) for block in article.find_all("script", type="application/ld+json")]
    assert any(item.get("headline") == TITLE for item in data)


def test_feeds_carry_hostile_text_as_text(hostile_site: Path) -> None:
    feed = feedparser.parse((hostile_site / "feed.xml").read_bytes())
    assert not feed.bozo
    entry = next(item for item in feed.entries if item.link.endswith("/evil/"))
    assert entry.title == TITLE
    body = BeautifulSoup(entry.content[0].value, "html.parser")
    assert live_markup(body) == []
    assert "<script>alert('body')</script>" in body.get_text()


def test_sitemaps_are_well_formed(hostile_site: Path) -> None:
    import xml.etree.ElementTree as ElementTree

    for name in ("sitemap.xml", "sitemap-news.xml"):
        ElementTree.parse(hostile_site / name)


def test_a_symlink_out_of_content_is_not_followed(
    basic_site: Path, run_cli: Callable[..., int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: 机密\npage: 1\n---\n不应发布。\n", encoding="utf-8")
    (basic_site / "content/2021/01/18/01-secret.md").symlink_to(secret)
    assert run_cli(basic_site, "build", "-q") == 1
    error = capsys.readouterr().err
    assert "content/2021/01/18/01-secret.md: symbolic link to a file outside content/ is not followed" in error


def test_a_huge_article_is_rejected_quickly(basic_site: Path, run_cli: Callable[..., int], capsys) -> None:
    huge = basic_site / "content/2021/01/18/02-huge.md"
    huge.write_bytes(b"---\ntitle: big\npage: 2\n---\n" + "很长的一行文字。\n".encode() * 2_500_000)
    started = time.perf_counter()
    assert run_cli(basic_site, "build", "-q") == 1
    assert time.perf_counter() - started < 5
    assert "content/2021/01/18/02-huge.md: larger than 2 MB" in capsys.readouterr().err


def test_an_article_of_100000_lines_builds_in_seconds(basic_site: Path, run_cli: Callable[..., int]) -> None:
    long = basic_site / "content/2021/01/18/02-long.md"
    long.write_text("---\ntitle: 长文\npage: 2\n---\n" + "第一行\n\n" * 50_000, encoding="utf-8")
    started = time.perf_counter()
    assert run_cli(basic_site, "build", "-q") == 0
    assert time.perf_counter() - started < 20
    assert (basic_site / "_site/2021/01/18/02/long/index.html").stat().st_size > 500_000


def test_control_characters_from_a_layout_system_are_dropped(basic_site: Path, run_cli: Callable[..., int]) -> None:
    article = basic_site / "content/2021/01/18/02-jin-rong.md"
    text = article.read_text(encoding="utf-8").replace("保费突破30亿元", '"保费\\b突破30亿元"', 1)
    article.write_text(text.replace("金融业务开门红", "金融\x0b业务\x1f开门红"), encoding="utf-8")
    assert run_cli(basic_site, "build", "-q") == 0
    page = (basic_site / "_site/2021/01/18/02/jin-rong/index.html").read_text(encoding="utf-8")
    assert "保费突破30亿元" in page and "金融业务开门红" in page
    for path in (basic_site / "_site").rglob("*"):
        if path.suffix in (".html", ".xml"):
            assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", path.read_text(encoding="utf-8")), path

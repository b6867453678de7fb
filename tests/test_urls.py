from __future__ import annotations

import datetime
from pathlib import Path
from urllib.parse import urljoin

import pytest
from sitecheck import bare_issue

from epaper import urls
from epaper.model import Article


def test_urls_are_readable_and_stable() -> None:
    issue = bare_issue(Path("content/2021/01/18"), datetime.date(2021, 1, 18))
    article = Article(Path("x.md"), "标题", page=3, order=1, slug="kai-men-hong", date=issue.date)
    assert urls.issue_url(issue) == "2021/01/18/"
    assert urls.page_url(issue, 3) == "2021/01/18/03/"
    assert urls.article_url(article) == "2021/01/18/03/kai-men-hong/"
    assert urls.link("/epaper/", urls.article_url(article)) == "/epaper/2021/01/18/03/kai-men-hong/"
    assert urls.output_file("2021/01/18/") == "2021/01/18/index.html"
    assert urls.output_file("") == "index.html"
    assert urls.output_file("feed.xml") == "feed.xml"
    assert urls.output_file("2021/01/18/./p1.pdf") == "2021/01/18/p1.pdf"


@pytest.mark.parametrize("url", ["../outside/", "/etc/passwd", "a/../../b", "a\\..\\b", "a\0b"])
def test_no_url_can_write_outside_the_output_folder(url: str) -> None:
    with pytest.raises(urls.UnsafeOutputPath):
        urls.output_file(url)


@pytest.mark.parametrize("base", ["https://example.org/epaper/", "https://example.org/", "https://example.org", "https://x/#a/"])
@pytest.mark.parametrize(
    "url", ["", "2021/01/18/", "feed.xml", "a/./b/", "a/../b", "../x", "/root/", "//other.org/x", "a?b#c", "http://x/"]
)
def test_absolute_urls_resolve_as_urljoin_does(base: str, url: str) -> None:
    assert urls.absolute(base, url) == urljoin(base, url)

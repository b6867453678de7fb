"""Full-text search over the Pagefind index, on a site served under a sub-path.

It searches the repository's own edition (site.yaml + content/) when there is one, else the fixture edition,
which carries the same two stories of the sample issue.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from browser.browsing import REPOSITORY, SITES, Tab, open_tab
from tools.local_site import build_copy, serve_folder

pytestmark = pytest.mark.browser

SUB_PATH = "epaper/"
EXPECTED = {
    "开门红": "87小时，保费突破30亿元！",
    "邮票": "“邮票博雅课堂”纳入“乡村公开课”",
}


@pytest.fixture(scope="module")
def searchable_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    has_content = any((REPOSITORY / "content").glob("*/*/*/issue.yaml"))
    source = REPOSITORY if has_content else SITES / "edition"
    workspace = tmp_path_factory.mktemp("search")
    build_copy(source, workspace, workspace / "www" / SUB_PATH, "https://example.org/" + SUB_PATH)
    with serve_folder(workspace / "www") as origin:
        yield f"{origin}/{SUB_PATH}"


@pytest.fixture(params=["phone", "desktop"])
def search_tab(request: pytest.FixtureRequest, chromium: Browser, searchable_site: str) -> Iterator[Tab]:
    opened = open_tab(chromium, searchable_site, request.param)
    yield opened
    opened.page.context.close()


@pytest.mark.parametrize("term", list(EXPECTED))
def test_the_header_search_box_finds_the_article_and_links_to_it(search_tab: Tab, term: str) -> None:
    page = search_tab.open("archive/")
    box = page.get_by_role("searchbox", name="搜索文章")
    box.fill(term)
    box.press("Enter")
    page.wait_for_url(f"**/{SUB_PATH}search/?q=*")
    first = page.locator(".search-results-list li a").first
    first.wait_for()
    assert first.inner_text() == EXPECTED[term]
    excerpt = page.locator(".search-results-list li p").first
    assert term in excerpt.inner_text() and excerpt.locator("mark").count() > 0
    assert page.get_by_role("searchbox", name="关键词").input_value() == term
    search_tab.press(first)
    page.wait_for_url(re.compile(rf"/{SUB_PATH}\d{{4}}/\d\d/\d\d/\d\d/[a-z0-9-]+/$"))
    assert page.locator("h1").inner_text() == EXPECTED[term]
    assert search_tab.console_errors == []
    assert search_tab.foreign_requests == []


def test_a_term_that_is_nowhere_says_so(search_tab: Tab) -> None:
    page = search_tab.open("search/?q=zyxwvu")
    page.locator(".search-count").wait_for()
    assert page.locator(".search-count").inner_text() == "没有找到相关文章"
    assert page.locator(".search-results-list li").count() == 0

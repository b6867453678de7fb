"""Full-text search in the browser: the parts of the index searched as one, on a site served under a sub-path.
The fixture edition has issues in December 2020 (the 28th) and January 2021 (the 15th and the 18th), so two
parts: the second half of December and January's third week. The same edition is also built as one part
(/whole/) and as one part per issue (/daily/, three parts, more than a query's first answer searches)."""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page

from browser.browsing import SITES, Tab, open_tab
from epaper.search import shards
from tools.local_site import build_copy, serve_folder

pytestmark = pytest.mark.browser

SUB_PATH = "epaper/"
EXPECTED = {
    "开门红": "87小时，保费突破30亿元！",
    "邮票": "“邮票博雅课堂”纳入“乡村公开课”",
}
# Words, a name, a phrase across words, and the end of what a dictionary takes as one word (分公司, 课堂)
QUERIES = ["开门红", "邮票", "肖芳", "邮政", "分公司", "服务", "岁末年初", "公司", "课堂", "年工作"]
MAX_QUERY_BYTES = 300_000
# Set a control of the search form as the reader does (an input event); the milliseconds until a result is listed.
SET_AND_TIME = """async ([name, value]) => {
    const control = document.getElementById("search-form").elements[name];
    const started = performance.now();
    control.value = value;
    control.dispatchEvent(new Event("input", { bubbles: true }));
    await new Promise((done) => new MutationObserver((_, observer) => {
        if (document.querySelector(".search-results-list li")) { observer.disconnect(); done(); }
    }).observe(document.body, { childList: true, subtree: true }));
    return performance.now() - started;
}"""


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The edition under /epaper/ (two parts), /whole/ (one part) and /daily/ (three parts)."""
    workspace = tmp_path_factory.mktemp("search")
    www = workspace / "www"
    (workspace / "parts").mkdir()
    build_copy(SITES / "edition", workspace / "parts", www / SUB_PATH, "https://example.org/" + SUB_PATH)
    (workspace / "whole").mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(shards, "part_of", lambda date, newest: ("2021-01", "2021年1月"))  # every issue in one part
        build_copy(SITES / "edition", workspace / "whole", www / "whole", "https://example.org/whole/")
    (workspace / "daily").mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(shards, "part_of", lambda date, newest: (date.isoformat(), f"{date.month}月{date.day}日"))
        build_copy(SITES / "edition", workspace / "daily", www / "daily", "https://example.org/daily/")
    with serve_folder(www) as origin:
        yield origin, www


@pytest.fixture(params=["phone", "desktop"])
def search_tab(request: pytest.FixtureRequest, chromium: Browser, served: tuple[str, Path]) -> Iterator[Tab]:
    opened = open_tab(chromium, f"{served[0]}/{SUB_PATH}", request.param)
    yield opened
    opened.page.context.close()


@pytest.fixture
def desktop(chromium: Browser, served: tuple[str, Path]) -> Iterator[Tab]:
    opened = open_tab(chromium, f"{served[0]}/{SUB_PATH}", "desktop")
    yield opened
    opened.page.context.close()


def finished(page: Page) -> None:
    """Wait until the results of every part are shown."""
    page.locator("#search-results[data-state=complete]").wait_for(timeout=20_000)


def shown(page: Page) -> None:
    """Wait until the first results are shown (those of the newest parts)."""
    page.locator("#search-results[data-state]").wait_for(timeout=20_000)


def all_results(page: Page) -> list[str]:
    """The URLs of every result, pressing 显示更多结果 and 检索更早的报道 until all are listed."""
    shown(page)
    buttons = page.locator(".search-more:visible, .search-older:visible")
    while buttons.count():
        page.evaluate("delete document.getElementById('search-results').dataset.state")
        buttons.first.click()
        shown(page)
    finished(page)
    return page.locator(".search-results-list li > a").evaluate_all("links => links.map(link => link.pathname)")


def articles_containing(www: Path, term: str) -> set[str]:
    """The article pages whose kicker, headline, subtitle, byline or own text holds ``term``, by URL path."""
    found = set()
    for path in (www / SUB_PATH).glob("????/??/??/??/*/index.html"):
        story = BeautifulSoup(path.read_bytes(), "lxml").select_one("article.story")
        assert story is not None
        for other in story.select(".story-meta, .story-topics, .story-part[data-pagefind-ignore], .jump"):
            other.decompose()  # dates, links, topics, and the other parts of a continued story
        if term in story.get_text(""):
            found.add("/" + path.parent.relative_to(www).as_posix() + "/")
    return found


@pytest.mark.parametrize("term", list(EXPECTED))
def test_the_header_search_box_finds_the_article_and_links_to_it(search_tab: Tab, term: str) -> None:
    page = search_tab.open("archive/")
    box = page.get_by_role("searchbox", name="搜索文章")
    box.fill(term)
    box.press("Enter")
    page.wait_for_url(f"**/{SUB_PATH}search/?q=*")
    first = page.locator(".search-results-list li > a").first
    first.wait_for()
    assert first.inner_text() == EXPECTED[term]
    excerpt = page.locator(".search-results-list li .search-excerpt").first
    assert term in excerpt.inner_text() and excerpt.locator("mark").count() > 0
    assert page.get_by_role("searchbox", name="关键词").input_value() == term
    search_tab.press(first)
    page.wait_for_url(re.compile(rf"/{SUB_PATH}\d{{4}}/\d\d/\d\d/\d\d/[a-z0-9-]+/$"))
    assert page.locator("h1").inner_text() == EXPECTED[term]
    assert search_tab.console_errors == []
    assert search_tab.foreign_requests == []


def test_a_result_shows_date_print_page_kicker_headline_and_highlighted_excerpt(search_tab: Tab) -> None:
    page = search_tab.open("search/?q=邮票")
    finished(page)
    result = page.locator(".search-results-list li").first
    assert result.locator(".search-result-meta").inner_text() == "2021年1月18日 · 第4版 · 集邮文化"
    assert result.locator("time").get_attribute("datetime") == "2021-01-18"
    assert result.locator(".search-result-kicker").inner_text() == "靖江市分公司"
    assert result.locator("a").inner_text() == EXPECTED["邮票"]
    assert result.locator(".search-excerpt mark").first.inner_text() == "邮票"
    search_tab.screenshot(f"search-{'phone' if search_tab.phone else 'desktop'}")
    assert search_tab.axe_violations() == []
    assert search_tab.horizontal_overflow() == 0


def test_a_term_that_is_nowhere_says_so(desktop: Tab) -> None:
    page = desktop.open("search/?q=zyxwvu")
    finished(page)
    assert page.locator(".search-count").inner_text() == "没有找到相关文章"
    assert page.locator(".search-results-list li").count() == 0


@pytest.mark.parametrize("term", QUERIES)
def test_chinese_queries_find_every_article_that_holds_them_in_either_part(
    desktop: Tab, served: tuple[str, Path], term: str
) -> None:
    holding = articles_containing(served[1], term)
    assert holding, f"the fixture has no article with {term}"
    page = desktop.open(f"search/?q={term}")
    found = all_results(page)
    assert set(found) == holding and len(found) == len(holding)  # none missed, none without the query, once each
    assert desktop.console_errors == []


def test_characters_that_are_not_side_by_side_are_no_match(desktop: Tab, served: tuple[str, Path]) -> None:
    assert articles_containing(served[1], "邮") & articles_containing(served[1], "课") and not articles_containing(
        served[1], "邮课"
    )
    page = desktop.open("search/?q=邮课")
    finished(page)
    assert page.locator(".search-count").inner_text() == "没有找到相关文章"


def test_older_parts_are_searched_when_the_reader_asks(chromium: Browser, served: tuple[str, Path]) -> None:
    tab = open_tab(chromium, f"{served[0]}/daily/", "desktop")
    page = tab.open("search/?q=邮政")
    shown(page)
    first = page.locator(".search-results-list li > a").evaluate_all("links => links.map(link => link.pathname)")
    assert first and all(path.startswith("/daily/2021/01/") for path in first)  # the two newest parts
    assert page.locator(".search-count").inner_text().endswith("（已检索2021年1月以来的报道）")
    older = page.get_by_role("button", name="检索更早的报道")
    older.click()
    page.locator(".search-results-list li a[href*='/2020/12/']").wait_for()
    finished(page)
    assert older.is_hidden()
    assert page.locator(".search-results-list li").count() == len(set(first)) + 1
    assert tab.console_errors == []
    tab.page.context.close()


def test_a_query_finds_articles_on_both_sides_of_a_part_boundary(desktop: Tab) -> None:
    found = all_results(desktop.open("search/?q=邮政"))
    months = {path.split("/")[2] + "-" + path.split("/")[3] for path in found}
    assert months == {"2020-12", "2021-01"}


@pytest.mark.parametrize("term", QUERIES)
def test_the_parts_find_the_same_articles_as_one_whole_index(
    chromium: Browser, served: tuple[str, Path], term: str
) -> None:
    origin, www = served
    assert len(list((www / "whole/pagefind").glob("*/pagefind-entry.json"))) == 1
    assert len(list((www / SUB_PATH / "pagefind").glob("*/pagefind-entry.json"))) == 2
    sets = {}
    for base in (SUB_PATH, "whole/"):
        tab = open_tab(chromium, f"{origin}/{base}", "desktop")
        sets[base] = {path.removeprefix(f"/{base}") for path in all_results(tab.open(f"search/?q={term}"))}
        tab.page.context.close()
    assert sets[SUB_PATH] == sets["whole/"] != set()


def chosen(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def test_filters_narrow_the_results_and_live_in_the_url(desktop: Tab) -> None:
    page = desktop.open("search/?q=邮政")
    finished(page)
    everything = set(all_results(page))
    page.get_by_label("年份").select_option("2020年")
    page.wait_for_url(re.compile(r"year="))
    finished(page)
    assert chosen(page) == {"q": ["邮政"], "year": ["2020年"]}
    assert set(all_results(page)) == {p for p in everything if p.startswith(f"/{SUB_PATH}2020/")} != set()
    page.get_by_label("年份").select_option("")
    page.get_by_label("版面").select_option("第3版 · 金融保险")
    page.wait_for_url(re.compile(r"page="))
    metas = page.locator(".search-result-meta")
    finished(page)
    assert metas.count() > 0
    assert all(text.endswith("第3版 · 金融保险") for text in metas.all_inner_texts())
    linked = desktop.open("search/?q=邮政&topic=金融保险&author=肖芳")  # a linked search opens as it was
    finished(linked)
    assert linked.get_by_label("专题").input_value() == "金融保险"
    assert all_results(linked) == [f"/{SUB_PATH}2021/01/18/03/bao-fei/"]


def test_by_date_the_newest_come_first_across_parts(desktop: Tab) -> None:
    page = desktop.open("search/?q=邮政&sort=date")
    found = all_results(page)
    dates = [re.search(r"/(\d{4}/\d\d/\d\d)/", path).group(1) for path in found]  # type: ignore[union-attr]
    assert dates == sorted(dates, reverse=True) and len(set(dates)) == 3
    assert page.get_by_label("排序").input_value() == "date"
    relevance = set(all_results(desktop.open("search/?q=邮政")))
    assert set(found) == relevance


def test_filters_alone_list_the_articles_of_a_month(desktop: Tab) -> None:
    page = desktop.open("search/?month=2020-12")
    assert all_results(page) == [f"/{SUB_PATH}2020/12/28/01/nian-zhong/"]


def test_a_month_filter_searches_that_month_even_before_older_parts_are_loaded(
    chromium: Browser, served: tuple[str, Path]
) -> None:
    tab = open_tab(chromium, f"{served[0]}/daily/", "desktop")
    page = tab.open("search/?q=邮政&month=2020-12")
    finished(page)
    assert page.locator(".search-results-list li > a").evaluate_all("links => links.map(link => link.pathname)") == [
        "/daily/2020/12/28/01/nian-zhong/"
    ]
    tab.page.context.close()


def test_a_month_filter_fetches_no_part_of_another_month_beyond_the_newest(
    chromium: Browser, served: tuple[str, Path]
) -> None:
    """The newest part opens Pagefind; the filter's query then needs that month's parts only."""
    tab = open_tab(chromium, f"{served[0]}/daily/", "desktop")
    fetched: list[str] = []
    tab.page.on("requestfinished", lambda request: fetched.append(request.url))
    page = tab.open("search/?q=邮政&month=2020-12")
    finished(page)  # complete: every part of December searched, though January's older part was not
    parts = {url.split("/pagefind/")[1].split("/")[0] for url in fetched if "/pagefind/" in url}
    assert parts == {"parts.json", "2021-01-18", "2020-12-28"}
    assert page.locator(".search-older").is_hidden()
    tab.page.context.close()


@pytest.mark.parametrize("damage", ["a part is missing", "the newest part's metadata is damaged"])
def test_a_broken_part_leaves_the_rest_searchable_with_a_notice(
    chromium: Browser, served: tuple[str, Path], tmp_path: Path, damage: str
) -> None:
    site = tmp_path / "www" / SUB_PATH
    shutil.copytree(served[1] / SUB_PATH, site)
    if damage == "a part is missing":
        shutil.rmtree(site / "pagefind/2020-12-16")
        broken, searchable = "2020年12月16日–31日", "开门红"
    else:
        meta = next((site / "pagefind/2021-01-15").glob("*.pf_meta"))
        meta.write_bytes(b"\x1f\x8b" + b"broken" * 20)
        broken, searchable = "2021年1月15日–21日", "岁末年初"
    with serve_folder(tmp_path / "www") as origin:
        tab = open_tab(chromium, f"{origin}/{SUB_PATH}", "desktop")
        page = tab.open(f"search/?q={searchable}")
        assert all_results(page)
        notice = page.locator("#search-notice")
        assert notice.is_visible() and broken in notice.inner_text()
        tab.page.context.close()


def test_a_query_transfers_little_and_answers_quickly(desktop: Tab) -> None:
    """Bytes fetched and time from typing to the first result (bench/search_browser.py: a large site)."""
    page = desktop.open("search/")
    page.locator("#search-results[data-ready]").wait_for(state="attached")  # the parts load with the page
    fetched: list[int] = []
    page.on("requestfinished", lambda request: fetched.append(request.sizes()["responseBodySize"]))
    started = time.perf_counter()
    elapsed = page.evaluate(SET_AND_TIME, ["q", "开门红"])
    finished(page)
    print(f"\nsearch 开门红: first results {elapsed:.0f} ms after typing, {sum(fetched)} bytes fetched")
    assert time.perf_counter() - started < 20
    assert 0 < sum(fetched) <= MAX_QUERY_BYTES

"""Filters with no query in the browser: the articles of a filter, newest first, for one index chunk a part.

The site is the benchmark's archive (bench/corpus.py) of three issues, each an index part of its own, so that
a part's index is in several chunks (the fixture edition's parts have one each): Pagefind's search for
nothing fetches every chunk of every part searched, the search page's listing one chunk a part.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from bench_corpus import load_bench_corpus
from playwright.sync_api import Browser, Request

from browser.browsing import open_tab
from browser.test_search import MAX_QUERY_BYTES, SET_AND_TIME, all_results
from epaper.search import shards
from tools.local_site import build_copy, serve_folder

pytestmark = pytest.mark.browser

corpus: Any = load_bench_corpus()
ISSUES = 3
ARTICLES = list(corpus.corpus(ISSUES * corpus.ARTICLES_PER_ISSUE))
NEWEST = ARTICLES[-1]
FIRST_PARTS = 2  # search.js: the newest parts a first answer searches
SEARCHED_FIRST = sorted({article.date.isoformat() for article in ARTICLES})[-FIRST_PARTS:]  # their periods
FILTERS = {  # name: (value, whether an article has it)
    "month": ("2016-01", lambda article: article.date.month == 1),
    "page": ("第3版 · 经营管理", lambda article: article.page == 3),
    "topic": (corpus.TOPIC_NAMES[int(NEWEST.topics[0][1:]) - 1], lambda article: NEWEST.topics[0] in article.topics),
    "author": (NEWEST.authors[0], lambda article: NEWEST.authors[0] in article.authors),
}


@pytest.fixture(scope="module")
def listing_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Three issues of 48 articles, one part each, served at the root; yields the site's URL."""
    workspace = tmp_path_factory.mktemp("listing")
    corpus.write_epaper_site(workspace / "source", len(ARTICLES), search=True)
    (workspace / "build").mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(shards, "part_of", lambda date, newest: (date.isoformat(), f"{date.month}月{date.day}日"))
        build_copy(workspace / "source", workspace / "build", workspace / "www", "https://example.org/")
    assert all(len(list(index.iterdir())) > 2 for index in (workspace / "www/pagefind").glob("*/index"))
    with serve_folder(workspace / "www") as origin:
        yield origin + "/"


def newest_first(name: str) -> list[str]:
    """The URL paths of the articles ``FILTERS[name]`` holds: newest issue first, then by page and place."""
    holds = FILTERS[name][1]
    chosen = sorted(
        (article for article in ARTICLES if holds(article)), key=lambda a: (-a.date.toordinal(), a.page, a.order)
    )
    return [f"/{article.date:%Y/%m/%d}/{article.page:02d}/{article.slug}/" for article in chosen]


@pytest.mark.parametrize("name", list(FILTERS))
def test_a_filter_alone_fetches_one_index_chunk_a_part(chromium: Browser, listing_site: str, name: str) -> None:
    """Chosen before any query is typed: the listing of the newest parts, in one chunk each."""
    tab = open_tab(chromium, listing_site, "desktop")
    page = tab.open("search/")
    page.locator("#search-results[data-ready]").wait_for(state="attached")
    page.wait_for_load_state("networkidle")
    fetched: list[Request] = []
    page.on("requestfinished", lambda request: fetched.append(request))
    elapsed = page.evaluate(SET_AND_TIME, [name, FILTERS[name][0]])
    page.locator("#search-results[data-state]").wait_for()
    chunks = [re.search(r"/pagefind/([^/]+)/index/", request.url) for request in fetched]
    per_part = [match.group(1) for match in chunks if match]
    fetched_bytes = sum(request.sizes()["responseBodySize"] for request in fetched)
    print(f"\nfilter {name} alone: first results {elapsed:.0f} ms after choosing it, {len(per_part)} index chunks, "
          f"{fetched_bytes} bytes fetched")
    assert sorted(per_part) == SEARCHED_FIRST  # one chunk of each
    assert 0 < fetched_bytes <= MAX_QUERY_BYTES
    shown = page.locator(".search-results-list li > a").evaluate_all("links => links.map(link => link.pathname)")
    assert shown == newest_first(name)[: len(shown)] != []
    assert tab.console_errors == []
    tab.page.context.close()


@pytest.mark.parametrize("name", list(FILTERS))
def test_a_linked_filter_lists_every_article_newest_first(chromium: Browser, listing_site: str, name: str) -> None:
    """显示更多结果 and 检索更早的报道 page through the whole listing; the filter stays in the URL."""
    tab = open_tab(chromium, listing_site, "desktop")
    page = tab.open(f"search/?{name}={FILTERS[name][0]}")
    assert all_results(page) == newest_first(name)
    assert page.locator(f"[name={name}]").input_value() == FILTERS[name][0]
    assert page.locator("#search-sort").is_disabled(), "a listing without text is by date: no sort to choose"
    first = page.locator(".search-results-list li").first
    excerpt = first.locator(".search-excerpt").inner_text()
    newest = next(article for article in ARTICLES if newest_first(name)[0].endswith(f"/{article.slug}/"))
    assert excerpt.startswith(newest.kicker) and "\ua66e" not in page.locator("#search-results").inner_text()
    assert tab.console_errors == []
    tab.page.context.close()


def test_a_query_excerpt_that_starts_the_text_has_no_listing_word(chromium: Browser, listing_site: str) -> None:
    tab = open_tab(chromium, listing_site, "desktop")
    page = tab.open(f"search/?q={NEWEST.kicker}")
    page.locator(".search-results-list li").first.wait_for()
    assert page.locator(".search-excerpt").first.inner_text().startswith(NEWEST.kicker)
    assert "\ua66e" not in page.locator("#search-results").inner_text()
    tab.page.context.close()


def test_the_sort_control_comes_back_with_text(chromium: Browser, listing_site: str) -> None:
    tab = open_tab(chromium, listing_site, "desktop")
    page = tab.open("search/?month=2016-01&sort=date")
    page.locator("#search-results[data-state]").wait_for()
    assert page.locator("#search-sort").is_disabled()
    page.fill("#search-query", NEWEST.kicker)
    page.wait_for_function("!document.querySelector('#search-sort').disabled")
    assert page.locator("#search-sort").input_value() == "date" and "sort=date" in page.url
    tab.page.context.close()

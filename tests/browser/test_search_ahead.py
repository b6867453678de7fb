"""What the search page fetches ahead of a query, and what it shows before the whole first page is in.

The fixture edition has two index parts (January 2021's third week, the newest, and the second half of
December 2020): a query's first answer merges the older one into the newest, which opens Pagefind.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, Request, Route

from browser.browsing import Tab, open_tab

pytestmark = pytest.mark.browser

OLDER_PART = "/pagefind/2020-12-16/"
FIRST_SCREEN = 5  # search.js: the results shown before the rest of the first page has loaded
HOUR = 3600


@pytest.fixture
def desktop(chromium: Browser, edition_site: str) -> Iterator[Tab]:
    opened = open_tab(chromium, edition_site, "desktop")
    yield opened
    opened.page.context.close()


def open_search(tab: Tab) -> Page:
    page = tab.open("search/")
    page.locator("#search-results[data-ready]").wait_for(state="attached")
    page.wait_for_load_state("networkidle")
    return page


def chunks(requests: list[Request]) -> list[str]:
    return [request.url.split("/pagefind/")[1] for request in requests if request.url.endswith(".pf_index")]


def test_the_opening_page_fetches_the_entry_of_the_part_a_first_answer_merges(desktop: Tab) -> None:
    fetched: list[str] = []
    desktop.page.on("request", lambda request: fetched.append(request.url))
    open_search(desktop)
    older = [url.split(OLDER_PART)[1].split("?")[0] for url in fetched if OLDER_PART in url]
    assert "pagefind-entry.json" in older and any(name.endswith(".pf_meta") for name in older)
    assert not [url for url in fetched if url.endswith((".pf_index", ".pf_fragment"))]
    assert desktop.console_errors == []


def test_the_index_chunks_of_a_query_load_during_the_typing_pause(desktop: Tab) -> None:
    """The page's clock is stopped: the pause never ends, so nothing is searched, but the chunks arrive."""
    desktop.page.clock.install()
    page = open_search(desktop)
    requested: list[Request] = []
    page.on("request", lambda request: requested.append(request))
    page.clock.pause_at(time.time() + HOUR)
    page.fill("#search-query", "邮政")
    page.wait_for_event("request", lambda request: OLDER_PART in request.url and request.url.endswith(".pf_index"))
    assert page.evaluate("location.search") == ""  # not searched yet
    ahead = chunks(requested)
    assert {chunk.split("/")[0] for chunk in ahead} == {"2021-01-15", "2020-12-16"}
    page.clock.resume()
    page.locator("#search-results[data-state]").wait_for()
    assert page.locator(".search-results-list li").count() > 0
    assert chunks(requested) == ahead  # the search fetched no chunk of its own
    assert desktop.console_errors == []


def test_a_listing_by_month_loads_its_index_and_filter_chunks_during_the_typing_pause(desktop: Tab) -> None:
    """Listed by date, each part is searched with a filter of its own (its period), loaded ahead too."""
    desktop.page.clock.install()
    page = open_search(desktop)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.clock.pause_at(time.time() + HOUR)
    page.select_option("#search-month", "2021-01")
    while len([url for url in requested if url.endswith(".pf_filter")]) < 2:  # the month's and the part's
        page.wait_for_event("request", lambda request: request.url.endswith(".pf_filter"), timeout=10_000)
    assert page.evaluate("location.search") == ""
    ahead = [url for url in requested if url.endswith((".pf_index", ".pf_filter"))]
    page.clock.resume()
    page.locator("#search-results[data-state]").wait_for()
    assert page.locator(".search-results-list li").count() > 0
    assert [url for url in requested if url.endswith((".pf_index", ".pf_filter"))] == ahead
    assert desktop.console_errors == []


def test_pinyin_being_composed_is_not_searched(desktop: Tab) -> None:
    desktop.page.clock.install()
    page = open_search(desktop)
    page.focus("#search-query")
    input_method = page.context.new_cdp_session(page)
    input_method.send("Input.imeSetComposition", {"text": "youzheng", "selectionStart": 8, "selectionEnd": 8})
    page.clock.run_for(2_000)
    assert page.evaluate("location.search") == ""
    input_method.send("Input.insertText", {"text": "邮政"})  # the characters chosen: the composition ends
    page.locator("#search-results[data-state]").wait_for()
    assert page.evaluate("decodeURIComponent(location.search)") == "?q=邮政"
    assert page.locator(".search-results-list li").count() > 0


def test_the_first_screen_of_results_shows_before_the_rest_of_the_page_has_loaded(desktop: Tab) -> None:
    """Fragments (a result's data) past the first screen's are held back until the first results show."""
    page = open_search(desktop)
    held: list[Route] = []
    let_through: list[Route] = []
    released = False

    def hold_after_the_first_screen(route: Route) -> None:
        if len(let_through) < FIRST_SCREEN or released:
            let_through.append(route)
            route.continue_()
        else:
            held.append(route)

    page.route("**/*.pf_fragment", hold_after_the_first_screen)
    page.fill("#search-query", "邮政")
    page.locator(".search-results-list li").first.wait_for(timeout=10_000)
    assert page.locator(".search-results-list li").count() == FIRST_SCREEN
    assert page.locator(".search-more").is_hidden() and page.locator(".search-older").is_hidden()
    released = True
    for route in held:
        route.continue_()
    page.locator("#search-results[data-state]").wait_for()
    assert page.locator(".search-results-list li").count() > FIRST_SCREEN
    assert page.locator(".search-count").inner_text().startswith("找到")
    assert desktop.console_errors == []

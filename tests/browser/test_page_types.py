"""Every page type at phone and desktop size: no sideways scrolling, no console errors, no foreign requests,
no axe-core violations, no layout shift; a screenshot of each is kept in test-artifacts/screenshots/."""

from __future__ import annotations

import pytest

from browser.browsing import Tab

pytestmark = pytest.mark.browser

PAGE_TYPES = {
    "home": "",
    "issue": "2021/01/18/",
    "page": "2021/01/18/01/",  # the first page: its 上一版 is shown disabled
    "article": "2021/01/18/03/bao-fei/",
    "topics": "topics/",
    "topic": "topics/finance/",
    "archive": "archive/",
    "search": "search/?q=%E9%82%AE%E7%A5%A8",
    "not-found": "404.html",
}
LAYOUT_SHIFT = """() => new Promise(resolve => {
  new PerformanceObserver(list => resolve(list.getEntries().reduce((sum, entry) => sum + entry.value, 0)))
    .observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(0), 300);
})"""


@pytest.mark.parametrize("page_type", list(PAGE_TYPES))
def test_page_type_reads_well_and_cleanly(tab: Tab, page_type: str, request: pytest.FixtureRequest) -> None:
    page = tab.open(PAGE_TYPES[page_type])
    if page_type == "search":
        page.wait_for_selector(".search-results-list li")
    assert page.evaluate("document.documentElement.lang") == "zh-CN"
    assert tab.horizontal_overflow() == 0
    assert page.evaluate(LAYOUT_SHIFT) == 0
    assert tab.axe_violations() == []
    assert tab.console_errors == []
    assert tab.foreign_requests == []
    tab.screenshot(f"{page_type}-{request.node.callspec.params['tab']}")

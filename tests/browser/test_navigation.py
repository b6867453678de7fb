"""Finding one's way through the edition by tap (phone) and by click (desktop)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser

from browser.browsing import Tab, open_tab

pytestmark = pytest.mark.browser

# Controls a reader aims at (links inside running text are exempt, as WCAG exempts inline targets).
CONTROLS = (
    "header a, header input, header button, nav a, summary, .calendar a, .page-heading a, .headline-list a, "
    ".teaser-title a, .lead-title a, .issue-list a, .story-meta a, .story-topics a, .topic-list a, footer a, "
    ".search-page-form input, .search-page-form button"
)


def small_targets(tab: Tab) -> list[str]:
    """Visible controls smaller than 44×44 CSS pixels."""
    return tab.page.evaluate(
        """selector => [...document.querySelectorAll(selector)]
          .filter(el => el.getClientRects().length && getComputedStyle(el).visibility !== "hidden")
          .map(el => [el, el.getBoundingClientRect()])
          .filter(([el, box]) => box.width > 1 && (box.width < 44 || box.height < 44))
          .map(([el, box]) => `${el.tagName} ${JSON.stringify(el.textContent.trim())} ${box.width}x${box.height}`)""",
        CONTROLS,
    )


def test_page_switcher_steps_through_the_print_pages(tab: Tab) -> None:
    page = tab.open("2021/01/18/01/")
    tab.press(page.get_by_role("link", name=re.compile("^下一版")))
    page.wait_for_url("**/2021/01/18/02/")
    assert page.locator("h1").inner_text() == "第2版 · 综合新闻"
    tab.press(page.locator(".page-list").get_by_role("link", name=re.compile("第4版")))
    page.wait_for_url("**/2021/01/18/04/")
    assert page.locator('.page-list a[aria-current="page"]').inner_text().startswith("第4版")
    assert page.locator(".page-steps .step.disabled").inner_text() == "下一版"
    tab.press(page.get_by_role("link", name=re.compile("^上一版")))
    page.wait_for_url("**/2021/01/18/03/")


def test_issue_steps_and_the_calendar_of_past_issues(tab: Tab) -> None:
    page = tab.open("2021/01/15/")
    tab.press(page.locator(".issue-steps").get_by_role("link", name=re.compile("下一期")))
    page.wait_for_url("**/2021/01/18/")
    tab.press(page.locator(".issue-steps").get_by_role("link", name=re.compile("上一期")))
    page.wait_for_url("**/2021/01/15/")
    calendar = page.locator(".issue-picker .calendar")
    assert not calendar.is_visible()
    tab.press(page.locator(".issue-picker summary"))
    assert calendar.locator("caption").inner_text() == "2021年1月"
    assert calendar.locator('a[aria-current="date"]').inner_text() == "15"
    assert calendar.locator("a").all_inner_texts() == ["15", "18"]
    assert calendar.locator(".no-issue", has_text=re.compile("^16$")).count() == 1  # shown, not a link
    tab.press(calendar.get_by_role("link", name="1月18日"))
    page.wait_for_url("**/2021/01/18/")
    tab.press(page.locator(".issue-picker summary"))
    tab.press(page.locator(".month-steps").get_by_role("link", name=re.compile("2020年12月")))
    page.wait_for_url("**/archive/#2020-12")
    tab.press(page.locator('[id="2020-12"] .calendar').get_by_role("link", name="12月28日"))
    page.wait_for_url("**/2020/12/28/")


def test_article_shows_the_print_headline_stack_in_order_and_leads_on(tab: Tab) -> None:
    page = tab.open("2021/01/18/01/jing-you/")
    header = page.locator(".story-header")
    stack = [header.locator(selector) for selector in (".kicker", "h1", ".byline")]
    assert [part.inner_text() for part in stack] == ["绥宁县分公司", "警邮联合宣传交通安全", "胡阳华"]
    tops = [part.bounding_box()["y"] for part in stack]
    assert tops == sorted(tops)
    page = tab.open("2021/01/18/03/bao-fei/")
    assert header.locator(".subtitle").inner_text() == "——湖北武汉市分公司“开门红”战役告捷"
    assert header.locator(".subtitle").bounding_box()["y"] > header.locator("h1").bounding_box()["y"]
    tab.press(page.locator(".article-steps").get_by_role("link", name=re.compile("^下一篇")))
    page.wait_for_url("**/2021/01/18/04/you-piao/")
    tab.press(page.locator(".article-steps").get_by_role("link", name=re.compile("^返回")))
    page.wait_for_url("**/2021/01/18/04/#story-you-piao")  # back to the story on its page


@pytest.mark.parametrize("path", ["", "2021/01/18/", "2021/01/18/01/", "2021/01/18/03/bao-fei/", "archive/"])
def test_tap_targets_are_at_least_44_pixels(chromium: Browser, edition_site: str, path: str) -> None:
    tab = open_tab(chromium, edition_site, "phone")
    tab.open(path)
    tab.page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert small_targets(tab) == []
    tab.page.context.close()


def test_dark_mode_follows_the_system_and_stays_readable(chromium: Browser, edition_site: str) -> None:
    tab = open_tab(chromium, edition_site, "phone", color_scheme="dark")
    for path in ("", "2021/01/18/03/bao-fei/"):
        page = tab.open(path)
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert max(map(int, re.findall(r"\d+", background))) < 60
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        assert tab.axe_violations() == []
        tab.screenshot(f"dark-{path.strip('/').replace('/', '-') or 'home'}")
    tab.page.context.close()


def test_without_javascript_every_page_still_navigates(chromium: Browser, edition_site: str) -> None:
    tab = open_tab(chromium, edition_site, "phone", java_script_enabled=False)
    page = tab.open("")
    page.locator(".page-list").get_by_role("link", name=re.compile("第3版")).tap()
    page.wait_for_url("**/2021/01/18/03/")
    page.locator(".teaser-title a").first.tap()
    page.wait_for_url("**/2021/01/18/03/bao-fei/")
    page.locator(".story-meta").get_by_role("link", name=re.compile("第7012期")).tap()
    page.wait_for_url("**/2021/01/18/")
    page.locator(".issue-picker summary").tap()
    page.locator(".issue-picker .calendar").get_by_role("link", name="1月15日").tap()
    page.wait_for_url("**/2021/01/15/")
    tab.page.context.close()

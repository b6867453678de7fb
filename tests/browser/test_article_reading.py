"""Reading an article of the sample edition: the headline stack, the link back to the story's region on its
page, 本版其他文章, reading order, the text size kept across articles, copy-link and the share sheet."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from browser.browsing import Tab, open_tab
from browser.test_page_types import LAYOUT_SHIFT

pytestmark = pytest.mark.browser

LEAD = "2021/01/18/02/87-xiao-shi-bao-fei/"
BRIEF = "2021/01/18/02/jing-you-lian-he-xuan/"


def body_size(page: Page) -> float:
    return float(page.eval_on_selector(".story-body p", "p => parseFloat(getComputedStyle(p).fontSize)"))


def test_headline_stack_byline_and_the_page_around_the_article(sample_tab: Tab, request: pytest.FixtureRequest) -> None:
    page = sample_tab.open(BRIEF)
    header = page.locator(".story-header")
    stack = header.locator(".kicker, .story-title, .subtitle").all_inner_texts()
    assert stack == ["绥宁县分公司", "警邮联合宣传交通安全"]
    assert header.locator(".byline").inner_text() == "胡阳华"
    others = page.locator(".page-others li a").all_inner_texts()
    assert others == ["87小时，保费突破30亿元！", "“微车管所”开通上线", "“邮票博雅课堂”纳入“乡村公开课”"]
    assert page.locator(".article-steps a[rel=prev]").inner_text().endswith("87小时，保费突破30亿元！")
    assert page.locator(".article-steps a[rel=next]").inner_text().endswith("“微车管所”开通上线")
    assert sample_tab.axe_violations() == []
    assert sample_tab.horizontal_overflow() == 0
    assert sample_tab.console_errors == [] and sample_tab.foreign_requests == []
    sample_tab.screenshot(f"article-tools-{request.node.callspec.params['sample_tab']}")
    sample_tab.press(page.locator(".article-steps a[rel=next]"))
    page.wait_for_url("**/02/wei-che-guan-suo-kai/")
    assert page.locator(".story-header .kicker").inner_text() == "玉溪市分公司"


def test_page_link_leads_back_to_the_story_region(sample_tab: Tab) -> None:
    page = sample_tab.open(LEAD)
    link = page.locator(".story-meta a.page-link")
    assert link.inner_text() == "第2版 · 地方新闻"
    sample_tab.press(link)
    page.wait_for_url("**/2021/01/18/02/#region-87-xiao-shi-bao-fei")
    region = page.locator("#region-87-xiao-shi-bao-fei")
    assert page.evaluate("document.querySelector(':target').id") == "region-87-xiao-shi-bao-fei"
    assert region.evaluate("r => getComputedStyle(r).boxShadow") != "none"  # highlighted as the target
    box = region.bounding_box()
    assert box and box["y"] < page.viewport_size["height"] and box["y"] + box["height"] > 0  # in view


def test_text_size_is_kept_across_articles(sample_tab: Tab) -> None:
    page = sample_tab.open(LEAD)
    medium = body_size(page)
    assert page.get_by_role("button", name="中").get_attribute("aria-pressed") == "true"
    sample_tab.press(page.get_by_role("button", name="大"))
    large = body_size(page)
    assert large > medium
    assert page.get_by_role("button", name="大").get_attribute("aria-pressed") == "true"
    sample_tab.open(BRIEF)
    assert body_size(page) == large
    assert page.get_by_role("button", name="大").get_attribute("aria-pressed") == "true"
    assert page.evaluate(LAYOUT_SHIFT) == 0  # the size is set before the first paint
    sample_tab.press(page.get_by_role("button", name="小"))
    assert body_size(page) < medium
    sample_tab.open(LEAD)
    assert body_size(page) < medium
    sample_tab.press(page.get_by_role("button", name="中"))
    sample_tab.open(BRIEF)
    assert body_size(page) == medium


def test_copy_link_puts_the_article_address_on_the_clipboard(chromium: Browser, sample_site: str) -> None:
    tab = open_tab(chromium, sample_site, "desktop", permissions=["clipboard-read", "clipboard-write"])
    try:
        page = tab.open(LEAD)
        assert not page.locator(".share-link").is_visible()  # this browser has no share sheet
        page.get_by_role("button", name="复制链接").click()
        page.locator(".tool-status", has_text="链接已复制").wait_for()
        assert page.evaluate("navigator.clipboard.readText()") == "https://example.org/" + LEAD
    finally:
        tab.page.context.close()


def test_share_opens_the_system_share_sheet_where_there_is_one(phone_tab: Tab) -> None:
    phone_tab.page.add_init_script(
        "navigator.share = (data) => { window.shared = data; return Promise.resolve(); };"
    )
    page = phone_tab.open(LEAD)
    page.get_by_role("button", name="分享").tap()
    assert page.evaluate("window.shared") == {
        "title": "87小时，保费突破30亿元！ - 中国邮政报",
        "url": "https://example.org/" + LEAD,
    }


def test_without_javascript_the_tools_are_hidden_and_the_article_reads(chromium: Browser, sample_site: str) -> None:
    tab = open_tab(chromium, sample_site, "phone", java_script_enabled=False)
    try:
        page = tab.open(LEAD)
        assert not page.locator(".story-tools").is_visible()
        assert page.locator(".story-body p").first.is_visible()
        assert tab.horizontal_overflow() == 0
    finally:
        tab.page.context.close()

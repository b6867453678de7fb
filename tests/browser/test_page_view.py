"""The print-page view (版面) of the sample edition: picture beside the story list on a desktop, highlight both
ways, ←/→ and the step buttons, the switcher; on a phone zoom (buttons, double tap, pinch), pan, tap and swipe."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, CDPSession, FloatRect, Page

from browser.browsing import Tab, open_tab

pytestmark = pytest.mark.browser

PAGE_2 = "2021/01/18/02/"
LEAD = "87-xiao-shi-bao-fei"


def scale_of(page: Page) -> float:
    return float(page.locator(".page-map-viewport").get_attribute("data-scale") or 1)


def frame_transform(page: Page) -> str:
    return page.eval_on_selector(".page-map-frame", "frame => getComputedStyle(frame).transform")


def picture_box(page: Page) -> FloatRect:
    """Where the page picture's frame is, scrolled into view."""
    viewport = page.locator(".page-map-viewport")
    viewport.scroll_into_view_if_needed()
    box = viewport.bounding_box()
    assert box
    return box


def touch(session: CDPSession, kind: str, *points: tuple[float, float]) -> None:
    session.send(
        "Input.dispatchTouchEvent",
        {"type": kind, "touchPoints": [{"x": x, "y": y, "id": index} for index, (x, y) in enumerate(points)]},
    )


def drag(session: CDPSession, start: tuple[float, float], end: tuple[float, float], steps: int = 8) -> None:
    touch(session, "touchStart", start)
    for step in range(1, steps + 1):
        fraction = step / steps
        point = (start[0] + (end[0] - start[0]) * fraction, start[1] + (end[1] - start[1]) * fraction)
        touch(session, "touchMove", point)
    touch(session, "touchEnd")


def test_the_page_view_is_clean_at_every_width(sample_tab: Tab, request: pytest.FixtureRequest) -> None:
    page = sample_tab.open(PAGE_2)
    assert sample_tab.axe_violations() == []
    assert sample_tab.console_errors == [] and sample_tab.foreign_requests == []
    for width in (320, 375, 768, 1024, 1280, 1920):
        page.set_viewport_size({"width": width, "height": 900})
        assert sample_tab.horizontal_overflow() == 0, width
    sample_tab.screenshot(f"page-view-{request.node.callspec.params['sample_tab']}")


@pytest.mark.parametrize("path", ["", "2021/01/18/", "2021/01/18/03/", "2021/01/18/03/bu-ju-mou-pian-luo/", "archive/"])
def test_no_page_of_the_sample_scrolls_sideways_from_320_to_1920_px(desktop_tab: Tab, path: str) -> None:
    page = desktop_tab.open(path)
    for width in (320, 360, 414, 768, 1024, 1366, 1920):
        page.set_viewport_size({"width": width, "height": 900})
        assert desktop_tab.horizontal_overflow() == 0, width


def test_desktop_shows_picture_and_stories_side_by_side_in_one_screen(desktop_tab: Tab) -> None:
    page = desktop_tab.open(PAGE_2)
    picture = page.locator(".page-map img").bounding_box()
    stories = page.locator(".page-articles").bounding_box()
    assert picture and stories
    assert picture["x"] + picture["width"] <= stories["x"]
    assert picture["y"] + picture["height"] <= 900  # the whole picture, as tall as the window allows
    assert picture["height"] > 600
    assert stories["y"] < 900
    page.mouse.wheel(0, 1500)
    page.wait_for_timeout(200)
    scrolled = page.locator(".page-map img").bounding_box()
    assert scrolled and scrolled["y"] >= 0 and scrolled["y"] + scrolled["height"] <= 900  # it stays in view
    switcher = page.locator(".page-list li")
    assert switcher.count() == 3
    for index in range(3):
        item = switcher.nth(index)
        assert item.locator("img.page-thumb").count() == 1
        assert item.locator(".page-number").inner_text() == f"第{index + 2}版"
        assert item.locator(".page-name").inner_text()


def test_story_and_region_highlight_each_other(desktop_tab: Tab) -> None:
    page = desktop_tab.open(PAGE_2)
    region = page.locator(f"#region-{LEAD}")
    story = page.locator(f"#story-{LEAD}")
    assert region.get_attribute("aria-label") == "87小时，保费突破30亿元！"
    story.locator(".teaser-title a").hover()
    assert "is-linked" in (region.get_attribute("class") or "")
    page.mouse.move(5, 5)
    assert "is-linked" not in (region.get_attribute("class") or "")
    region.hover()
    assert "is-linked" in (story.get_attribute("class") or "")
    page.mouse.move(5, 5)
    region.focus()
    assert "is-linked" in (story.get_attribute("class") or "")
    desktop_tab.screenshot("page-view-highlight-desktop")


def test_arrow_keys_and_buttons_turn_the_page(desktop_tab: Tab) -> None:
    page = desktop_tab.open(PAGE_2)
    page.keyboard.press("ArrowRight")
    page.wait_for_url("**/2021/01/18/03/")
    page.keyboard.press("ArrowLeft")
    page.wait_for_url("**/2021/01/18/02/")
    page.locator(".page-steps a[rel=next]").click()
    page.wait_for_url("**/2021/01/18/03/")
    page.locator(".page-steps a[rel=prev]").click()
    page.wait_for_url("**/2021/01/18/02/")
    page.locator("#search-input").press("ArrowRight")  # typing in a field does not turn the page
    page.wait_for_timeout(200)
    assert page.url.endswith("/2021/01/18/02/")


def test_phone_zoom_buttons_and_pan_stay_inside_the_frame(phone_tab: Tab) -> None:
    page = phone_tab.open(PAGE_2)
    viewport = page.locator(".page-map-viewport")
    viewport.scroll_into_view_if_needed()
    picture = viewport.bounding_box()
    assert picture and picture["width"] >= 370  # the picture fills the width
    current = "document.querySelector('.page-map img').currentSrc"
    assert page.evaluate(current).endswith("/page-02-800.webp")  # the smaller copy, right for a phone
    page.get_by_role("button", name="放大").tap()
    assert scale_of(page) == pytest.approx(1.5)
    page.get_by_role("button", name="放大").tap()
    assert scale_of(page) == pytest.approx(2.25)
    page.wait_for_function(f"{current}.endsWith('/page-02.webp')")  # zoomed in: the full picture
    before_transform, before_scroll = frame_transform(page), page.evaluate("window.scrollY")
    box = viewport.bounding_box()
    assert box
    session = page.context.new_cdp_session(page)
    centre = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    drag(session, centre, (centre[0] - 120, centre[1] - 150))
    page.wait_for_timeout(500)
    assert frame_transform(page) != before_transform
    assert page.evaluate("window.scrollY") == before_scroll  # the page itself did not move
    assert page.url.endswith(PAGE_2)  # neither a page turn nor a story opened
    phone_tab.screenshot("page-view-zoomed-phone")
    page.get_by_role("button", name="缩小").tap()
    assert scale_of(page) == pytest.approx(1.5)
    page.get_by_role("button", name="还原").tap()
    assert scale_of(page) == 1


def test_phone_double_tap_and_pinch_zoom(phone_tab: Tab) -> None:
    page = phone_tab.open(PAGE_2)
    box = picture_box(page)
    point = (box["x"] + box["width"] * 0.5, box["y"] + box["height"] * 0.03)  # above the regions
    page.touchscreen.tap(*point)
    page.touchscreen.tap(*point)
    assert scale_of(page) == pytest.approx(2.5)
    page.touchscreen.tap(*point)
    page.touchscreen.tap(*point)
    assert scale_of(page) == 1
    session = page.context.new_cdp_session(page)
    cx, cy = box["x"] + box["width"] / 2, box["y"] + 200
    touch(session, "touchStart", (cx - 30, cy), (cx + 30, cy))
    for step in range(1, 9):
        touch(session, "touchMove", (cx - 30 - step * 10, cy), (cx + 30 + step * 10, cy))
    touch(session, "touchEnd")
    assert scale_of(page) == pytest.approx(220 / 60, rel=0.05)  # the fingers spread from 60 px to 220 px
    assert page.url.endswith(PAGE_2)


def test_phone_tap_on_a_region_opens_its_story(phone_tab: Tab) -> None:
    page = phone_tab.open(PAGE_2)
    region = page.locator(f"#region-{LEAD}")
    region.scroll_into_view_if_needed()
    region.tap()
    page.wait_for_url(f"**/2021/01/18/02/{LEAD}/")


def test_phone_swipe_turns_the_page(phone_tab: Tab) -> None:
    page = phone_tab.open(PAGE_2)
    box = picture_box(page)
    session = page.context.new_cdp_session(page)
    y = box["y"] + 100
    drag(session, (box["x"] + box["width"] - 40, y), (box["x"] + 40, y))
    page.wait_for_url("**/2021/01/18/03/")
    box = picture_box(page)
    drag(session, (box["x"] + 40, box["y"] + 100), (box["x"] + box["width"] - 40, box["y"] + 100))
    page.wait_for_url("**/2021/01/18/02/")


def test_without_javascript_regions_and_stories_are_plain_links(chromium: Browser, sample_site: str) -> None:
    tab = open_tab(chromium, sample_site, "phone", java_script_enabled=False)
    try:
        page = tab.open(PAGE_2)
        assert not page.locator(".zoom-controls").is_visible()  # zooming needs the script
        assert tab.horizontal_overflow() == 0
        page.locator(f"#region-{LEAD}").tap()
        page.wait_for_url(f"**/2021/01/18/02/{LEAD}/")
    finally:
        tab.page.context.close()

"""下载本期 and the EPUB link: an issue stored for offline reading reads with the network cut (and the server
gone), the stored issues are listed and can be removed, and the issue's EPUB book is served."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Error, Page

from browser.browsing import Tab, open_tab
from tools.local_site import REPOSITORY, build_copy, serve_folder

pytestmark = pytest.mark.browser

ISSUE = "2021/01/18/"
PAGE_2 = ISSUE + "02/"
ARTICLE = PAGE_2 + "87-xiao-shi-bao-fei/"


@pytest.fixture(scope="module")
def sample_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    workspace = tmp_path_factory.mktemp("offline")
    return build_copy(REPOSITORY, workspace, workspace / "www", "https://example.org/")


@pytest.fixture(params=["phone", "desktop"])
def served(request: pytest.FixtureRequest, chromium: Browser, sample_output: Path) -> Iterator[tuple[Tab, object]]:
    """A tab on the sample served by a server of its own (the test stops it), and that server's context."""
    serving = serve_folder(sample_output)
    origin = serving.__enter__()
    tab = open_tab(chromium, origin + "/", request.param)
    try:
        yield tab, serving
    finally:
        tab.page.context.close()
        serving.__exit__(None, None, None)


def store_issue(tab: Tab) -> Page:
    page = tab.open(ISSUE)
    tab.press(page.get_by_role("button", name="下载本期（离线阅读）"))
    page.locator(".offline-status", has_text="本期已下载，可离线阅读").wait_for(timeout=30000)
    page.evaluate("navigator.serviceWorker.ready")
    return page


def go_offline(page: Page) -> None:
    """Cut the network, after emptying the browser's HTTP cache: what still reads comes from the stored issue."""
    page.context.new_cdp_session(page).send("Network.clearBrowserCache")
    page.context.set_offline(True)


def pictures_shown(page: Page) -> bool:
    return bool(page.evaluate("[...document.images].every(image => image.complete && image.naturalWidth > 0)"))


def test_a_stored_issue_reads_with_the_network_off(served: tuple[Tab, object], request: pytest.FixtureRequest) -> None:
    tab, serving = served
    page = store_issue(tab)
    shelf = page.locator(".offline-shelf")
    assert shelf.is_visible()
    assert shelf.locator("li a").all_inner_texts() == ["2021年1月18日"]
    go_offline(page)
    serving.__exit__(None, None, None)  # type: ignore[attr-defined]  # and the server is gone too
    for path in (ISSUE, PAGE_2, ARTICLE, ISSUE + "04/"):
        tab.open(path)
        assert page.locator("h1").first.is_visible()
        assert pictures_shown(page), path
        assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("system-ui"), path  # styled
    tab.open(PAGE_2)
    page.get_by_role("button", name="放大").wait_for()  # the page's script came from the store too
    page.keyboard.press("ArrowRight") if not tab.phone else tab.press(page.locator(".page-steps a[rel=next]"))
    page.wait_for_url("**/2021/01/18/03/")
    assert page.locator("h1").inner_text() == "第3版 · 综合新闻"
    tab.screenshot(f"offline-page-{request.node.callspec.params['served']}")
    with pytest.raises(Error):  # a page of no stored issue: nothing answers
        tab.open("topics/")
    assert tab.foreign_requests == []


def test_a_stored_issue_can_be_removed(served: tuple[Tab, object]) -> None:
    tab, _ = served
    page = store_issue(tab)
    tab.open("archive/")
    shelf = page.locator(".offline-shelf")
    shelf.wait_for()
    tab.press(shelf.get_by_role("button", name="删除已下载的 2021年1月18日"))
    shelf.wait_for(state="hidden")
    assert page.evaluate("caches.keys()") == []
    go_offline(page)
    with pytest.raises(Error):
        tab.open(ARTICLE)


def test_the_issue_page_offers_its_epub_book(served: tuple[Tab, object]) -> None:
    tab, _ = served
    page = tab.open(ISSUE)
    link = page.get_by_role("link", name="下载本期 EPUB 电子书")
    assert link.get_attribute("href") == "/2021/01/18/2021-01-18.epub"
    with page.expect_download() as download:
        tab.press(link)
    assert download.value.suggested_filename == "2021-01-18.epub"
    path = download.value.path()
    assert path.read_bytes()[:4] == b"PK\x03\x04" and b"application/epub+zip" in path.read_bytes()[:100]


def test_without_service_workers_the_offline_button_is_not_shown(chromium: Browser, sample_output: Path) -> None:
    with serve_folder(sample_output) as origin:
        tab = open_tab(chromium, origin + "/", "desktop", service_workers="block")
        try:
            page = tab.open(ISSUE)
            assert page.get_by_role("link", name="下载本期 EPUB 电子书").is_visible()
            assert page.locator(".offline-save").is_visible() == page.evaluate("'serviceWorker' in navigator")
            assert tab.axe_violations() == []
        finally:
            tab.page.context.close()

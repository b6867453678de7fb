"""An open page in headless Chromium follows the editor's saves by itself: reloads, style swaps, error panel."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from test_serve import ARTICLE, ARTICLE_URL, ServerProcess, replace_in

from epaper.devserver.overlay import OVERLAY_ID

pytestmark = pytest.mark.browser

WAIT_MS = 8000
CONNECTED = "() => window.LiveReload !== undefined && window.LiveReload.connector.protocol >= 7"


@pytest.fixture
def server(basic_site: Path) -> Iterator[ServerProcess]:
    running = ServerProcess(basic_site)
    yield running
    running.stop()


@pytest.fixture
def article_page(chromium: Browser, server: ServerProcess) -> Iterator[Page]:
    """The article open and connected to livereload, with a marker that only survives if the page is not reloaded."""
    page = chromium.new_page()
    page.goto(server.url + ARTICLE_URL)
    page.wait_for_function(CONNECTED, timeout=WAIT_MS)
    page.evaluate("() => { window.notReloaded = true; }")
    yield page
    page.close()


def test_an_open_page_reloads_itself_after_an_edit(server: ServerProcess, article_page: Page) -> None:
    replace_in(server.site / ARTICLE, "title: 保费突破30亿元", "title: 保费突破50亿元")
    article_page.wait_for_function(
        "() => document.querySelector('h1').textContent === '保费突破50亿元'", timeout=WAIT_MS
    )
    assert article_page.evaluate("() => window.notReloaded") is None


def test_a_stylesheet_change_is_swapped_in_without_a_reload(server: ServerProcess, article_page: Page) -> None:
    with (server.site / "theme/style.css").open("a", encoding="utf-8") as stylesheet:
        stylesheet.write("\nbody { outline: 3px solid rgb(1, 2, 3); }\n")
    article_page.wait_for_function(
        "() => getComputedStyle(document.body).outlineColor === 'rgb(1, 2, 3)'", timeout=WAIT_MS
    )
    assert article_page.evaluate("() => window.notReloaded") is True


def test_a_build_error_shows_in_the_page_until_the_file_is_fixed(server: ServerProcess, article_page: Page) -> None:
    article = server.site / ARTICLE
    replace_in(article, "page: 2", "page: two")
    panel = article_page.locator(f"#{OVERLAY_ID}")
    panel.wait_for(state="visible", timeout=WAIT_MS)
    assert ARTICLE in panel.inner_text()
    assert article_page.locator("h1").inner_text() == "保费突破30亿元"  # the last good page, under the panel

    article_page.wait_for_function(CONNECTED, timeout=WAIT_MS)  # it reloaded to show the panel: wait for the socket
    replace_in(article, "page: two", "page: 2")
    panel.wait_for(state="detached", timeout=WAIT_MS)

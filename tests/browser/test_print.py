"""The print stylesheet: an article prints as the story alone, without the site's navigation."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from browser.browsing import open_tab

pytestmark = pytest.mark.browser


def test_printing_an_article_leaves_out_navigation_and_keeps_the_story(chromium: Browser, edition_site: str) -> None:
    tab = open_tab(chromium, edition_site, "desktop")
    page = tab.open("2021/01/18/03/bao-fei/")
    page.emulate_media(media="print")
    for hidden in (".site-nav", ".search-box", ".breadcrumbs", ".article-steps", ".site-footer"):
        assert not page.locator(hidden).is_visible(), hidden
    assert page.locator(".story-header h1").is_visible()
    assert page.locator(".story-body p").first.is_visible()
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    tab.page.context.close()

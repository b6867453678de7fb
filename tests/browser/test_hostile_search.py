"""Hostile text that reaches the search index comes back as text: no dialog, no injected element."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from browser.browsing import SITES
from tools.local_site import build_copy, serve_folder

pytestmark = pytest.mark.browser


def test_searching_hostile_content_shows_it_inert(chromium: Browser, tmp_path: Path) -> None:
    www = build_copy(SITES / "hostile", tmp_path, tmp_path / "www", "https://example.org/")
    dialogs: list[str] = []
    with serve_folder(www) as origin:
        page = chromium.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(f"{origin}/search/?q=alert")
        results = page.locator(".search-results-list li")
        results.first.wait_for(timeout=10_000)
        assert results.count() >= 1
        assert page.locator("#search-results script, #search-results img, #search-results svg").count() == 0
        assert "alert" in page.locator("#search-results").inner_text()
        page.wait_for_timeout(300)
        page.close()
    assert dialogs == []



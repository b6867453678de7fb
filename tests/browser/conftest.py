"""Browser fixtures: build a site into a temporary folder, serve it with http.server, drive Debian's Chromium."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Playwright, sync_playwright

from browser.browsing import CHROMIUM, CHROMIUM_ARGS, SITES, VIEWPORTS, Tab, open_tab
from tools.local_site import REPOSITORY, build_copy, serve_folder


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def chromium(playwright_driver: Playwright) -> Iterator[Browser]:
    browser = playwright_driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def edition_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The fixture edition ``tests/sites/edition`` served at the root; yields its origin URL."""
    workspace = tmp_path_factory.mktemp("edition")
    www = build_copy(SITES / "edition", workspace, workspace / "www", "https://example.org/")
    with serve_folder(www) as origin:
        yield origin + "/"


def _tab_on(chromium: Browser, site: str, viewport: str) -> Iterator[Tab]:
    opened = open_tab(chromium, site, viewport)
    yield opened
    opened.page.context.close()


@pytest.fixture(params=list(VIEWPORTS))
def tab(request: pytest.FixtureRequest, chromium: Browser, edition_site: str) -> Iterator[Tab]:
    """A fresh browser tab on the served edition, at the phone and at the desktop size."""
    yield from _tab_on(chromium, edition_site, request.param)


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The repository's own sample edition (page pictures with regions) served at the root; yields its URL."""
    workspace = tmp_path_factory.mktemp("sample")
    www = build_copy(REPOSITORY, workspace, workspace / "www", "https://example.org/")
    with serve_folder(www) as origin:
        yield origin + "/"


@pytest.fixture(params=list(VIEWPORTS))
def sample_tab(request: pytest.FixtureRequest, chromium: Browser, sample_site: str) -> Iterator[Tab]:
    """A fresh browser tab on the served sample edition, at the phone and at the desktop size."""
    yield from _tab_on(chromium, sample_site, request.param)


@pytest.fixture
def phone_tab(chromium: Browser, sample_site: str) -> Iterator[Tab]:
    yield from _tab_on(chromium, sample_site, "phone")


@pytest.fixture
def desktop_tab(chromium: Browser, sample_site: str) -> Iterator[Tab]:
    yield from _tab_on(chromium, sample_site, "desktop")

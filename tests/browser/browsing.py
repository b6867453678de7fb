"""Helpers for the browser tests: building a site for serving, and a browser tab that records what went wrong."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from playwright.sync_api import Browser, ConsoleMessage, Locator, Page, Request

from tools.local_site import REPOSITORY

SITES = REPOSITORY / "tests/sites"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
AXE_SCRIPT = REPOSITORY / "tools/node_modules/axe-core/axe.min.js"
SCREENSHOTS = REPOSITORY / "test-artifacts/screenshots"
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 900}}


@dataclass
class Tab:
    """A page plus everything the browser complained about or fetched from elsewhere while it was open."""

    page: Page
    base: str
    phone: bool
    console_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)

    def open(self, path: str) -> Page:
        """Go to ``path``, relative to the site's base URL."""
        self.page.goto(self.base + path, wait_until="load")
        return self.page

    def axe_violations(self) -> list[str]:
        """axe-core's violations on the current page, one line each (rule, impact and the first element)."""
        if not self.page.evaluate("typeof window.axe !== 'undefined'"):
            self.page.add_script_tag(path=str(AXE_SCRIPT))
        result = self.page.evaluate("axe.run(document).then(r => r.violations)")
        return [
            f"{item['id']} ({item['impact']}): {item['nodes'][0]['target']} {json.dumps(item['help'])}"
            for item in result
        ]

    def horizontal_overflow(self) -> int:
        """How many CSS pixels the page is wider than the viewport (0 when nothing scrolls sideways)."""
        return int(self.page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth"))

    def press(self, target: Locator) -> None:
        """Tap on a phone, click on a desktop."""
        if self.phone:
            target.tap()
        else:
            target.click()

    def screenshot(self, name: str) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def open_tab(browser: Browser, base: str, viewport: str, **options: object) -> Tab:
    is_phone = viewport == "phone"
    context = browser.new_context(
        viewport=VIEWPORTS[viewport], has_touch=is_phone, is_mobile=is_phone, locale="zh-CN", **options
    )
    tab = Tab(context.new_page(), base, is_phone)

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            tab.console_errors.append(f"{message.text} at {message.location.get('url')}")

    def on_request(request: Request) -> None:
        if not request.url.startswith(("http://127.0.0.1", "data:", "blob:")):
            tab.foreign_requests.append(request.url)

    tab.page.on("console", on_console)
    tab.page.on("pageerror", lambda error: tab.console_errors.append(str(error)))
    tab.page.on("request", on_request)
    return tab



"""Test pages typeset by Chromium from HTML and CSS (tests/fixtures/pdf/html/*.html), printed with ``page.pdf()``.

Each page is another layout engine than the reportlab typesetter: Chromium's line breaking, CSS columns,
fonts subset with its own ToUnicode maps, borders drawn as paths. The pictures (``photo.png``) are made
at print time, so that no binary file is kept in the repository.
``python -m tests.importer.pdf.chromium FOLDER [NAME...]`` prints them into FOLDER (the tests do so in a
process of their own, so that Playwright's driver never meets another one of the test session).
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from PIL import Image
from playwright.sync_api import Browser, sync_playwright

from tests.importer.pdf.newspaper import FIXTURES

HTML = FIXTURES / "html"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def html_pages() -> list[str]:
    return sorted(path.stem for path in HTML.glob("*.html"))


def print_pages(browser: Browser, names: Sequence[str], folder: Path) -> dict[str, Path]:
    """Each named HTML page printed to ``folder``/NAME.pdf."""
    shutil.copy(HTML / "page.css", folder / "page.css")
    _photo().save(folder / "photo.png")
    printed = {}
    tab = browser.new_page()
    try:
        for name in names:
            source = folder / f"{name}.html"
            source.parent.mkdir(exist_ok=True)
            shutil.copy(HTML / f"{name}.html", source)
            tab.goto(source.as_uri())
            tab.wait_for_load_state("load")
            printed[name] = folder / f"{name}.pdf"
            tab.pdf(path=str(printed[name]), prefer_css_page_size=True, print_background=True)
    finally:
        tab.close()
    return printed


def _photo() -> Image.Image:
    """A landscape-like picture: sky, fields and rows, with no text in it."""
    picture = Image.new("RGB", (480, 240))
    pixels = picture.load()
    assert pixels is not None
    for y in range(240):
        for x in range(480):
            pixels[x, y] = (120, 170, 230) if y < 90 else (60 + (x * 7 + y * 3) % 60, 140 - y // 4, 40 + (y % 16) * 4)
    return picture


def main(arguments: Sequence[str]) -> None:
    """``FOLDER [NAME...]``: print the named pages (all of them if none is named) into FOLDER."""
    folder, *names = arguments
    Path(folder).mkdir(parents=True, exist_ok=True)
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            print_pages(browser, names or html_pages(), Path(folder))
        finally:
            browser.close()


if __name__ == "__main__":
    main(sys.argv[1:])

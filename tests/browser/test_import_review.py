"""The import's review page, as `build.py serve` shows it: the page picture with the regions read, beside the articles.

The screenshot is kept in test-artifacts/screenshots/import-review.png.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator

import pytest
import yaml
from playwright.sync_api import Browser
from sitecheck import REPOSITORY
from test_serve import ServerProcess

from browser.browsing import Tab, open_tab
from tests.importer.pdf.newspaper import build_pdf, layout

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def review_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """A site into which two PDF pages were imported (the quotation marks set in a font without a Unicode map)."""
    site = tmp_path_factory.mktemp("review") / "site"
    for name in ("templates", "theme"):
        shutil.copytree(REPOSITORY / name, site / name)
    settings = yaml.safe_load((REPOSITORY / "site.yaml").read_text(encoding="utf-8"))
    settings.update(search=False)
    (site / "site.yaml").write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    (site / "content").mkdir()
    pdf = site.parent / "pages.pdf"
    pdf.write_bytes(build_pdf([layout("front-page"), layout("second-page")], unmapped="“”"))
    imported = subprocess.run([sys.executable, str(REPOSITORY / "build.py"), "import", str(pdf), "--date",
                               "2021-01-18"], cwd=site, capture_output=True, text=True, check=False)
    assert imported.returncode == 0, imported.stderr
    assert "review page: .cache/import-review/index.html" in imported.stdout
    server = ServerProcess(site)
    yield server
    server.stop()


@pytest.fixture
def review(chromium: Browser, review_server: ServerProcess) -> Iterator[Tab]:
    tab = open_tab(chromium, review_server.url, "desktop")
    tab.open("_import-review/")
    yield tab
    tab.page.context.close()


def test_the_review_page_draws_the_regions_read_over_each_page_picture(review: Tab) -> None:
    page = review.page
    front = page.locator("#page-1")
    picture = front.locator(".picture img")
    assert page.evaluate("() => [...document.images].every(image => image.complete && image.naturalWidth > 0)")
    frame = picture.bounding_box()
    assert frame is not None
    regions = front.locator(".region.article")
    articles = front.locator("article.read")
    assert regions.count() == articles.count() == 3
    assert regions.all_inner_texts() == ["1", "2", "3"], "articles numbered in reading order"
    for region in [*regions.all(), *front.locator(".region.headline, .region.caption, .region.furniture").all()]:
        box = region.bounding_box()
        assert box is not None and box["width"] > 0 and box["height"] > 0
        assert frame["x"] - 1 <= box["x"] and box["x"] + box["width"] <= frame["x"] + frame["width"] + 1
        assert frame["y"] - 1 <= box["y"] and box["y"] + box["height"] <= frame["y"] + frame["height"] + 1
    assert front.locator(".region.headline").count() == 3 and front.locator(".region.caption").count() == 1
    furniture = front.locator(".region.furniture")
    assert furniture.count() >= 3
    assert "rgba(90, 90, 90" in furniture.first.evaluate("element => getComputedStyle(element).backgroundColor")
    first_article = articles.first.bounding_box()
    assert first_article is not None and frame["x"] + frame["width"] <= first_article["x"], "picture beside articles"
    assert "confirm each character" in articles.first.locator(".warnings").inner_text()
    review.screenshot("import-review")
    assert review.console_errors == [] and review.foreign_requests == []


def test_clicking_a_region_shows_its_article(review: Tab) -> None:
    page = review.page
    page.locator("#page-2 .region.article").nth(1).click()
    article = page.locator("#p2-a2")
    assert page.evaluate("location.hash") == "#p2-a2"
    assert "selected" in (article.get_attribute("class") or "")
    box = article.bounding_box()
    viewport = page.viewport_size
    assert box is not None and viewport is not None and 0 <= box["y"] < viewport["height"]
    assert article.locator("h3").inner_text().startswith("2. 邮票博雅课堂")
    assert page.locator("#page-2 .picture").bounding_box() is not None
    assert review.console_errors == []

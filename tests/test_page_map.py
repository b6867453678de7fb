"""A PDF imported into a site becomes a clickable page picture (版面导航) with thumbnails and a PDF download."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import yaml
from sitecheck import REPOSITORY, broken_references, page_path, parse

from tests.importer.pdf.newspaper import build_pdf, layout


def test_imported_pdf_pages_show_their_picture_with_article_regions(
    tmp_path: Path, run_cli: Callable[..., int]
) -> None:
    site = tmp_path / "site"
    for name in ("templates", "theme"):
        shutil.copytree(REPOSITORY / name, site / name)
    settings = yaml.safe_load((REPOSITORY / "site.yaml").read_text(encoding="utf-8"))
    settings.update(search=False, theme={"show_page_pdf": True})
    (site / "site.yaml").write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    (site / "content").mkdir()
    pdf = tmp_path / "pages.pdf"
    pdf.write_bytes(build_pdf([layout("front-page"), layout("second-page")]))
    assert run_cli(site, "import", str(pdf), "--date", "2021-01-18", "-q") == 0
    assert run_cli(site, "build", "-q") == 0
    output = site / "_site"
    assert broken_references(output) == []

    front = parse(page_path(output, "2021/01/18/01/"))
    picture = front.select_one(".page-map img")
    assert picture["src"] == "/2021/01/18/page-01.webp" and picture["alt"]
    assert (int(picture["width"]), int(picture["height"])) == (1600, round(1600 * 842 / 595))  # A4 at 1600 px
    regions = front.select("a.page-map-region")
    teasers = [a["href"] for a in front.select(".page-articles .teaser-title a")]
    assert [a["href"] for a in regions] == teasers  # every article, in reading order, keyboard reachable
    for region in regions:
        assert region["aria-label"]
        styles = dict(part.split(":") for part in region["style"].split(";"))
        assert set(styles) == {"left", "top", "width", "height"}
        assert all(value.endswith("%") and 0 <= float(value[:-1]) <= 100 for value in styles.values())
    thumbnails = [img["src"] for img in front.select(".page-list img.page-thumb")]
    assert thumbnails == ["/2021/01/18/page-01-thumb.webp", "/2021/01/18/page-02-thumb.webp"]
    assert front.select_one('a[download]')["href"] == "/2021/01/18/page-01.pdf"
    assert (output / "2021/01/18/page-01.pdf").read_bytes()[:5] == b"%PDF-"

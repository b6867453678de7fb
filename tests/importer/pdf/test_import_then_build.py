"""Whatever `build.py import` writes from a PDF, `build.py build` accepts: every scored page, and an issue
given as one PDF per page, are imported into one site and built, and each article gets its page."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
import yaml
from bs4 import BeautifulSoup

from tests.importer.pdf.corpus import REPOSITORY, ScoredPage, all_pages

FIRST_DAY = dt.date(2030, 1, 1)


def build_py(site: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(REPOSITORY / "build.py"), "-q", *arguments], cwd=site,
                          capture_output=True, text=True, check=False)


def new_site(folder: Path) -> Path:
    """An empty edition with the project's settings, templates and theme."""
    site = folder / "site"
    site.mkdir()
    shutil.copy(REPOSITORY / "site.yaml", site / "site.yaml")
    for part in ("templates", "theme"):
        shutil.copytree(REPOSITORY / part, site / part)
    return site


def one_pdf_per_page(pdf: Path, folder: Path) -> list[Path]:
    source = pdfium.PdfDocument(pdf)
    paths = []
    for index in range(len(source)):
        single = pdfium.PdfDocument.new()
        single.import_pages(source, [index])
        paths.append(folder / f"{pdf.stem}-{index + 1}.pdf")
        single.save(paths[-1])
    return paths


def test_every_imported_page_builds(tmp_path: Path, page_pdf: Callable[[ScoredPage], Path]) -> None:
    site = new_site(tmp_path)
    pages = all_pages()
    issues: dict[dt.date, list[Path]] = {}
    figures_only: set[dt.date] = set()
    """Days whose page holds no article (a page of figures and furniture): nothing to write but the page."""
    for offset, page in enumerate(pages):
        issues[FIRST_DAY + dt.timedelta(days=offset)] = [page_pdf(page)]
        if not yaml.safe_load(page.expected.read_text(encoding="utf-8"))["articles"]:
            figures_only.add(FIRST_DAY + dt.timedelta(days=offset))
    [issue] = [page for page in pages if page.name == "dongfang-issue"]
    issues[FIRST_DAY + dt.timedelta(days=len(pages))] = one_pdf_per_page(page_pdf(issue), tmp_path)
    for date, pdfs in issues.items():
        imported = build_py(site, "import", *map(str, pdfs), "--date", date.isoformat())
        assert imported.returncode == 0, imported.stderr
    built = build_py(site, "build", "--drafts", "--out", str(tmp_path / "out"))  # fragments are drafts
    assert built.returncode == 0, built.stdout + built.stderr
    for date in issues:
        folder = site / "content" / date.strftime("%Y/%m/%d")
        articles = sorted(folder.glob("*.md"))
        assert bool(articles) != (date in figures_only)
        for article in articles:
            front = yaml.safe_load(article.read_text(encoding="utf-8").removeprefix("---\n").split("\n---\n", 1)[0])
            x, y, width, height = front["box"]
            assert min(x, y) >= 0 and x + width <= 1 and y + height <= 1
            page, slug = article.stem.split("-", 1)
            html = tmp_path / "out" / date.strftime("%Y/%m/%d") / page / slug / "index.html"
            heading = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").find("h1")
            assert heading is not None and heading.get_text(strip=True)
    per_page = yaml.safe_load((site / "content" / max(issues).strftime("%Y/%m/%d") / "issue.yaml").read_text("utf-8"))
    assert [(page["number"], page.get("name")) for page in per_page["pages"]] == [(1, None), (2, "综合新闻")]
    assert per_page["number"] == 1235

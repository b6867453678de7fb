"""Test helpers: copy a test site, and read a built site the way a browser and a crawler would."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from epaper.model import Issue, IssueRecord

REPOSITORY = Path(__file__).resolve().parent.parent
SITES = Path(__file__).resolve().parent / "sites"


def copy_site(name: str, destination: Path) -> Path:
    """A copy of ``tests/sites/NAME`` that uses the repository's templates and theme."""
    site = destination / name
    shutil.copytree(SITES / name, site)
    for folder in ("templates", "theme"):
        if not (site / folder).exists():
            shutil.copytree(REPOSITORY / folder, site / folder)
    return site


def bare_issue(folder: Path, date: datetime.date) -> Issue:
    """An issue of that date with no pages, for tests of what needs only its date."""
    record = IssueRecord(f"test-{date}", date, None, None, 0, "", (), (), (), (), (), ())
    return Issue(folder, record, _pages=[])


def html_files(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*.html") if "pagefind" not in path.parts)


def parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page_path(site: Path, url: str) -> Path:
    """The file that ``url`` (site-relative, may be '') is served from."""
    path = site / unquote(url)
    return path / "index.html" if url.endswith("/") or url == "" else path


def local_references(soup: BeautifulSoup) -> list[str]:
    """Every href/src on the page that stays on the site."""
    found = []
    for tag in soup.find_all(["a", "link", "script", "img", "form"]):
        for attribute in ("href", "src", "action"):
            value = tag.get(attribute)
            if value and not urlsplit(value).scheme and not value.startswith(("#", "//", "mailto:")):
                found.append(value)
    return found


def broken_references(site: Path, base_path: str = "/") -> list[str]:
    """``page -> target`` for each internal link, asset or form target that has no file behind it."""
    broken = []
    for page in html_files(site):
        for reference in local_references(parse(page)):
            path = urlsplit(reference).path
            if not path.startswith(base_path):
                broken.append(f"{page.relative_to(site)} -> {reference} (outside {base_path})")
                continue
            if not page_path(site, path[len(base_path) :]).is_file():
                broken.append(f"{page.relative_to(site)} -> {reference}")
    return broken

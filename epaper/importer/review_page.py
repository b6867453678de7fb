"""The HTML review page of an import: each page picture with the regions read drawn over it, beside the articles.

An editor sees at a glance what the importer made of a page: the articles numbered in reading order,
their headlines and captions, the furniture left out (greyed), and beside the picture every article's
fields, text and warnings. Clicking a region shows its article. The page is written with the page
pictures into REVIEW_FOLDER, replacing the previous import's; `build.py serve` shows it at REVIEW_URL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from .record import ImportedArticle
from .write import write_file

REVIEW_FOLDER = Path(".cache") / "import-review"
"""Under the site's root: beside the sources, never published."""

REVIEW_URL = "/_import-review/"
"""Where the preview server shows the review page."""

PAGE_FILE = "index.html"

Fraction = tuple[float, float, float, float]


@dataclass(frozen=True)
class ReviewedPage:
    """One print page as the review page shows it."""

    number: int
    source: str
    articles: Sequence[ImportedArticle]
    picture: tuple[str, bytes] | None = None
    """The page picture's file name and bytes (PDF import)."""
    picture_size: tuple[int, int] | None = None
    furniture: Sequence[str] = ()
    furniture_boxes: Sequence[Fraction] = ()
    warnings: Sequence[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Region:
    """A box drawn over the page picture, in percent of the page."""

    kind: str
    """article, headline, caption or furniture."""
    left: float
    top: float
    width: float
    height: float
    article: str | None
    """The id of the article it belongs to."""
    label: str
    number: int | None = None
    """The article's place in reading order, shown on its region."""


def write_review_page(root: Path, date: dt.date, pages: Sequence[ReviewedPage]) -> Path:
    """Write the review page and its pictures into ``root``/REVIEW_FOLDER, in place of the last import's."""
    folder = root / REVIEW_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("page-*.webp"):
        old.unlink()
    for page in pages:
        if page.picture is not None:
            write_file(folder, *page.picture)
    html = _environment().get_template("review.html").render(
        date=date, pages=[(page, _regions(page)) for page in pages], article_id=_article_id,
        warned=sum(1 for page in pages for article in page.articles if article.warnings),
        total=sum(len(page.articles) for page in pages))
    return write_file(folder, PAGE_FILE, html.encode("utf-8")).path


def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                       autoescape=select_autoescape(default=True), trim_blocks=True, lstrip_blocks=True)


def _article_id(page: ReviewedPage, article: ImportedArticle) -> str:
    return f"p{page.number}-a{article.order}"


def _regions(page: ReviewedPage) -> list[_Region]:
    """Furniture first, then each article with its headline and captions over it (drawn in that order)."""
    regions = [_region("furniture", box, None, f"furniture: {text}")
               for text, box in zip(page.furniture, page.furniture_boxes, strict=False)]
    for article in page.articles:
        name = _article_id(page, article)
        title = article.title or "(no headline)"
        if article.box is not None:
            regions.append(_region("article", article.box, name, f"{article.order}. {title}", article.order))
        regions += [_region(kind, box, name, f"{kind} of {article.order}. {title}") for kind, box in article.regions]
    return regions


def _region(kind: str, box: Fraction, article: str | None, label: str, number: int | None = None) -> _Region:
    left, top, width, height = (round(value * 100, 2) for value in box)
    return _Region(kind, left, top, width, height, article, label, number)

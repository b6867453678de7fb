"""The edition as the pipeline sees it: issues (期) hold print pages (版), which hold articles."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

WEEKDAYS = "一二三四五六日"


@dataclass
class Article:
    """One article file: front matter fields plus the Markdown body (HTML is filled in by rendering)."""

    source: Path
    title: str | None
    page: int
    order: int
    slug: str
    body: str
    kicker: str | None = None
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    credit: str | None = None
    dateline: str | None = None
    topics: list[str] = field(default_factory=list)
    summary: str | None = None
    continued_from: int | None = None
    continues_on: int | None = None
    draft: bool = False
    needs_review: list[str] = field(default_factory=list)
    date: datetime.date = datetime.date.min
    html: str = ""
    paragraphs: list[str] = field(default_factory=list)
    previous: Article | None = field(default=None, repr=False, compare=False)
    next: Article | None = field(default=None, repr=False, compare=False)
    story: list[Article] = field(default_factory=list, repr=False, compare=False)

    @property
    def key(self) -> tuple[datetime.date, int, int, str]:
        """Reading order across the archive: date, page, position on the page."""
        return (self.date, self.page, self.order, self.slug)

    @property
    def display_title(self) -> str:
        return self.title or "（无标题）"


@dataclass
class PrintPage:
    """A print page (版) of one issue."""

    number: int
    name: str
    editor: str | None = None
    pdf: str | None = None
    image: str | None = None
    articles: list[Article] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"第{self.number}版 · {self.name}" if self.name else f"第{self.number}版"


@dataclass
class Issue:
    """One day's paper (期): its folder holds ``issue.yaml`` and the article files."""

    folder: Path
    date: datetime.date
    number: int | None = None
    running_number: int | None = None
    pages: list[PrintPage] = field(default_factory=list)
    older: Issue | None = field(default=None, repr=False, compare=False)
    newer: Issue | None = field(default=None, repr=False, compare=False)

    @property
    def articles(self) -> list[Article]:
        return [article for page in self.pages for article in page.articles]

    @property
    def weekday(self) -> str:
        return "星期" + WEEKDAYS[self.date.weekday()]

    def page(self, number: int) -> PrintPage | None:
        return next((page for page in self.pages if page.number == number), None)


@dataclass
class Topic:
    name: str
    slug: str
    description: str
    articles: list[Article] = field(default_factory=list)


@dataclass
class Edition:
    """Everything the renderer needs: issues newest first, topics in ``site.yaml`` order."""

    issues: list[Issue]
    topics: list[Topic]

    @property
    def articles(self) -> list[Article]:
        return [article for issue in self.issues for article in issue.articles]

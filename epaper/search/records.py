"""Search records made from the model: what Pagefind indexes of each article, and the filters and sort key it keeps."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

import lxml.html

from .. import urls
from ..model import Article, Issue

LANGUAGE = "zh"
SUBHEAD = re.compile(r"<h[1-6][^>]*>.*?</h[1-6]>")


@dataclass(frozen=True)
class SearchRecord:
    """One article as Pagefind's ``add_custom_record`` takes it."""

    url: str
    content: str
    meta: dict[str, str] = field(default_factory=dict)
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: dict[str, str] = field(default_factory=dict)


def period_of(date: datetime.date) -> str:
    """The part of the index an issue of ``date`` belongs to: its month, ``2021-01``."""
    return f"{date.year:04d}-{date.month:02d}"


def period_label(period: str) -> str:
    year, month = period.split("-")
    return f"{int(year)}年{int(month)}月"


def issue_records(issue: Issue, topic_names: Mapping[str, str]) -> Iterator[SearchRecord]:
    """The records of an issue's articles, in reading order (the issue loads its articles)."""
    for page in issue.pages:
        for article in page.articles:
            yield article_record(article, page.label, topic_names)


def body_blocks(article: Article) -> list[str]:
    """The body's paragraphs and then its subheads (the cache keeps the paragraphs as text, subheads only in
    the HTML, where markdown-it writes each on a line of its own; parsing only those is 10 times faster)."""
    subheads = [lxml.html.fragment_fromstring(tag).text_content() for tag in SUBHEAD.findall(article.html)]
    return [*article.paragraphs, *(subhead.strip() for subhead in subheads if subhead.strip())]


def article_record(article: Article, page_label: str, topic_names: Mapping[str, str]) -> SearchRecord:
    """Kicker, headline, subtitle, byline and paragraphs are searched; the rest is shown or filtered on."""
    date = article.date
    text = [article.kicker, article.display_title, article.subtitle, " ".join(article.authors), *body_blocks(article)]
    meta = {
        "title": article.display_title,
        "date": date.isoformat(),
        "date_label": f"{date.year}年{date.month}月{date.day}日",
        "page": page_label,
    }
    if article.kicker:
        meta["kicker"] = article.kicker
    filters = {
        "year": [f"{date.year}年"],
        "month": [period_of(date)],
        "page": [page_label],
    }
    if article.topics:
        filters["topic"] = [topic_names.get(slug, slug) for slug in article.topics]
    if article.authors:
        filters["author"] = list(article.authors)
    # Newest first when sorted descending; within a day, page 1 and the page's first article first.
    sort_key = f"{date.isoformat()}/{99 - article.page:02d}/{999 - min(article.order, 999):03d}"
    return SearchRecord(
        url="/" + urls.article_url(article),  # the page adds the site's base path (Pagefind's baseUrl)
        content="\n".join(part for part in text if part),
        meta=meta,
        filters=filters,
        sort={"date": sort_key},
    )

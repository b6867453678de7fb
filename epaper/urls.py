"""The one place that maps every page of the site to its URL and its file in the output folder."""

from __future__ import annotations

import datetime
import re
from functools import cache
from urllib.parse import urljoin

from .model import Article, Issue, PrintPage, Topic


class UnsafeOutputPath(ValueError):
    """A URL that would write outside the output folder."""


def issue_url(issue: Issue) -> str:
    return date_path(issue.date)


def page_url(issue: Issue, page: PrintPage | int) -> str:
    number = page if isinstance(page, int) else page.number
    return f"{date_path(issue.date)}{number:02d}/"


def article_url(article: Article) -> str:
    return f"{date_path(article.date)}{article.page:02d}/{article.slug}/"


@cache
def date_path(date: datetime.date) -> str:
    """``2021/01/18/``: the folder of a day's issue.

    Remembered per date (``strftime`` is slow): a site has a few thousand days, and every page links to
    dozens of articles and pages by their date.
    """
    return date.strftime("%Y/%m/%d/")


def issue_feed_url(issue: Issue) -> str:
    return issue_url(issue) + "feed.xml"


def issue_epub_url(issue: Issue) -> str:
    """The issue as an EPUB book, named by its date so that a downloaded file says which day it is."""
    return issue_url(issue) + issue.date.isoformat() + ".epub"


def topic_url(topic: Topic, page_number: int | None = None) -> str:
    """The topic's own page (its newest articles), or one of its older pages, numbered from the oldest."""
    return f"topics/{topic.slug}/" + (f"page/{page_number}/" if page_number is not None else "")


def topic_feed_url(topic: Topic) -> str:
    return f"topics/{topic.slug}/feed.xml"


HOME = ""
ARCHIVE = "archive/"
TOPICS = "topics/"
SEARCH = "search/"
FEED = "feed.xml"
SITEMAP = "sitemap.xml"
NEWS_SITEMAP = "sitemap-news.xml"
ROBOTS = "robots.txt"
NOT_FOUND = "404.html"
ASSETS = "assets/"
SERVICE_WORKER = "sw.js"  # offline reading (theme/sw.js); at the root, so that its scope is the whole site

PLAIN_RELATIVE = re.compile(r"(?!/)[A-Za-z0-9._~%/-]*")  # a relative path: no scheme, host, query or fragment


def output_file(url: str) -> str:
    """The file that serves ``url`` (site-relative, with '/'); folders get an ``index.html``.

    Rejects anything that could escape the output folder. A plain string: a path object per output costs
    almost a second over a large site.
    """
    name = url + "index.html" if url.endswith("/") or not url else url
    parts = [part for part in name.split("/") if part not in ("", ".")]
    if name.startswith("/") or ".." in parts or "\\" in url or "\0" in url:
        raise UnsafeOutputPath(f"refusing to write outside the output folder: {url!r}")
    return "/".join(parts)


def link(base_path: str, url: str) -> str:
    """A root-relative link under the site's base path, so the site works under a sub-path."""
    return base_path + url


def absolute(base_url: str, url: str) -> str:
    """``url`` resolved against ``base_url``, as ``urljoin`` does it.

    Site URLs are plain relative paths, which resolve by concatenation against a base ending in '/':
    that shortcut saves ``urljoin`` on the 15 absolute URLs of every page.
    """
    plain_base = base_url.endswith("/") and "?" not in base_url and "#" not in base_url
    if plain_base and PLAIN_RELATIVE.fullmatch(url) and "/." not in "/" + url:
        return base_url + url
    return urljoin(base_url, url)

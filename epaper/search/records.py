"""Search records made from the model: what Pagefind indexes of each article, and the filters and sort key it keeps.

Chinese text is indexed character by character: a space goes before and after every Han character, so
each is a word of its own, and the search page asks for a Chinese query as an exact phrase of its
characters. A query then finds every place its characters stand side by side, also inside what a dictionary
would take as one longer word (服务 in 金融服务), and nowhere else. The records are given to Pagefind in no
language of its own (``und``), so it only splits them at spaces: its Chinese segmenter, which had nothing left
to cut, cost a third of the indexing time (bench/RESULTS.md, session 7). The search page takes the spaces out
of the excerpts again.

Every record's text starts with ``LISTING_WORD``, a letter no newspaper prints and no reader types. The search
page lists the articles of a filter with no query by searching that word with the filter: Pagefind then fetches
the one index chunk of each part that holds it, where a search for nothing fetches every chunk of every part
(3.5 MB for a month of a daily). parts.json names the word; the page takes it out of the excerpts.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

import lxml.html

from .. import urls
from ..model import Article, Issue

LANGUAGE = "und"  # undetermined: no stemmer, no segmenter (see the docstring)
SUBHEAD = re.compile(r"<h[1-6][^>]*>.*?</h[1-6]>")
HAN = "\u3400-\u9fff\uf900-\ufaff"
HAN_EDGE = re.compile(rf"(?<=[{HAN}])(?=\S)|(?<=\S)(?=[{HAN}])")  # the ends of a Han character inside a word
WORD_BREAK = " "
LISTING_WORD = "\ua66e"  # ꙮ, Cyrillic multiocular O: a letter to Pagefind, so it is indexed as a word


@dataclass(frozen=True)
class SearchRecord:
    """One article as Pagefind's ``add_custom_record`` takes it."""

    url: str
    content: str
    meta: dict[str, str] = field(default_factory=dict)
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: dict[str, str] = field(default_factory=dict)


def period_of(date: datetime.date) -> str:
    """The month of ``date``, ``2021-01``: what the month filter offers."""
    return f"{date.year:04d}-{date.month:02d}"


def month_label(month: str) -> str:
    year, number = month.split("-")
    return f"{int(year)}年{int(number)}月"


def searchable(text: str) -> str:
    """``text`` with every Han character set apart as a word (see the module's docstring)."""
    return HAN_EDGE.sub(WORD_BREAK, text)


def issue_records(issue: Issue, topic_names: Mapping[str, str], part: str) -> Iterator[SearchRecord]:
    """The records of an issue's articles, in reading order (the issue loads its articles)."""
    for page in issue.pages:
        for article in page.articles:
            yield article_record(article, page.label, topic_names, part)


def body_blocks(article: Article) -> list[str]:
    """The body's paragraphs and then its subheads (the cache keeps the paragraphs as text, subheads only in
    the HTML, where markdown-it writes each on a line of its own; parsing only those is 10 times faster)."""
    subheads = [lxml.html.fragment_fromstring(tag).text_content() for tag in SUBHEAD.findall(article.html)]
    return [*article.paragraphs, *(subhead.strip() for subhead in subheads if subhead.strip())]


def article_record(article: Article, page_label: str, topic_names: Mapping[str, str], part: str) -> SearchRecord:
    """Kicker, headline, subtitle, byline and paragraphs are searched; the rest is shown or filtered on.

    The ``part`` filter names the index part the record is in: sorted by date, the search page asks each
    part on its own (Pagefind ranks a sorted result by its place within its part)."""
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
        "part": [part],
    }
    if article.topics:
        filters["topic"] = [topic_names.get(slug, slug) for slug in article.topics]
    if article.authors:
        filters["author"] = list(article.authors)
    # Newest first when sorted descending; within a day, page 1 and the page's first article first.
    sort_key = f"{date.isoformat()}/{99 - article.page:02d}/{999 - min(article.order, 999):03d}"
    return SearchRecord(
        url="/" + urls.article_url(article),  # the page adds the site's base path (Pagefind's baseUrl)
        content=LISTING_WORD + "\n" + searchable("\n".join(block for block in text if block)),
        meta=meta,
        filters=filters,
        sort={"date": sort_key},
    )

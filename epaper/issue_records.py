"""Issue records: what the site needs of an issue without reading its folder again (see ``model.IssueRecord``).

An issue folder whose files and loading settings are unchanged since the last build is not read: its
issue is made from its record, and its pages and articles load from the build cache only when a page
or feed that shows them is made. That keeps an edit to one article of a large archive from loading it all.
"""

from __future__ import annotations

import dataclasses
import datetime
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from .cache import BuildCache, FolderRecord, Signature, digest
from .config import SiteConfig
from .errors import Problem
from .linking import link_pages
from .model import Article, Issue, IssueRecord, PrintPage, Topic, TopicArticles


def loading_settings(config: SiteConfig, include_drafts: bool, strict: bool) -> str:
    """Everything besides an issue folder's own files that decides what loading it gives (and its messages).

    The tool's own code is left out: the cache is discarded whenever it changes.
    """
    settings = dataclasses.replace(config, root=Path(), output_dir=Path())
    return digest(f"{settings!r}|{include_drafts}|{strict}|{os.getcwd()}".encode())


def folder_key(settings: str, folder: Path, files_digest: str) -> str:
    """The key of an issue folder's record: the loading settings and the digest of its files' signatures."""
    return digest(f"{settings}|{folder}|{files_digest}".encode())


@dataclass
class IssueContents:
    """An issue folder as read: ``issue.yaml``'s fields and its pages, to which the articles are added."""

    date: datetime.date
    number: int | None
    running_number: int | None
    pages: list[PrintPage]

    @property
    def articles(self) -> list[Article]:
        return [article for page in self.pages for article in page.articles]


def issue_record(key: str, issue: IssueContents, warnings: Sequence[Problem]) -> IssueRecord:
    """The record of a freshly read issue, its articles linked."""
    fingerprints = Fingerprints()
    articles = issue.articles
    topic_slugs: dict[str, None] = {}
    positions: dict[str, list[int]] = {}
    for position, article in enumerate(articles):
        for slug in article.topics:
            topic_slugs.setdefault(slug)
            positions.setdefault(slug, []).append(position)
    newest_first = {
        slug: tuple(sorted(found, key=lambda position: articles[position].reading_order, reverse=True))
        for slug, found in positions.items()
    }
    attachments = tuple(name for page in issue.pages for name in filter(None, (page.pdf, page.image, page.thumbnail)))
    return IssueRecord(
        key=key,
        date=issue.date,
        number=issue.number,
        running_number=issue.running_number,
        article_count=len(articles),
        pages_digest=fingerprints.pages_digest(issue.pages),
        article_fingerprints=tuple(article.fingerprint for article in articles),
        body_keys=tuple(article.body_key for article in articles),
        topic_slugs=tuple(topic_slugs),
        topic_articles=tuple(newest_first.items()),
        attachments=attachments,
        warnings=tuple(warnings),
    )


def folder_record(issue: IssueContents, files: Sequence[tuple[str, Signature | None, str]]) -> FolderRecord:
    """What the cache keeps of a loaded issue folder besides its pages: its article files' keys, its bodies."""
    return FolderRecord(tuple(files), tuple(article.body_key for article in issue.articles))


def issue_from_record(folder: Path, record: IssueRecord, cache: BuildCache) -> Issue:
    """The issue of an unchanged folder; its pages load from the cache when first asked for."""
    return Issue(folder, record, _load_pages=partial(_stored_pages, cache))


def _stored_pages(cache: BuildCache, issue: Issue) -> list[PrintPage]:
    pages = cache.issue_pages(issue.record.key)
    link_pages(pages)
    return pages


def fill_topics(topics: Sequence[Topic], issues: Sequence[Issue]) -> None:
    """Each topic's articles, newest first, as references into ``issues`` (newest first): nothing is loaded."""
    by_slug: dict[str, list[tuple[Issue, int, str]]] = {topic.slug: [] for topic in topics}
    for issue in issues:
        prints = issue.record.article_fingerprints
        for slug, positions in issue.record.topic_articles:
            if slug in by_slug:
                by_slug[slug] += [(issue, position, prints[position]) for position in positions]
    for topic in topics:
        topic.articles = TopicArticles(by_slug[topic.slug], topic.slug)


class Fingerprints:
    """Deep digests of an issue's pages and articles: an article stands for its head (not its body) and its links."""

    def __init__(self) -> None:
        self._memo: dict[int, str] = {}

    def of(self, value: Article | PrintPage | list[Article]) -> str:
        if isinstance(value, list):
            return "[" + ",".join(self.of(item) for item in value) + "]"
        known = self._memo.get(id(value))
        if known is None:
            known = self._memo[id(value)] = digest(self._describe(value).encode())
        return known

    def pages_digest(self, pages: list[PrintPage]) -> str:
        """What an issue's own files decide of its pages: their fields and their articles' heads and links."""
        return "|".join(self.of(page) for page in pages)

    def _describe(self, value: Article | PrintPage) -> str:
        if isinstance(value, Article):
            return "article:" + "|".join(
                [value.fingerprint, _neighbour(value.previous), _neighbour(value.next), *_prints(value.story)]
            )
        page = tuple(getattr(value, item.name) for item in dataclasses.fields(value) if item.name != "articles")
        return f"page:{page!r}|" + self.of(value.articles)


def _neighbour(article: Article | None) -> str:
    return article.fingerprint if article else "-"


def _prints(articles: Iterable[Article]) -> list[str]:
    return [article.fingerprint for article in articles]
